package io.dbtcatalog.ingest;

import io.dbtcatalog.ingest.config.BindingConfiguration;
import io.dbtcatalog.ingest.config.HttpConfiguration;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.job.IngestionCheck;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.SourceRegistry;
import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import io.dbtcatalog.ingest.schedule.SourceSchedules;
import io.dbtcatalog.ingest.schedule.SourceStatuses;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The application as the one-shot commands ({@code run}, {@code validate}, {@code backfill}, {@code status} and the
 * other read-only ones) start it: the same components and configuration binding as
 * {@link DbtCatalogIngestApplication}, but only the two auto-configurations they use (configuration properties,
 * placeholders) instead of Spring Boot's ~150 candidates, and without the scheduler's components
 * ({@link ScheduleOnly}). The CLI also starts it with lazy initialisation, so a command builds only the beans it asks
 * for. Not a {@code @Configuration}: the full application's component scan never picks it up.
 *
 * <p>The components are listed rather than scanned: a component scan and a configuration-properties scan read every
 * class file of the application (~360) with ASM before anything is built, about a third of a second of each
 * command's start; {@code CommandApplicationTests} fails when a component or properties class is added without
 * being listed here (or marked {@link ScheduleOnly}). docs/decisions/0015-start-without-the-launcher.md says why and
 * what it saves.
 */
@Import({
    IngestionConfiguration.class,
    BindingConfiguration.class,
    HttpConfiguration.class,
    IngestionCheck.class,
    IngestionLauncher.class,
    SourceRegistry.class,
    SourceSchedules.class,
    SourceStatuses.class
})
@EnableConfigurationProperties(IngestionProperties.class)
@ImportAutoConfiguration({ConfigurationPropertiesAutoConfiguration.class, PropertyPlaceholderAutoConfiguration.class})
public final class CommandApplication {

    private CommandApplication() {}
}
