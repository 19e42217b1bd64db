package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * How problems in an artifact's JSON read in errors and warnings: the value that did not bind and its JSON type, a
 * Jackson failure as file, line, column and its first line, malformed UTF-8 at its exact position.
 */
final class JsonProblems {

    /** How a key twice in one object is reported, whether the stream or a tree found it. */
    static final String DUPLICATE = "Duplicate Object property ";

    private static final Pattern DUPLICATE_TREE_KEY = Pattern.compile("Duplicate property \"(.*)\" for `ObjectNode`");

    private JsonProblems() {}

    /**
     * The same for {@code tree} found at {@code prefix} (a path such as {@code timing[0]}; null for an entry's root):
     * "field timing[0].name is a list".
     */
    static String mismatch(String prefix, JsonNode tree, DatabindException e) {
        JsonNode value = tree;
        List<String> path = new ArrayList<>();
        if (prefix != null) {
            path.add(prefix);
        }
        for (DatabindException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.add(reference.getPropertyName());
                value = value.path(reference.getPropertyName());
            } else {
                path.add("[" + reference.getIndex() + "]");
                value = value.path(reference.getIndex());
            }
        }
        if (path.isEmpty() || value.isMissingNode()) {
            return firstLine(e.getOriginalMessage());
        }
        return "field " + String.join(".", path).replace(".[", "[") + " is " + describe(value.asToken());
    }

    /** How a JSON value reads in messages: "an object", "a list", "a string"… */
    static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "unexpected JSON";
        };
    }

    /** Names the exact line and column of the first malformed UTF-8 sequence (found by a second, strict pass). */
    static ArtifactException invalidUtf8(Path file, JacksonException e) {
        Utf8Text.Malformed malformed = Utf8Text.firstMalformed(file);
        if (malformed == null) {
            return new ArtifactException(file, "Invalid UTF-8: " + e.getCause().getMessage(), e);
        }
        return new ArtifactException(
                file,
                "line " + malformed.line() + ", column " + malformed.column()
                        + ": Invalid UTF-8: malformed byte sequence of " + malformed.length()
                        + " byte(s) at byte offset "
                        + malformed.byteOffset() + " (dbt artifacts are UTF-8)",
                e);
    }

    static ArtifactException jsonError(Path file, JacksonException e, TokenStreamLocation fallback) {
        TokenStreamLocation location =
                e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : fallback;
        Matcher duplicate = DUPLICATE_TREE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        String problem = duplicate.lookingAt()
                ? DUPLICATE + "\"" + duplicate.group(1) + "\""
                : firstLine(e.getOriginalMessage());
        return new ArtifactException(file, where(location) + "invalid or unexpected JSON: " + problem, e);
    }

    static String where(TokenStreamLocation location) {
        return location != null && location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                : "";
    }

    /** The first line of a Jackson message, without the "(start marker at [Source: …])" noise. */
    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }
}
