package io.dbtcatalog.ingest.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the configuration is bound: unknown keys are reported before the validators' problems. */
@Configuration(proxyBeanMethods = false)
public class BindingConfiguration {

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor unknownKeysFirst() {
        return UnknownKeysFirst.ADVISOR;
    }
}
