/**
 * The one copy of each normalization rule every source's mapper shares, so that the artifact reader, dbt Cloud and
 * the Discovery API turn the same dbt value into the same catalog value: JSON values whose shape changed across dbt
 * versions ({@link io.dbtcatalog.ingest.source.normalize.JsonValues}), timestamps with the artifact reader's fast
 * path ({@link io.dbtcatalog.ingest.source.normalize.Timestamps}) and the name and attached node of tests
 * ({@link io.dbtcatalog.ingest.source.normalize.TestTargets}). Pure static functions; no I/O, no Spring.
 */
package io.dbtcatalog.ingest.source.normalize;
