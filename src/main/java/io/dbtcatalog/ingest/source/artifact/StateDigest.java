package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One streaming pass over {@code manifest.json} and {@code catalog.json} (Jackson's byte parser, values skipped
 * undecoded as in the benchmark's floor) that sends every byte of the files, once, to one of two SHA-256 digests
 * (decision 0014):
 * <ul>
 *   <li>the <b>state digest</b>: the bytes of the sections the reader maps into state (the manifest's resource
 *       sections, the catalog's {@code nodes} and {@code sources}) except what changes between two invocations of
 *       an unchanged project without being catalog state: each manifest entry's {@code created_at} and each catalog
 *       table's {@code stats} (history, {@code catalog_relation_stats}), each up to the next token. Of the top-level
 *       {@code metadata} objects only what the state can depend on is added back (schema versions, dbt version,
 *       project, adapter). Sections the reader skips ({@code macros}, {@code docs}, {@code disabled}, the maps, the
 *       catalog's {@code errors}…) are not state, and their {@code created_at} changes each run too;</li>
 *   <li>the other digest: every byte left out, with its position; with the state digest and the bytes of every
 *       results file it makes the <b>fingerprint</b> of the files ({@link ArtifactDigest#combined}), so the files are
 *       read once for both.</li>
 * </ul>
 * Along the way it keeps what a history-only read needs ({@link HistoryIndex}): the metadata, every entry's id and
 * resource type, every table's included statistics. The state digest is null when a left-out part could change the
 * state after all: a catalog table that is not an object or whose {@code stats} do not bind (the catalog reader then
 * drops the whole table). A pass that fails for any reason (not JSON, not an object, a top-level key twice) gives no
 * result: the caller falls back to the raw digest, and the full read reports the problem naming the file, line and
 * column.
 */
final class StateDigest {

    private static final Logger log = LoggerFactory.getLogger(StateDigest.class);

    /** Configured as the artifact reader's: duplicate keys fail, property names are not canonicalized. */
    static final JsonMapper MAPPER = mapper(JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build());

    /**
     * The pass's own: Jackson parses bytes (and knows each token's byte offset) only with canonicalized property
     * names; the per-parse symbol table stays bounded (Jackson drops a child table too large to merge).
     */
    private static final JsonMapper BYTES = mapper(JsonFactory.builder().build());

    /** The fingerprint, the state digest (null when the state cannot be vouched for) and the history index. */
    record Result(String fingerprint, String state, HistoryIndex history) {}

    private final MessageDigest state = ArtifactDigest.sha256();
    private final MessageDigest excluded = ArtifactDigest.sha256();
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntries.Stat>> stats = new HashMap<>();
    private ByteRanges bytes;
    private ArtifactMetadata manifestMetadata;
    private ArtifactMetadata catalogMetadata;
    private boolean irregular;

    private StateDigest() {}

    /** The pass over {@code files}; null when it failed (the full read will name the problem). */
    static Result of(ArtifactFiles files) {
        try {
            return new StateDigest().pass(files);
        } catch (IOException | RuntimeException e) {
            log.debug("state digest pass over {} failed; reading in full: {}", files.manifest(), e.toString());
            return null;
        }
    }

    private Result pass(ArtifactFiles files) throws IOException {
        text("dbt-catalog-ingest state " + ArtifactDigest.NORMALIZATION_VERSION);
        walk(files.manifest(), true);
        boolean catalog = files.catalog() != null && Files.isRegularFile(files.catalog());
        state.update((byte) (catalog ? 1 : 0));
        if (catalog) {
            walk(files.catalog(), false);
        }
        if (manifestMetadata == null || (catalog && catalogMetadata == null)) {
            throw new IllegalStateException("no metadata object");
        }
        text(manifestMetadata.dbtSchemaVersion());
        text(manifestMetadata.dbtVersion());
        text(manifestMetadata.projectName());
        text(manifestMetadata.projectId());
        text(manifestMetadata.adapterType());
        text(catalog ? catalogMetadata.dbtSchemaVersion() : null);
        byte[] stateBytes = state.digest();
        String fingerprint = ArtifactDigest.combined(stateBytes, excluded.digest(), files);
        HistoryIndex index = new HistoryIndex(manifestMetadata, catalogMetadata, resourceTypes, stats);
        return new Result(
                fingerprint, irregular ? null : "sha256:" + HexFormat.of().formatHex(stateBytes), index);
    }

    /** Adds a text of the pass's own to the state digest, length first (null as -1). */
    private void text(String value) {
        byte[] utf8 = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        state.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : utf8.length)
                .array());
        state.update(utf8);
    }

    /**
     * Walks one file's top level: the sections the reader maps into state stay in the state digest (their own
     * left-out parts aside), {@code metadata} and every other section go to the other digest.
     */
    private void walk(Path file, boolean manifest) throws IOException {
        try (ByteRanges ranges = new ByteRanges(file, state, excluded);
                JsonParser parser = BYTES.createParser(Files.newInputStream(file))) {
            bytes = ranges;
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
                        metadata(parser, manifest);
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
    }

    /** Where the current token starts in the file (the byte parser knows it). */
    private static long start(JsonParser parser) {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0) {
            throw new IllegalStateException("no byte offset");
        }
        return offset;
    }

    private void metadata(JsonParser parser, boolean manifest) {
        JsonNode tree = BYTES.readTree(parser);
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("metadata is not an object");
        }
        if (manifest) {
            manifestMetadata = ArtifactMetadata.from(tree);
        } else {
            catalogMetadata = ArtifactMetadata.from(tree);
        }
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
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
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
                included = included(BYTES.readTree(parser));
                token = parser.nextToken();
                bytes.leftOut(start(parser));
                continue;
            }
            parser.skipChildren();
            token = parser.nextToken();
        }
        if (!included.isEmpty()) {
            stats.put(key, included);
        }
    }

    private static JsonMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /** The statistics the catalog reader keeps of a table ({@link CatalogReader#relation}); marks a bad shape. */
    private List<CatalogEntries.Stat> included(JsonNode tree) {
        if (tree == null || tree.isNull()) {
            return List.of();
        }
        try {
            ObjectNode table = MAPPER.createObjectNode();
            table.set("stats", tree);
            CatalogEntries.Relation relation =
                    CatalogReader.relation(MAPPER.treeToValue(table, CatalogEntries.Table.class));
            return relation == null ? List.of() : relation.stats();
        } catch (RuntimeException e) {
            irregular = true;
            return List.of();
        }
    }
}
