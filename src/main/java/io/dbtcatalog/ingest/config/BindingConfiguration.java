package io.dbtcatalog.ingest.config;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the configuration is bound: unknown keys are reported before the validators' problems, and always at start-up,
 * also when the CLI starts the application with lazy initialisation (the configuration is bound eagerly).
 */
@Configuration(proxyBeanMethods = false)
public class BindingConfiguration {

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor unknownKeysFirst() {
        return UnknownKeysFirst.ADVISOR;
    }

    @Bean
    static LazyInitializationExcludeFilter configurationBoundAtStartUp() {
        return LazyInitializationExcludeFilter.forBeanTypes(IngestionProperties.class);
    }
}
