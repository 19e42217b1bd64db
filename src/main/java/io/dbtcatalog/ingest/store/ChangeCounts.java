package io.dbtcatalog.ingest.store;

/**
 * What one publish did to one state table (nodes, columns, edges or tests): rows inserted, rows whose content
 * changed or that came back after a soft delete ({@code updated}), rows soft-deleted, and rows left as they were.
 */
public record ChangeCounts(int added, int updated, int deleted, int unchanged) {

    /** Nothing touched; also what a publish reports for state it did not apply. */
    public static final ChangeCounts NONE = new ChangeCounts(0, 0, 0, 0);

    /** True when no row was added, updated or deleted. */
    public boolean changedNothing() {
        return added == 0 && updated == 0 && deleted == 0;
    }
}
