package io.dbtcatalog.ingest.source.http;

import java.time.Clock;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The time and randomness the HTTP layer depends on: the clock for deadlines, token refills and {@code Retry-After}
 * dates, the sleeper for waits and the generator for backoff jitter. Tests pass fakes; production uses
 * {@link #system()}.
 */
public record HttpTiming(Clock clock, Sleeper sleeper, RandomGenerator random) {

    public HttpTiming {
        if (clock == null || sleeper == null || random == null) {
            throw new IllegalArgumentException("HttpTiming needs a clock, a sleeper and a random generator");
        }
    }

    public static HttpTiming system() {
        return new HttpTiming(Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }
}
