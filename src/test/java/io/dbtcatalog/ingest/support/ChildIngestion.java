package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real application in a child JVM (the test JVM's class path, {@code IngestCli} as main class), started with
 * {@link PublishPause} armed so its publish stops half-way: the test can wait for that moment, then kill the process
 * ({@code kill -9}) or release it. Output goes to a log file read for assertions.
 */
public final class ChildIngestion implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Path pauseFolder;
    private final Path log;

    private ChildIngestion(Process process, Path pauseFolder, Path log) {
        this.process = process;
        this.pauseFolder = pauseFolder;
        this.log = log;
    }

    /** Starts {@code IngestCli args…} whose first publish will pause; files go under {@code dir}. */
    public static ChildIngestion start(Path dir, String... args) {
        return start(dir, 1, args);
    }

    /** Starts {@code IngestCli args…} whose {@code publish}-th publish will pause. */
    public static ChildIngestion start(Path dir, int publish, String... args) {
        Path pauseFolder = dir.resolve("pause");
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:+UseSerialGC",
                "-D" + PublishPause.PROPERTY + "=" + pauseFolder,
                "-D" + PublishPause.NUMBER + "=" + publish,
                "io.dbtcatalog.ingest.cli.IngestCli"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildIngestion(process, pauseFolder, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /** Waits until the child's publish is paused mid-transaction; fails if it ends or takes too long first. */
    public ChildIngestion awaitPaused() {
        Instant deadline = Instant.now().plus(STARTUP);
        Path paused = pauseFolder.resolve(PublishPause.PAUSED);
        while (!Files.exists(paused)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the child never paused in its publish (alive: " + process.isAlive()
                        + "); its output:\n" + output());
            }
            sleep(50);
        }
        return this;
    }

    /** Lets the paused publish go on. */
    public void release() {
        try {
            Files.createDirectories(pauseFolder);
            Files.writeString(pauseFolder.resolve(PublishPause.RELEASE), "go");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: the process gets no chance to roll back, close or clean up anything. */
    public void kill() {
        process.destroyForcibly();
        exitCode();
    }

    /** Waits for the process to end (at most a minute) and returns its exit code. */
    public int exitCode() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not end within a minute; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
