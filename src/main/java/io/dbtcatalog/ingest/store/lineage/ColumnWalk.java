package io.dbtcatalog.ingest.store.lineage;

import java.sql.SQLException;
import java.util.List;

/** The column a walk of the column lineage started from, and the edges it reached, nearest first. */
public record ColumnWalk(ColumnLineageWalk.ColumnRef start, List<ColumnLineageWalk.Step> steps) {

    /**
     * Walks from the column named {@code nodeAndColumn} ({@link ColumnLookup}), upstream or downstream, at most
     * {@code maxDepth} edges away.
     *
     * @throws ColumnLookup.NotFound when the node or the column is not in the catalog
     */
    public static ColumnWalk from(
            ColumnLineageReader reader, String projectKey, String nodeAndColumn, boolean upstream, int maxDepth)
            throws SQLException {
        ColumnLineageWalk.ColumnRef start = ColumnLookup.find(reader, projectKey, nodeAndColumn);
        return new ColumnWalk(start, ColumnLineageWalk.walk(reader, projectKey, start, upstream, maxDepth));
    }
}
