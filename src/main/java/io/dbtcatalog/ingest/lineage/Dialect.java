package io.dbtcatalog.ingest.lineage;

import java.util.Locale;

/**
 * The SQL dialect of a dbt adapter, with the warehouse's rule for the stored name of an identifier: Snowflake
 * folds unquoted names to upper case, PostgreSQL to lower case, Redshift folds every name to lower case, and
 * BigQuery, DuckDB and Databricks keep names as written (and compare them without regard to case).
 */
public enum Dialect {
    SNOWFLAKE,
    BIGQUERY,
    POSTGRES,
    REDSHIFT,
    DATABRICKS,
    DUCKDB,
    GENERIC;

    /** The dialect of a manifest's {@code metadata.adapter_type}; unknown adapters get {@link #GENERIC}. */
    public static Dialect fromAdapterType(String adapterType) {
        if (adapterType == null) {
            return GENERIC;
        }
        return switch (adapterType.trim().toLowerCase(Locale.ROOT)) {
            case "snowflake" -> SNOWFLAKE;
            case "bigquery" -> BIGQUERY;
            case "postgres", "postgresql" -> POSTGRES;
            case "redshift" -> REDSHIFT;
            case "databricks", "spark" -> DATABRICKS;
            case "duckdb", "motherduck" -> DUCKDB;
            default -> GENERIC;
        };
    }

    /** The name the warehouse stores for an identifier written {@code text}, quoted or not. */
    public String storedName(String text, boolean quoted) {
        return switch (this) {
            case SNOWFLAKE -> quoted ? text : text.toUpperCase(Locale.ROOT);
            case POSTGRES -> quoted ? text : text.toLowerCase(Locale.ROOT);
            case REDSHIFT -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
    }

    /**
     * The stored name of a database, schema or alias as the manifest gives it: dbt quotes identifiers by default
     * on every adapter but Snowflake, where an unquoted name is folded to upper case.
     */
    public String manifestName(String text) {
        return storedName(text, this != SNOWFLAKE);
    }

    /** Whether relation names differ when only their case differs (after {@link #storedName}). */
    public boolean caseSensitiveRelations() {
        return this == SNOWFLAKE || this == POSTGRES || this == BIGQUERY;
    }

    /** Whether a double-quoted token is a string literal rather than an identifier. */
    boolean doubleQuotesAreStrings() {
        return this == BIGQUERY || this == DATABRICKS;
    }
}
