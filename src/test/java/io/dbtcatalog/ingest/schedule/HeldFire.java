package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.support.Polling;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerListener;

/**
 * Holds the first fire a running scheduler hands out on its worker thread, before the job starts: the moment where
 * standby can no longer recall the fire and Quartz does not list it as running yet.
 */
public final class HeldFire implements TriggerListener {

    private final CountDownLatch fired = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldFire() {}

    /** Listens to {@code scheduled}'s running scheduler. */
    public static HeldFire install(ScheduledIngestions scheduled) {
        HeldFire held = new HeldFire();
        scheduled.withScheduler(quartz -> {
            quartz.getListenerManager().addTriggerListener(held);
            return held;
        });
        return held;
    }

    /** Waits until a fire is held; fails after {@code timeout}. */
    public void awaitFired(Duration timeout) throws InterruptedException {
        if (!fired.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no fire reached a worker thread within " + timeout);
        }
    }

    /** Lets the held fire go on, and waits until every worker thread of the stopped scheduler ended. */
    public void releaseAndAwaitTheWorkers() {
        release.countDown();
        Polling.await(
                "the scheduler's worker threads ended",
                Duration.ofSeconds(30),
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread ->
                                thread.isAlive() && thread.getName().startsWith(QuartzSchedulers.NAME + "_Worker")));
    }

    @Override
    public String getName() {
        return "test-held-fire";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        if (fired.getCount() == 1) {
            fired.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        // not held
    }

    @Override
    public void triggerComplete(
            Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction instruction) {
        // not held
    }
}
