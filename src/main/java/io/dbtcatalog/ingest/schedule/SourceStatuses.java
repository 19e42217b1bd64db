package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.SourceProperties;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.IngestionStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Computes the {@link SourceStatus} of every configured source from the ledger and the schedules. */
@Component
public class SourceStatuses {

    private final IngestionProperties properties;
    private final SourceSchedules schedules;
    private final CatalogStore store;

    public SourceStatuses(IngestionProperties properties, SourceSchedules schedules, CatalogStore store) {
        this.properties = properties;
        this.schedules = schedules;
        this.store = store;
    }

    /** Every configured source, in configuration order; next fire times are computed from {@code now}. */
    public List<SourceStatus> all(Instant now) {
        return all(now, true);
    }

    /**
     * Like {@link #all(Instant)}; {@code ledgerExists} false (a catalog database without a schema yet) answers
     * "never ingested" for every source without asking the store.
     */
    public List<SourceStatus> all(Instant now, boolean ledgerExists) {
        return properties.sources().stream()
                .map(source -> status(source, now, ledgerExists))
                .toList();
    }

    private SourceStatus status(SourceProperties source, Instant now, boolean ledgerExists) {
        IngestionStatus ledger =
                ledgerExists ? store.status(source.name()) : new IngestionStatus(source.name(), null, null);
        SourceStatus.State state = ledger.failing()
                ? SourceStatus.State.FAILING
                : ledger.neverIngested() ? SourceStatus.State.NEVER_INGESTED : SourceStatus.State.OK;
        SourceSchedule schedule = schedules.of(source.name()).orElse(null);
        return new SourceStatus(
                source.name(),
                source.kind().yamlName(),
                state,
                schedule == null ? null : schedule.cron(),
                schedule == null ? null : schedule.nextFireTime(now),
                ledger.lastSuccess(),
                ledger.lastFailure());
    }
}
