package io.dbtcatalog.ingest.config;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The whole validated configuration tree bound from {@code ingestion-config.yaml} under {@code ingestion}: the
 * catalog database, the sources, the work folder for downloads, the HTTP settings, the default schedule (a Quartz
 * cron expression a source's own {@code schedule} overrides), the scheduler, the management port, the webhook
 * receiver and the publish
 * safeguards ({@code max-delete-share}, {@code lock-timeout}). Unknown keys are errors. Validated once, while it is
 * bound: Bean Validation's annotations on the records ({@link ConfigurationValidator}, registered by
 * {@link BindingConfiguration}; not {@code @Validated}, which would validate them twice), then the cross-key rules
 * ({@link ConfigRules}) through {@link #validate}, every problem naming its key.
 */
@ConfigurationProperties(prefix = "ingestion", ignoreUnknownFields = false)
public record IngestionProperties(
        @Valid @NotNull TargetProperties target,
        @Valid @NotEmpty List<SourceProperties> sources,
        @DefaultValue("./data/work") Path workDir,
        @Valid @DefaultValue HttpSettings http,
        String schedule,
        @Valid @DefaultValue SchedulerProperties scheduler,
        @Valid @DefaultValue ManagementProperties management,
        @Valid @DefaultValue WebhookProperties webhooks,

        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0")
        double maxDeleteShare,

        @DefaultValue("2m")
        @NotNull
        @DurationMin(
                nanos = 1,
                message = "must be positive (how long a publish waits" + " for another ingestion of the same project)")
        Duration lockTimeout)
        implements Validator {

    /** The cron expression a source is scheduled with: its own, else the global default; null when neither is set. */
    public String scheduleOf(SourceProperties source) {
        return source.schedule() != null ? source.schedule() : schedule;
    }

    /** The source with that name, if configured. */
    public Optional<SourceProperties> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public boolean supports(Class<?> type) {
        return IngestionProperties.class.isAssignableFrom(type);
    }

    /** Checks the cross-key rules; Spring Boot calls this while it binds the tree. */
    @Override
    public void validate(Object target, Errors errors) {
        ConfigRules.check((IngestionProperties) target, errors);
    }
}
