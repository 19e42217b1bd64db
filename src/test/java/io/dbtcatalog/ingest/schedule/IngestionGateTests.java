package io.dbtcatalog.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.Polling;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate between the scheduler's fires and their ingestions: what a stop counts, waits for and refuses. */
class IngestionGateTests {

    private final IngestionGate gate = new IngestionGate();

    @Test
    void aStopCountsTheIngestionsInsideAndRefusesEveryLaterOne() throws Exception {
        // given one ingestion that ended and one still inside
        assertThat(gate.pass(() -> {})).isTrue();
        CountDownLatch end = new CountDownLatch(1);
        Thread running = inside(end);

        // when a stop begins
        int inside = gate.close();

        // then it counts the one still running, and a later ingestion is refused without running
        assertThat(inside).isEqualTo(1);
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(gate.pass(() -> ran.set(true))).isFalse();
        assertThat(ran).isFalse();
        end.countDown();
        running.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void theStopWaitsUntilTheLastIngestionLeaves() throws Exception {
        // given a running ingestion and a stop waiting for it
        CountDownLatch end = new CountDownLatch(1);
        Thread running = inside(end);
        gate.close();
        AtomicInteger left = new AtomicInteger(-1);
        Thread stop = new Thread(() -> left.set(awaitQuietly(Duration.ofSeconds(30))), "stop");
        stop.start();
        Polling.await("the stop to wait", Duration.ofSeconds(10), () -> stop.getState() == Thread.State.TIMED_WAITING);

        // when the ingestion ends
        end.countDown();

        // then the stop's wait returns with nobody inside
        stop.join(TimeUnit.SECONDS.toMillis(10));
        running.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(stop.isAlive()).isFalse();
        assertThat(left.get()).isZero();
    }

    @Test
    void anIngestionThatThrowsLeavesTheGateAndItsExceptionReachesTheJob() throws Exception {
        // when an admitted ingestion fails
        assertThatThrownBy(() -> gate.pass(() -> {
                    throw new IOException("the download failed");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("the download failed");

        // then a stop finds nobody inside
        assertThat(gate.close()).isZero();
        assertThat(gate.await(Duration.ofSeconds(1))).isZero();
    }

    @Test
    void theStopWaitsNoLongerThanItsTimeoutAndTellsHowManyStillRun() throws Exception {
        // given an ingestion that does not end while the stop waits
        CountDownLatch end = new CountDownLatch(1);
        Thread running = inside(end);
        gate.close();

        // when the stop waits for it, then it gives up after the timeout with one still inside
        assertThat(gate.await(Duration.ofMillis(50))).isEqualTo(1);
        end.countDown();
        running.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void aRestartedSchedulerAdmitsAgain() {
        // given a stopped gate
        gate.close();

        // when the scheduler starts again
        gate.open();

        // then ingestions run again
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(gate.pass(() -> ran.set(true))).isTrue();
        assertThat(ran).isTrue();
    }

    /** Starts an ingestion that stays inside the gate until {@code end}; returns once it is inside. */
    private Thread inside(CountDownLatch end) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Thread thread = new Thread(
                () -> {
                    try {
                        gate.pass(() -> {
                            entered.countDown();
                            end.await();
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ingestion");
        thread.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        return thread;
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
