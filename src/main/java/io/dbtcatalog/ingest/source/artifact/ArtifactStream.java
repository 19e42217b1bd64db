package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
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

    /** The mapper trees and wire shapes are read with (duplicate keys in a tree fail, unknown fields are skipped). */
    ObjectMapper mapper() {
        return mapper;
    }

    /** Walks the whole file and returns its metadata; fails unless it is a dbt artifact of {@code kind}. */
    ArtifactMetadata walk(Path file, ArtifactKind kind, SectionHandler handler) {
        return read(file, kind, handler, false);
    }

    /** Reads only the metadata object, skipping whatever precedes it and stopping right after it. */
    ArtifactMetadata header(Path file) {
        return read(file, null, (name, parser) -> parser.skipChildren(), true);
    }

    /**
     * Hands every entry of the object section the parser stands on to {@code consumer}, one entry tree at a time. A
     * null section is empty; a section or an entry that is not an object fails the file ({@link ShapeException}):
     * left out, its resources would look deleted.
     */
    void forEachEntry(JsonParser parser, String section, BiConsumer<String, JsonNode> consumer) {
        if (isNullOrObject(parser, section)) {
            Set<String> keys = new HashSet<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                requireFirst(keys, key, parser);
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_OBJECT) {
                    throw new ShapeException(
                            section + " entry '" + key + "' is " + JsonProblems.describe(value) + ", not an object",
                            parser.currentTokenLocation());
                }
                consumer.accept(key, mapper.readTree(parser));
            }
        }
    }

    /**
     * Binds every element of the array section the parser stands on to {@code type}, one element at a time. A null
     * section is empty, any other non-array fails the file; an element that is not an object or does not bind (a
     * field of an unexpected JSON type) is handed to {@code skipped} and left out.
     */
    <T> void forEachElement(
            JsonParser parser, String section, Class<T> type, Consumer<T> consumer, Consumer<SkippedEntry> skipped) {
        forEachObject(
                parser,
                section,
                (element, line) -> bind(mapper.readTree(element), type, line, skipped),
                consumer,
                skipped);
    }

    /** Reads one object element of an array section; empty when it handed the element to the skipped ones. */
    @FunctionalInterface
    interface ElementReader<T> {
        Optional<T> read(JsonParser parser, int line);
    }

    /**
     * Like {@link #forEachElement}, with each object element read by {@code reader} from its {@code START_OBJECT} to
     * its {@code END_OBJECT}.
     */
    <T> void forEachObject(
            JsonParser parser,
            String section,
            ElementReader<T> reader,
            Consumer<T> consumer,
            Consumer<SkippedEntry> skipped) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ShapeException(
                    "section '" + section + "' is " + JsonProblems.describe(parser.currentToken()) + ", not a list",
                    parser.currentTokenLocation());
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                skipped.accept(
                        new SkippedEntry(line, null, "the entry is " + JsonProblems.describe(parser.currentToken())));
                parser.skipChildren();
                continue;
            }
            reader.read(parser, line).ifPresent(consumer);
        }
    }

    /**
     * Binds one entry tree to {@code type}; empty, with the problem handed to {@code skipped}, when a field has a
     * JSON type the wire shape does not accept.
     */
    <T> Optional<T> bind(JsonNode tree, Class<T> type, int line, Consumer<SkippedEntry> skipped) {
        try {
            return Optional.of(mapper.treeToValue(tree, type));
        } catch (DatabindException e) {
            skipped.accept(new SkippedEntry(
                    line, JsonValues.nonBlank(tree.path("unique_id")), JsonProblems.mismatch(null, tree, e)));
            return Optional.empty();
        }
    }

    /** Fails the file when {@code key} is already in {@code keys} (one object names it twice), else adds it. */
    static void requireFirst(Set<String> keys, String key, JsonParser parser) {
        if (!keys.add(key)) {
            throw duplicate(key, parser);
        }
    }

    /** The failure of a file that names {@code key} twice in one object, where the parser stands. */
    static ShapeException duplicate(String key, JsonParser parser) {
        return new ShapeException(JsonProblems.DUPLICATE + "\"" + key + "\"", parser.currentTokenLocation());
    }

    /** True for an object section (positioned on its start), false for null; fails for anything else. */
    boolean isNullOrObject(JsonParser parser, String section) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new ShapeException(
                    "section '" + section + "' is " + JsonProblems.describe(token) + ", not an object",
                    parser.currentTokenLocation());
        }
        return true;
    }

    /** Reads the value the parser stands on as a tree (for small values such as {@code args}). */
    JsonNode tree(JsonParser parser) {
        return mapper.readTree(parser);
    }

    private ArtifactMetadata read(Path file, ArtifactKind kind, SectionHandler handler, boolean stopAtMetadata) {
        requireReadable(file);
        try (JsonParser parser = mapper.createParser(Utf8Text.open(file))) {
            try {
                return parse(parser, file, kind, handler, stopAtMetadata);
            } catch (ArtifactException e) {
                throw e;
            } catch (JacksonException e) {
                throw e.getCause() instanceof CharacterCodingException
                        ? JsonProblems.invalidUtf8(file, e)
                        : JsonProblems.jsonError(file, e, parser.currentLocation());
            } catch (ShapeException e) {
                throw new ArtifactException(file, JsonProblems.where(e.location()) + e.getMessage());
            } catch (RuntimeException e) {
                throw new ArtifactException(
                        file,
                        JsonProblems.where(parser.currentTokenLocation()) + "unexpected content: "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                        e);
            }
        } catch (JacksonException e) {
            throw JsonProblems.jsonError(file, e, null);
        } catch (IOException e) {
            throw new ArtifactException(file, "could not be read: " + e.getMessage(), e);
        }
    }

    private ArtifactMetadata parse(
            JsonParser parser, Path file, ArtifactKind kind, SectionHandler handler, boolean stopAtMetadata) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw notArtifact(file, kind, first == null ? "the file is empty" : "it does not hold a JSON object");
        }
        ArtifactMetadata metadata = sections(parser, file, kind, handler, stopAtMetadata);
        if (metadata == null) {
            throw notArtifact(file, kind, "it has no metadata.dbt_schema_version");
        }
        if (!stopAtMetadata && parser.nextToken() != null) {
            throw new ShapeException("content follows the end of the top-level object", parser.currentTokenLocation());
        }
        return metadata;
    }

    /** Walks the top-level fields; returns the checked metadata (null when there is none). */
    private ArtifactMetadata sections(
            JsonParser parser, Path file, ArtifactKind kind, SectionHandler handler, boolean stopAtMetadata) {
        ArtifactMetadata metadata = null;
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            requireFirst(names, name, parser);
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

    /** The metadata of {@code node}, checked to be that of a dbt artifact of {@code kind} (any kind when null). */
    static ArtifactMetadata checked(Path file, ArtifactKind kind, JsonNode node) {
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
}
