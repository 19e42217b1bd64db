package io.dbtcatalog.ingest.depth;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads reference sets' files independently of the reader, ingests sets, and reads catalog rows back by key. */
final class ReferenceDepth {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ReferenceDepth() {}

    static JsonNode manifest(String set) {
        return SharedReference.readJson(SharedReference.set(set).resolve("manifest.json"));
    }

    /** The set's catalog.json, or a missing node when it has none. */
    static JsonNode catalog(String set) {
        Path file = SharedReference.set(set).resolve("catalog.json");
        return Files.exists(file) ? SharedReference.readJson(file) : JSON.missingNode();
    }

    /** Sets whose manifest has at least one entry in {@code section}. */
    static List<String> setsWith(String section) {
        return SharedReference.setNames().stream()
                .filter(set -> !manifest(set).path(section).isEmpty())
                .toList();
    }

    /** Sets with a catalog.json. */
    static List<String> setsWithCatalog() {
        return SharedReference.setNames().stream()
                .filter(set -> Files.exists(SharedReference.set(set).resolve("catalog.json")))
                .toList();
    }

    static void ingest(DataSource dataSource, String set) {
        RunRef run = TestRuns.run(
                set,
                "reference-" + set,
                null,
                null,
                null,
                SharedReference.set(set).toString());
        new CatalogStore(dataSource)
                .publish(
                        new ProjectRef(set, "local", null, null, null, null),
                        new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(SharedReference.set(set)), run),
                        Instant.now());
    }

    /** The rows of {@code sql} (bound to the set's project key) by the text of their first column(s). */
    static Map<String, Map<String, Object>> rowsByKey(DataSource dataSource, String sql, String set, int keyColumns) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : CatalogDump.query(dataSource, sql, set)) {
            StringBuilder key = new StringBuilder();
            row.values().stream().limit(keyColumns).forEach(value -> key.append(key.isEmpty() ? "" : "|")
                    .append(value));
            rows.put(key.toString(), row);
        }
        return rows;
    }

    /** A JSON value as the catalog keeps a text: strings as such, blank as null, anything else as JSON. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isString() ? node.asString() : node.toString();
        return text.isBlank() ? null : text;
    }

    /** A stored JSON text parsed, so JSON compares by value, not by spelling. */
    static JsonNode json(Object stored) {
        return stored == null ? JSON.nullNode() : JSON.readTree(stored.toString());
    }
}
