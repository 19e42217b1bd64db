package io.dbtcatalog.ingest.source.artifact;

import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test code: edits a JSON tree at a path such as {@code "timing/1/name"} (names and list indexes). */
final class JsonEdits {

    /** JSON values of every type and a few spellings each, for giving one field every value a file could hold. */
    static final List<String> VALUES_OF_EVERY_TYPE = List.of(
            "\"x\"",
            "\"\"",
            "\"  \"",
            "\"12\"",
            "\"1.5\"",
            "12",
            "-7",
            "0",
            "1.5",
            "12345678901234567890",
            "true",
            "false",
            "null",
            "{}",
            "{\"a\": 1}",
            "[]",
            "[1]",
            "[\"x\"]",
            "[null]");

    private static final String PLACEHOLDER = "@@value@@";

    private JsonEdits() {}

    /** {@link #VALUES_OF_EVERY_TYPE} and {@code more}. */
    static List<String> valuesOfEveryType(String... more) {
        return Stream.concat(VALUES_OF_EVERY_TYPE.stream(), Stream.of(more)).toList();
    }

    /** Sets the value at {@code path}; nothing when the path no longer leads to an object or a list item. */
    static void set(JsonNode root, String path, JsonNode value) {
        JsonNode parent = parent(root, path);
        String last = last(path);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), value);
        }
    }

    /**
     * The text of {@code root} with {@code value} (any JSON text, valid or not) at {@code path}, set as {@link #set}
     * sets it; {@code root} keeps a placeholder there.
     */
    static String withValue(JsonNode root, String path, String value) {
        set(root, path, StateDigest.MAPPER.getNodeFactory().stringNode(PLACEHOLDER));
        return root.toString().replace("\"" + PLACEHOLDER + "\"", value);
    }

    /** Removes the value at {@code path}; nothing when the path no longer leads anywhere. */
    static void remove(JsonNode root, String path) {
        JsonNode parent = parent(root, path);
        String last = last(path);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array && Integer.parseInt(last) < array.size()) {
            array.remove(Integer.parseInt(last));
        }
    }

    private static JsonNode parent(JsonNode root, String path) {
        String[] steps = path.split("/");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.path(Integer.parseInt(steps[i])) : parent.path(steps[i]);
        }
        return parent;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
