package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.SqlLineageAnalyzer.Prepared;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses the statements of the models the engine is sure to analyse (those without an earlier result) on worker
 * threads, in the engine's DAG order and a bounded window ahead of it, while the engine's thread resolves them one by
 * one against the models before ({@link SqlLineageAnalyzer#prepare}). Parsing is nine tenths of an analysis and
 * depends on the SQL only, so the results are those of the undivided analysis, on any number of threads. At most
 * {@code window} parsed statements wait for the engine at any time, so the memory held does not grow with the
 * project. A model the engine asks for that was not parsed ahead (its earlier result turned out stale) is parsed on
 * a worker too, so every statement is parsed on a thread of the same kind. With one thread nothing runs ahead and
 * everything is parsed on the engine's thread, as before.
 */
final class ParseAhead implements AutoCloseable {

    private static final long STOP_SECONDS = 10;

    private final SqlLineageAnalyzer analyzer;
    private final Dialect dialect;
    private final Queue<LineageModel> pending;
    private final int window;
    private final ExecutorService workers;
    private final Map<String, Future<Prepared>> started = new HashMap<>();

    /**
     * Starts parsing {@code ahead} (models in the order the engine will ask for them) on {@code threads} workers;
     * with fewer than two threads it starts none and parses on the caller's thread.
     */
    ParseAhead(SqlLineageAnalyzer analyzer, Dialect dialect, List<LineageModel> ahead, int threads) {
        this.analyzer = analyzer;
        this.dialect = dialect;
        this.pending = new ArrayDeque<>(threads > 1 ? ahead : List.of());
        this.window = threads * 4;
        this.workers = threads > 1 ? Executors.newFixedThreadPool(threads, workerThreads()) : null;
        fill();
    }

    /** The statement of {@code model}, parsed ahead or now; waits for a worker still parsing it. */
    Prepared take(LineageModel model) {
        if (workers == null) {
            return analyzer.prepare(model.compiledSql(), dialect);
        }
        Future<Prepared> future = started.remove(model.uniqueId());
        if (future == null) {
            future = submit(model);
        }
        fill();
        return await(future);
    }

    /**
     * Stops the workers and waits a moment for them to end; statements parsed ahead and never asked for (the
     * analysis stopped early) are dropped. A worker still in a parse after that ends with it: the threads are daemons.
     */
    @Override
    public void close() {
        if (workers == null) {
            return;
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the next models until {@code window} statements are parsed or being parsed ahead of the engine. */
    private void fill() {
        while (started.size() < window && !pending.isEmpty()) {
            LineageModel next = pending.poll();
            started.put(next.uniqueId(), submit(next));
        }
    }

    private Future<Prepared> submit(LineageModel model) {
        return workers.submit(() -> analyzer.prepare(model.compiledSql(), dialect));
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a statement to be parsed");
        } catch (ExecutionException e) {
            // prepare keeps what the SQL makes it throw; anything else (out of memory) is the caller's failure
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lineage-parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
