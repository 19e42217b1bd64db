package io.dbtcatalog.ingest.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RelationResolver} over manifest relations: every relation is indexed under its one-, two- and
 * three-part names, both as stored (for case-sensitive dialects) and lower-cased (as the fallback, and the only
 * index where the dialect ignores case).
 */
final class RelationIndex implements RelationResolver {

    private final Dialect dialect;
    private final Map<String, List<String>> stored;
    private final Map<String, List<String>> folded;

    private RelationIndex(Dialect dialect, Map<String, List<String>> stored, Map<String, List<String>> folded) {
        this.dialect = dialect;
        this.stored = Map.copyOf(stored);
        this.folded = Map.copyOf(folded);
    }

    static RelationIndex of(Dialect dialect, Map<String, RelationName> relations) {
        Map<String, List<String>> stored = new HashMap<>();
        Map<String, List<String>> folded = new HashMap<>();
        relations.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<String> parts = manifestParts(dialect, entry.getValue());
            for (int from = 0; from < parts.size(); from++) {
                String key = key(parts.subList(from, parts.size()));
                add(stored, key, entry.getKey());
                add(folded, key.toLowerCase(Locale.ROOT), entry.getKey());
            }
        });
        stored.replaceAll((key, ids) -> List.copyOf(ids));
        folded.replaceAll((key, ids) -> List.copyOf(ids));
        return new RelationIndex(dialect, stored, folded);
    }

    @Override
    public List<String> resolve(List<Identifier> name) {
        List<String> parts = new ArrayList<>();
        for (Identifier part : name) {
            parts.add(part.storedName(dialect));
        }
        String key = key(parts);
        List<String> found = dialect.caseSensitiveRelations() ? stored.getOrDefault(key, List.of()) : List.of();
        return found.isEmpty() ? folded.getOrDefault(key.toLowerCase(Locale.ROOT), List.of()) : found;
    }

    private static void add(Map<String, List<String>> index, String key, String nodeId) {
        List<String> ids = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!ids.contains(nodeId)) {
            ids.add(nodeId);
        }
    }

    private static List<String> manifestParts(Dialect dialect, RelationName relation) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {relation.database(), relation.schema(), relation.identifier()}) {
            if (part != null && !part.isEmpty()) {
                parts.add(dialect.manifestName(part));
            }
        }
        return parts;
    }

    private static String key(List<String> parts) {
        return String.join("\u0000", parts);
    }
}
