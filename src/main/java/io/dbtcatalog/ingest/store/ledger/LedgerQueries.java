package io.dbtcatalog.ingest.store.ledger;

import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.IngestionStatus;
import io.dbtcatalog.ingest.store.LedgerEntry;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.jdbc.SqlParams;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the {@code ingestion_run} ledger: the newest row of a project with a given status. */
public final class LedgerQueries {

    private static final String NEWEST = """
            SELECT id, run_key, dbt_run_id, invocation_id, generated_at, started_at, finished_at, status, message,
                   nodes_added, nodes_updated, nodes_deleted, nodes_unchanged,
                   columns_added, columns_updated, columns_deleted, columns_unchanged,
                   edges_added, edges_updated, edges_deleted, edges_unchanged,
                   tests_added, tests_updated, tests_deleted, tests_unchanged,
                   test_results_added, run_results_added, freshness_added, rows_written
            FROM ingestion_run WHERE project_key = ? AND status = ?
            ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
            """;

    /** The row, if any (JdbcClient wants a non-null result from an extractor). */
    private static final ResultSetExtractor<Optional<LedgerEntry>> FIRST =
            rs -> rs.next() ? Optional.of(entry(rs)) : Optional.empty();

    private final JdbcClient jdbc;

    public LedgerQueries(Connection connection) {
        this.jdbc = Jdbc.client(connection);
    }

    /** The project's newest successful and newest failed ingestion (nulls when there are none). */
    public IngestionStatus status(String projectKey) {
        return new IngestionStatus(
                projectKey, newest(projectKey, IngestionLedger.SUCCEEDED), newest(projectKey, IngestionLedger.FAILED));
    }

    private LedgerEntry newest(String projectKey, String status) {
        return jdbc.sql(NEWEST)
                .params(new SqlParams().text(projectKey).text(status).values())
                .query(FIRST)
                .orElse(null);
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getString("run_key"),
                rs.getObject("dbt_run_id", Long.class),
                rs.getString("invocation_id"),
                Jdbc.instant(rs, 5),
                Jdbc.instant(rs, 6),
                Jdbc.instant(rs, 7),
                rs.getString("status"),
                rs.getString("message"),
                counts(rs, "nodes"),
                counts(rs, "columns"),
                counts(rs, "edges"),
                counts(rs, "tests"),
                rs.getInt("test_results_added"),
                rs.getInt("run_results_added"),
                rs.getInt("freshness_added"),
                rs.getLong("rows_written"));
    }

    private static ChangeCounts counts(ResultSet rs, String table) throws SQLException {
        return new ChangeCounts(
                rs.getInt(table + "_added"),
                rs.getInt(table + "_updated"),
                rs.getInt(table + "_deleted"),
                rs.getInt(table + "_unchanged"));
    }
}
