package io.dbtcatalog.ingest.schedule;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the application into a web application serving Actuator's health and metrics on
 * {@code ingestion.management.port}, but only for the {@code schedule} command and only when that port is set;
 * otherwise no HTTP server starts. Runs after the configuration files are loaded (registered in
 * {@code META-INF/spring.factories}).
 */
public class ManagementPortEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String COMMAND = "dbt-catalog-ingest.command";
    static final String PORT = "ingestion.management.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty(PORT);
        if (!"schedule".equals(environment.getProperty(COMMAND)) || port == null || port.isBlank()) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "dbt-catalog-ingest-management",
                        Map.of("spring.main.web-application-type", "servlet", "server.port", port.strip())));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
