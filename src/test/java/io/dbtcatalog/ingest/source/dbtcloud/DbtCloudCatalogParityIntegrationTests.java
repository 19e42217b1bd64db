package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.cli.IngestCli;
import io.dbtcatalog.ingest.support.CatalogDump;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code run} command on a dbt-cloud source (through the stand-in) and on a local folder holding the very
 * same artifacts: both end in identical catalog rows (nodes, columns, edges, tests, test and run results), apart
 * from the project key, ledger ids and the dbt Cloud run id and step that only the cloud source knows.
 */
class DbtCloudCatalogParityIntegrationTests {

    private static final Set<String> IGNORED =
            Set.of("project_key", "last_ingestion_run_id", "ingestion_run_id", "dbt_run_id", "dbt_step_index");
    private static final List<String> TABLES = List.of(
            "catalog_node",
            "catalog_column",
            "catalog_lineage",
            "catalog_test",
            "catalog_test_result",
            "catalog_run_result",
            "catalog_source_freshness");

    @TempDir
    Path dir;

    @Test
    void cloudRunAndLocalFolderOfTheSameArtifactsGiveTheSameCatalog() throws IOException {
        try (DbtCloudStandIn standIn = StandardAccount.start(dir)) {
            // given: the daily job's latest good run is 9000205 (bouncer-dbt1.10 build + docs steps)
            Path local = Files.createDirectories(dir.resolve("target"));
            Files.copy(CloudReference.artifact("bouncer-dbt1.10", "manifest.json"), local.resolve("manifest.json"));
            Files.copy(CloudReference.artifact("bouncer-dbt1.10", "catalog.json"), local.resolve("catalog.json"));
            Files.copy(dir.resolve("bouncer-dbt1.10-build-run_results.json"), local.resolve("run_results.json"));
            Path config = config(standIn, local);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // when
            int code = new IngestCli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                    .execute("run", "--config", config.toString());

            // then
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("cloud (dbt-cloud): OK")
                    .contains("run 9000205");
            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:file:" + dir.resolve("db/catalog"));
            db.setUser("sa");
            for (String table : TABLES) {
                assertThat(rows(db, table, "cloud")).as(table).isEqualTo(rows(db, table, "local"));
            }
            assertThat(rows(db, "catalog_run_result", "cloud")).isNotEmpty();
            assertThat(CatalogDump.query(
                            db,
                            "SELECT DISTINCT dbt_run_id, dbt_step_index FROM catalog_run_result"
                                    + " WHERE project_key = ?",
                            "cloud"))
                    .containsExactly(Map.of("dbt_run_id", 9000205L, "dbt_step_index", 4L));
        }
    }

    private static List<Map<String, Object>> rows(JdbcDataSource db, String table, String project) {
        return CatalogDump.query(db, "SELECT * FROM " + table + " WHERE project_key = ?", project).stream()
                .map(DbtCloudCatalogParityIntegrationTests::withoutIgnored)
                .sorted(Comparator.comparing(Object::toString))
                .toList();
    }

    private static Map<String, Object> withoutIgnored(Map<String, Object> row) {
        Map<String, Object> kept = new LinkedHashMap<>(row);
        kept.keySet().removeAll(IGNORED);
        return kept;
    }

    private Path config(DbtCloudStandIn standIn, Path local) throws IOException {
        Path file = dir.resolve("ingestion-config.yaml");
        Files.writeString(file, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                  work-dir: %s
                  sources:
                    - name: cloud
                      kind: dbt-cloud
                      base-url: %s
                      account-id: %d
                      token: %s
                      project-id: %d
                      job-id: %d
                    - name: local
                      kind: local
                      path: %s
                """.formatted(
                        dir.resolve("db/catalog"),
                        dir.resolve("work"),
                        standIn.baseUrl(),
                        StandardAccount.ACCOUNT,
                        StandardAccount.TOKEN,
                        StandardAccount.ANALYTICS,
                        StandardAccount.DAILY_JOB,
                        local));
        return file;
    }
}
