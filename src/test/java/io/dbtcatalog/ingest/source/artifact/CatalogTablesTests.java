package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SharedReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CatalogTables} against Jackson's binding of the wire shape (decision 0026): a table it builds from the tree
 * must equal the bound one, whatever JSON type each field is given; a table of an unusual shape it must leave to the
 * binding. Every table of the reference catalogs is of the usual shape.
 */
class CatalogTablesTests {

    private static final ObjectMapper MAPPER = StateDigest.MAPPER;

    private static final String TABLE = """
            {"metadata": {"type": "BASE TABLE", "schema": "shop", "name": "orders", "database": "analytics",
                          "comment": null, "owner": "loader"},
             "columns": {"ID": {"type": "INTEGER", "index": 1, "name": "ID", "comment": null},
                         "NAME": {"type": "TEXT", "index": 2, "name": "NAME", "comment": "the name"}},
             "stats": {"has_stats": {"id": "has_stats", "label": "Has Stats?", "value": true, "include": false,
                                     "description": "Indicates whether there are statistics for this table"},
                       "row_count": {"id": "row_count", "label": "Row Count", "value": 12, "include": true,
                                     "description": "An approximate count of rows in this table"}},
             "unique_id": "model.shop.orders"}
            """;

    private static final List<String> FIELDS = List.of(
            "metadata",
            "metadata/type",
            "metadata/owner",
            "stats",
            "stats/row_count",
            "stats/row_count/id",
            "stats/row_count/label",
            "stats/row_count/value",
            "stats/row_count/include",
            "stats/row_count/description",
            "columns",
            "columns/ID",
            "columns/ID/name",
            "columns/ID/type",
            "columns/ID/index",
            "columns/ID/comment");

    private static final List<String> VALUES =
            JsonEdits.valuesOfEveryType("1.0", "2147483648", "{\"id\": \"x\", \"include\": true}");

    @Test
    void everyFieldOfEveryJsonTypeGivesTheBoundTableOrIsLeftToTheBinding() {
        int usual = 0;
        for (String field : FIELDS) {
            for (String value : VALUES) {
                ObjectNode table = (ObjectNode) MAPPER.readTree(TABLE);
                JsonEdits.set(table, field, MAPPER.readTree(value));
                usual += assertSameTable(table, field + " = " + value);
            }
            ObjectNode without = (ObjectNode) MAPPER.readTree(TABLE);
            JsonEdits.remove(without, field);
            usual += assertSameTable(without, field + " left out");
        }
        // strings, nulls, left-out fields and objects where objects belong are built without the binding
        assertThat(usual).isGreaterThan(FIELDS.size() * 3);
    }

    @Test
    void theUsualTableIsBuiltWithoutTheBinding() {
        CatalogEntries.Table table = CatalogTables.usual(MAPPER.readTree(TABLE));

        assertThat(table).isNotNull();
        assertThat(table.metadata()).isEqualTo(new CatalogEntries.Metadata("BASE TABLE", "loader"));
        assertThat(table.columns())
                .containsExactly(
                        Map.entry("ID", new CatalogEntries.Column("ID", "INTEGER", 1, null)),
                        Map.entry("NAME", new CatalogEntries.Column("NAME", "TEXT", 2, "the name")));
        assertThat(table.stats()).containsOnlyKeys("has_stats", "row_count");
        assertThat(table.stats().get("row_count").value().intValue()).isEqualTo(12);
    }

    @Test
    void everyTableOfTheReferenceCatalogsIsOfTheUsualShapeAndEqualsTheBoundOne() throws Exception {
        List<Path> catalogs = SharedReference.files("catalog.json");
        assertThat(catalogs).hasSizeGreaterThanOrEqualTo(10);
        int tables = 0;
        for (Path catalog : catalogs) {
            JsonNode root = MAPPER.readTree(catalog.toFile());
            for (String section : List.of("nodes", "sources")) {
                for (JsonNode table : root.path(section)) {
                    assertThat(assertSameTable(table, catalog.toString()))
                            .as(catalog.toString())
                            .isEqualTo(1);
                    tables++;
                }
            }
        }
        assertThat(tables).isGreaterThan(500);
    }

    /** Asserts the built table is the bound one; 1 when it was built, 0 when left to the binding. */
    private static int assertSameTable(JsonNode tree, String what) {
        CatalogEntries.Table usual = CatalogTables.usual(tree);
        if (usual == null) {
            return 0;
        }
        CatalogEntries.Table bound;
        try {
            bound = MAPPER.treeToValue(tree, CatalogEntries.Table.class);
        } catch (DatabindException e) {
            throw new AssertionError(what + ": built a table the binding refuses: " + e.getOriginalMessage(), e);
        }
        assertThat(usual).as(what).isEqualTo(bound);
        return 1;
    }
}
