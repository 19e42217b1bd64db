package io.dbtcatalog.ingest.source.http;

import java.time.Duration;

/**
 * Timeouts, retry bounds and the client-side rate limit of one HTTP API source. {@code maxAttempts} counts the first
 * try; {@code retryDeadline} bounds the time from the first attempt to the last retry of one request;
 * {@code requestsPerMinute} is the client-side budget (dbt Cloud documents 5,000 per minute per account).
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration retryDeadline,
        int requestsPerMinute) {

    public HttpSettings {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(callTimeout, "call-timeout");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        requirePositive(retryDeadline, "retry-deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("http max-attempts must be at least 1, was " + maxAttempts);
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("http requests-per-minute must be at least 1, was " + requestsPerMinute);
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("http initial-backoff (" + initialBackoff
                    + ") must not exceed max-backoff (" + maxBackoff + ")");
        }
    }

    /** 10 s connect, 60 s read, 10 min per call, 5 attempts backing off 1 s to 30 s within 5 min, 3,000 requests/min. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(10), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), 3000);
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("http " + key + " must be a positive duration, was " + value);
        }
    }
}
