package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema check without Flyway tells the same as Flyway on both engines: nothing there, current, behind, a failed
 * or an unknown migration; and {@code migrateWhenBehind} starts Flyway only when there is something to do.
 */
class SchemaStatusIntegrationTests {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyDatabaseLacksEveryMigrationExactlyAsFlywayListsThem(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            List<String> flyway = flywayPending(db.dataSource());

            // when
            SchemaStatus status = SchemaStatus.read(db.dataSource());

            // then
            assertThat(status.empty()).isTrue();
            assertThat(status.current()).isFalse();
            assertThat(status.pending()).isEqualTo(flyway).contains("V1 catalog schema", "V7 whole dbt cloud runs");
            assertThat(status.pending().contains("V5.1 state table fillfactor")).isEqualTo(engine == Engine.POSTGRESQL);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMigratedDatabaseIsCurrent(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // when
            SchemaStatus status = SchemaStatus.read(db.dataSource());

            // then
            assertThat(status.empty()).isFalse();
            assertThat(status.pending()).isEmpty();
            assertThat(status.current()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDatabaseOfAnOlderBuildIsBehindByTheMigrationsItLacksAndMigrateWhenBehindAppliesThem(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given the schema of the build before V7
            CatalogMigrations.flyway(db.dataSource(), "6").migrate();

            // when
            SchemaStatus before = SchemaStatus.read(db.dataSource());
            List<String> flyway = flywayPending(db.dataSource());
            int applied = CatalogMigrations.migrateWhenBehind(db.dataSource());

            // then
            assertThat(before.empty()).isFalse();
            assertThat(before.pending()).isEqualTo(flyway).startsWith("V7 whole dbt cloud runs");
            assertThat(applied).isEqualTo(before.pending().size());
            assertThat(SchemaStatus.read(db.dataSource()).current()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCurrentSchemaIsNotMigratedAgain(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // when
            int applied = CatalogMigrations.migrateWhenBehind(db.dataSource());

            // then
            assertThat(applied).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedOrUnknownMigrationIsNotCleanSoFlywayGetsToSayWhy(Engine engine) {
        try (TestDatabase failed = engine.create();
                TestDatabase newer = engine.create()) {
            // given a failed V7 and a V99 of a newer build
            execute(
                    failed.dataSource(),
                    "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '7'");
            execute(newer.dataSource(), """
                    INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                        "checksum", "installed_by", "installed_on", "execution_time", "success")
                    VALUES (99, '99', 'from a newer build', 'SQL', 'V99__from_a_newer_build.sql', 0, 'test',
                        CURRENT_TIMESTAMP, 0, TRUE)
                    """);

            // when
            SchemaStatus failedStatus = SchemaStatus.read(failed.dataSource());
            SchemaStatus newerStatus = SchemaStatus.read(newer.dataSource());

            // then
            assertThat(failedStatus.clean()).isFalse();
            assertThat(failedStatus.pending()).containsExactly("V7 whole dbt cloud runs");
            assertThat(newerStatus.clean()).isFalse();
            assertThat(newerStatus.pending()).isEmpty();
            assertThat(newerStatus.current()).isFalse();
        }
    }

    private static List<String> flywayPending(DataSource dataSource) {
        return Arrays.stream(CatalogMigrations.flyway(dataSource).info().pending())
                .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                .toList();
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
