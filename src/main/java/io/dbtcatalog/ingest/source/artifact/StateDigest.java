package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One streaming token pass over {@code manifest.json} and {@code catalog.json} that yields two digests and a
 * {@link HistoryIndex} (decision 0014):
 * <ul>
 *   <li>the <b>state digest</b>: every token of the sections the reader maps into state (the manifest's resource
 *       sections, the catalog's {@code nodes} and {@code sources}) except what changes between two invocations of
 *       an unchanged project without being catalog state — each manifest entry's {@code created_at} and each
 *       catalog table's {@code stats} (history, {@code catalog_relation_stats}); of the top-level {@code metadata}
 *       objects only the fields the state depends on (schema versions, dbt version, project, adapter). Sections the
 *       reader skips ({@code macros}, {@code docs}, {@code disabled}, the maps, the catalog's {@code errors}…) are
 *       not state: their {@code created_at} changes each run too;</li>
 *   <li>the <b>fingerprint</b> of the files: the state digest, a digest of the parts left out of it and the bytes
 *       of every results file ({@link ArtifactDigest#combined}), so the files are read once for both.</li>
 * </ul>
 * The state digest is null when a left-out part could change the state after all: a catalog table that is not an
 * object or whose {@code stats} do not bind (the catalog reader then drops the whole table). A pass that fails for
 * any reason (not JSON, not an object, unreadable) gives no result at all: the caller falls back to the raw digest,
 * and the full read reports the problem naming the file, line and column.
 */
final class StateDigest {

    private static final Logger log = LoggerFactory.getLogger(StateDigest.class);

    /** Configured as the artifact reader's: duplicate keys fail, property names are not canonicalized. */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** The fingerprint, the state digest (null when the state cannot be vouched for) and the history index. */
    record Result(String fingerprint, String state, HistoryIndex history) {}

    private final TokenHasher state = new TokenHasher();
    private final TokenHasher excluded = new TokenHasher();
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntries.Stat>> stats = new HashMap<>();
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
        state.text("dbt-catalog-ingest state " + ArtifactDigest.NORMALIZATION_VERSION);
        walk(files.manifest(), true);
        boolean catalog = files.catalog() != null && Files.isRegularFile(files.catalog());
        state.mark(catalog ? 1 : 0);
        if (catalog) {
            walk(files.catalog(), false);
        }
        if (manifestMetadata == null || (catalog && catalogMetadata == null)) {
            throw new IllegalStateException("no metadata object");
        }
        header(manifestMetadata.dbtSchemaVersion());
        header(manifestMetadata.dbtVersion());
        header(manifestMetadata.projectName());
        header(manifestMetadata.projectId());
        header(manifestMetadata.adapterType());
        header(catalog ? catalogMetadata.dbtSchemaVersion() : null);
        byte[] stateBytes = state.finish();
        String fingerprint = ArtifactDigest.combined(stateBytes, excluded.finish(), files);
        HistoryIndex index = new HistoryIndex(manifestMetadata, catalogMetadata, resourceTypes, stats);
        return new Result(
                fingerprint, irregular ? null : "sha256:" + HexFormat.of().formatHex(stateBytes), index);
    }

    private void header(String value) {
        state.mark(value == null ? 0 : 1);
        if (value != null) {
            state.text(value);
        }
    }

    private void walk(Path file, boolean manifest) throws IOException {
        try (JsonParser parser = MAPPER.createParser(Utf8Text.open(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException(file + " does not hold a JSON object");
            }
            Set<String> names = new HashSet<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (!names.add(name)) {
                    throw new IllegalStateException(file + ": top-level key '" + name + "' twice");
                }
                if ("metadata".equals(name)) {
                    parser.nextToken();
                    ArtifactMetadata metadata = metadata(parser);
                    if (manifest) {
                        manifestMetadata = metadata;
                    } else {
                        catalogMetadata = metadata;
                    }
                    continue;
                }
                boolean read = manifest
                        ? ManifestEntryMapper.RESOURCE_SECTIONS.containsKey(name)
                        : "nodes".equals(name) || "sources".equals(name);
                TokenHasher section = read ? state : excluded;
                section.token(parser);
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_OBJECT || !read) {
                    section.value(parser);
                } else if (manifest) {
                    entries(parser, name);
                } else {
                    tables(parser);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalStateException(file + ": content follows the end of the top-level object");
            }
        }
    }

    private ArtifactMetadata metadata(JsonParser parser) {
        JsonNode tree = MAPPER.readTree(parser);
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("metadata is not an object");
        }
        excluded.text(tree.toString());
        return ArtifactMetadata.from(tree);
    }

    /** A manifest section of entries: each entry hashed but for its {@code created_at}; its id and type kept. */
    private void entries(JsonParser parser, String section) {
        state.token(parser);
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            state.token(parser);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                entry(parser, section, key);
            } else {
                state.value(parser);
            }
        }
        state.token(parser);
    }

    private void entry(JsonParser parser, String section, String key) {
        state.token(parser);
        String uniqueId = null;
        String type = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            state.token(parser);
            JsonToken value = parser.nextToken();
            if ("created_at".equals(field)) {
                excluded.value(parser);
                continue;
            }
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                if ("unique_id".equals(field)) {
                    uniqueId = parser.getString();
                } else if ("resource_type".equals(field)) {
                    type = parser.getString();
                }
            }
            state.value(parser);
        }
        state.token(parser);
        String id = JsonValues.nonBlank(uniqueId) != null ? uniqueId : key;
        String declared = JsonValues.nonBlank(type);
        resourceTypes.putIfAbsent(
                id,
                ResourceType.of(
                        declared != null
                                ? declared
                                : ManifestEntryMapper.RESOURCE_SECTIONS.getOrDefault(section, section)));
    }

    /** A catalog section of tables: each table hashed but for its {@code stats}, which are kept as history. */
    private void tables(JsonParser parser) {
        state.token(parser);
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            state.token(parser);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                table(parser, key);
            } else {
                irregular = true;
                state.value(parser);
            }
        }
        state.token(parser);
    }

    private void table(JsonParser parser, String key) {
        state.token(parser);
        List<CatalogEntries.Stat> included = List.of();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            state.token(parser);
            parser.nextToken();
            if ("stats".equals(field)) {
                JsonNode tree = MAPPER.readTree(parser);
                excluded.text(String.valueOf(tree));
                included = included(tree);
            } else {
                state.value(parser);
            }
        }
        state.token(parser);
        if (!included.isEmpty()) {
            stats.put(key, included);
        }
    }

    /** The statistics the catalog reader keeps of a table ({@link CatalogReader#relation}); marks a bad shape. */
    private List<CatalogEntries.Stat> included(JsonNode tree) {
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
