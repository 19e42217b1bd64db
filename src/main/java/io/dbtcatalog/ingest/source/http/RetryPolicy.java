package io.dbtcatalog.ingest.source.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * Which failures are worth another attempt and how long to wait before it: 408, 429 and every 5xx are retried;
 * the server's {@code Retry-After} (delta seconds or HTTP-date) wins over our own exponential backoff, which doubles
 * from the initial delay up to the maximum with "equal jitter" (half fixed, half random).
 */
final class RetryPolicy {

    private final HttpSettings settings;
    private final RandomGenerator random;

    RetryPolicy(HttpSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The wait before attempt {@code failedAttempt + 1}, without a server hint. */
    Duration backoff(int failedAttempt) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        int doublings = Math.min(failedAttempt - 1, 30);
        long ceiling = Math.min(max, initial << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    }

    /** The server's {@code Retry-After} as a wait from {@code now}, or null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
