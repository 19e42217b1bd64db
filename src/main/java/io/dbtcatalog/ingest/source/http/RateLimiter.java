package io.dbtcatalog.ingest.source.http;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket holding one second's worth of requests and refilling at {@code requestsPerMinute / 60} per second.
 * A caller reserves its permit under the lock and then sleeps outside it until the permit is due, so concurrent
 * callers queue fairly and nobody spins.
 */
final class RateLimiter {

    private final Clock clock;
    private final Sleeper sleeper;
    private final double permitsPerMilli;
    private final double capacity;
    private double available;
    private long lastRefillMillis;

    RateLimiter(int requestsPerMinute, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.permitsPerMilli = requestsPerMinute / 60_000.0;
        this.capacity = Math.max(1.0, requestsPerMinute / 60.0);
        this.available = capacity;
        this.lastRefillMillis = clock.millis();
    }

    /** Blocks (sleeping) until a request may be sent. */
    void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Takes one permit, possibly ahead of time, and returns how long to wait until it is due. */
    synchronized Duration reserve() {
        long now = clock.millis();
        if (now > lastRefillMillis) {
            available = Math.min(capacity, available + (now - lastRefillMillis) * permitsPerMilli);
            lastRefillMillis = now;
        }
        available -= 1.0;
        if (available >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(-available / permitsPerMilli));
    }
}
