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

    /** Lets a job in, or refuses it once a stop began; the pass must be closed when the job ends. */
    public synchronized Pass enter() {
        if (closed) {
            return Pass.REFUSED;
        }
        inside++;
        return new Admitted();
    }

    /** Admits jobs again (the scheduler starts). */
    synchronized void open() {
        closed = false;
    }

    /** Refuses every job from now on; returns how many ingestions are inside. */
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

    private synchronized void leave() {
        inside--;
        notifyAll();
    }

    /** A job's passage through the gate: {@link #admitted()} tells whether it may ingest. */
    public interface Pass extends AutoCloseable {

        /** The pass of a job that came after a stop began. */
        Pass REFUSED = new Pass() {
            @Override
            public boolean admitted() {
                return false;
            }

            @Override
            public void close() {
                // never inside
            }
        };

        boolean admitted();

        @Override
        void close();
    }

    private final class Admitted implements Pass {

        private boolean left;

        @Override
        public boolean admitted() {
            return true;
        }

        @Override
        public void close() {
            if (!left) {
                left = true;
                leave();
            }
        }
    }
}
