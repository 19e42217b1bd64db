package io.dbtcatalog.ingest.store;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Switches for the store's speed seams, each on by default and each replaceable by a slower way that writes the
 * same rows (see {@code docs/performance.md}): PostgreSQL's {@code COPY} bulk path, writing new rows in primary-key
 * order, acknowledging unchanged artifact files without parsing them, {@code COPY}'s binary format,
 * and multi-row inserts of history rows where there is no {@code COPY}.
 * {@link CatalogStore#CatalogStore(javax.sql.DataSource)} reads them from system properties, e.g.
 * {@code -Ddbt-catalog.store.copy=false}.
 *
 * @param bulkCopy          PostgreSQL: {@code COPY} and staging tables; off: JDBC batches ({@value #BULK_COPY})
 * @param keyOrderedWrites  new rows written in primary-key order; off: in snapshot order ({@value #KEY_ORDER})
 * @param digestShortcut    a run whose artifact files are those the catalog state came from is acknowledged without
 *                          parsing them; off: parsed and compared ({@value #DIGEST_SHORTCUT})
 * @param multiRowInserts   JDBC batches: history rows appended by multi-row {@code INSERT ... VALUES} statements; off:
 *                          one single-row insert per batched row ({@value #MULTI_ROW})
 * @param binaryCopy        PostgreSQL's {@code COPY} path: every {@code COPY} (new state rows, staged changes and keys,
 *                          history rows) in {@code COPY}'s binary format; off: its text format ({@value #BINARY_COPY})
 */
public record StoreOptions(
        boolean bulkCopy,
        boolean keyOrderedWrites,
        boolean digestShortcut,
        boolean multiRowInserts,
        boolean binaryCopy) {

    public static final String BULK_COPY = "dbt-catalog.store.copy";
    public static final String KEY_ORDER = "dbt-catalog.store.key-order";
    public static final String DIGEST_SHORTCUT = "dbt-catalog.store.digest-shortcut";
    public static final String MULTI_ROW = "dbt-catalog.store.multi-row";
    public static final String BINARY_COPY = "dbt-catalog.store.binary-copy";

    /** Every seam on. */
    public static StoreOptions defaults() {
        return new StoreOptions(true, true, true, true, true);
    }

    /** The switches as the JVM's system properties set them; an unset one is on. */
    public static StoreOptions fromSystemProperties() {
        return from(System::getProperty);
    }

    /**
     * The switches as {@code properties} sets them (absent: on).
     *
     * @throws IllegalArgumentException naming the property when a value is neither {@code true} nor {@code false}
     */
    static StoreOptions from(UnaryOperator<String> properties) {
        return new StoreOptions(
                flag(properties, BULK_COPY),
                flag(properties, KEY_ORDER),
                flag(properties, DIGEST_SHORTCUT),
                flag(properties, MULTI_ROW),
                flag(properties, BINARY_COPY));
    }

    static boolean flag(UnaryOperator<String> properties, String name) {
        String value = properties.apply(name);
        if (value == null) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }
}
