package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/**
 * How one history table (test results, run results, freshness) maps a model record. History rows are keyed by
 * (project, resource id, invocation id), appended once and never updated; {@link HistoryWriter} does the work.
 *
 * @param <R> the model record stored in the table
 */
public interface HistoryTable<R> {

    /** The table's name, key columns (after {@code project_key}, ending with {@code invocation_id}) and content. */
    StateTable.Shape shape();

    /** The insert of one row; binds the project, the key, the content, then the ingestion run. */
    String insert();

    /**
     * The keys the table holds for the project and some invocations, with the named parameters
     * {@code :projectKey} and {@code :invocationIds} (a list).
     */
    String selectStoredKeys();

    /** The record's key values, in the order of the shape's key columns. */
    List<String> key(R row);

    /** Feeds the record's content values (ending with {@code generated_at, dbt_run_id}) in the shape's order. */
    void bindContent(RowSink sink, R row, PublishContext context);

    /** The dbt run id of a history row: its own when the source knew it, else the run's. */
    static Long dbtRunId(Long own, PublishContext context) {
        return own != null ? own : context.dbtRunId();
    }
}
