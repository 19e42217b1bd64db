package io.dbtcatalog.ingest.store;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements of one state table, derived once from its {@link StateTable.Shape} so every table follows the same
 * lifecycle. Only constant column names are assembled here; every value is a bind parameter.
 */
record StateSql(String selectExisting, String insert, String update, String delete, String touchAll,
        String touchOne) {

    static StateSql of(StateTable.Shape shape) {
        String table = shape.table();
        String keyMatch = shape.keyColumns().stream().map(c -> " AND " + c + " = ?").collect(Collectors.joining());
        String hash = shape.hashed() ? "content_hash" : "CAST(NULL AS VARCHAR(64))";
        List<String> inserted = Stream.of(List.of("project_key"), shape.keyColumns(), shape.contentColumns(),
                        shape.hashed() ? List.of("content_hash") : List.<String>of(),
                        List.of("first_seen_at", "last_seen_at", "last_changed_at", "last_ingestion_run_id"))
                .flatMap(List::stream).toList();
        String assignments = Stream.concat(shape.contentColumns().stream(),
                        shape.hashed() ? Stream.of("content_hash") : Stream.empty())
                .map(c -> c + " = ?, ").collect(Collectors.joining());
        return new StateSql(
                "SELECT " + String.join(", ", shape.keyColumns()) + ", " + hash + ", deleted_at FROM " + table
                        + " WHERE project_key = ?",
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
