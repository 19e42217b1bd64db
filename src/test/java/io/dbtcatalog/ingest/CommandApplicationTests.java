package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The one-shot commands' application lists its components instead of scanning for them (a scan costs every command
 * about a third of a second): the list must hold exactly what the full application's scan finds, less the
 * scheduler's components, so that a new component or properties class is never silently missing from a command.
 */
class CommandApplicationTests {

    private static final String BASE_PACKAGE = CommandApplication.class.getPackageName();

    @Test
    void itListsEveryComponentTheFullApplicationScansButTheSchedulersOwn() {
        // given what a component scan of the application finds
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        scan.addExcludeFilter(new AnnotationTypeFilter(ScheduleOnly.class));
        scan.addExcludeFilter(new AssignableTypeFilter(DbtCatalogIngestApplication.class));

        // then
        assertThat(names(CommandApplication.class.getAnnotation(Import.class).value()))
                .containsExactlyInAnyOrderElementsOf(found(scan))
                .isNotEmpty();
    }

    @Test
    void itEnablesEveryConfigurationPropertiesClassTheFullApplicationScans() {
        // given what a configuration-properties scan of the application finds
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));

        // then
        assertThat(names(CommandApplication.class
                        .getAnnotation(EnableConfigurationProperties.class)
                        .value()))
                .containsExactlyInAnyOrderElementsOf(found(scan))
                .isNotEmpty();
    }

    private static Set<String> found(ClassPathScanningCandidateComponentProvider scan) {
        return scan.findCandidateComponents(BASE_PACKAGE).stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Class<?>[] classes) {
        return Arrays.stream(classes).map(Class::getName).collect(Collectors.toSet());
    }
}
