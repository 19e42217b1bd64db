package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The Micrometer meters of the webhook receiver: {@code dbt.catalog.webhook.events.received},
 * {@code .verified}, {@code .rejected} (by reason: {@code signature-missing}, {@code signature-invalid},
 * {@code malformed}, {@code too-large}, {@code method}, {@code not-found}), {@code .ignored} (by reason:
 * {@code event-type}, {@code unmatched}, {@code status}), {@code dbt.catalog.webhook.ingestions.triggered},
 * {@code dbt.catalog.webhook.duplicates.dropped} and {@code dbt.catalog.webhook.retries} (by source). The health
 * contributor reads the same counts.
 */
@ScheduleOnly
@Component
public class WebhookMetrics {

    private static final String PREFIX = "dbt.catalog.webhook.";

    private final MeterRegistry registry;
    private final AtomicReference<Instant> lastVerified = new AtomicReference<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received() {
        registry.counter(PREFIX + "events.received").increment();
    }

    void verified() {
        lastVerified.set(Instant.now());
        registry.counter(PREFIX + "events.verified").increment();
    }

    void rejected(String reason) {
        registry.counter(PREFIX + "events.rejected", "reason", reason).increment();
    }

    void ignored(String reason) {
        registry.counter(PREFIX + "events.ignored", "reason", reason).increment();
    }

    void triggered(String source) {
        registry.counter(PREFIX + "ingestions.triggered", "source", source).increment();
    }

    void duplicateDropped(String source) {
        registry.counter(PREFIX + "duplicates.dropped", "source", source).increment();
    }

    void retried(String source) {
        registry.counter(PREFIX + "retries", "source", source).increment();
    }

    /** The total of a counter over all its tags; 0 before the first count. */
    double total(String name) {
        return registry.find(PREFIX + name).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    /** When the last verified event arrived; null before the first. */
    Instant lastVerified() {
        return lastVerified.get();
    }
}
