package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code schedule} command runs ({@code ingestion.scheduler}): the time zone its cron expressions are read in
 * (UTC by default, like dbt Cloud's job schedules), how many sources may ingest at the same time, and how long a
 * stop (SIGTERM) waits for running ingestions to finish.
 */
public record SchedulerProperties(
        @DefaultValue("UTC") String timeZone,
        @DefaultValue("4") @Min(1) @Max(50) int threads,
        @DefaultValue("2m") Duration shutdownTimeout) {

    /** The defaults, for code paths that build the configuration without binding YAML. */
    public static SchedulerProperties defaults() {
        return new SchedulerProperties("UTC", 4, Duration.ofMinutes(2));
    }
}
