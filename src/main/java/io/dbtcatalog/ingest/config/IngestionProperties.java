package io.dbtcatalog.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The whole validated configuration tree bound from {@code ingestion-config.yaml} under {@code ingestion}: the
 * catalog database, the sources, the work folder for downloads, the HTTP settings, the default schedule (a Quartz
 * cron expression a source's own {@code schedule} overrides), the scheduler and the management port. Unknown keys
 * are errors.
 */
@Validated
@ConfigurationProperties(prefix = "ingestion", ignoreUnknownFields = false)
public record IngestionProperties(
        @Valid @NotNull TargetProperties target,
        @Valid @NotEmpty List<SourceProperties> sources,
        @DefaultValue("./data/work") Path workDir,
        @Valid @DefaultValue HttpProperties http,
        String schedule,
        @Valid @DefaultValue SchedulerProperties scheduler,
        @Valid @DefaultValue ManagementProperties management) {

    /** Every rule Bean Validation cannot express, each naming its full key; empty when the config is sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        CronCheck.check(problems, "ingestion.schedule", schedule);
        CronCheck.checkZone(problems, "ingestion.scheduler.time-zone", scheduler.timeZone());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceProperties source = sources.get(i);
            String key = "ingestion.sources[" + i + "]";
            problems.addAll(source.problems(key));
            if (!names.add(source.name())) {
                problems.add(key + ".name: '" + source.name() + "' is used by another source; names must be unique");
            }
        }
        return problems;
    }

    /** The cron expression a source is scheduled with: its own, else the global default; null when neither is set. */
    public String scheduleOf(SourceProperties source) {
        return source.schedule() != null ? source.schedule() : schedule;
    }

    /** The source with that name, if configured. */
    public Optional<SourceProperties> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
