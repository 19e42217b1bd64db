package io.dbtcatalog.ingest;

import static io.dbtcatalog.ingest.support.IngestionApp.onlyRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.IngestionApp;
import io.dbtcatalog.ingest.support.TargetFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structurally valid JSON of the wrong shape, fed to the whole application (launcher, job, reader, store) on an H2
 * file catalog that already holds the sample project. What breaks the state the manifest describes fails the run
 * with one line naming the file and position, writes no catalog row and leaves a FAILED ledger row; what only
 * affects optional detail (one result, one warehouse table) is skipped with a warning. After each case the intact
 * artifacts of the next run ingest normally.
 */
class ArtifactShapeFaultTests {

    private static final String SOURCE = "shop";
    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final String ORDERS = "model.jaffle_shop.orders";

    @TempDir
    static Path dir;

    private static IngestionApp app;
    private static TargetFolder folder;

    @BeforeAll
    static void ingestTheSample() {
        folder = TargetFolder.copyOf(SAMPLE, dir.resolve("target"));
        app = IngestionApp.start(IngestionApp.config(
                dir, "jdbc:h2:file:" + dir.resolve("db/catalog"), Map.of(SOURCE, folder.path()), ""));
        assertThat(app.run(SOURCE).succeeded()).isTrue();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void nextNormalRunSucceeds() {
        // the intact artifacts of the following run ingest normally after every case
        TargetFolder.copyOf(SAMPLE, folder.path()).newInvocation();
        RunOutcome next = onlyRun(app.run(SOURCE));
        assertThat(next.status()).as(next.message()).isEqualTo(RunOutcome.Status.INGESTED);
    }

    @Test
    void nodeThatIsAStringFailsTheRunNamingTheEntryAndPosition() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes")).put(ORDERS, "not a node"));

        // when / then
        assertFailsCleanly(
                "manifest.json", "line 1, column ", "nodes entry '" + ORDERS + "' is a string, not an object");
    }

    @Test
    void resourceSectionThatIsAListFailsTheRunInsteadOfDeletingEveryNode() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> m.putArray("nodes").add("model.jaffle_shop.orders"));

        // when / then
        assertFailsCleanly("manifest.json", "section 'nodes' is a list, not an object");
    }

    @Test
    void duplicateKeyFailsTheRunNamingTheKey() {
        // given: the orders node says its name twice (only a hand-edited or corrupted file does)
        folder.newInvocation();
        String manifest = new String(folder.bytes("manifest.json"), StandardCharsets.UTF_8);
        String entry = "\"" + ORDERS + "\": {";
        folder.write("manifest.json", manifest.replace(entry, entry + "\"name\": \"orders_again\", "));

        // when / then
        assertFailsCleanly("manifest.json", "line 1, column ", "Duplicate Object property \"name\"");
    }

    @Test
    void metaNestedDeeperThanTheParserAllowsFailsTheRun() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).put("meta", "DEEP"));
        String deep = "{\"a\": ".repeat(600) + "1" + "}".repeat(600);
        String manifest = new String(folder.bytes("manifest.json"), StandardCharsets.UTF_8);
        folder.write("manifest.json", manifest.replace("\"DEEP\"", deep));

        // when / then
        assertFailsCleanly("manifest.json", "line 1, column ", "nesting depth");
    }

    @Test
    void nonUtf8BytesFailTheRunNamingThePosition() {
        // given: a description re-encoded as ISO-8859-1 ("café" with a lone 0xE9 byte)
        folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).put("description", "café"));
        byte[] utf8 = folder.bytes("manifest.json");
        String text = new String(utf8, StandardCharsets.UTF_8);
        folder.write("manifest.json", text.getBytes(StandardCharsets.ISO_8859_1));

        // when / then
        assertFailsCleanly("manifest.json", "line 1, column ", "Invalid UTF-8");
    }

    @Test
    void runResultsWhoseResultsAreNotAListFailTheRun() {
        // given
        folder.newInvocation();
        folder.edit("run_results.json", r -> r.put("results", "none"));

        // when / then
        assertFailsCleanly("run_results.json", "section 'results' is a string, not a list");
    }

    @Test
    void contentAfterTheTopLevelObjectFailsTheRun() {
        // given: two JSON documents concatenated, as an interrupted rewrite can leave them
        folder.newInvocation();
        folder.write("catalog.json", new String(folder.bytes("catalog.json"), StandardCharsets.UTF_8) + "{\"x\": 1}");

        // when / then
        assertFailsCleanly("catalog.json", "content follows the end of the top-level object");
    }

    @Test
    void columnsGivenAsAListOfNamedObjectsAreReadLikeTheObjectDbtWrites() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> {
            ObjectNode orders = (ObjectNode) m.get("nodes").get(ORDERS);
            ArrayNode list = orders.arrayNode();
            orders.get("columns").values().forEach(list::add);
            orders.set("columns", list);
        });
        CatalogDump before = app.dump();

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then: the same columns as before, nothing changed
        assertThat(run.status()).as(run.message()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.published().columns().changedNothing()).isTrue();
        assertThat(app.dump().rows("catalog_column")).isEqualTo(before.rows("catalog_column"));
    }

    @Test
    void columnsThatAreAStringAreLeftOutWithAWarning() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).put("columns", "order_id"));

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.warnings()).anyMatch(w -> w.contains(ORDERS + ": columns is a string"));
    }

    @Test
    void nodeWithoutUniqueIdIsKeyedByItsEntryKey() {
        // given
        folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).remove("unique_id"));

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.published().nodes().changedNothing()).isTrue();
    }

    @Test
    void tenMegabyteDescriptionRoundTripsExactly() {
        // given
        folder.newInvocation();
        String description = "Ω long description; ".repeat(500_000);
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).put("description", description));

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).as(run.message()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.published().nodes().updated()).isEqualTo(1);
        List<Map<String, Object>> stored = CatalogDump.query(
                app.dataSource(),
                "SELECT description FROM catalog_node WHERE project_key = ? AND unique_id = ?",
                SOURCE,
                ORDERS);
        assertThat((String) stored.get(0).get("description"))
                .hasSize(description.length())
                .isEqualTo(description);
    }

    @Test
    void metaNestedWithinTheLimitIsStoredVerbatim() {
        // given
        folder.newInvocation();
        ObjectNode meta = nested(100);
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).set("meta", meta));

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat((String) CatalogDump.query(
                                app.dataSource(),
                                "SELECT meta FROM catalog_node WHERE project_key = ?" + " AND unique_id = ?",
                                SOURCE,
                                ORDERS)
                        .get(0)
                        .get("meta"))
                .contains(meta.get("level0").toString());
    }

    @Test
    void runResultOfTheWrongShapeIsSkippedWithAWarningNamingIt() {
        // given: the first result's status is an object
        folder.newInvocation();
        String[] skipped = new String[1];
        folder.edit("run_results.json", r -> {
            ObjectNode first = (ObjectNode) r.get("results").get(0);
            skipped[0] = first.get("unique_id").stringValue();
            first.putObject("status").put("code", 1);
        });

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.warnings())
                .anyMatch(w -> w.startsWith(folder.file("run_results.json").toString())
                        && w.contains("1 result(s) of unexpected shape skipped (line ")
                        && w.contains(skipped[0] + ": field status is an object"));
        assertThat(run.published().testResultsAdded() + run.published().runResultsAdded())
                .isEqualTo(34);
    }

    @Test
    void warehouseTableOfTheWrongShapeIsSkippedWithAWarning() {
        // given
        folder.newInvocation();
        folder.edit("catalog.json", c -> ((ObjectNode) c.get("nodes").get(ORDERS))
                .putArray("columns")
                .add("id"));

        // when
        RunOutcome run = onlyRun(app.run(SOURCE));

        // then
        assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
        assertThat(run.warnings())
                .anyMatch(w -> w.contains("1 table(s) of unexpected shape skipped")
                        && w.contains(ORDERS + ": field columns is a list"));
    }

    /** The run fails with one line naming the file and every fragment; no catalog row changed; a FAILED row. */
    private void assertFailsCleanly(String file, String... fragments) {
        CatalogDump before = app.dump();
        int ledgerRows = app.ledger(SOURCE).size();

        SourceOutcome outcome = app.run(SOURCE);

        String message =
                outcome.failure() != null ? outcome.failure() : onlyRun(outcome).message();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(message)
                .doesNotContain("\n")
                .contains(folder.file(file).toString())
                .contains(fragments);
        assertThat(before.differences(app.dump())).isEmpty();
        List<Map<String, Object>> ledger = app.ledger(SOURCE);
        assertThat(ledger).hasSize(ledgerRows + 1);
        assertThat(ledger.get(ledger.size() - 1))
                .containsEntry("status", "FAILED")
                .containsEntry("message", message);
    }

    private static ObjectNode nested(int depth) {
        ObjectNode root = tools.jackson.databind.json.JsonMapper.shared().createObjectNode();
        ObjectNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.putObject("level" + i);
        }
        current.put("owner", "deep");
        return root;
    }
}
