package io.dbtcatalog.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The management port turns the application into a web application only for {@code schedule}. */
class ManagementPortEnvironmentTests {

    private final ManagementPortEnvironment postProcessor = new ManagementPortEnvironment();

    @Test
    void scheduleWithAPortServesHttpOnThatPort() {
        // given
        MockEnvironment environment = new MockEnvironment()
                .withProperty("dbt-catalog-ingest.command", "schedule")
                .withProperty("ingestion.management.port", "8081");

        // when
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void otherCommandsAndScheduleWithoutAPortStartNoHttpServer() {
        // given
        MockEnvironment run = new MockEnvironment()
                .withProperty("dbt-catalog-ingest.command", "run")
                .withProperty("ingestion.management.port", "8081");
        MockEnvironment noPort = new MockEnvironment().withProperty("dbt-catalog-ingest.command", "schedule");

        // when
        postProcessor.postProcessEnvironment(run, new SpringApplication());
        postProcessor.postProcessEnvironment(noPort, new SpringApplication());

        // then
        assertThat(run.getProperty("spring.main.web-application-type")).isNull();
        assertThat(noPort.getProperty("spring.main.web-application-type")).isNull();
        assertThat(noPort.getProperty("server.port")).isNull();
    }
}
