package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state-digest pass over one file ({@link StateDigest}): walks {@code manifest.json} or {@code catalog.json} with
 * Jackson's byte parser and sends its cuts to a {@link RangeSink} — what belongs to the state, what is left out
 * (the top-level sections the reader does not map, {@code metadata}, each manifest entry's {@code created_at}, each
 * catalog table's {@code stats}). Keeps the file's metadata and, when asked to, what a history-only read needs: the
 * manifest entries' resource types, the catalog tables' included statistics. The manifest's walk and the catalog's
 * are independent, so they can run on two threads. Since decision 0020 the pass scans the bytes itself
 * ({@link StateScan}); this walk is the reference it is tested against, and the pass's fallback
 * ({@code -Ddbt-catalog.source.byte-scan=false}).
 */
final class StateWalk implements FilePass {

    private final Path file;
    private final boolean manifest;
    private final boolean keepHistory;
    private final RangeSink bytes;
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntries.Stat>> stats = new HashMap<>();
    private ArtifactMetadata metadata;
    private boolean irregular;

    /** A walk of {@code file}, the manifest or the catalog, sending its cuts to {@code bytes}. */
    StateWalk(Path file, boolean manifest, boolean keepHistory, RangeSink bytes) {
        this.file = file;
        this.manifest = manifest;
        this.keepHistory = keepHistory;
        this.bytes = bytes;
    }

    @Override
    public ArtifactMetadata metadata() {
        return metadata;
    }

    @Override
    public Map<String, ResourceType> resourceTypes() {
        return resourceTypes;
    }

    @Override
    public Map<String, List<CatalogEntries.Stat>> stats() {
        return stats;
    }

    @Override
    public boolean irregular() {
        return irregular;
    }

    /**
     * Walks the file's top level: the sections the reader maps into state stay in the state digest (their own
     * left-out parts aside), {@code metadata} and every other section are left out. Returns this.
     */
    StateWalk walk() throws IOException {
        try (JsonParser parser = StateDigest.BYTES.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException(file + " does not hold a JSON object");
            }
            Set<String> names = new HashSet<>();
            JsonToken token = parser.nextToken();
            while (token == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (!names.add(name)) {
                    throw new IllegalStateException(file + ": top-level key '" + name + "' twice");
                }
                boolean read = manifest
                        ? ManifestEntryMapper.RESOURCE_SECTIONS.containsKey(name)
                        : "nodes".equals(name) || "sources".equals(name);
                if ("metadata".equals(name) || !read) {
                    bytes.state(start(parser));
                    parser.nextToken();
                    if ("metadata".equals(name)) {
                        metadata(parser);
                    } else {
                        parser.skipChildren();
                    }
                    token = parser.nextToken();
                    bytes.leftOut(start(parser));
                    continue;
                }
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (manifest) {
                        entries(parser, name);
                    } else {
                        tables(parser);
                    }
                } else {
                    parser.skipChildren();
                }
                token = parser.nextToken();
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalStateException(file + ": content follows the end of the top-level object");
            }
            bytes.rest();
        }
        return this;
    }

    /** Where the current token starts in the file (the byte parser knows it). */
    private static long start(JsonParser parser) {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0) {
            throw new IllegalStateException("no byte offset");
        }
        return offset;
    }

    private void metadata(JsonParser parser) {
        JsonNode tree = StateDigest.BYTES.readTree(parser);
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("metadata is not an object");
        }
        metadata = ArtifactMetadata.from(tree);
    }

    /** A manifest section of entries: each entry in the state digest but for its {@code created_at}. */
    private void entries(JsonParser parser, String section) throws IOException {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                entry(parser, section, key);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** One entry: its id and resource type kept, its {@code created_at} (to the next token) left out. */
    private void entry(JsonParser parser, String section, String key) throws IOException {
        String uniqueId = null;
        String type = null;
        JsonToken token = parser.nextToken();
        while (token == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("created_at".equals(field)) {
                bytes.state(start(parser));
                parser.skipChildren();
                token = parser.nextToken();
                bytes.leftOut(start(parser));
                continue;
            }
            if (keepHistory && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                if ("unique_id".equals(field)) {
                    uniqueId = parser.getString();
                } else if ("resource_type".equals(field)) {
                    type = parser.getString();
                }
            } else {
                parser.skipChildren();
            }
            token = parser.nextToken();
        }
        if (keepHistory) {
            keep(resourceTypes, section, key, uniqueId, type);
        }
    }

    /** Keeps an entry's resource type under its id (its key without one), the first of an id, as the reader does. */
    static void keep(
            Map<String, ResourceType> resourceTypes, String section, String key, String uniqueId, String type) {
        String id = JsonValues.nonBlank(uniqueId) != null ? uniqueId : key;
        String declared = JsonValues.nonBlank(type);
        resourceTypes.putIfAbsent(
                id,
                ResourceType.of(
                        declared != null
                                ? declared
                                : ManifestEntryMapper.RESOURCE_SECTIONS.getOrDefault(section, section)));
    }

    /** A catalog section of tables: each table in the state digest but for its {@code stats}, kept as history. */
    private void tables(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                table(parser, key);
            } else {
                irregular = true;
                parser.skipChildren();
            }
        }
    }

    private void table(JsonParser parser, String key) throws IOException {
        List<CatalogEntries.Stat> included = List.of();
        JsonToken token = parser.nextToken();
        while (token == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("stats".equals(field)) {
                bytes.state(start(parser));
                included = included(StateDigest.BYTES.readTree(parser));
                if (included == null) {
                    irregular = true;
                    included = List.of();
                }
                token = parser.nextToken();
                bytes.leftOut(start(parser));
                continue;
            }
            parser.skipChildren();
            token = parser.nextToken();
        }
        if (keepHistory && !included.isEmpty()) {
            stats.put(key, included);
        }
    }

    /** The statistics the catalog reader keeps of a table ({@link CatalogReader#relation}); null for a bad shape. */
    static List<CatalogEntries.Stat> included(JsonNode tree) {
        if (tree == null || tree.isNull()) {
            return List.of();
        }
        try {
            ObjectNode table = StateDigest.MAPPER.createObjectNode();
            table.set("stats", tree);
            CatalogEntries.Table usual = CatalogTables.usual(table);
            CatalogEntries.Relation relation = CatalogReader.relation(
                    usual != null ? usual : StateDigest.MAPPER.treeToValue(table, CatalogEntries.Table.class));
            return relation == null ? List.of() : relation.stats();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
