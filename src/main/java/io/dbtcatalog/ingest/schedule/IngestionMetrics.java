package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.source.http.RetryListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The Micrometer meters of scheduled ingestions, tagged by source: {@code dbt.catalog.ingestions} (by outcome),
 * {@code dbt.catalog.ingestion.duration}, {@code dbt.catalog.runs} (by status), {@code dbt.catalog.rows.written},
 * and {@code dbt.catalog.http.retries} (by host and reason): this is the HTTP layer's retry listener. They are
 * served while {@code schedule} runs with a management port.
 */
@ScheduleOnly
@Component
public class IngestionMetrics implements RetryListener {

    private final MeterRegistry registry;

    public IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts what one launch did. */
    public void record(List<SourceOutcome> outcomes) {
        for (SourceOutcome source : outcomes) {
            String name = source.sourceName();
            registry.counter(
                            "dbt.catalog.ingestions",
                            "source",
                            name,
                            "outcome",
                            source.succeeded() ? "success" : "failure")
                    .increment();
            registry.timer("dbt.catalog.ingestion.duration", "source", name).record(source.duration());
            for (RunOutcome run : source.runs()) {
                registry.counter(
                                "dbt.catalog.runs",
                                "source",
                                name,
                                "status",
                                run.status().name().toLowerCase(Locale.ROOT))
                        .increment();
                if (run.published() != null) {
                    registry.counter("dbt.catalog.rows.written", "source", name)
                            .increment(run.published().rowsWritten());
                }
            }
        }
    }

    /** Counts one HTTP retry. */
    @Override
    public void retrying(String method, String host, String reason) {
        registry.counter("dbt.catalog.http.retries", "host", host, "reason", reason)
                .increment();
    }
}
