package io.dbtcatalog.ingest.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The door every scheduler job passes before it ingests, so that a stop knows exactly which ingestions started.
 *
 * <p>Quartz's standby stops new fires, but a fire it acquired a moment before still reaches a worker thread, and
 * Quartz lists it as running only once the job starts. A stop that read that list as empty shut Quartz down while
 * such a fire went on to ingest against a closing application. Here the stop {@link #close() closes} the door and
 * then {@link #await waits} for the ingestions inside; a fire that arrives after the close is refused and runs
 * nothing. Both happen under one lock, so no fire is both refused and waited for, or neither.
 */
@ScheduleOnly
@Component
public class IngestionGate {

    private int inside;
    private boolean closed;

    /**
     * Runs {@code ingestion} inside the gate, unless a stop began: then it runs nothing and returns false. The stop
     * waits for the ingestion until it returns or throws.
     */
    public <E extends Exception> boolean pass(Ingestion<E> ingestion) throws E {
        if (!enter()) {
            return false;
        }
        try {
            ingestion.run();
        } finally {
            leave();
        }
        return true;
    }

    /** Lets an ingestion in, or refuses it (false) once a stop began. */
    private synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inside++;
        return true;
    }

    /** An admitted ingestion ended. */
    private synchronized void leave() {
        inside--;
        notifyAll();
    }

    /** Admits ingestions again (the scheduler starts). */
    synchronized void open() {
        closed = false;
    }

    /** Refuses every ingestion from now on; returns how many are inside. */
    synchronized int close() {
        closed = true;
        return inside;
    }

    /** Waits until no ingestion is inside, or {@code timeout} passed; returns how many are still inside. */
    synchronized int await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return inside;
    }

    /** The work a job does inside the gate. */
    @FunctionalInterface
    public interface Ingestion<E extends Exception> {
        void run() throws E;
    }
}
