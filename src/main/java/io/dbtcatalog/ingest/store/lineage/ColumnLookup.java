package io.dbtcatalog.ingest.store.lineage;

import io.dbtcatalog.ingest.store.lineage.ColumnLineageWalk.ColumnRef;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Finds the column a person names as {@code NODE.COLUMN}: the node by its unique id ({@code
 * model.shop.orders.amount}) or by its name ({@code orders.amount}; a model before a source or seed of the same
 * name), the column by its name in any case when only one column matches it that way.
 */
public final class ColumnLookup {

    private ColumnLookup() {}

    /** The column named; {@link NotFound} says what is missing, naming the candidates. */
    public static ColumnRef find(ColumnLineageReader reader, String projectKey, String nodeAndColumn)
            throws SQLException {
        int dot = nodeAndColumn.lastIndexOf('.');
        if (dot <= 0 || dot == nodeAndColumn.length() - 1) {
            throw new NotFound(
                    "'" + nodeAndColumn + "' is not NODE.COLUMN (e.g. model.shop.orders.amount or" + " orders.amount)");
        }
        String node = nodeAndColumn.substring(0, dot);
        String column = nodeAndColumn.substring(dot + 1);
        List<String> nodes = reader.nodesNamed(projectKey, node);
        List<String> models =
                nodes.stream().filter(id -> id.startsWith("model.")).toList();
        if (nodes.size() > 1 && models.size() == 1) {
            nodes = models;
        }
        if (nodes.isEmpty()) {
            throw new NotFound("project '" + projectKey + "' has no model, seed, snapshot or source '" + node + "'");
        }
        if (nodes.size() > 1) {
            throw new NotFound("'" + node + "' names several nodes of project '" + projectKey + "': "
                    + String.join(", ", nodes) + "; give the unique id");
        }
        String uniqueId = nodes.get(0);
        List<String> known = reader.knownColumns(projectKey, uniqueId);
        if (known.contains(column)) {
            return new ColumnRef(uniqueId, column);
        }
        List<String> folded = known.stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)))
                .toList();
        if (folded.size() == 1) {
            return new ColumnRef(uniqueId, folded.get(0));
        }
        throw new NotFound(uniqueId + " has no column '" + column + "'"
                + (known.isEmpty()
                        ? ""
                        : " (its columns: "
                                + String.join(", ", known.stream().sorted().toList()) + ")"));
    }

    /** The node or column named is not in the catalog. */
    public static final class NotFound extends RuntimeException {

        NotFound(String message) {
            super(message);
        }
    }
}
