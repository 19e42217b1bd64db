/**
 * The store's JDBC basics: the engine ({@link io.dbtcatalog.ingest.store.jdbc.SqlDialect}, detected once), binding
 * a row's values to a statement or a batch ({@link io.dbtcatalog.ingest.store.jdbc.RowSink}), column-length checks
 * read from the schema, and how a failed statement is described. Knows no catalog table.
 */
package io.dbtcatalog.ingest.store.jdbc;
