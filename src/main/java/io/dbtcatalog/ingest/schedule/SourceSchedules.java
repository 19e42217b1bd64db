package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.SourceProperties;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The schedule of every configured source: {@code ingestion.sources[].schedule}, else {@code ingestion.schedule},
 * read in {@code ingestion.scheduler.time-zone}. A source with neither is not scheduled.
 */
@Component
public class SourceSchedules {

    private final List<SourceSchedule> scheduled;
    private final List<String> unscheduled;

    public SourceSchedules(IngestionProperties properties) {
        ZoneId zone = ZoneId.of(properties.scheduler().timeZone());
        this.scheduled = properties.sources().stream()
                .filter(s -> properties.scheduleOf(s) != null)
                .map(s -> new SourceSchedule(s.name(), properties.scheduleOf(s), zone))
                .toList();
        this.unscheduled = properties.sources().stream()
                .filter(s -> properties.scheduleOf(s) == null)
                .map(SourceProperties::name)
                .toList();
    }

    /** The scheduled sources, in configuration order. */
    public List<SourceSchedule> scheduled() {
        return scheduled;
    }

    /** Names of the sources without a schedule. */
    public List<String> unscheduled() {
        return unscheduled;
    }

    public Optional<SourceSchedule> of(String source) {
        return scheduled.stream().filter(s -> s.source().equals(source)).findFirst();
    }
}
