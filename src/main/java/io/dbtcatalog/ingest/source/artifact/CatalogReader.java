package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Streams a {@code catalog.json} one table at a time and keeps the warehouse columns of the tables that are
 * manifest nodes; tables of unknown unique ids are only counted. A table of a manifest node whose shape is not what
 * dbt writes (columns that are a list, a column that is a string…) is left out and reported: the catalog only adds
 * warehouse detail, so one damaged table must not stop the ingestion.
 */
final class CatalogReader {

    private final ArtifactStream stream;

    CatalogReader(ArtifactStream stream) {
        this.stream = stream;
    }

    CatalogContent read(Path file, Predicate<String> isManifestNode) {
        Map<String, String> shared = new HashMap<>();
        Map<String, List<CatalogEntries.Column>> columns = new HashMap<>();
        Map<String, CatalogEntries.Relation> relations = new HashMap<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        int[] unknown = {0};
        int[] errors = {0};
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.CATALOG, (section, parser) -> {
            if ("nodes".equals(section) || "sources".equals(section)) {
                readTables(parser, section, isManifestNode, shared, new Found(columns, relations), unknown, skipped);
            } else if ("errors".equals(section)) {
                errors[0] = countErrors(parser);
            } else {
                parser.skipChildren();
            }
        });
        return new CatalogContent(metadata, columns, relations, unknown[0], errors[0], skipped);
    }

    private void readTables(
            JsonParser parser,
            String section,
            Predicate<String> isManifestNode,
            Map<String, String> shared,
            Found found,
            int[] unknown,
            List<SkippedEntry> skipped) {
        if (!stream.isNullOrObject(parser, section)) {
            return;
        }
        Set<String> keys = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String uniqueId = parser.currentName();
            ArtifactStream.requireFirst(keys, uniqueId, parser);
            JsonToken value = parser.nextToken();
            int line = parser.currentTokenLocation().getLineNr();
            if (!isManifestNode.test(uniqueId)) {
                unknown[0]++;
                parser.skipChildren();
            } else if (value != JsonToken.START_OBJECT) {
                skipped.add(new SkippedEntry(line, uniqueId, "the table is " + JsonProblems.describe(value)));
                parser.skipChildren();
            } else {
                JsonNode tree = stream.tree(parser);
                CatalogEntries.Table usual = CatalogTables.usual(tree);
                Optional<CatalogEntries.Table> table = usual != null
                        ? Optional.of(usual)
                        : stream.bind(
                                tree,
                                CatalogEntries.Table.class,
                                line,
                                entry -> skipped.add(new SkippedEntry(entry.line(), uniqueId, entry.problem())));
                table.ifPresent(entry -> found.add(uniqueId, entry, shared));
            }
        }
    }

    /** The columns and relations read so far. */
    private record Found(
            Map<String, List<CatalogEntries.Column>> columns, Map<String, CatalogEntries.Relation> relations) {

        void add(String uniqueId, CatalogEntries.Table table, Map<String, String> shared) {
            columns.put(uniqueId, named(table, shared));
            CatalogEntries.Relation relation = relation(table);
            if (relation != null) {
                relations.put(uniqueId, relation);
            }
        }
    }

    /** The relation's type, owner and the stats the adapter marks {@code include}; null when it reports none. */
    static CatalogEntries.Relation relation(CatalogEntries.Table table) {
        List<CatalogEntries.Stat> stats = new ArrayList<>();
        table.stats().forEach((key, stat) -> {
            if (stat != null && included(stat.include())) {
                boolean named = stat.id() != null && !stat.id().isBlank();
                stats.add(
                        named
                                ? stat
                                : new CatalogEntries.Stat(
                                        key, stat.label(), stat.value(), stat.include(), stat.description()));
            }
        });
        CatalogEntries.Metadata metadata = table.metadata();
        String type = metadata == null ? null : JsonValues.nonBlank(metadata.type());
        String owner = metadata == null ? null : JsonValues.nonBlank(metadata.owner());
        return type == null && owner == null && stats.isEmpty()
                ? null
                : new CatalogEntries.Relation(type, owner, List.copyOf(stats));
    }

    /** {@code include: true}, or a number other than 0 (older BigQuery catalogs write {@code 1.0}). */
    private static boolean included(JsonNode include) {
        if (include == null || include.isNull() || include.isMissingNode()) {
            return false;
        }
        return include.isBoolean() ? include.booleanValue() : include.isNumber() && include.doubleValue() != 0;
    }

    /**
     * The table's columns, each named, with names and types shared through {@code shared} (one read's map: the
     * warehouse repeats a few type names and many column names across a whole project, and every table is held until
     * the manifest has been read).
     */
    private static List<CatalogEntries.Column> named(CatalogEntries.Table table, Map<String, String> shared) {
        List<CatalogEntries.Column> tableColumns =
                new ArrayList<>(table.columns().size());
        table.columns().forEach((key, column) -> {
            CatalogEntries.Column named = named(key, column);
            tableColumns.add(new CatalogEntries.Column(
                    share(shared, named.name()), share(shared, named.type()), named.index(), named.comment()));
        });
        return tableColumns;
    }

    private static String share(Map<String, String> shared, String value) {
        if (value == null || value.length() > 256) {
            return value;
        }
        String known = shared.putIfAbsent(value, value);
        return known != null ? known : value;
    }

    private static CatalogEntries.Column named(String key, CatalogEntries.Column column) {
        if (column == null) {
            return new CatalogEntries.Column(key, null, null, null);
        }
        boolean hasName = column.name() != null && !column.name().isBlank();
        return hasName ? column : new CatalogEntries.Column(key, column.type(), column.index(), column.comment());
    }

    private int countErrors(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return 0;
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }
}
