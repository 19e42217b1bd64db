package io.dbtcatalog.ingest.source.discovery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Value rules shared by the Discovery mappers, spelled exactly as the artifact readers spell them so that both
 * sources normalize the same dbt value to the same text: blank reads as null, objects become compact JSON, meta
 * objects are merged with the node's own keys winning, DateTimes parse with or without zone.
 */
final class Json {

    /** Placeholder dbt's API has used for "never loaded" instead of null. */
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private Json() {
    }

    static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A scalar as text, an object or array as compact JSON; absent, null and blank read as null. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : node.toString();
        return nonBlank(text);
    }

    static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    /** Compact JSON of the union of two objects, {@code preferred} winning; {@code "{}"} when both are absent. */
    static String merged(JsonNode preferred, JsonNode fallback) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (object(fallback) != null) {
            merged.setAll((ObjectNode) fallback);
        }
        if (object(preferred) != null) {
            merged.setAll((ObjectNode) preferred);
        }
        return merged.toString();
    }

    static String objectJson(JsonNode node) {
        return object(node) == null ? "{}" : node.toString();
    }

    /** The non-blank strings of a JSON array (or a single string). */
    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(value -> add(values, text(value)));
        } else {
            add(values, text(node));
        }
        return values;
    }

    static Boolean bool(JsonNode node) {
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    /** A DateTime of the API, or null when absent, unreadable or dbt's {@code 0001-01-01} placeholder. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
        return instant.equals(NEVER) ? null : instant;
    }

    private static void add(List<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
