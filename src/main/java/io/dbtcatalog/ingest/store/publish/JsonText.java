package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes lists to the JSON text stored in the catalog: tag and column-name lists as arrays of strings (e.g.
 * {@code ["a","b"]}), lineage coverage reasons as an array of {@code {"kind":…,"detail":…}} objects; and reads the
 * latter two back.
 */
public final class JsonText {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {}

    static String array(List<String> values) {
        return values.isEmpty() ? "[]" : MAPPER.writeValueAsString(values);
    }

    static String reasons(List<ColumnLineageCoverage.Reason> reasons) {
        if (reasons.isEmpty()) {
            return "[]";
        }
        List<Map<String, String>> objects = new ArrayList<>();
        for (ColumnLineageCoverage.Reason reason : reasons) {
            Map<String, String> object = new LinkedHashMap<>();
            object.put("kind", reason.kind());
            object.put("detail", reason.detail());
            objects.add(object);
        }
        return MAPPER.writeValueAsString(objects);
    }

    /** The strings of a JSON array text as {@link #array} writes it. */
    public static List<String> readArray(String json) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : MAPPER.readTree(json).values()) {
            values.add(value.asString());
        }
        return values;
    }

    /** The reasons of a JSON array text as {@link #reasons} writes it. */
    public static List<ColumnLineageCoverage.Reason> readReasons(String json) {
        List<ColumnLineageCoverage.Reason> reasons = new ArrayList<>();
        for (JsonNode value : MAPPER.readTree(json).values()) {
            reasons.add(new ColumnLineageCoverage.Reason(
                    value.path("kind").asString(), value.path("detail").asString("")));
        }
        return reasons;
    }
}
