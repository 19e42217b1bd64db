package io.dbtcatalog.ingest.store.publish;

/**
 * The statements of one state table, written out as text in its {@link StateTable} class so each can be read and
 * found by its table name; every value is a bind parameter. The state tables share one lifecycle, so their
 * statements bind in the same order. A state table stores {@code seen_at}, not {@code last_seen_at}: a complete
 * snapshot records its time once, on the project ({@code catalog_project.complete_as_of}), and the table's
 * {@code *_seen} view derives {@code last_seen_at} from both (sql/README.md, "Last seen").
 *
 * @param selectStored the project's stored rows: key columns, content hash (NULL for a table without one), 1 when
 *                     soft-deleted and 1 when {@code seen_at} is another time than the bound one (else 0 each);
 *                     binds the snapshot time, then the project
 * @param insert       a new row; binds the project, the key, the content, the content hash (tables with one), the
 *                     snapshot time as first seen, seen and last changed, then the ingestion run
 * @param update       a changed or revived row; binds the content, the content hash (tables with one), the
 *                     snapshot time as seen and last changed, the ingestion run, the project, then the key
 * @param softDelete   a row a complete snapshot lacks; binds the snapshot time as deleted and last changed, the
 *                     ingestion run, the project's previous {@code complete_as_of} twice (so {@code seen_at} keeps
 *                     the row's last seen time once it is deleted: {@code seen_at = CASE WHEN seen_at < ? THEN ?
 *                     ELSE seen_at END}), the project, then the key
 * @param touch        sets {@code seen_at} of one active row an incomplete snapshot has, unless already the snapshot
 *                     time; binds the snapshot time, the project, the key, the snapshot time. Complete snapshots never
 *                     touch rows.
 */
public record StateSql(String selectStored, String insert, String update, String softDelete, String touch) {}
