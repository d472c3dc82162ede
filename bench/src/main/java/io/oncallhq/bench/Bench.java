package io.oncallhq.bench;

/**
 * Entry point of {@code bench/run.sh}: {@code paging}, {@code storm}, {@code ingest}, {@code correlation},
 * {@code big-incident}, {@code console-incidents} or {@code startup}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "local-runtime-logback.xml");
        String which = args.length == 0 ? "" : args[0];
        switch (which) {
            case "paging" -> PagingLatency.run();
            case "storm" -> PagingStorm.run();
            case "ingest" -> IngestThroughput.run();
            case "correlation" -> CorrelationThroughput.run();
            case "big-incident" -> BigIncident.run();
            case "console-incidents" -> ConsoleIncidents.run();
            case "startup" -> StartupTimes.run();
            default -> {
                System.err.println("usage: bench/run.sh paging|storm|ingest|correlation|big-incident|console-incidents|startup");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
