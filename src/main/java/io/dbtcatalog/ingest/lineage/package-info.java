/**
 * Column lineage derived from each model's compiled SQL and the schemas of the relations it reads: which columns
 * feed each output column, and how (copied, computed, aggregated, windowed, chosen by CASE).
 *
 * <p>Pure functions over small input records: no Spring, no store, no I/O. {@link
 * io.dbtcatalog.ingest.lineage.ColumnLineageEngine} analyses models in DAG order and returns, per model, its
 * edges and a {@link io.dbtcatalog.ingest.lineage.Coverage} saying whether the analysis was full, partial or
 * impossible and why; it never throws for a model's SQL. The SQL parser sits behind {@link
 * io.dbtcatalog.ingest.lineage.SqlLineageAnalyzer} (JSqlParser, see docs/decisions/0010-column-lineage-parser.md).
 *
 * <p>{@link io.dbtcatalog.ingest.lineage.SnapshotLineage} is the pipeline's step: it builds the engine's input from a
 * snapshot's model records and turns the result (and the catalog's stored lineage, for reuse) back into model
 * records; still no store and no I/O.
 */
package io.dbtcatalog.ingest.lineage;
