package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link Exposure} to {@code catalog_exposure}, keyed by the exposure's dbt {@code unique_id}. */
final class ExposureTable implements StateTable<Exposure> {

    private static final Shape SHAPE = new Shape(
            "catalog_exposure",
            List.of("unique_id"),
            List.of("exposure_type", "maturity", "url", "label", "owner_name", "owner_email"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_exposure WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_exposure (project_key, unique_id, exposure_type, maturity, url, label, owner_name,
                                          owner_email, content_hash, first_seen_at, seen_at, last_changed_at,
                                          last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_exposure SET exposure_type = ?, maturity = ?, url = ?, label = ?, owner_name = ?,
                owner_email = ?, content_hash = ?, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_exposure SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_exposure SET seen_at = ?
            WHERE project_key = ? AND unique_id = ? AND deleted_at IS NULL
                AND seen_at <> ?
            """;

    private static final StateSql SQL = new StateSql(SELECT_STORED, INSERT, UPDATE, SOFT_DELETE, TOUCH);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public StateSql sql() {
        return SQL;
    }

    @Override
    public List<String> key(Exposure row) {
        return List.of(row.id().value());
    }

    @Override
    public void bindContent(RowSink sink, Exposure row) {
        sink.text(row.exposureType())
                .text(row.maturity())
                .text(row.url())
                .text(row.label())
                .text(row.ownerName())
                .text(row.ownerEmail());
    }
}
