package io.dbtcatalog.ingest.store.publish;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements of one state table, derived once from its {@link StateTable.Shape} so every table follows the same
 * lifecycle. Only constant column names are assembled here; every value is a bind parameter. {@code selectExisting}
 * reads a project's stored rows: key columns, content hash, then 1 when the row is soft-deleted and 1 when it was
 * last seen at another time than the bound one (else 0 each); it binds the snapshot time, then the project.
 */
public record StateSql(String selectExisting, List<String> insertColumns, String insert, String update,
        String delete, String touchAll, String touchOne) {

    public static StateSql of(StateTable.Shape shape) {
        String table = shape.table();
        String keyMatch = shape.keyColumns().stream().map(c -> " AND " + c + " = ?").collect(Collectors.joining());
        String hash = shape.hashed() ? "content_hash" : "CAST(NULL AS VARCHAR(64))";
        List<String> inserted = Stream.of(List.of("project_key"), shape.keyColumns(), shape.contentColumns(),
                        shape.hashed() ? List.of("content_hash") : List.<String>of(),
                        List.of("first_seen_at", "last_seen_at", "last_changed_at", "last_ingestion_run_id"))
                .flatMap(List::stream).toList();
        List<String> changed = Stream.concat(shape.contentColumns().stream(),
                shape.hashed() ? Stream.of("content_hash") : Stream.empty()).toList();
        String assignments = changed.stream().map(c -> c + " = ?, ").collect(Collectors.joining());
        return new StateSql(
                "SELECT " + String.join(", ", shape.keyColumns()) + ", " + hash
                        + ", CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END"
                        + ", CASE WHEN last_seen_at <> ? THEN 1 ELSE 0 END FROM " + table + " WHERE project_key = ?",
                inserted,
                "INSERT INTO " + table + " (" + String.join(", ", inserted) + ") VALUES ("
                        + inserted.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                "UPDATE " + table + " SET " + assignments + "last_seen_at = ?, last_changed_at = ?, deleted_at = NULL,"
                        + " last_ingestion_run_id = ? WHERE project_key = ?" + keyMatch,
                "UPDATE " + table + " SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?"
                        + " WHERE project_key = ?" + keyMatch,
                "UPDATE " + table + " SET last_seen_at = ?"
                        + " WHERE project_key = ? AND deleted_at IS NULL AND last_seen_at <> ?",
                "UPDATE " + table + " SET last_seen_at = ?"
                        + " WHERE project_key = ?" + keyMatch + " AND deleted_at IS NULL AND last_seen_at <> ?");
    }
}
