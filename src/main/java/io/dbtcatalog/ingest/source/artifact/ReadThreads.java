package io.dbtcatalog.ingest.source.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The helper threads of one read (decision 0018): each task gets a daemon thread of its own, named
 * {@code artifact-read-<task>}, so that tasks which wait for each other (a hasher for the ranges a parser records)
 * can never wait for a free thread. At most a handful per read; {@link #close()} interrupts the tasks still running
 * (a failed read needs nothing more of them; their file channels close on interrupt) and waits until every thread has
 * ended, so no read leaves a thread behind. A task's failure reaches the caller through {@link #join} as the exception
 * the task threw, an {@link ArtifactException} naming the file, line and column included.
 */
final class ReadThreads implements AutoCloseable {

    /** The prefix of every helper thread's name. */
    static final String PREFIX = "artifact-read-";

    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code work} on a new daemon thread named after {@code task}. */
    <T> Future<T> start(String task, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(work.call());
                    } catch (Throwable e) { // handed to the caller by join, whatever it is
                        result.completeExceptionally(e);
                    }
                },
                PREFIX + task);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
        return result;
    }

    /**
     * The task's result, or the exception it threw: unchecked ones as they are, checked ones wrapped. An interrupt
     * while waiting is kept on the thread and fails the read.
     */
    static <T> T join(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a helper of the artifact read", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("a helper of the artifact read was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a helper of the artifact read failed: " + cause, cause);
        }
    }

    /** Interrupts the tasks still running and waits until every thread has ended (keeping an interrupt of its own). */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (threads) {
            started = List.copyOf(threads);
        }
        for (Thread thread : started) {
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        boolean interrupted = false;
        for (Thread thread : started) {
            interrupted |= joinUninterruptibly(thread);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code thread} has ended, an interrupt meanwhile included; tells whether there was one. */
    static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}
