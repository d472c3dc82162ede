package io.oncallhq.bench;

import io.oncallhq.localruntime.ServiceProcess;
import io.oncallhq.localruntime.StartupArchive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the local system starts, and how much memory its services hold, without a start-up archive, with a CDS
 * archive and with an AOT cache (JDK 24+), in one run: for each, in turn, {@code BENCH_STARTUP_ROUNDS} (2) times,
 * the four services and the web console started by {@code ./run.sh} (its JVM options unless {@code SERVICE_JAVA_OPTS}
 * says otherwise; the launcher's own AOT cache with the services' AOT caches), and for each the time from the
 * launcher's start to its ready banner, each service's time to healthy, its resident memory after
 * {@code BENCH_IDLE_SECONDS} (20) idle, and in the first round, its resident memory after the storm of
 * {@code bench/run.sh storm} ({@code BENCH_STARTUP_STORM=false} skips it). The archives are trained first where they
 * are missing (once per build, as {@code ./run.sh} does; that start is not measured).
 */
final class StartupTimes {

    private static final List<String> SERVICES = List.of("alert-ingest-service", "incident-service",
            "notification-service", "postmortem-service", "web-console");
    /** Four services start (or train) together on a shared machine: far longer than they should ever take. */
    private static final Duration START_LIMIT = Duration.ofMinutes(15);
    private static final Pattern HEALTHY = Pattern.compile("(\\S+) healthy on \\S+ \\(([\\d.]+) s\\)");

    private record Start(String archive, int round, Duration toBanner, Map<String, String> toHealthy,
                         Map<String, Long> idleMegabytes, Map<String, Long> afterStormMegabytes) {
    }

    private StartupTimes() {
    }

    static void run() throws Exception {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_STARTUP_ROUNDS", "2"));
        boolean storm = Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_STARTUP_STORM", "true"));
        List<StartupArchive.Kind> archives = Runtime.version().feature() >= 24
                ? List.of(StartupArchive.Kind.NONE, StartupArchive.Kind.CDS, StartupArchive.Kind.AOT_CACHE)
                : List.of(StartupArchive.Kind.NONE, StartupArchive.Kind.CDS);
        for (StartupArchive.Kind archive : archives) {
            if (archive != StartupArchive.Kind.NONE) {
                try (BenchSystem training = new BenchSystem(String.join(",", SERVICES), settings(archive),
                        START_LIMIT)) {
                    System.out.printf("%s: ready after %.1f s, training included where it was needed%n", archive,
                            seconds(training.readyAfter));
                }
            }
        }
        List<Start> starts = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (StartupArchive.Kind archive : archives) {
                starts.add(measure(archive, round, storm && round == 1));
                System.out.println(describe(starts.getLast()));
            }
        }
        System.out.println();
        System.out.printf("load average %s (2 cores); services' JVM options: %s%n", loadAverage(),
                String.join(" ", ServiceProcess.jvmOptions(settings(StartupArchive.Kind.NONE))));
        starts.forEach(start -> System.out.println(describe(start)));
    }

    private static Start measure(StartupArchive.Kind archive, int round, boolean storm) throws Exception {
        int idleSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_IDLE_SECONDS", "20"));
        try (BenchSystem bench = new BenchSystem(String.join(",", SERVICES), settings(archive), START_LIMIT)) {
            Map<String, String> toHealthy = new LinkedHashMap<>();
            Matcher healthy = HEALTHY.matcher(bench.launcherOutput());
            while (healthy.find()) {
                toHealthy.put(healthy.group(1), healthy.group(2) + " s");
            }
            Thread.sleep(Duration.ofSeconds(idleSeconds));
            Map<String, Long> idle = residentMegabytes(bench);
            Map<String, Long> afterStorm = Map.of();
            if (storm) {
                PagingStorm.storm(bench);
                afterStorm = residentMegabytes(bench);
            }
            return new Start(archive.toString(), round, bench.readyAfter, toHealthy, idle, afterStorm);
        }
    }

    private static Map<String, String> settings(StartupArchive.Kind archive) {
        Map<String, String> settings = new HashMap<>(PagingStorm.slackPace());
        settings.put("SERVICE_STARTUP_ARCHIVE", switch (archive) {
            case AOT_CACHE -> "aot";
            case CDS -> "cds";
            case NONE -> "none";
        });
        settings.put("SERVICE_JAVA_OPTS",
                System.getenv().getOrDefault("SERVICE_JAVA_OPTS", ServiceProcess.DEFAULT_JVM_OPTIONS));
        return settings;
    }

    private static Map<String, Long> residentMegabytes(BenchSystem bench) throws Exception {
        Map<String, Long> megabytes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            megabytes.put(service, bench.residentMegabytes(service));
        }
        return megabytes;
    }

    private static String describe(Start start) {
        return String.format("%-11s round %d: banner after %.1f s; healthy after %s; resident MB idle %s%s",
                start.archive(), start.round(), seconds(start.toBanner()), start.toHealthy(), start.idleMegabytes(),
                start.afterStormMegabytes().isEmpty() ? "" : ", after the storm " + start.afterStormMegabytes());
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
