package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.CommandLine;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our own column-lineage sample ({@code src/test/resources/lineage-sample}: a hand-written dbt target folder on
 * DuckDB whose compiled SQL covers CTEs, an inlined ephemeral model, a subquery, joins, UNION ALL, {@code SELECT *},
 * {@code t.*}, {@code EXCLUDE}, aliases, aggregates, a window, QUALIFY, CASE, UNNEST and a CREATE ... AS wrapper,
 * plus a model whose SQL does not parse, one without compiled SQL and a Python model) ingested with {@code run}:
 * the catalog's edges are exactly the hand-written {@code expected-edges.tsv}, on H2 and PostgreSQL.
 */
class ColumnLineageSampleIntegrationTests {

    static final Path SAMPLE = Path.of("src/test/resources/lineage-sample").toAbsolutePath();
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sampleProjectEdgesAreExactlyTheHandWrittenListAndTheBrokenModelDoesNotFailTheRun(Engine engine)
            throws IOException {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            Path config =
                    TestConfigs.write(dir, db.jdbcUrl(), "", TestConfigs.localSource("lineage_lab", SAMPLE, null));

            // when
            CommandLine run = CommandLine.run("run", "--config", config);

            // then
            assertThat(run.code()).as(run.all()).isZero();
            assertThat(edges(db.dataSource())).containsExactlyInAnyOrderElementsOf(expectedEdges());
            assertThat(coverage(db.dataSource()))
                    .containsExactlyInAnyOrder(
                            "model.lineage_lab.broken_model none parse_error line 1",
                            "model.lineage_lab.customers full null line null",
                            "model.lineage_lab.order_events full null line null",
                            "model.lineage_lab.order_items full null line null",
                            "model.lineage_lab.order_scores none python_model line null",
                            "model.lineage_lab.orders full null line null",
                            "model.lineage_lab.parsed_only none no_compiled_sql line null",
                            "model.lineage_lab.stg_customers full null line null",
                            "model.lineage_lab.stg_orders full null line null",
                            "model.lineage_lab.stg_payments full null line null");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readmeColumnLineageQueriesAnswerOnTheSample(Engine engine) throws IOException {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            Path config =
                    TestConfigs.write(dir, db.jdbcUrl(), "", TestConfigs.localSource("lineage_lab", SAMPLE, null));
            assertThat(CommandLine.run("run", "--config", config).code()).isZero();
            List<String> queries = readmeQueries("catalog_column_lineage");

            // when
            List<List<Map<String, Object>>> answers = queries.stream()
                    .map(sql -> CatalogDump.query(db.dataSource(), sql))
                    .toList();

            // then
            assertThat(queries).hasSize(4);
            assertThat(answers.get(0))
                    .extracting(row -> row.get("unique_id") + "." + row.get("column_name") + "@" + row.get("distance"))
                    .containsExactly(
                            "model.lineage_lab.stg_payments.amount@1",
                            "source.lineage_lab.shop.payments.amount_cents@2");
            assertThat(answers.get(1))
                    .extracting(row -> row.get("unique_id") + "." + row.get("column_name") + "@" + row.get("distance"))
                    .containsExactly(
                            "model.lineage_lab.orders.amount@1",
                            "model.lineage_lab.orders.credit_card_amount@1",
                            "model.lineage_lab.orders.customer_running_amount@1");
            assertThat(answers.get(2))
                    .extracting(row -> row.get("node_unique_id") + "." + row.get("column_name"))
                    .containsExactly(
                            "model.lineage_lab.customers.country_rank",
                            "model.lineage_lab.customers.order_count",
                            "model.lineage_lab.order_events.event_type");
            assertThat(answers.get(3))
                    .extracting(row -> row.get("status") + "/" + row.get("reason_kind") + "=" + row.get("models"))
                    .containsExactlyInAnyOrder(
                            "full/null=7", "none/parse_error=1", "none/python_model=1", "none/no_compiled_sql=1");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnLineageCommandPrintsTheUpstreamTreeTheDownstreamMermaidAndJson(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            Path config =
                    TestConfigs.write(dir, db.jdbcUrl(), "", TestConfigs.localSource("lineage_lab", SAMPLE, null));
            assertThat(CommandLine.run("run", "--config", config).code()).isZero();

            // when
            CommandLine up = CommandLine.run("column-lineage", "orders.AMOUNT", "--config", config);
            CommandLine down = CommandLine.run(
                    "column-lineage",
                    "source.lineage_lab.shop.orders.status",
                    "--down",
                    "--format",
                    "mermaid",
                    "--config",
                    config);
            CommandLine json = CommandLine.run(
                    "column-lineage", "customers.country_rank", "--depth", "1", "--json", "--config", config);
            CommandLine unknown = CommandLine.run("column-lineage", "orders.no_such_column", "--config", config);

            // then
            assertThat(up.code()).as(up.all()).isZero();
            assertThat(up.out()).isEqualTo("""
                    model.lineage_lab.orders.amount — upstream: 2 columns
                      <- model.lineage_lab.stg_payments.amount  (aggregate)
                        <- source.lineage_lab.shop.payments.amount_cents  (expression)
                    """);
            assertThat(down.code()).as(down.all()).isZero();
            assertThat(down.out()).isEqualTo("""
                    flowchart LR
                      c0["source.lineage_lab.shop.orders<br/>status"]
                      c1["model.lineage_lab.stg_orders<br/>status"]
                      c2["model.lineage_lab.orders<br/>status"]
                      c0 -->|direct| c1
                      c1 -->|case| c2
                      style c0 stroke-width:3px
                    """);
            assertThat(json.code()).as(json.all()).isZero();
            assertThat(json.out())
                    .contains("\"direction\" : \"upstream\"")
                    .contains("\"parent_unique_id\" : \"model.lineage_lab.stg_customers\"")
                    .contains("\"parent_column\" : \"amount_cents\"")
                    .contains("\"flow\" : \"window_key\"");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err())
                    .contains("model.lineage_lab.orders has no column 'no_such_column' (its columns: amount,");
        }
    }

    /** The lines of the hand-written edge list, comments left out. */
    static List<String> expectedEdges() throws IOException {
        return Files.readAllLines(SAMPLE.resolve("expected-edges.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    /** The catalog's active edges as lines of the edge list. */
    static List<String> edges(DataSource dataSource) {
        return CatalogDump.query(dataSource, """
                        SELECT child_unique_id, child_column, parent_unique_id, parent_column, flow
                        FROM catalog_column_lineage WHERE project_key = 'lineage_lab' AND deleted_at IS NULL""").stream()
                .map(row -> String.join(
                        "\t",
                        (String) row.get("child_unique_id"),
                        (String) row.get("child_column"),
                        (String) row.get("parent_unique_id"),
                        (String) row.get("parent_column"),
                        (String) row.get("flow")))
                .toList();
    }

    private static List<String> coverage(DataSource dataSource) {
        return CatalogDump.query(dataSource, """
                        SELECT unique_id, status, reason_kind, error_line FROM catalog_column_lineage_coverage
                        WHERE project_key = 'lineage_lab' AND deleted_at IS NULL""").stream()
                .map(row -> row.get("unique_id") + " " + row.get("status") + " " + row.get("reason_kind") + " line "
                        + row.get("error_line"))
                .toList();
    }

    /** The README's example queries over {@code table}, for the sample's project. */
    private static List<String> readmeQueries(String table) throws IOException {
        Matcher blocks = SQL_BLOCK.matcher(Files.readString(Path.of("sql", "README.md")));
        return blocks.results()
                .map(block -> block.group(1).trim().replaceAll(";$", "").replace("jaffle_shop", "lineage_lab"))
                .filter(sql -> sql.contains(table))
                .collect(Collectors.toList());
    }
}
