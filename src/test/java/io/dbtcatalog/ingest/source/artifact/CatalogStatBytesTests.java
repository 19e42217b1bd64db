package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.SharedReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalog table's {@code stats} read from their bytes (decision 0029) against Jackson's reading of the same bytes
 * ({@link StateWalk#included}, the reference): the same included statistics, each value the same node, or the same
 * failure; the shapes adapters write read without Jackson, any other left to it.
 */
class CatalogStatBytesTests {

    private static final ObjectMapper MAPPER = StateDigest.MAPPER;

    private static final String STATS = """
            {"has_stats": {"id": "has_stats", "label": "Has Stats?", "value": true, "include": false,
                           "description": "Indicates whether there are statistics for this table"},
             "row_count": {"id": "row_count", "label": "Row Count", "value": 12, "include": true,
                           "description": "An approximate count of rows in this table"}}
            """;

    private static final List<String> FIELDS = List.of(
            "has_stats",
            "row_count",
            "row_count/id",
            "row_count/label",
            "row_count/value",
            "row_count/include",
            "row_count/description",
            "row_count/extra");

    private static final List<String> VALUES = JsonEdits.valuesOfEveryType(
            "1.0",
            "-0",
            "-0.0",
            "1e3",
            "2.5E-3",
            "1e400",
            "-1e400",
            "2147483647",
            "2147483648",
            "-2147483649",
            "123456789012345678",
            "1234567890123456789",
            "0.30000000000000004",
            "\"caf\\u00e9\"",
            "\"tab\\tquote\\\"\"",
            "\"é €\"",
            "{\"id\": \"x\", \"include\": true}",
            "{\"id\": \"x\", \"value\": [1], \"include\": true}");

    @Test
    void everyFieldOfEveryJsonTypeIsReadAsJacksonReadsItOrLeftToJackson() {
        int read = 0;
        int leftToJackson = 0;
        for (String field : FIELDS) {
            for (String value : VALUES) {
                if (compare(JsonEdits.withValue(MAPPER.readTree(STATS), field, value))) {
                    read++;
                } else {
                    leftToJackson++;
                }
            }
            ObjectNode without = (ObjectNode) MAPPER.readTree(STATS);
            JsonEdits.remove(without, field);
            assertThat(compare(without.toString())).as(field + " left out").isTrue();
        }
        // strings, numbers, booleans and nulls are read; objects and lists in their place, escapes, non-ASCII text,
        // integers beyond 18 digits and infinite decimals are left to Jackson
        assertThat(read).isGreaterThan(FIELDS.size() * 10);
        assertThat(leftToJackson).isGreaterThan(FIELDS.size() * 5);
    }

    @Test
    void everyShapeOfTheWholeStatsIsReadAsJacksonReadsItOrLeftToJackson() {
        List<String> read = new ArrayList<>();
        for (String stats : List.of(
                "null",
                "{}",
                " { } ",
                "{\"a\": null}",
                "{\"a\": {}}",
                "{\"a\":{\"id\":\"\",\"include\":1.0,\"value\":\"x\"}}",
                "{\"a\": {\"include\": 0}, \"b\": {\"include\": 1, \"value\": -0.0}}",
                "{\n\t\"a\" :\r\n {\"include\" : true , \"label\" : null}\n}",
                "[]",
                "[1, 2]",
                "\"stats\"",
                "12",
                "true",
                "{\"a\": 1}",
                "{\"a\": \"x\"}",
                "{\"a\": []}",
                "{\"a\": {\"include\": true}, \"a\": {\"include\": false}}",
                "{\"a\": {\"include\": true, \"include\": false}}",
                "{\"caf\\u00e9\": {\"include\": true}}",
                "{\"é\": {\"include\": true}}",
                "{\"a\": {\"id\": \"a\", \"id\\u0000\": 1, \"include\": true}}")) {
            if (compare(stats)) {
                read.add(stats);
            }
        }
        assertThat(read).hasSize(8).first().isEqualTo("null");
    }

    @Test
    void everyTablesStatsOfTheReferenceCatalogsAreReadWithoutJacksonAsJacksonReadsThem() {
        int tables = 0;
        int included = 0;
        for (Path file : SharedReference.files("catalog")) {
            JsonNode catalog = MAPPER.readTree(file.toFile());
            for (String section : List.of("nodes", "sources")) {
                for (Map.Entry<String, JsonNode> table : catalog.path(section).properties()) {
                    JsonNode stats = table.getValue().get("stats");
                    if (stats == null) {
                        continue;
                    }
                    String text = MAPPER.writeValueAsString(stats);
                    assertThat(CatalogStatBytes.usual(bytes(text)))
                            .as(file + " " + table.getKey())
                            .isNotNull();
                    assertThat(compare(text)).isTrue();
                    included += CatalogStatBytes.included(bytes(text)).size();
                    tables++;
                }
            }
        }
        assertThat(tables).isGreaterThan(100);
        assertThat(included).isPositive();
    }

    /**
     * Reads {@code stats} both ways: the same statistics, or the same failure. True when the bytes were read without
     * Jackson.
     */
    private static boolean compare(String stats) {
        byte[] bytes = bytes(stats);
        List<CatalogEntries.Stat> expected;
        try {
            expected = StateWalk.included(StateDigest.BYTES.readTree(bytes));
        } catch (RuntimeException e) {
            assertThat(CatalogStatBytes.usual(bytes)).as(stats).isNull();
            assertThatThrownBy(() -> CatalogStatBytes.included(bytes))
                    .as(stats)
                    .isInstanceOf(e.getClass())
                    .hasMessage(e.getMessage());
            return false;
        }
        assertThat(CatalogStatBytes.included(bytes)).as(stats).isEqualTo(expected);
        return CatalogStatBytes.usual(bytes) != null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
