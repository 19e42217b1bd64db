package io.dbtcatalog.ingest.store.publish;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Serializes tag lists to the JSON array text stored in the {@code tags} columns (e.g. {@code ["a","b"]}). */
final class JsonText {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {}

    static String array(List<String> values) {
        return values.isEmpty() ? "[]" : MAPPER.writeValueAsString(values);
    }
}
