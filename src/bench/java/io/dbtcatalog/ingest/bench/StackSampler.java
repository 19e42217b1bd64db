package io.dbtcatalog.ingest.bench;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A rough sampling profiler for one thread: every few milliseconds it takes the thread's stack and counts the
 * pair (innermost project frame, library of the leaf frame), e.g. {@code store.NodeTable.write > org.postgresql}.
 * Safepoint-biased like any {@code getStackTrace} sampler, but enough to tell parse from publish from the driver.
 */
final class StackSampler implements AutoCloseable {

    private static final String PROJECT = "io.dbtcatalog.ingest.";
    private static final String BENCH = PROJECT + "bench.";

    private final Thread target;
    private final long intervalMillis;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Long> steps = new HashMap<>();
    private Thread sampler;
    private volatile boolean running;
    private long samples;

    StackSampler(Thread target, long intervalMillis) {
        this.target = target;
        this.intervalMillis = intervalMillis;
    }

    void start() {
        synchronized (counts) {
            counts.clear();
            steps.clear();
            samples = 0;
        }
        running = true;
        sampler = new Thread(this::run, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and prints the {@code top} most frequent frame pairs with their share of samples. */
    void stopAndPrint(String phase, int top, PrintStream out) {
        close();
        synchronized (counts) {
            out.printf(Locale.ROOT, "  profile %s (%d samples every %d ms):%n", phase, samples, intervalMillis);
            print(counts, top, out);
            out.printf(
                    Locale.ROOT, "  by publish step (lambda frames of store.publish.Publication, in source order):%n");
            print(steps, top, out);
        }
    }

    private void print(Map<String, Long> shares, int top, PrintStream out) {
        shares.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> out.printf(
                        Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    private void run() {
        while (running) {
            StackTraceElement[] stack = target.getStackTrace();
            if (stack.length > 0) {
                String key = projectFrame(stack) + " > " + library(stack[0].getClassName());
                synchronized (counts) {
                    counts.merge(key, 1L, Long::sum);
                    steps.merge(publishStep(stack), 1L, Long::sum);
                    samples++;
                }
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String projectFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.startsWith(PROJECT) && !name.startsWith(BENCH)) {
                String shortName = name.substring(PROJECT.length());
                return shortName + "." + frame.getMethodName();
            }
        }
        return "(outside project)";
    }

    private static String publishStep(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(PROJECT + "store.publish.Publication")
                    && frame.getMethodName().startsWith("lambda$")) {
                return "store.publish.Publication." + frame.getMethodName();
            }
        }
        return "(no publish step)";
    }

    private static String library(String className) {
        String[] parts = className.split("\\.");
        if (className.startsWith(PROJECT)) {
            return className.substring(PROJECT.length());
        }
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : className;
    }

    @Override
    public void close() {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
