package io.dbtcatalog.ingest.store.postgres;

/**
 * The {@code COPY} statements of the history tables, their columns in the order of the tables' batch inserts (the
 * order {@code publish.HistoryWriter} feeds values in).
 */
final class HistoryCopies {

    private static final String TEST_RESULTS = """
            COPY catalog_test_result (project_key, test_unique_id, invocation_id, status, failures, message,
                                      execution_time_s, started_at, completed_at, generated_at, dbt_run_id,
                                      dbt_step_index, dbt_command, ingestion_run_id) FROM STDIN
            """;

    private static final String RUN_RESULTS = """
            COPY catalog_run_result (project_key, node_unique_id, invocation_id, status, message, execution_time_s,
                                     started_at, completed_at, rows_affected, generated_at, dbt_run_id,
                                     dbt_step_index, dbt_command, ingestion_run_id) FROM STDIN
            """;

    private static final String FRESHNESS = """
            COPY catalog_source_freshness (project_key, source_unique_id, invocation_id, status, max_loaded_at,
                                           snapshotted_at, max_loaded_at_age_s, criteria, error, execution_time_s,
                                           generated_at, dbt_run_id, dbt_step_index, dbt_command,
                                           ingestion_run_id) FROM STDIN
            """;

    private static final String RELATION_STATS = """
            COPY catalog_relation_stats (project_key, node_unique_id, stat_id, invocation_id, label, stat_value,
                                         description, generated_at, dbt_run_id, dbt_step_index, dbt_command,
                                         ingestion_run_id) FROM STDIN
            """;

    private HistoryCopies() {}

    /** The COPY statement (text format) of history table {@code table}. */
    static String of(String table) {
        return switch (table) {
            case "catalog_test_result" -> TEST_RESULTS;
            case "catalog_run_result" -> RUN_RESULTS;
            case "catalog_source_freshness" -> FRESHNESS;
            case "catalog_relation_stats" -> RELATION_STATS;
            default -> throw new IllegalArgumentException("not a history table: " + table);
        };
    }
}
