/**
 * The normalized model every source delivers and the store writes: immutable records only (nodes, columns, lineage
 * edges, tests, results, freshness, the snapshot of one run, and the run references with their typed locators). No
 * Spring, no Jackson, no JDBC.
 */
package io.dbtcatalog.ingest.model;
