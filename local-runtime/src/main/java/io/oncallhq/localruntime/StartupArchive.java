package io.oncallhq.localruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-loading archive of one Spring Boot service jar, kept beside it in {@code target/startup/}: the jar
 * extracted ({@code java -Djarmode=tools -jar x.jar extract}, since the JVM archives classes of plain jars only)
 * and the archive a training run of it wrote. The training run is Spring Boot's: the service starts with
 * {@code -Dspring.context.exit=onRefresh}, so it loads and links what its start needs, then exits.
 *
 * <p>An archive counts only for the jar, the JVM and the JVM options it was made with (its {@code .build} file says
 * which); otherwise the service starts from its jar without one.
 */
public final class StartupArchive {

    /** What the JVM keeps from a training run. */
    public enum Kind {
        /** Classes loaded and linked, and on JDK 25 method profiles too: JDK 24+ (JEP 483, 514, 515). */
        AOT_CACHE("AOT cache", ".aot"),
        /** Classes parsed and verified: a dynamic CDS archive, for JDK 21 to 23. */
        CDS("CDS archive", ".jsa"),
        NONE("no archive", "");

        private final String description;
        private final String extension;

        Kind(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }

        /** The best the running JDK has: an AOT cache from JDK 24, a CDS archive before. */
        public static Kind forThisJdk() {
            return Runtime.version().feature() >= 24 ? AOT_CACHE : CDS;
        }

        /** {@code aot}, {@code cds} or {@code none} ({@code SERVICE_STARTUP_ARCHIVE}); blank means {@link #forThisJdk}. */
        public static Kind parse(String setting) {
            if (setting == null || setting.isBlank()) {
                return forThisJdk();
            }
            return switch (setting.strip().toLowerCase(Locale.ROOT)) {
                case "aot" -> AOT_CACHE;
                case "cds" -> CDS;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException(
                        "SERVICE_STARTUP_ARCHIVE must be aot, cds or none, not '" + setting + "'");
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Why a service starts without its archive, or that it has one. */
    public enum State { USABLE, MISSING, FROM_ANOTHER_BUILD, TRAINING_FAILED }

    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);
    private static final String FAILED = "training failed for\n";

    private final Path jar;
    private final Kind kind;
    private final List<String> jvmOptions;
    private final Path extractedDir;

    /**
     * @param jar        the service's executable jar, {@code <module>/target/<module>.jar}
     * @param jvmOptions the options the service runs with; an archive made with others is not used
     */
    public StartupArchive(Path jar, Kind kind, List<String> jvmOptions) {
        this(jar, jar.toAbsolutePath().resolveSibling("startup"), kind, jvmOptions);
    }

    /** An archive in {@code directory}; a {@code jar} in it counts as extracted already (an image's). */
    StartupArchive(Path jar, Path directory, Kind kind, List<String> jvmOptions) {
        this.jar = jar.toAbsolutePath();
        this.kind = kind;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.extractedDir = directory.toAbsolutePath();
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return extractedDir.resolve(serviceName() + kind.extension);
    }

    /** {@link State#TRAINING_FAILED} when the training run of this very build failed: it is not tried again. */
    public State state() throws IOException {
        Path build = buildFile();
        if (kind != Kind.NONE && Files.isRegularFile(build)
                && Files.readString(build).equals(FAILED + buildDescription())) {
            return State.TRAINING_FAILED;
        }
        if (kind == Kind.NONE || !Files.isRegularFile(file())) {
            return State.MISSING;
        }
        return Files.isRegularFile(build) && Files.readString(build).equals(buildDescription())
                ? State.USABLE : State.FROM_ANOTHER_BUILD;
    }

    /**
     * What follows the JVM options to start the service: its extracted jar with the archive when the archive is
     * {@link State#USABLE}, else its jar as built. Should the JVM still reject the archive, it starts without it too
     * and says why in the service's log.
     */
    public List<String> javaArguments() throws IOException {
        if (state() != State.USABLE) {
            return List.of("-jar", jar.toString());
        }
        String useArchive = kind == Kind.AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        return List.of(useArchive + file(), "-jar", extractedJar().toString());
    }

    /**
     * Extracts the jar when it changed and runs the training run, with {@code environment} (the service's own, so it
     * reaches its database and broker while it starts). Returns a reason when no usable archive came out of it.
     *
     * @param log receives the output of the extraction and the training run
     */
    public Optional<String> train(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.deleteIfExists(buildFile());
        if (!extractedJar().equals(jar) && !extractedJarMatchesJar()) {
            deleteRecursively(extractedDir);
            Optional<String> failure = run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", extractedDir.toString()), Map.of(), log);
            if (failure.isPresent()) {
                return failure.map(why -> "extracting " + jar.getFileName() + " " + why);
            }
            Files.writeString(extractedDir.resolve("extracted.build"), jarDescription());
        }
        Files.deleteIfExists(file());
        for (List<String> step : trainingSteps()) {
            Optional<String> failure = run(step, environment, log);
            if (failure.isPresent()) {
                Files.deleteIfExists(file()); // the JVM writes what it has even when the service failed to start
                Files.writeString(buildFile(), FAILED + buildDescription());
                return failure.map(why -> "its training run " + why);
            }
        }
        if (!Files.isRegularFile(file())) {
            return Optional.of("its training run wrote no " + file().getFileName());
        }
        Files.writeString(buildFile(), buildDescription());
        return Optional.empty();
    }

    private List<List<String>> trainingSteps() {
        List<String> startAndExit = List.of("-Dspring.context.exit=onRefresh", "-jar", extractedJar().toString());
        return switch (kind) {
            // JDK 25 records and creates in one step (JEP 514); JDK 24 needs the two.
            case AOT_CACHE -> Runtime.version().feature() >= 25
                    ? List.of(concat(List.of("-XX:AOTCacheOutput=" + file()), startAndExit))
                    : List.of(concat(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + aotConfiguration()),
                                    startAndExit),
                            List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + aotConfiguration(),
                                    "-XX:AOTCache=" + file(), "-cp", extractedJar().toString()));
            case CDS -> List.of(concat(List.of("-XX:ArchiveClassesAtExit=" + file()), startAndExit));
            case NONE -> List.of();
        };
    }

    /** Runs {@code java <jvm options> <arguments>}, appending its output to {@code log}; a reason when it failed. */
    private Optional<String> run(List<String> arguments, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return Optional.of("took longer than " + TRAINING_TIMEOUT.toMinutes() + " min (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return process.exitValue() == 0 ? Optional.empty()
                : Optional.of("exited with code " + process.exitValue() + " (see " + log + ")");
    }

    private boolean extractedJarMatchesJar() throws IOException {
        Path stamp = extractedDir.resolve("extracted.build");
        return Files.isRegularFile(extractedJar()) && Files.isRegularFile(stamp)
                && Files.readString(stamp).equals(jarDescription());
    }

    /** The build an archive belongs to: the jar (size and time), the JVM and the options it runs with. */
    private String buildDescription() throws IOException {
        return jarDescription() + "\njava " + System.getProperty("java.vm.version")
                + "\noptions " + String.join(" ", jvmOptions) + "\n";
    }

    private String jarDescription() throws IOException {
        return "jar " + Files.size(jar) + " bytes, modified " + Files.getLastModifiedTime(jar);
    }

    private Path extractedJar() {
        return extractedDir.resolve(jar.getFileName());
    }

    private Path buildFile() {
        return file().resolveSibling(file().getFileName() + ".build");
    }

    private Path aotConfiguration() {
        return extractedDir.resolve(serviceName() + ".aotconf");
    }

    private String serviceName() {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
