package io.dbtcatalog.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void burstOfOneSecondPassesThenRequestsAreSpacedByTheRate() throws InterruptedException {
        // given: 120 requests per minute = a burst of 2, then one every 500 ms
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(120, time, time);

        // when
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        // then
        assertThat(time.sleeps())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void idleTimeRefillsTheBucketButNeverBeyondItsCapacity() throws InterruptedException {
        // given
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(60, time, time);
        limiter.acquire();

        // when: a long pause, then three requests
        time.advance(Duration.ofMinutes(10));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        // then: capacity is one request, so the 2nd and 3rd wait a second each
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void concurrentReservationsQueueBehindEachOther() {
        // given
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(60, time, time);

        // when: three callers reserve at the same instant without sleeping yet
        Duration first = limiter.reserve();
        Duration second = limiter.reserve();
        Duration third = limiter.reserve();

        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(Duration.ofSeconds(1));
        assertThat(third).isEqualTo(Duration.ofSeconds(2));
    }
}
