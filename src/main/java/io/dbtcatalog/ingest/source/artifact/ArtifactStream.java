package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams the top-level object of one dbt artifact file: hands every section but {@code metadata} to a handler
 * positioned on the section's first token, and checks that {@code metadata.dbt_schema_version} names the expected
 * artifact kind. Jackson failures become {@link ArtifactException}s naming the file, line and column.
 */
final class ArtifactStream {

    /** Consumes one top-level section; must leave the parser on the section's last token (or skip it). */
    @FunctionalInterface
    interface SectionHandler {
        void section(String name, JsonParser parser);
    }

    private final ObjectMapper mapper;

    ArtifactStream(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Walks the whole file and returns its metadata; fails unless it is a dbt artifact of {@code kind}. */
    ArtifactMetadata walk(Path file, ArtifactKind kind, SectionHandler handler) {
        return read(file, kind, handler, false);
    }

    /** Reads only the metadata object, skipping whatever precedes it and stopping right after it. */
    ArtifactMetadata header(Path file) {
        return read(file, null, (name, parser) -> parser.skipChildren(), true);
    }

    /** Hands every entry of the object the parser stands on to {@code consumer}, one entry tree at a time. */
    void forEachEntry(JsonParser parser, BiConsumer<String, JsonNode> consumer) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode entry = mapper.readTree(parser);
            if (entry != null && entry.isObject()) {
                consumer.accept(key, entry);
            }
        }
    }

    /** Binds every element of the array the parser stands on to {@code type}, one element at a time. */
    <T> void forEachElement(JsonParser parser, Class<T> type, Consumer<T> consumer) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                consumer.accept(mapper.readValue(parser, type));
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads the value the parser stands on as a tree (for small values such as {@code args}). */
    JsonNode tree(JsonParser parser) {
        return mapper.readTree(parser);
    }

    private ArtifactMetadata read(Path file, ArtifactKind kind, SectionHandler handler, boolean stopAtMetadata) {
        requireReadable(file);
        try (JsonParser parser = mapper.createParser(file)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notArtifact(file, kind, first == null ? "the file is empty" : "it does not hold a JSON object");
            }
            ArtifactMetadata metadata = sections(parser, file, kind, handler, stopAtMetadata);
            if (metadata == null) {
                throw notArtifact(file, kind, "it has no metadata.dbt_schema_version");
            }
            return metadata;
        } catch (JacksonException e) {
            throw jsonError(file, e);
        }
    }

    /** Walks the top-level fields; returns the checked metadata (null when there is none). */
    private ArtifactMetadata sections(JsonParser parser, Path file, ArtifactKind kind, SectionHandler handler,
            boolean stopAtMetadata) {
        ArtifactMetadata metadata = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("metadata".equals(name)) {
                metadata = checked(file, kind, mapper.readTree(parser));
                if (stopAtMetadata) {
                    return metadata;
                }
            } else {
                handler.section(name, parser);
            }
        }
        return metadata;
    }

    private static ArtifactMetadata checked(Path file, ArtifactKind kind, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw notArtifact(file, kind, "its metadata is not a JSON object");
        }
        ArtifactMetadata metadata = ArtifactMetadata.from(node);
        String schema = metadata.dbtSchemaVersion();
        if (schema == null) {
            throw notArtifact(file, kind, "it has no metadata.dbt_schema_version");
        }
        ArtifactKind actual = ArtifactKind.of(schema);
        if (kind != null && actual != kind) {
            String found = actual == null ? "an unknown artifact" : "a dbt " + actual.label() + " artifact";
            throw notArtifact(file, kind, "it is " + found + " (dbt_schema_version " + schema + ")");
        }
        return metadata;
    }

    private static void requireReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ArtifactException(file, "file not found");
        }
        if (!Files.isReadable(file)) {
            throw new ArtifactException(file, "file is not readable");
        }
    }

    private static ArtifactException notArtifact(Path file, ArtifactKind kind, String reason) {
        String expected = kind == null ? "a dbt artifact" : "a dbt " + kind.label() + " artifact";
        return new ArtifactException(file, "not " + expected + ": " + reason);
    }

    private static ArtifactException jsonError(Path file, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                : "";
        return new ArtifactException(file, where + "invalid or unexpected JSON: " + firstLine(e.getOriginalMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
