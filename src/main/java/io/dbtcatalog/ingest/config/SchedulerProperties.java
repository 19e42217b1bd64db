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
        @DefaultValue("4") @Min(1) @Max(20) int threads,
        @DefaultValue("2m") Duration shutdownTimeout) {

    /**
     * Connections the catalog pool needs so that every scheduler thread can publish at the same time (one
     * transaction each), with a few to spare for Quartz's clustered job store and the ledger reads.
     */
    public int connectionsNeeded() {
        return threads + 3;
    }
}
