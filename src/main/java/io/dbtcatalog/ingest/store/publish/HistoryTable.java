package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.ResultOrigin;
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
     * The keys the table holds for the project and one invocation, with the named parameters {@code :projectKey} and
     * {@code :invocationId}.
     */
    String selectStoredKeys();

    /** The record's key values, in the order of the shape's key columns. */
    List<String> key(R row);

    /**
     * Feeds the record's content values in the shape's order, ending with {@code generated_at, dbt_run_id,
     * dbt_step_index, dbt_command} ({@link #bindOrigin}).
     */
    void bindContent(RowSink sink, R row, PublishContext context);

    /**
     * The last four values of every history row: the {@code generated_at} of the file the row came from (the
     * snapshot's when unknown), its dbt run id (the run's when the source did not say), the dbt Cloud step and the
     * dbt command that wrote the file.
     */
    static void bindOrigin(RowSink sink, ResultOrigin origin, Long dbtRunId, PublishContext context) {
        sink.time(origin.generatedAt() != null ? origin.generatedAt() : context.generatedAt())
                .bigint(dbtRunId != null ? dbtRunId : context.dbtRunId())
                .integer(origin.dbtStep())
                .text(origin.command());
    }
}
