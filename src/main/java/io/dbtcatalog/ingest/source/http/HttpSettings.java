package io.dbtcatalog.ingest.source.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts, retry bounds and the client-side rate limit of the HTTP API sources, bound from {@code ingestion.http}
 * and validated there; the defaults are declared here and nowhere else: bounded waits everywhere and a request rate
 * below dbt Cloud's documented limits. {@code maxAttempts} counts the first try; {@code retryDeadline} bounds the
 * time from the first attempt to the last retry of one request; {@code requestsPerMinute} is the client-side budget
 * (dbt Cloud documents 5,000 per minute per account).
 */
public record HttpSettings(
        @DefaultValue("10s") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration connectTimeout,

        @DefaultValue("60s") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration readTimeout,

        @DefaultValue("10m") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration callTimeout,

        @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,

        @DefaultValue("1s") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration initialBackoff,

        @DefaultValue("30s") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration maxBackoff,

        @DefaultValue("5m") @NotNull @DurationMin(nanos = 1, message = POSITIVE)
        Duration retryDeadline,

        @DefaultValue("3000") @Min(1) int requestsPerMinute) {

    static final String POSITIVE = "must be a positive duration";

    /** These settings with the request rate capped at {@code max} per minute, for an API that allows less. */
    public HttpSettings withRequestsPerMinuteAtMost(int max) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                callTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                retryDeadline,
                Math.min(requestsPerMinute, max));
    }
}
