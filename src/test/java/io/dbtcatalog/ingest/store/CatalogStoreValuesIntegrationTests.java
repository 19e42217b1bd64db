package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.row;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static io.dbtcatalog.ingest.support.TestCatalog.modelId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Values are stored exactly, and values the schema cannot hold fail with a message naming them; both engines. */
class CatalogStoreValuesIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "it's \"quoted\" `back`; DROP TABLE catalog_node; -- ${x} #{y} %s \\n \\"
            + " tab\there newline\nthere cr\r bell\u0007 esc\u001b del\u007f unit\u001f emoji 😀🏳️‍🌈 rtl \u202eabc"
            + " cjk 漢字 combining e\u0301";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostileStringsRoundTripExactly(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            String id = "model.shop.o'rders \"x\"; DROP TABLE catalog_node; --";
            String megabyte = HOSTILE + "x".repeat(1 << 20) + HOSTILE;
            String meta = JSON.writeValueAsString(Map.of("note", HOSTILE, "n", 1));
            List<String> tags = List.of(HOSTILE, "😀", "a\"b", "\u0001");
            CatalogSnapshot snapshot = TestCatalog.snapshot("run-1")
                    .node(
                            hostileNode(id, megabyte, tags, meta),
                            n -> n.column("col \"" + HOSTILE.substring(0, 40) + "😀", c -> c.description(HOSTILE)
                                    .tags(HOSTILE)
                                    .meta(meta)
                                    .type("struct<a: string, \"b\": int>")))
                    .build();
            CatalogStore store = new CatalogStore(db.dataSource());
            // when
            store.publish(PROJECT, snapshot, STARTED);
            // then
            Map<String, Object> node = row(db.dataSource(), "SELECT * FROM catalog_node WHERE unique_id = ?", id);
            assertThat(node.get("description")).isEqualTo(megabyte);
            assertThat(node.get("raw_code")).isEqualTo(HOSTILE);
            assertThat(node.get("owner")).isEqualTo(HOSTILE);
            assertThat(node.get("meta")).isEqualTo(meta);
            assertThat(JSON.readValue((String) node.get("tags"), new TypeReference<List<String>>() {}))
                    .isEqualTo(tags);
            Map<String, Object> column =
                    row(db.dataSource(), "SELECT * FROM catalog_column WHERE node_unique_id = ?", id);
            assertThat(column.get("column_name")).isEqualTo("col \"" + HOSTILE.substring(0, 40) + "😀");
            assertThat(column.get("description")).isEqualTo(HOSTILE);
            assertThat(JSON.readValue((String) column.get("tags"), new TypeReference<List<String>>() {}))
                    .containsExactly(HOSTILE);
            assertThat(store.publish(PROJECT, snapshot, STARTED).rowsWritten()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nulCharacterIsStoredAsReplacementCharacterOnEveryEngine(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogSnapshot snapshot = TestCatalog.snapshot("run-1")
                    .model("orders", m -> m.description("a\0b"))
                    .build();
            CatalogStore store = new CatalogStore(db.dataSource());
            // when
            store.publish(PROJECT, snapshot, STARTED);
            // then
            assertThat(row(db.dataSource(), "SELECT description FROM catalog_node")
                            .get("description"))
                    .isEqualTo("a\uFFFDb");
            assertThat(store.publish(PROJECT, snapshot, STARTED).changedNothing())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tooLongUniqueIdFailsNamingTableColumnAndNode(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            String id = "model.shop." + "x".repeat(1000);
            CatalogSnapshot snapshot = TestCatalog.snapshot("run-1")
                    .node(hostileNode(id, "d", List.of(), "{}"), n -> {})
                    .build();
            CatalogStore store = new CatalogStore(db.dataSource());
            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, snapshot, STARTED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_node")
                    .hasMessageContaining("column unique_id")
                    .hasMessageContaining(id)
                    .hasMessageContaining("1011 characters")
                    .hasMessageContaining("1000");
            assertThat(CatalogDump.of(db.dataSource()).rows("catalog_project")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tooLongColumnNameFailsNamingItsNode(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: VARCHAR(1000) holds 1000 ASCII characters on both engines
            CatalogSnapshot fits = shop("run-1", T1)
                    .model("wide", m -> m.columns("c".repeat(1000)))
                    .build();
            CatalogSnapshot tooLong = shop("run-2", T1)
                    .model("wide", m -> m.columns("c".repeat(1001)))
                    .build();
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, fits, STARTED);
            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, tooLong, STARTED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_column")
                    .hasMessageContaining("column column_name")
                    .hasMessageContaining(modelId("wide").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void snapshotHoldingAKeyTwiceWithDifferentContentFailsNamingIt(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogSnapshot base = shop("run-1", T1).build();
            CatalogColumn first = base.columns().get(0);
            CatalogColumn conflicting = new CatalogColumn(
                    first.nodeId(),
                    first.name(),
                    "bigint",
                    first.ordinal(),
                    first.description(),
                    first.tags(),
                    first.metaJson(),
                    first.documented(),
                    first.inWarehouse());
            CatalogSnapshot duplicated = new CatalogSnapshot(
                    base.run(),
                    base.info(),
                    base.nodes(),
                    concat(base.columns(), conflicting),
                    base.edges(),
                    base.tests(),
                    base.testResults(),
                    base.runResults(),
                    base.freshness(),
                    true,
                    List.of());
            CatalogStore store = new CatalogStore(db.dataSource());
            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, duplicated, STARTED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_column")
                    .hasMessageContaining(base.columns().get(0).nodeId().value() + " / "
                            + base.columns().get(0).name() + " twice, with different content");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void identicalRepeatedRowsAreStoredOnce(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: an edge and a run result listed twice
            CatalogSnapshot base = shop("run-1", T1).build();
            CatalogSnapshot repeated = new CatalogSnapshot(
                    base.run(),
                    base.info(),
                    base.nodes(),
                    base.columns(),
                    concat(base.edges(), base.edges().get(0)),
                    base.tests(),
                    base.testResults(),
                    concat(base.runResults(), base.runResults().get(0)),
                    base.freshness(),
                    true,
                    List.of());
            CatalogStore store = new CatalogStore(db.dataSource());
            // when
            PublishResult result = store.publish(PROJECT, repeated, STARTED);
            // then
            assertThat(result.edges().added()).isEqualTo(base.edges().size());
            assertThat(result.runResultsAdded()).isEqualTo(base.runResults().size());
        }
    }

    private static io.dbtcatalog.ingest.support.TestNode hostileNode(
            String id, String description, List<String> tags, String meta) {
        return TestCatalog.nodeOf(NodeId.of(id), ResourceType.MODEL, "orders")
                .with(n -> new CatalogNode(
                        n.id(),
                        n.resourceType(),
                        n.packageName(),
                        n.name(),
                        n.database(),
                        n.schema(),
                        n.identifier(),
                        n.relationName(),
                        n.materialization(),
                        n.language(),
                        description,
                        HOSTILE,
                        tags,
                        meta,
                        n.access(),
                        n.group(),
                        n.version(),
                        n.contractEnforced(),
                        n.filePath(),
                        HOSTILE,
                        HOSTILE,
                        n.checksum()));
    }

    private static <T> List<T> concat(List<T> list, T extra) {
        List<T> copy = new java.util.ArrayList<>(list);
        copy.add(extra);
        return copy;
    }
}
