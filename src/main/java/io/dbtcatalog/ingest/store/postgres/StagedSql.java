package io.dbtcatalog.ingest.store.postgres;

/**
 * The bulk path's statements for one state table, written out as text in its {@code *Staging} class. The staging
 * tables are temporary ({@code ON COMMIT DROP}) copies of some of the table's columns, created in the publish's own
 * transaction: the only DDL the store runs, plumbing of its DML, never a change of the catalog schema.
 *
 * @param copyInsert         new rows straight into the table; its columns in the order of the table's batch insert
 * @param createChanges      the staging table of changed or revived rows: key, content and content hash columns
 * @param copyChanges        fills it
 * @param updateFromChanges  applies it; binds the snapshot time as last seen and last changed, the ingestion run,
 *                           then the project
 * @param createKeys         the staging table of keys (rows to soft-delete or to mark as seen)
 * @param copyKeys           fills it
 * @param softDeleteFromKeys soft-deletes its rows; binds the snapshot time as deleted and last changed, the ingestion
 *                           run, the project's previous {@code complete_as_of} twice (as {@code StateSql.softDelete}),
 *                           then the project
 * @param touchFromKeys      sets {@code seen_at} of its active rows (an incomplete snapshot's unchanged rows) unless
 *                           already the snapshot time; binds the snapshot time, the project, the snapshot time
 */
record StagedSql(
        String copyInsert,
        String createChanges,
        String copyChanges,
        String updateFromChanges,
        String createKeys,
        String copyKeys,
        String softDeleteFromKeys,
        String touchFromKeys) {

    /** The statements of state table {@code table}. */
    static StagedSql of(String table) {
        return switch (table) {
            case "catalog_node" -> NodeStaging.SQL;
            case "catalog_column" -> ColumnStaging.SQL;
            case "catalog_lineage" -> LineageStaging.SQL;
            case "catalog_test" -> TestStaging.SQL;
            case "catalog_exposure" -> ExposureStaging.SQL;
            case "catalog_metric" -> MetricStaging.SQL;
            case "catalog_semantic_element" -> SemanticElementStaging.SQL;
            case "catalog_saved_query" -> SavedQueryStaging.SQL;
            default -> throw new IllegalArgumentException("not a state table: " + table);
        };
    }
}
