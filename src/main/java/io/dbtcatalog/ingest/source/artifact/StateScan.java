package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The state-digest pass over one file as a byte scan (decision 0020): {@link JsonBytes} finds the same cuts as
 * Jackson's walk ({@link StateWalk}, the reference) at the same byte offsets — a left-out top-level section from its
 * key's quote, a manifest entry's {@code created_at} and a catalog table's {@code stats} from the value's first byte,
 * each up to the next token (the next key's quote or the closing brace) — and refuses what that walk refuses. Only the
 * small parts it keeps are decoded: keys at the levels that matter, {@code unique_id} and {@code resource_type}
 * (when history is kept), the {@code metadata} objects (by Jackson from their bytes) and each table's {@code stats}
 * ({@link CatalogStatBytes}).
 */
final class StateScan implements FilePass {

    private static final byte[] CREATED_AT = ascii("created_at");
    private static final byte[] UNIQUE_ID = ascii("unique_id");
    private static final byte[] RESOURCE_TYPE = ascii("resource_type");
    private static final byte[] STATS = ascii("stats");

    private final Path file;
    private final boolean manifest;
    private final boolean keepHistory;
    private final RangeSink bytes;
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntries.Stat>> stats = new HashMap<>();
    private ArtifactMetadata metadata;
    private boolean irregular;
    private JsonBytes json;

    /** A scan of {@code file}, the manifest or the catalog, sending its cuts to {@code bytes}. */
    StateScan(Path file, boolean manifest, boolean keepHistory, RangeSink bytes) {
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

    /** Scans the file's top level as {@link StateWalk#walk} walks it. Returns this. */
    StateScan scan() throws IOException {
        try (JsonBytes scanner = new JsonBytes(file)) {
            json = scanner;
            if (json.tokenOrEnd() != '{') {
                throw new IllegalStateException(file + " does not hold a JSON object");
            }
            json.enter();
            Set<String> names = new HashSet<>();
            int c = json.token();
            while (c != '}') {
                requireKey(c);
                long at = json.offset();
                String name = json.key();
                if (!names.add(name)) {
                    throw new IllegalStateException(file + ": top-level key '" + name + "' twice");
                }
                json.colon();
                boolean read = manifest
                        ? ManifestEntryMapper.RESOURCE_SECTIONS.containsKey(name)
                        : "nodes".equals(name) || "sources".equals(name);
                if ("metadata".equals(name) || !read) {
                    bytes.state(at);
                    if ("metadata".equals(name)) {
                        readMetadata();
                    } else {
                        json.skipValue();
                    }
                    c = json.nextMember();
                    bytes.leftOut(json.offset());
                    continue;
                }
                if (json.token() != '{') {
                    json.skipValue();
                } else if (manifest) {
                    entries(name);
                } else {
                    tables();
                }
                c = json.nextMember();
            }
            json.leave();
            if (json.tokenOrEnd() >= 0) {
                throw new IllegalStateException(file + ": content follows the end of the top-level object");
            }
            bytes.rest();
        } finally {
            json = null;
        }
        return this;
    }

    private void readMetadata() throws IOException {
        JsonNode tree = decodeValue();
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("metadata is not an object");
        }
        metadata = ArtifactMetadata.from(tree);
    }

    /** The value here, checked by the scan and decoded by Jackson from its bytes. */
    private JsonNode decodeValue() throws IOException {
        return StateDigest.BYTES.readTree(json.valueBytes());
    }

    /** A manifest section of entries: each entry in the state digest but for its {@code created_at}. */
    private void entries(String section) throws IOException {
        json.enter();
        int c = json.token();
        while (c != '}') {
            requireKey(c);
            String key = keepHistory ? json.key() : skipKey();
            json.colon();
            if (json.token() == '{') {
                entry(section, key);
            } else {
                json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
    }

    /** One entry: its id and resource type kept, its {@code created_at} (to the next token) left out. */
    private void entry(String section, String key) throws IOException {
        String uniqueId = null;
        String type = null;
        json.enter();
        int c = json.token();
        while (c != '}') {
            requireKey(c);
            int field = json.keyIn(CREATED_AT, UNIQUE_ID, RESOURCE_TYPE);
            json.colon();
            int value = json.token();
            if (field == 0) {
                bytes.state(json.offset());
                json.skipValue();
                c = json.nextMember();
                bytes.leftOut(json.offset());
                continue;
            }
            if (keepHistory && value != '{' && value != '[' && value != 'n') {
                if (field == 1) {
                    uniqueId = json.scalarText(value);
                } else if (field == 2) {
                    type = json.scalarText(value);
                } else {
                    json.skipValue();
                }
            } else {
                json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
        if (keepHistory) {
            StateWalk.keep(resourceTypes, section, key, uniqueId, type);
        }
    }

    /** A catalog section of tables: each table in the state digest but for its {@code stats}, kept as history. */
    private void tables() throws IOException {
        json.enter();
        int c = json.token();
        while (c != '}') {
            requireKey(c);
            String key = keepHistory ? json.key() : skipKey();
            json.colon();
            if (json.token() == '{') {
                table(key);
            } else {
                irregular = true;
                json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
    }

    private void table(String key) throws IOException {
        List<CatalogEntries.Stat> included = List.of();
        json.enter();
        int c = json.token();
        while (c != '}') {
            requireKey(c);
            int field = json.keyIn(STATS);
            json.colon();
            if (field == 0) {
                json.token();
                bytes.state(json.offset());
                included = CatalogStatBytes.included(json.valueBytes());
                if (included == null) {
                    irregular = true;
                    included = List.of();
                }
                c = json.nextMember();
                bytes.leftOut(json.offset());
                continue;
            }
            json.skipValue();
            c = json.nextMember();
        }
        json.leave();
        if (keepHistory && !included.isEmpty()) {
            stats.put(key, included);
        }
    }

    private String skipKey() throws IOException {
        json.skipKey();
        return null;
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private void requireKey(int c) {
        if (c != '"') {
            throw json.fail("a quoted name expected");
        }
    }
}
