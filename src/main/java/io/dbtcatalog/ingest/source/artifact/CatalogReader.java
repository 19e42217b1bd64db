package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams a {@code catalog.json} one table at a time and keeps the warehouse columns of the tables that are
 * manifest nodes; tables of unknown unique ids are only counted.
 */
final class CatalogReader {

    private final ArtifactStream stream;

    CatalogReader(ArtifactStream stream) {
        this.stream = stream;
    }

    CatalogContent read(Path file, Predicate<String> isManifestNode) {
        Map<String, List<CatalogEntries.Column>> columns = new HashMap<>();
        int[] unknown = {0};
        int[] errors = {0};
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.CATALOG, (section, parser) -> {
            if ("nodes".equals(section) || "sources".equals(section)) {
                readTables(parser, isManifestNode, columns, unknown);
            } else if ("errors".equals(section)) {
                errors[0] = countErrors(parser);
            } else {
                parser.skipChildren();
            }
        });
        return new CatalogContent(metadata, columns, unknown[0], errors[0]);
    }

    private void readTables(JsonParser parser, Predicate<String> isManifestNode,
            Map<String, List<CatalogEntries.Column>> columns, int[] unknown) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String uniqueId = parser.currentName();
            parser.nextToken();
            if (!isManifestNode.test(uniqueId) || parser.currentToken() != JsonToken.START_OBJECT) {
                unknown[0]++;
                parser.skipChildren();
                continue;
            }
            CatalogEntries.Table table = parser.readValueAs(CatalogEntries.Table.class);
            List<CatalogEntries.Column> tableColumns = new ArrayList<>();
            table.columns().forEach((key, column) -> tableColumns.add(named(key, column)));
            columns.put(uniqueId, tableColumns);
        }
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
