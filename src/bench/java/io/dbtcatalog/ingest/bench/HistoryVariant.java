package io.dbtcatalog.ingest.bench;

import io.dbtcatalog.ingest.store.StoreOptions;
import java.util.List;

/**
 * The layouts and write paths {@link HistoryBenchmark} compares: each is the migrated schema with some statements run
 * on it (per engine) and the store's switches. Some are candidates, some only bounds that say where the time goes
 * (without primary keys, without the write-ahead log); none changes the rows written.
 */
record HistoryVariant(String name, List<String> h2Sql, List<String> postgresSql, StoreOptions options) {

    private static final StoreOptions DEFAULTS = StoreOptions.defaults();

    /** The V14 write path: history rows as single-row JDBC batches (H2), as text COPY (PostgreSQL). */
    private static final StoreOptions V14_PATH = new StoreOptions(true, true, true, false, false);

    private static final List<String> INVOCATION_INDEXES = List.of(
            "CREATE INDEX catalog_test_result_invocation_idx ON catalog_test_result (project_key, invocation_id)",
            "CREATE INDEX catalog_run_result_invocation_idx ON catalog_run_result (project_key, invocation_id)");

    private static final List<String> RESOURCE_KEYS = List.of(
            "ALTER TABLE catalog_test_result DROP PRIMARY KEY",
            "ALTER TABLE catalog_test_result ADD PRIMARY KEY (project_key, test_unique_id, invocation_id)",
            "ALTER TABLE catalog_run_result DROP PRIMARY KEY",
            "ALTER TABLE catalog_run_result ADD PRIMARY KEY (project_key, node_unique_id, invocation_id)");

    private static final List<String> NO_KEYS_H2 = List.of(
            "ALTER TABLE catalog_test_result DROP PRIMARY KEY", "ALTER TABLE catalog_run_result DROP PRIMARY KEY");

    private static final List<String> NO_KEYS_POSTGRES = List.of(
            "ALTER TABLE catalog_test_result DROP CONSTRAINT catalog_test_result_pkey",
            "ALTER TABLE catalog_run_result DROP CONSTRAINT catalog_run_result_pkey");

    private static final List<String> UNLOGGED_POSTGRES =
            List.of("ALTER TABLE catalog_test_result SET UNLOGGED", "ALTER TABLE catalog_run_result SET UNLOGGED");

    private static final List<String> INVOCATION_KEYS_POSTGRES = List.of(
            "ALTER TABLE catalog_test_result DROP CONSTRAINT catalog_test_result_pkey",
            "ALTER TABLE catalog_test_result ADD PRIMARY KEY (project_key, invocation_id, test_unique_id)",
            "ALTER TABLE catalog_run_result DROP CONSTRAINT catalog_run_result_pkey",
            "ALTER TABLE catalog_run_result ADD PRIMARY KEY (project_key, invocation_id, node_unique_id)");

    /** The variant named {@code name}; fails listing the known ones. */
    static HistoryVariant named(String name) {
        return switch (name) {
            // the schema as migrated, the store's defaults
            case "current" -> new HistoryVariant(name, List.of(), List.of(), DEFAULTS);
            // the schema as migrated, the V14 write path (single-row batches on H2, text COPY on PostgreSQL)
            case "v14-path" -> new HistoryVariant(name, List.of(), List.of(), V14_PATH);
            // V13: the invocation indexes, resource-first keys on H2, the V14 write path
            case "v13-layout" ->
                new HistoryVariant(name, concat(INVOCATION_INDEXES, RESOURCE_KEYS), INVOCATION_INDEXES, V14_PATH);
            // bounds, not candidates: no primary key on the two results tables
            case "no-keys" -> new HistoryVariant(name, NO_KEYS_H2, NO_KEYS_POSTGRES, DEFAULTS);
            // PostgreSQL: the results tables unlogged (no WAL)
            case "unlogged" -> new HistoryVariant(name, List.of(), UNLOGGED_POSTGRES, DEFAULTS);
            // PostgreSQL: keys leading with the invocation, as on H2
            case "invocation-keys" -> new HistoryVariant(name, List.of(), INVOCATION_KEYS_POSTGRES, DEFAULTS);
            default ->
                throw new IllegalArgumentException("bench.variants: unknown variant '" + name
                        + "' (current, v14-path, v13-layout, no-keys, unlogged, invocation-keys)");
        };
    }

    /** The statements for the engine. */
    List<String> sql(boolean h2) {
        return h2 ? h2Sql : postgresSql;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
