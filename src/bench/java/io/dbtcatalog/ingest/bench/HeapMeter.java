package io.dbtcatalog.ingest.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap used by one benchmark phase, two ways: {@code peak} is the highest {@code MemoryMXBean} heap-used value a
 * daemon thread sampled every 5 ms (includes garbage not yet collected, so it grows with -Xmx), and
 * {@code afterGc} is the highest heap used right after any GC in the phase (from GC notifications): the live set,
 * i.e. what the phase really needs; {@code gcSeconds} adds up the phase's collection pauses (not the concurrent
 * cycles, which run beside the application). {@link #reset()} runs a full GC and starts a new phase.
 */
final class HeapMeter implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    /**
     * {@code -Dbench.liveEvery=N} (milliseconds, 0 = off): the sampler also runs a full collection every N ms, so that
     * {@code afterGc} is the true live set rather than an upper bound (G1 leaves old garbage in place as long as the
     * heap allows); the phases' times are then not comparable with a normal run.
     */
    static final long LIVE_EVERY_MILLIS = Long.getLong("bench.liveEvery", 0);

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long phaseStartUptime;

    HeapMeter() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage and starts measuring a new phase from the remaining live heap. */
    void reset() {
        System.gc();
        phaseStartUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.set(used);
        afterGc.set(used);
        gcMillis.set(0);
    }

    long peakBytes() {
        return peak.get();
    }

    long afterGcBytes() {
        return afterGc.get();
    }

    /** Seconds of the phase's garbage-collection pauses (as the collectors report them). */
    double gcSeconds() {
        return gcMillis.get() / 1000.0;
    }

    private void sample() {
        long lastFull = System.nanoTime();
        while (running) {
            if (LIVE_EVERY_MILLIS > 0 && System.nanoTime() - lastFull >= LIVE_EVERY_MILLIS * 1_000_000) {
                System.gc();
                lastFull = System.nanoTime();
            }
            peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcInfo().getEndTime() <= phaseStartUptime) {
            return;
        }
        if (!info.getGcName().contains("Concurrent")) {
            gcMillis.addAndGet(info.getGcInfo().getDuration());
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        afterGc.accumulateAndGet(used, Math::max);
        long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        peak.accumulateAndGet(before, Math::max);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException("heap meter listener vanished from its GC bean", e);
            }
        }
    }

    /** How the heap was sized and touched (docs/decisions/0007: why the benchmark fixes and pre-touches it). */
    static String heapMode() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String initial = options.stream()
                .filter(option -> option.startsWith("-Xms"))
                .reduce((a, b) -> b)
                .orElse("");
        String maximum = options.stream()
                .filter(option -> option.startsWith("-Xmx"))
                .reduce((a, b) -> b)
                .orElse("");
        boolean fixed =
                !initial.isEmpty() && !maximum.isEmpty() && initial.substring(4).equals(maximum.substring(4));
        boolean touched = options.contains("-XX:+AlwaysPreTouch");
        return (fixed ? "fixed size" : "grown on demand") + (touched ? ", touched at start-up" : ", touched lazily");
    }
}
