package io.dbtcatalog.ingest.source.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Type-tolerant reads of JSON values whose shape changed across dbt versions (a tag list that used to be a string,
 * a version that is a number or a string…), the same for artifacts and API answers. Absent, {@code null} and JSON
 * {@code null} all read as {@code null}; blank text reads as {@code null}; meta objects merge with the node's own
 * keys winning.
 */
public final class JsonValues {

    /** The JSON text of an empty object, shared by every resource and column without meta. */
    public static final String EMPTY_OBJECT = "{}";

    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private JsonValues() {}

    public static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** A scalar as text (numbers and booleans spelled as JSON does); an object or array as compact JSON. */
    public static String text(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** Like {@link #text} but blank text reads as {@code null}. */
    public static String nonBlank(JsonNode node) {
        return nonBlank(text(node));
    }

    /** The text itself, or {@code null} when it is null or blank (a string an API answer already decoded). */
    public static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The first of the given fields that is present and not blank, as text. */
    public static String firstText(JsonNode object, String... fields) {
        for (String field : fields) {
            String text = nonBlank(object.path(field));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** A boolean, also from the text {@code "true"} / {@code "false"}; anything else reads as {@code null}. */
    public static Boolean bool(JsonNode node) {
        if (present(node) && node.isBoolean()) {
            return node.booleanValue();
        }
        String text = scalarText(node);
        return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text) ? Boolean.valueOf(text) : null;
    }

    /**
     * A whole number, also from its text; anything else reads as {@code null}: a fraction such as {@code 1.5}, or a
     * number beyond a {@code long}, too (Jackson 3's {@code longValue()} throws on them, where Jackson 2 truncated).
     */
    public static Long whole(JsonNode node) {
        if (present(node) && node.isNumber()) {
            return node.canConvertToExactIntegral() && node.canConvertToLong() ? node.longValue() : null;
        }
        String text = scalarText(node);
        return text != null && WHOLE.matcher(text).matches() ? Long.valueOf(text) : null;
    }

    /** A decimal number, also from its text; anything else reads as {@code null}. */
    public static Double decimal(JsonNode node) {
        if (present(node) && node.isNumber()) {
            return node.doubleValue();
        }
        String text = scalarText(node);
        return text != null && DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
    }

    private static String scalarText(JsonNode node) {
        return present(node) && node.isString() ? node.stringValue().trim() : null;
    }

    /** A list of strings from an array, or a one-element list from a single string (older dbt tags). */
    public static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (!present(node)) {
            return values;
        }
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                String text = nonBlank(element);
                if (text != null) {
                    values.add(text);
                }
            }
        } else if (nonBlank(node) != null) {
            values.add(text(node));
        }
        return values;
    }

    /** The object itself, or {@code null} when the value is absent or not an object. */
    public static JsonNode object(JsonNode node) {
        return present(node) && node.isObject() ? node : null;
    }

    /**
     * Compact JSON of the union of two objects, {@code preferred} winning on equal keys; {@code "{}"} when both are
     * empty or absent.
     */
    public static String mergedObjectJson(JsonNode preferred, JsonNode fallback) {
        JsonNode base = nonEmptyObject(fallback);
        JsonNode top = nonEmptyObject(preferred);
        if (base == null || top == null) {
            return base == null && top == null ? EMPTY_OBJECT : (top != null ? top : base).toString();
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.setAll((ObjectNode) base);
        merged.setAll((ObjectNode) top);
        return merged.toString();
    }

    private static JsonNode nonEmptyObject(JsonNode node) {
        JsonNode value = object(node);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Compact JSON of an object, {@code "{}"} when absent or not an object. */
    public static String objectJson(JsonNode node) {
        JsonNode value = object(node);
        return value == null || value.isEmpty() ? EMPTY_OBJECT : value.toString();
    }
}
