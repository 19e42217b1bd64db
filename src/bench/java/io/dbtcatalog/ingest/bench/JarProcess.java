package io.dbtcatalog.ingest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one command line of the built jar to its end, as a user would, timing it and keeping what it printed. */
final class JarProcess {

    /** What one command did: wall seconds to its exit and to its first byte of output, and its output. */
    record Result(double wall, double firstOutput, String output) {}

    private JarProcess() {}

    /** The line above a table of jar runs: what ran, how often, on how many cores, the load before and after. */
    static String header(String what, int repeats, double loadBefore, double loadAfter) {
        return String.format(
                Locale.ROOT,
                "%n%s (median of %d; %d cores; load average %.2f before, %.2f after)%n%n",
                what,
                repeats,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter);
    }

    /** Three table cells of wall times: the median, the fastest and the slowest. */
    static String wallCells(List<Double> walls) {
        return String.format(
                Locale.ROOT,
                "%.2f | %.2f | %.2f",
                PairedRatios.median(walls),
                walls.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                walls.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** The system load average now. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Runs {@code command} in {@code dir}; fails, with its output, unless it exits with 0. */
    static Result run(String label, List<String> command, Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        AtomicLong firstOutput = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outReader = reader(process.getInputStream(), out, firstOutput);
        Thread errReader = reader(process.getErrorStream(), out, firstOutput);
        int code = process.waitFor();
        long end = System.nanoTime();
        outReader.join();
        errReader.join();
        String output;
        synchronized (out) {
            output = out.toString(StandardCharsets.UTF_8);
        }
        if (code != 0) {
            throw new IllegalStateException(label + " exited with " + code + ":\n" + output);
        }
        long first = firstOutput.get() == 0 ? end : firstOutput.get();
        return new Result((end - start) / 1e9, (first - start) / 1e9, output);
    }

    private static Thread reader(InputStream in, ByteArrayOutputStream sink, AtomicLong firstOutput) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    firstOutput.compareAndSet(0, System.nanoTime());
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }
}
