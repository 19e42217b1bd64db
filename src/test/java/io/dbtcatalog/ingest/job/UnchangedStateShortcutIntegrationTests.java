package io.dbtcatalog.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.lineage.AnalysisContext;
import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.lineage.SqlLineageAnalyzer;
import io.dbtcatalog.ingest.lineage.StatementLineage;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.local.LocalFolderSource;
import io.dbtcatalog.ingest.source.local.LocalSettings;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.StoreOptions;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The next dbt invocation of an unchanged project (decision 0014): only its history is read and written, and the
 * catalog it leaves is, table by table, the one a full read and publish of the same files leaves; any change of state
 * takes the full path. Real artifacts, on H2 and PostgreSQL.
 */
class UnchangedStateShortcutIntegrationTests {

    private static final ProjectRef PROJECT = ProjectRef.local("next-invocations");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(5));
    private static final SnapshotLineage LINEAGE = new SnapshotLineage(new ColumnLineageEngine());

    @TempDir
    Path temp;

    /** A set with sources.json (our sample), one with catalog statistics, one whose catalog has none. */
    static Stream<Arguments> setsOnBothEngines() {
        return Stream.of(Engine.values())
                .flatMap(engine -> Stream.of(
                        Arguments.of("samples/jaffle-shop", engine),
                        Arguments.of("hubspot-dbt1.2", engine),
                        Arguments.of("bouncer-dbt1.10", engine)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("setsOnBothEngines")
    void theNextInvocationOfAnUnchangedProjectLeavesTheCatalogTheFullPathLeaves(String set, Engine engine) {
        Path first = NextInvocation.of(folder(set), temp.resolve("first"), 1, false);
        Path next = NextInvocation.of(first, temp.resolve("next"), 2, true);
        try (TestDatabase shortcut = engine.create();
                TestDatabase full = engine.create()) {
            // given
            ingest(shortcut.dataSource(), true, first);
            ingest(full.dataSource(), false, first);
            // when
            RunOutcome cheap = ingest(shortcut.dataSource(), true, next);
            RunOutcome read = ingest(full.dataSource(), false, next);
            // then
            assertThat(cheap.status()).isEqualTo(RunOutcome.Status.INGESTED);
            assertThat(cheap.message()).isEqualTo(RunOutcome.STATE_UNCHANGED);
            assertThat(read.message()).isNull();
            assertThat(cheap.published()).isEqualTo(read.published());
            assertThat(cheap.published().nodes().unchanged()).isPositive();
            assertThat(cheap.published().rowsWritten()).isPositive();
            Map<String, List<Map<String, Object>>> expected = catalog(full.dataSource());
            Map<String, List<Map<String, Object>>> actual = catalog(shortcut.dataSource());
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach(
                    (table, rows) -> assertThat(actual.get(table)).as(table).isEqualTo(rows));
            assertThat(ledgerMessages(shortcut.dataSource()).get(1))
                    .startsWith("state unchanged (state digest sha256:");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void changedStatisticsAloneTakeTheShortcutAndAppearInTheHistory(Engine engine) {
        Path first = NextInvocation.of(folder("hubspot-dbt1.2"), temp.resolve("first"), 1, false);
        Path next = NextInvocation.of(first, temp.resolve("next"), 2, true);
        try (TestDatabase db = engine.create()) {
            // given
            ingest(db.dataSource(), true, first);
            int before = statRows(db.dataSource());
            // when
            RunOutcome outcome = ingest(db.dataSource(), true, next);
            // then
            assertThat(outcome.message()).isEqualTo(RunOutcome.STATE_UNCHANGED);
            assertThat(before).isPositive();
            assertThat(statRows(db.dataSource())).isEqualTo(2 * before);
            assertThat(CatalogDump.query(
                            db.dataSource(),
                            "SELECT COUNT(*) AS n FROM catalog_relation_stats WHERE invocation_id = ?",
                            "00000000-0000-4000-8000-000000000002"))
                    .containsExactly(Map.of("n", (long) before));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStateWhoseColumnLineageFailedIsReadInFullAgainByTheNextInvocation(Engine engine) {
        Path first = NextInvocation.of(folder("samples/jaffle-shop"), temp.resolve("first"), 1, false);
        Path next = NextInvocation.of(first, temp.resolve("next"), 2, true);
        SnapshotLineage failing = new SnapshotLineage(new ColumnLineageEngine(new SqlLineageAnalyzer() {
            @Override
            public StatementLineage analyse(String sql, AnalysisContext context) {
                throw new IllegalStateException("not reached");
            }

            @Override
            public String version() {
                throw new IllegalStateException("the lineage step broke");
            }
        }));
        try (TestDatabase db = engine.create()) {
            // given: the first invocation is published without its column lineage
            RunOutcome broken = ingest(db.dataSource(), true, first, failing);
            assertThat(broken.warnings()).anyMatch(warning -> warning.contains("column lineage not derived"));
            assertThat(lineageEdges(db.dataSource())).isZero();
            // when: the next invocation of the same state, with a working lineage step
            RunOutcome outcome = ingest(db.dataSource(), true, next, LINEAGE);
            // then: it is read in full, and the lineage is derived this time
            assertThat(outcome.status()).isEqualTo(RunOutcome.Status.INGESTED);
            assertThat(outcome.message()).isNull();
            assertThat(lineageEdges(db.dataSource())).isPositive();
        }
    }

    private static long lineageEdges(DataSource dataSource) {
        return (Long) CatalogDump.query(dataSource, "SELECT COUNT(*) AS n FROM catalog_column_lineage")
                .get(0)
                .get("n");
    }

    static Stream<Arguments> stateChangesOnBothEngines() {
        return Stream.of(Engine.values())
                .flatMap(engine -> Stream.of(
                        Arguments.of("a model's description", engine),
                        Arguments.of("a node removed", engine),
                        Arguments.of("a column type in the catalog", engine)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stateChangesOnBothEngines")
    void aChangeOfStateTakesTheFullPath(String change, Engine engine) {
        Path first = NextInvocation.of(folder("samples/jaffle-shop"), temp.resolve("first"), 1, false);
        Path next = NextInvocation.of(first, temp.resolve("next"), 2, false, edit(change));
        if (change.contains("catalog")) {
            retypeFirstColumn(next.resolve("catalog.json"));
        }
        try (TestDatabase db = engine.create()) {
            // given
            ingest(db.dataSource(), true, first);
            // when
            RunOutcome outcome = ingest(db.dataSource(), true, next);
            // then
            assertThat(outcome.status()).isEqualTo(RunOutcome.Status.INGESTED);
            assertThat(outcome.message()).isNull();
            assertThat(outcome.published().changedNothing()).isFalse();
            var state = outcome.published();
            assertThat(state.nodes().updated()
                            + state.nodes().deleted()
                            + state.columns().updated())
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMalformedManifestOfANextInvocationStillFailsNamingTheFileLineAndColumn(Engine engine) throws Exception {
        Path first = NextInvocation.of(folder("samples/jaffle-shop"), temp.resolve("first"), 1, false);
        Path next = NextInvocation.of(first, temp.resolve("next"), 2, false);
        Path manifest = next.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2) + "\n}}");
        try (TestDatabase db = engine.create()) {
            // given
            ingest(db.dataSource(), true, first);
            CatalogDump before = CatalogDump.of(db.dataSource());
            // when
            RunOutcome outcome = ingest(db.dataSource(), true, next);
            // then
            assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
            assertThat(outcome.message()).contains(manifest.toString()).containsPattern("line \\d+, column \\d+");
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
        }
    }

    private static Consumer<ObjectNode> edit(String change) {
        return manifest -> {
            ObjectNode nodes = (ObjectNode) manifest.get("nodes");
            String model = nodes.propertyNames().stream()
                    .filter(id -> id.startsWith("model."))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            if (change.contains("description")) {
                ((ObjectNode) nodes.get(model)).put("description", "changed since the last invocation");
            } else if (change.contains("removed")) {
                String test = nodes.propertyNames().stream()
                        .filter(id -> id.startsWith("test."))
                        .sorted()
                        .findFirst()
                        .orElseThrow();
                nodes.remove(test);
            }
        };
    }

    private static void retypeFirstColumn(Path catalog) {
        ObjectNode root = (ObjectNode) JsonMapper.shared().readTree(catalog.toFile());
        ObjectNode tables = (ObjectNode) root.get("nodes");
        String id = tables.propertyNames().stream()
                .filter(key -> key.startsWith("model."))
                .sorted()
                .findFirst()
                .orElseThrow();
        ObjectNode columns = (ObjectNode) tables.get(id).get("columns");
        String column = columns.propertyNames().iterator().next();
        ((ObjectNode) columns.get(column)).put("type", "CHANGED_TYPE");
        JsonMapper.shared().writeValue(catalog.toFile(), root);
    }

    private static Path folder(String set) {
        return set.startsWith("samples/") ? Path.of(set) : SharedReference.set(set);
    }

    private static RunOutcome ingest(DataSource dataSource, boolean shortcut, Path folder) {
        return ingest(dataSource, shortcut, folder, LINEAGE);
    }

    private static RunOutcome ingest(DataSource dataSource, boolean shortcut, Path folder, SnapshotLineage lineage) {
        CatalogStore store = new CatalogStore(dataSource, new StoreOptions(true, true, shortcut, true, true));
        LocalFolderSource source =
                new LocalFolderSource(new LocalSettings("next", folder, null), new ArtifactSnapshotReader());
        SourceIngestion.Result result = new SourceIngestion(
                        source, PROJECT, store, lineage, RULES, IngestionProgress.NONE, 20)
                .run(new RunSelector.Latest(), false);
        assertThat(result.runs()).hasSize(1);
        return result.runs().get(0);
    }

    /**
     * Every catalog table, every {@code *_seen} view and the ledger, without what differs by nature between two
     * ingestions: wall-clock times and the ledger's message (it says which path was taken).
     */
    private static Map<String, List<Map<String, Object>>> catalog(DataSource dataSource) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        CatalogDump.of(dataSource).tables().forEach((name, rows) -> tables.put(name, rows));
        for (Map<String, Object> view : CatalogDump.query(dataSource, """
                SELECT table_name FROM information_schema.views
                WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                """)) {
            String name = ((String) view.get("table_name")).toLowerCase(Locale.ROOT);
            if (name.endsWith("_seen")) {
                tables.put(name, sorted(CatalogDump.query(dataSource, "SELECT * FROM " + name)));
            }
        }
        tables.put("ingestion_run", CatalogDump.query(dataSource, "SELECT * FROM ingestion_run ORDER BY id"));
        tables.replaceAll((name, rows) -> rows.stream()
                .map(row -> {
                    Map<String, Object> kept = new LinkedHashMap<>(row);
                    kept.keySet().removeAll(List.of("created_at", "started_at", "finished_at", "message"));
                    return kept;
                })
                .toList());
        return tables;
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> a.toString().compareTo(b.toString()));
        return copy;
    }

    private static List<String> ledgerMessages(DataSource dataSource) {
        return CatalogDump.query(dataSource, "SELECT message FROM ingestion_run ORDER BY id").stream()
                .map(row -> String.valueOf(row.get("message")))
                .toList();
    }

    private static int statRows(DataSource dataSource) {
        return ((Number) CatalogDump.query(dataSource, "SELECT COUNT(*) AS n FROM catalog_relation_stats")
                        .get(0)
                        .get("n"))
                .intValue();
    }
}
