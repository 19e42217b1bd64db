package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides what one delivery does, HTTP aside: verifies the signature against every webhook source's secret (401
 * when none verifies, before the body is even parsed), reads the event (400 when it is not dbt Cloud's JSON),
 * matches it to the verified sources whose filters it satisfies and queues the run's ingestion for each that accepts
 * its status (202), or answers 200 saying why it is ignored. Never logs the signature, a secret or the body.
 */
@ScheduleOnly
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final List<WebhookSource> sources;
    private final RunQueue queue;
    private final WebhookMetrics metrics;

    @Autowired
    WebhookIntake(IngestionProperties properties, RunQueue queue, WebhookMetrics metrics) {
        this(
                properties.sources().stream()
                        .map(WebhookSource::of)
                        .filter(Objects::nonNull)
                        .toList(),
                queue,
                metrics);
    }

    WebhookIntake(List<WebhookSource> sources, RunQueue queue, WebhookMetrics metrics) {
        this.sources = List.copyOf(sources);
        this.queue = queue;
        this.metrics = metrics;
    }

    /** The names of the sources that receive events. */
    List<String> sourceNames() {
        return sources.stream().map(WebhookSource::name).toList();
    }

    /** The answer to a body already read whole (at most the size limit) with its {@code Authorization} header. */
    WebhookAnswer accept(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return reject(401, "signature-missing", "the Authorization header with the event's signature is missing");
        }
        List<WebhookSource> verified = verifiedBy(body, signature);
        if (verified.isEmpty()) {
            return reject(401, "signature-invalid", "the signature does not match any configured webhook secret");
        }
        metrics.verified();
        DbtCloudEvent event;
        try {
            event = EventParser.parse(body);
        } catch (EventParser.MalformedEventException e) {
            return reject(400, "malformed", "not a dbt Cloud webhook event: " + e.getMessage());
        }
        if (!event.announcesFinishedRun()) {
            log.info("webhook event {}: not a finished run; ignored", event.describe());
            return ignore("event-type", event.eventType() + " does not announce a finished run", List.of());
        }
        return dispatch(event, verified);
    }

    /** Every source whose secret verifies the body; each is checked, so the time does not tell which one. */
    private List<WebhookSource> verifiedBy(byte[] body, String signature) {
        List<WebhookSource> verified = new ArrayList<>();
        for (WebhookSource source : sources) {
            if (source.verifies(body, signature)) {
                verified.add(source);
            }
        }
        return verified;
    }

    private WebhookAnswer dispatch(DbtCloudEvent event, List<WebhookSource> verified) {
        List<String> mismatches = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<String> unaccepted = new ArrayList<>();
        for (WebhookSource source : verified) {
            String mismatch = source.mismatch(event);
            if (mismatch != null) {
                mismatches.add(source.name() + ": " + mismatch);
            } else if (!source.accepts(event.statusCode())) {
                unaccepted.add(source.name());
            } else if (enqueue(source.name(), event)) {
                queued.add(source.name());
            } else {
                known.add(source.name());
            }
        }
        if (!queued.isEmpty()) {
            return WebhookAnswer.queued(queued);
        }
        if (!known.isEmpty()) {
            return WebhookAnswer.ignored("the run is already queued or in the catalog", known);
        }
        if (!unaccepted.isEmpty()) {
            log.info(
                    "webhook event {}: run status {} is not among the accepted-statuses of {}; ignored",
                    event.describe(),
                    event.statusCode(),
                    unaccepted);
            return ignore("status", "run status " + event.statusCode() + " is not accepted", unaccepted);
        }
        log.info("webhook event {}: no source reads this run ({}); ignored", event.describe(), mismatches);
        return ignore("unmatched", "no configured source reads this run", List.of());
    }

    /** True when queued now, false when the run was already queued or ingested (a duplicate, dropped). */
    private boolean enqueue(String source, DbtCloudEvent event) {
        RunQueue.Queued result = queue.enqueue(source, event.runId(), event.eventId());
        if (result == RunQueue.Queued.QUEUED) {
            metrics.triggered(source);
            log.info("{}: webhook event {}: ingestion of run {} queued", source, event.describe(), event.runId());
            return true;
        }
        metrics.duplicateDropped(source);
        log.info(
                "{}: webhook event {}: run {} {}; dropped",
                source,
                event.describe(),
                event.runId(),
                result == RunQueue.Queued.ALREADY_QUEUED ? "is already queued" : "is already in the catalog");
        return false;
    }

    private WebhookAnswer reject(int status, String reason, String message) {
        metrics.rejected(reason);
        log.warn("webhook delivery rejected ({}): {}", status, message);
        return WebhookAnswer.error(status, message);
    }

    private WebhookAnswer ignore(String reason, String message, List<String> sourceNames) {
        metrics.ignored(reason);
        return WebhookAnswer.ignored(message, sourceNames);
    }
}
