package io.dbtcatalog.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");

    @Test
    void retryAfterInSecondsIsTakenVerbatim() {
        // given / when
        Duration wait = RetryPolicy.retryAfter("7", NOW);

        // then
        assertThat(wait).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThatDate() {
        // given / when
        Duration wait = RetryPolicy.retryAfter("Sat, 01 Aug 2026 12:00:45 GMT", NOW);

        // then
        assertThat(wait).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void retryAfterDateInThePastMeansRetryNow() {
        assertThat(RetryPolicy.retryAfter("Sat, 01 Aug 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableOrMissingRetryAfterFallsBackToBackoff() {
        assertThat(RetryPolicy.retryAfter("soon", NOW)).isNull();
        assertThat(RetryPolicy.retryAfter(null, NOW)).isNull();
        assertThat(RetryPolicy.retryAfter("  ", NOW)).isNull();
        assertThat(RetryPolicy.retryAfter("99999999999999", NOW)).isNull();
    }

    @Test
    void backoffDoublesWithJitterAndIsCappedAtTheMaximum() {
        // given
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                100);
        RetryPolicy policy = new RetryPolicy(settings, new Random(7));

        // when / then: equal jitter keeps every wait within [ceiling/2, ceiling]
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(policy.backoff(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(policy.backoff(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(policy.backoff(9)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(policy.backoff(60)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void onlyTimeoutsRateLimitsAndServerErrorsAreRetryable() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(408)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(502)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(400)).isFalse();
        assertThat(RetryPolicy.isRetryable(401)).isFalse();
        assertThat(RetryPolicy.isRetryable(403)).isFalse();
        assertThat(RetryPolicy.isRetryable(404)).isFalse();
    }
}
