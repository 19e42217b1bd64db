package io.dbtcatalog.ingest.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ingestion} health contributor: per source, its state, last successful and last failed ingestion and
 * next fire time; DOWN when the newest ingestion of any source failed (the same rule as {@code status}'s exit 1).
 * The database itself is Spring Boot's {@code db} contributor.
 */
@ScheduleOnly
@Component("ingestion")
public class IngestionHealthIndicator implements HealthIndicator {

    private final SourceStatuses statuses;

    public IngestionHealthIndicator(SourceStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        List<SourceStatus> all = statuses.all(Instant.now());
        Map<String, Object> details = new LinkedHashMap<>();
        all.forEach(status -> details.put(status.source(), details(status)));
        boolean failing = all.stream().anyMatch(s -> s.state() == SourceStatus.State.FAILING);
        return (failing ? Health.down() : Health.up()).withDetails(details).build();
    }

    private static Map<String, Object> details(SourceStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state());
        if (status.lastSuccess() != null) {
            details.put(
                    "lastSuccess",
                    Map.of(
                            "runKey",
                            status.lastSuccess().runKey(),
                            "finishedAt",
                            status.lastSuccess().finishedAt().toString()));
        }
        if (status.lastFailure() != null) {
            details.put(
                    "lastFailure",
                    Map.of(
                            "runKey",
                            status.lastFailure().runKey(),
                            "finishedAt",
                            status.lastFailure().finishedAt().toString(),
                            "message",
                            String.valueOf(status.lastFailure().message())));
        }
        if (status.nextFireTime() != null) {
            details.put("nextFireTime", status.nextFireTime().toString());
        }
        return details;
    }
}
