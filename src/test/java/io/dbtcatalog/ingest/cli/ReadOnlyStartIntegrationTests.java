package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.CommandApplication;
import io.dbtcatalog.ingest.schedule.IngestionMetrics;
import io.dbtcatalog.ingest.schedule.ScheduledIngestions;
import io.dbtcatalog.ingest.schedule.SourceStatuses;
import io.dbtcatalog.ingest.store.SchemaStatus;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-shot commands' light start: read-only commands never migrate and refuse a schema that is behind with a
 * message naming what it lacks; the light application has no scheduler and still binds the configuration at start.
 */
class ReadOnlyStartIntegrationTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusOnAnEmptyDatabaseSaysNothingIngestedAndCreatesNoSchema(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            Path config = config(db);

            // when
            CliRun status = CliRun.of("status", "--config", config);

            // then
            assertThat(status.code()).as(status.all()).isZero();
            assertThat(status.out()).contains("shop (local): nothing ingested yet");
            assertThat(SchemaStatus.read(db.dataSource()).empty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusOnASchemaBehindThisBuildFailsNamingWhatItLacksAndMigratesNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given a catalog whose history lacks V7, as a database of the build before it
            execute(db.dataSource(), "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");
            Path config = config(db);

            // when
            CliRun status = CliRun.of("status", "--config", config);

            // then
            assertThat(status.code()).as(status.all()).isEqualTo(IngestCli.FAILED);
            assertThat(status.err())
                    .contains("error: the catalog schema of " + db.jdbcUrl() + " is behind")
                    .contains("V7 whole dbt cloud runs")
                    .contains("a `run` or `schedule` migrates it");
            assertThat(status.out()).isEmpty();
            assertThat(SchemaStatus.read(db.dataSource()).pending()).containsExactly("V7 whole dbt cloud runs");
        }
    }

    @Test
    void validateStillReportsWhatARunWouldMigrateInsteadOfRefusing() {
        try (TestDatabase db = TestDatabases.create(Engine.H2, false)) {
            // when
            CliRun validate = CliRun.of("validate", "--config", config(db));

            // then
            assertThat(validate.code()).as(validate.all()).isZero();
            assertThat(validate.out()).contains("a run would first create or migrate the schema (V1 catalog schema");
            assertThat(SchemaStatus.read(db.dataSource()).empty()).isTrue();
        }
    }

    @Test
    void aRunAfterStatusCreatesTheSchemaAndStatusThenShowsIt() {
        try (TestDatabase db = TestDatabases.create(Engine.H2, false)) {
            // given
            Path config = config(db);
            CliRun.of("status", "--config", config);

            // when
            CliRun run = CliRun.of("run", "--config", config);
            CliRun status = CliRun.of("status", "--config", config);

            // then
            assertThat(run.code()).as(run.all()).isZero();
            assertThat(status.code()).as(status.all()).isZero();
            assertThat(status.out()).contains("shop (local): OK").contains("nodes +42 ~0 -0");
            assertThat(CatalogDump.query(db.dataSource(), "SELECT id FROM ingestion_run"))
                    .hasSize(1);
        }
    }

    @Test
    void theLightApplicationHasNoSchedulerButTheStatusesAndBindsTheConfigurationAtStart() {
        try (TestDatabase db = emptyH2()) {
            // given
            Path config = config(db);

            // when
            try (ConfigurableApplicationContext context = light(config)) {
                // then
                assertThat(context.getBeanNamesForType(ScheduledIngestions.class))
                        .isEmpty();
                assertThat(context.getBeanNamesForType(IngestionMetrics.class)).isEmpty();
                assertThat(context.getBeanNamesForType(SourceStatuses.class)).hasSize(1);
                assertThat(context.getBeanFactory().containsSingleton("catalogDataSource"))
                        .as("beans are built when first asked for")
                        .isFalse();
            }
        }
    }

    @Test
    void theLightApplicationStillRejectsAnUnknownKeyAtStart() {
        try (TestDatabase db = emptyH2()) {
            // given
            Path config = TestConfigs.write(
                    dir.resolve("bad"),
                    db.jdbcUrl(),
                    "  no-such-key: 1",
                    TestConfigs.localSource("shop", SampleRuns.SAMPLE, null));

            // then
            assertThatThrownBy(() -> light(config).close())
                    .hasStackTraceContaining("ingestion.no-such-key")
                    .hasStackTraceContaining("ingestion");
        }
    }

    private static TestDatabase emptyH2() {
        return TestDatabases.create(Engine.H2, false);
    }

    private static ConfigurableApplicationContext light(Path config) {
        return new SpringApplicationBuilder(CommandApplication.class)
                .logStartupInfo(false)
                .lazyInitialization(true)
                .run(
                        "--spring.config.location=classpath:/application.yaml,file:" + config,
                        "--dbt-catalog-ingest.read-only=true");
    }

    private Path config(TestDatabase db) {
        return TestConfigs.write(
                dir.resolve("cfg-" + db.name()),
                db.jdbcUrl(),
                "",
                TestConfigs.localSource("shop", SampleRuns.SAMPLE, null));
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
