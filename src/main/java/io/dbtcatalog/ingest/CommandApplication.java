package io.dbtcatalog.ingest;

import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * The application as the one-shot commands ({@code run}, {@code validate}, {@code backfill}, {@code status} and the
 * other read-only ones) start it: the same components and configuration binding as
 * {@link DbtCatalogIngestApplication}, but only the two auto-configurations they use (configuration properties,
 * placeholders) instead of Spring Boot's ~150 candidates, and without the scheduler's components
 * ({@link ScheduleOnly}). The CLI also starts it with lazy initialisation, so a command builds only the beans it asks
 * for. Not a {@code @Configuration}: the full application's component scan never picks it up.
 * docs/decisions/0012-fast-start.md says why and what it saves.
 */
@ComponentScan(
        excludeFilters = {
            @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = DbtCatalogIngestApplication.class),
            @Filter(type = FilterType.ANNOTATION, classes = ScheduleOnly.class)
        })
@ConfigurationPropertiesScan
@ImportAutoConfiguration({ConfigurationPropertiesAutoConfiguration.class, PropertyPlaceholderAutoConfiguration.class})
public final class CommandApplication {

    private CommandApplication() {}
}
