package io.dbtcatalog.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.Polling;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate between the scheduler's fires and their ingestions: what a stop counts, waits for and refuses. */
class IngestionGateTests {

    private final IngestionGate gate = new IngestionGate();

    @Test
    void aStopCountsTheIngestionsInsideAndRefusesEveryLaterOne() {
        // given two admitted ingestions, one of which already ended
        IngestionGate.Pass running = gate.enter();
        gate.enter().close();

        // when a stop begins
        int inside = gate.close();

        // then it counts the one still running, and a later fire is refused
        assertThat(running.admitted()).isTrue();
        assertThat(inside).isEqualTo(1);
        assertThat(gate.enter().admitted()).isFalse();
    }

    @Test
    void theStopWaitsUntilTheLastIngestionLeaves() throws Exception {
        // given a running ingestion and a stop waiting for it
        IngestionGate.Pass running = gate.enter();
        gate.close();
        AtomicInteger left = new AtomicInteger(-1);
        Thread stop = new Thread(() -> left.set(awaitQuietly(Duration.ofSeconds(30))), "stop");
        stop.start();
        Polling.await("the stop to wait", Duration.ofSeconds(10), () -> stop.getState() == Thread.State.TIMED_WAITING);

        // when the ingestion ends (closing its pass twice counts once)
        running.close();
        running.close();

        // then the stop's wait returns with nobody inside
        stop.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(stop.isAlive()).isFalse();
        assertThat(left.get()).isZero();
        assertThat(gate.close()).isZero();
    }

    @Test
    void theStopWaitsNoLongerThanItsTimeoutAndTellsHowManyStillRun() throws Exception {
        // given an ingestion that does not end
        gate.enter();
        gate.close();

        // when the stop waits for it, then it gives up after the timeout with one still inside
        assertThat(gate.await(Duration.ofMillis(50))).isEqualTo(1);
    }

    @Test
    void aRestartedSchedulerAdmitsAgain() {
        // given a stopped gate
        gate.close();

        // when the scheduler starts again
        gate.open();

        // then fires are admitted again
        assertThat(gate.enter().admitted()).isTrue();
    }

    private int awaitQuietly(Duration timeout) {
        try {
            return gate.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
