package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts, retry and rate-limit settings for every HTTP source (dbt Cloud Admin API, Discovery API). Defaults are
 * safe for unattended runs: bounded waits everywhere and a request rate below dbt Cloud's documented limits.
 */
public record HttpProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("10m") Duration callTimeout,
        @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("5m") Duration retryDeadline,
        @DefaultValue("3000") @Min(1) int requestsPerMinute) {

    /** The defaults, for code paths (tests, tools) that build settings without binding YAML. */
    public static HttpProperties defaults() {
        return new HttpProperties(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(10), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), 3000);
    }
}
