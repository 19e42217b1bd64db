package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The dbt Cloud webhook receiver of the {@code schedule} command ({@code ingestion.webhooks}): its own HTTP port
 * ({@code port}; off when unset), the address it listens on, the largest body it reads, and how often and how late
 * an event whose run has no artifacts yet is tried again ({@code artifact-retries} times, the first after
 * {@code artifact-retry-delay}, each wait doubling) before it is left to the poll. Each {@code dbt-cloud} source
 * opts in with its own {@code webhook-secret}.
 */
public record WebhookProperties(
        @Min(1) @Max(65535) Integer port,
        @DefaultValue("0.0.0.0") @NotBlank String address,
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("3") @Min(0) @Max(10) int artifactRetries,

        @DefaultValue("30s")
        @NotNull
        @DurationMin(nanos = 1, message = "must be positive (the wait before an event's run is tried again)")
        Duration artifactRetryDelay) {

    /** True when the receiver is switched on (a port is set). */
    public boolean enabled() {
        return port != null;
    }
}
