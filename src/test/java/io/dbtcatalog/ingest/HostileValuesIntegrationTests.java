package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SqlRecorder;
import io.dbtcatalog.ingest.support.TargetFolder;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names, descriptions, tags, meta, column names and even unique ids full of quotes, semicolons, SQL, placeholders,
 * control characters and emoji go from the manifest into the catalog and read back exactly, on both engines; and
 * not one of them ever appears in the text of a SQL statement (values travel only as bind parameters).
 */
class HostileValuesIntegrationTests {

    /** In every hostile value, so no SQL text may contain it. */
    private static final String MARK = "⁂";

    private static final List<String> HOSTILE = List.of(
            "O'Brien \"double\" `back` ''; " + MARK,
            "x'; DROP TABLE catalog_node; -- " + MARK,
            "1 OR 1=1; DELETE FROM ingestion_run WHERE 'a'='a " + MARK,
            "${DBT_CLOUD_TOKEN} ${java.home} #{1+1} %s %n {} " + MARK,
            "tab\there\r\nnew line \u0001\u001f\u007f\u0007 esc\u001b[31m " + MARK,
            "emoji 🦆👩‍💻🇩🇪 rtl \u202e text \u2028 " + MARK,
            "back\\slash \\' \\\" C:\\temp\\ " + MARK,
            "SELECT * FROM catalog_project /* c */ UNION SELECT '" + MARK);
    private static final String ORDERS = "model.jaffle_shop.orders";
    private static final String HOSTILE_ID = "model.jaffle_shop." + HOSTILE.get(1);
    private static final ProjectRef PROJECT = ProjectRef.local("hostile");
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostileValuesRoundTripExactlyAndNeverBecomeSql(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: the sample with hostile values in every kind of field, and a node with a hostile unique id
            TargetFolder folder =
                    TargetFolder.copyOf(Path.of("samples/jaffle-shop").toAbsolutePath(), dir);
            ObjectNode meta = JSON.createObjectNode();
            HOSTILE.forEach(value -> meta.put(value, value));
            folder.edit("manifest.json", manifest -> plant((ObjectNode) manifest.get("nodes"), meta));
            CatalogSnapshot snapshot = new ArtifactSnapshotReader()
                    .read(
                            ArtifactFiles.inFolder(folder.path()),
                            TestRuns.run(PROJECT.projectKey(), HOSTILE.get(3), null, null, null, HOSTILE.get(4)));
            SqlRecorder recorder = new SqlRecorder(db.dataSource());
            CatalogStore store = new CatalogStore(recorder.dataSource());

            // when
            store.publish(PROJECT, snapshot, Instant.now());
            PublishResult again = store.publish(PROJECT, snapshot, Instant.now());

            // then
            Map<String, Object> orders = node(db.dataSource(), ORDERS);
            assertThat(orders.get("description")).isEqualTo(String.join("\n", HOSTILE));
            assertThat(strings(JSON.readTree((String) orders.get("tags")))).isEqualTo(HOSTILE);
            assertThat(JSON.readTree((String) orders.get("meta"))).isEqualTo(meta);
            Map<String, Object> planted = node(db.dataSource(), HOSTILE_ID);
            assertThat(planted.get("unique_id")).isEqualTo(HOSTILE_ID);
            assertThat(planted.get("name")).isEqualTo(HOSTILE.get(0));
            assertThat(CatalogDump.query(
                            db.dataSource(),
                            "SELECT column_name, description FROM catalog_column"
                                    + " WHERE project_key = ? AND node_unique_id = ? AND column_name = ?",
                            PROJECT.projectKey(),
                            ORDERS,
                            HOSTILE.get(5)))
                    .singleElement()
                    .satisfies(column -> assertThat(column.get("description")).isEqualTo(HOSTILE.get(6)));
            assertThat(CatalogDump.query(db.dataSource(), "SELECT run_key, location FROM ingestion_run")
                            .get(0))
                    .containsEntry("run_key", HOSTILE.get(3))
                    .containsEntry("location", HOSTILE.get(4));
            assertThat(again.changedNothing()).isTrue();
            assertThat(recorder.statements()).isNotEmpty().noneMatch(sql -> sql.contains(MARK));
        }
    }

    private static void plant(ObjectNode nodes, ObjectNode meta) {
        ObjectNode orders = (ObjectNode) nodes.get(ORDERS);
        ObjectNode copy = orders.deepCopy();
        orders.put("description", String.join("\n", HOSTILE));
        ArrayNode tags = orders.putArray("tags");
        HOSTILE.forEach(tags::add);
        orders.set("meta", meta);
        ((ObjectNode) orders.get("config")).set("meta", meta);
        ((ObjectNode) orders.get("columns"))
                .putObject(HOSTILE.get(5))
                .put("name", HOSTILE.get(5))
                .put("description", HOSTILE.get(6));
        copy.put("unique_id", HOSTILE_ID).put("name", HOSTILE.get(0)).put("description", HOSTILE.get(2));
        nodes.set(HOSTILE_ID, copy);
    }

    private static Map<String, Object> node(DataSource dataSource, String uniqueId) {
        List<Map<String, Object>> rows = CatalogDump.query(
                dataSource,
                "SELECT unique_id, name, description, tags,"
                        + " meta FROM catalog_node WHERE project_key = ? AND unique_id = ?",
                PROJECT.projectKey(),
                uniqueId);
        assertThat(rows).as("node " + uniqueId).hasSize(1);
        return rows.get(0);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}
