package io.dbtcatalog.ingest.store.publish;

/**
 * The statements of one state table, written out as text in its {@link StateTable} class so each can be read and
 * found by its table name; every value is a bind parameter. The state tables share one lifecycle, so their
 * statements bind in the same order:
 *
 * @param selectStored the project's stored rows: key columns, content hash (NULL for a table without one), 1 when
 *                     soft-deleted and 1 when last seen at another time than the bound one (else 0 each); binds the
 *                     snapshot time, then the project
 * @param insert       a new row; binds the project, the key, the content, the content hash (tables with one), the
 *                     snapshot time as first seen, last seen and last changed, then the ingestion run
 * @param update       a changed or revived row; binds the content, the content hash (tables with one), the
 *                     snapshot time as last seen and last changed, the ingestion run, the project, then the key
 * @param softDelete   a row a complete snapshot lacks; binds the snapshot time as deleted and last changed, the
 *                     ingestion run, the project, then the key
 * @param touchAll     refreshes {@code last_seen_at} of all the project's active rows not seen at the snapshot time;
 *                     binds the snapshot time, the project, the snapshot time
 * @param touchOne     the same for one row; binds the snapshot time, the project, the key, the snapshot time
 */
public record StateSql(
        String selectStored, String insert, String update, String softDelete, String touchAll, String touchOne) {}
