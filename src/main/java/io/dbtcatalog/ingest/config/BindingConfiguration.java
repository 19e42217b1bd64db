package io.dbtcatalog.ingest.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the configuration is bound: unknown keys are reported before the validators' problems, and always at start-up,
 * also when the CLI starts the application with lazy initialisation (the configuration is bound eagerly); Bean
 * Validation by {@link ConfigurationValidator}, with the validator a {@link PreparedValidator} built ahead when there
 * is one.
 */
@Configuration(proxyBeanMethods = false)
public class BindingConfiguration {

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor unknownKeysFirst() {
        return UnknownKeysFirst.ADVISOR;
    }

    /** Spring Boot applies the bean of this name to every configuration class it binds. */
    @Bean(EnableConfigurationProperties.VALIDATOR_BEAN_NAME)
    static ConfigurationValidator configurationPropertiesValidator(ObjectProvider<PreparedValidator> prepared) {
        return new ConfigurationValidator(() -> {
            PreparedValidator ahead = prepared.getIfAvailable();
            return ahead == null ? null : ahead.validator();
        });
    }

    @Bean
    static LazyInitializationExcludeFilter configurationBoundAtStartUp() {
        return LazyInitializationExcludeFilter.forBeanTypes(IngestionProperties.class);
    }
}
