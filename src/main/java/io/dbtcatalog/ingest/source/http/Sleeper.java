package io.dbtcatalog.ingest.source.http;

import java.time.Duration;

/** Waits for a duration; injectable so tests of backoff and rate limiting need not really wait. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
