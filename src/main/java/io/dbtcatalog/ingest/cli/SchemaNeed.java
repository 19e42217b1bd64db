package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.SchemaStatus;
import java.util.List;

/**
 * What a read-only command needs of the catalog schema, which it must not migrate: checked cheaply
 * ({@link SchemaStatus}, one query, no Flyway) after start-up and before the command runs. A command that writes
 * migrates instead and needs no check.
 */
enum SchemaNeed {
    /** Every shipped migration applied (the default of a read-only command). */
    CURRENT,
    /** Current, or no catalog at all yet ({@code status}: then nothing was ingested). */
    CURRENT_OR_EMPTY,
    /** None: the command reports the schema itself ({@code validate}). */
    REPORTED_BY_COMMAND;

    /** Why the command cannot run on a database whose schema is {@code schema}, or null when it can. */
    String problem(SchemaStatus schema, String url) {
        if (this == REPORTED_BY_COMMAND || schema.pending().isEmpty()) {
            return null;
        }
        if (schema.empty()) {
            return this == CURRENT_OR_EMPTY
                    ? null
                    : "the catalog database " + url + " holds no catalog yet; a `run` creates its schema and"
                            + " ingests the configured sources";
        }
        List<String> pending = schema.pending();
        return "the catalog schema of " + url + " is behind this version of dbt-catalog-ingest (it lacks "
                + String.join(", ", pending) + "); a `run` or `schedule` migrates it, `validate` shows what it"
                + " would apply";
    }
}
