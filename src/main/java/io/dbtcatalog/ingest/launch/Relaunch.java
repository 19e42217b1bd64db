package io.dbtcatalog.ingest.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Starts a one-shot command in a second JVM that maps the class-data-sharing archive the build trained
 * ({@code target/dbt-catalog-ingest-cds/}, docs/decisions/0012-fast-start.md): Java 17 takes
 * {@code -XX:SharedArchiveFile} only on the command line, not from a jar's manifest, so {@code java -jar
 * target/dbt-catalog-ingest.jar status} re-executes itself as {@code java -XX:SharedArchiveFile=… -jar
 * target/dbt-catalog-ingest-cds/dbt-catalog-ingest.jar status}, which loads its ~7,000 classes from the archive.
 *
 * <p>Only when it pays and is safe: the jar was started with {@code -jar} and the archive folder beside it is newer
 * than the jar (built from it); the command is not {@code schedule} (long-running, signals go to one process) nor
 * help; the JVM has no agent (a debugger's port) and no sharing option of its own; {@code -D}{@value #SWITCH}
 * {@code =false} turns it off. Anything else runs in this JVM, as before. The second JVM gets this JVM's options,
 * inherits standard input and output, and its exit code is returned.
 */
record Relaunch(List<String> command) {

    /** System property: {@code false} never re-executes. */
    static final String SWITCH = "dbt-catalog-ingest.relaunch";
    /** System property set in the second JVM, so it never re-executes again. */
    static final String RELAUNCHED = "dbt-catalog-ingest.relaunched";
    /** The archive folder beside {@code NAME.jar}: {@code NAME-cds/}, holding {@code NAME.jar}, {@code lib/}. */
    static final String FOLDER_SUFFIX = "-cds";
    /** The archive in that folder. */
    static final String ARCHIVE = "dbt-catalog-ingest.jsa";

    private static final Set<String> IN_PROCESS = Set.of("schedule", "help");

    Relaunch {
        command = List.copyOf(command);
    }

    /**
     * The second JVM's command line for this process, or empty when the command runs here. {@code classPath} is
     * {@code java.class.path}, {@code jvmOptions} this JVM's input arguments (asked for only when needed).
     */
    static Optional<Relaunch> plan(
            String[] args,
            String classPath,
            Supplier<List<String>> jvmOptions,
            Path java,
            String switchValue,
            boolean relaunched) {
        if (relaunched || "false".equals(switchValue) || !oneShotCommand(args)) {
            return Optional.empty();
        }
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path folder = jar.resolveSibling(name + FOLDER_SUFFIX);
        Path thinJar = folder.resolve(jar.getFileName());
        Path archive = folder.resolve(ARCHIVE);
        List<String> options = jvmOptions.get();
        if (!builtFrom(jar, thinJar, archive) || !compatible(options)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // Ours first, so that the user's own options, which follow, win; a stale archive is then a warning on
        // standard error (the JVM runs without it), never a line in the command's output. The JIT compiles a
        // method after five times the usual number of calls: a start compiles far less (about 40 % of the CPU of a
        // `status`), while the hot loops of a long ingestion still reach the optimising compiler within moments; a
        // command that only queries the catalog never needs that compiler.
        command.addAll(List.of(
                "-XX:SharedArchiveFile=" + archive,
                "-Xshare:auto",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-XX:CompileThresholdScaling=5"));
        if (FastStart.CATALOG_QUERIES.contains(args[0])) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(archiveInPlace(Runtime.version().feature()));
        command.addAll(options);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(List.of("-jar", thinJar.toString()));
        command.addAll(List.of(args));
        return Optional.of(new Relaunch(command));
    }

    /**
     * Java 17 updates map a class-data-sharing archive at a random address and then patch every pointer in it
     * ({@code ArchiveRelocationMode=1}, for address-space randomisation): for our 50 MB archive that is about 0.2 s
     * of every start, a third of a bare JVM's start twice over. Mode 0 maps it at the address it was built for and
     * patches only if that address is taken. A diagnostic option of Java 17 to 21 (the relaunch uses the JVM it was
     * started with); for other versions nothing is added, so the JVM never meets an option it does not know.
     * docs/decisions/0015-start-without-the-launcher.md weighs what mode 0 gives up.
     */
    static List<String> archiveInPlace(int javaFeature) {
        return javaFeature >= 17 && javaFeature <= 21
                ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0")
                : List.of();
    }

    /** Runs the second JVM to its end and returns its exit code; a stop signal to this JVM stops it too. */
    int run() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(
                () -> {
                    if (child.isAlive()) {
                        child.destroy();
                        try {
                            child.waitFor();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "dbt-catalog-ingest-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return code;
    }

    /** A command that starts, works and ends: not schedule, help, --help, --version or no command at all. */
    private static boolean oneShotCommand(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return args.length > 0 && !args[0].startsWith("-") && !IN_PROCESS.contains(args[0]);
    }

    private static boolean compatible(List<String> jvmOptions) {
        return jvmOptions.stream()
                .noneMatch(option -> option.startsWith("-agentlib")
                        || option.startsWith("-agentpath")
                        || option.startsWith("-javaagent")
                        || option.startsWith("-Xshare")
                        || option.startsWith("-XX:SharedArchiveFile")
                        || option.startsWith("-XX:ArchiveClassesAtExit"));
    }

    /** The folder's jar and archive exist and were made after the jar this process runs (by the same build). */
    private static boolean builtFrom(Path jar, Path thinJar, Path archive) {
        try {
            return Files.isRegularFile(thinJar)
                    && Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0
                    && Files.getLastModifiedTime(thinJar).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
