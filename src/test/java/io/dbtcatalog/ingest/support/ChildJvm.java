package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.cli.IngestCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the application's command line in a separate JVM with this test JVM's classpath, so a test can kill it
 * ({@link Process#destroyForcibly()}) or stop it with SIGTERM ({@link Process#destroy()}). Output goes to a log file.
 */
public final class ChildJvm {

    private ChildJvm() {}

    public static Process start(Path log, String... args) {
        return start(log, Map.of(), List.of(), args);
    }

    /** Like {@link #start(Path, String...)}, with extra environment variables and JVM options ({@code -D…}). */
    public static Process start(Path log, Map<String, String> environment, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IngestCli.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            return builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /** The child's output so far, for assertion messages. */
    public static String output(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
