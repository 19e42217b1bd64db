package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code webhooks} health contributor, present when the receiver is configured: UP while it listens (UNKNOWN
 * otherwise), with its port, the sources it serves and the counts of events received, verified, rejected, ignored,
 * ingestions triggered and duplicates dropped, and when the last verified event arrived.
 */
@ScheduleOnly
@Component("webhooks")
@ConditionalOnProperty(prefix = "ingestion.webhooks", name = "port")
class WebhookHealthIndicator implements HealthIndicator {

    private final WebhookServer server;
    private final WebhookIntake intake;
    private final WebhookMetrics metrics;

    WebhookHealthIndicator(WebhookServer server, WebhookIntake intake, WebhookMetrics metrics) {
        this.server = server;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("port", server.port());
        details.put("sources", intake.sourceNames());
        for (String count : new String[] {
            "events.received",
            "events.verified",
            "events.rejected",
            "events.ignored",
            "ingestions.triggered",
            "duplicates.dropped"
        }) {
            details.put(count, (long) metrics.total(count));
        }
        Instant last = metrics.lastVerified();
        if (last != null) {
            details.put("lastVerifiedEvent", last.toString());
        }
        return (server.isRunning() ? Health.up() : Health.unknown())
                .withDetails(details)
                .build();
    }
}
