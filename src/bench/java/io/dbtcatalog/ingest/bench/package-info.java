/**
 * The benchmarks, outside the unit-test tree and compiled only by the {@code bench} Maven profile (see pom.xml):
 * {@code IngestBenchmark} times whole ingestions of generated dbt projects ({@code SyntheticDbtProject} and its
 * writers) on PostgreSQL and H2 against a floor (a bare parse and COPY of the same rows), with heap and growth
 * figures ({@code BenchTable}, {@code HeapMeter}); {@code PublishBenchmark} times the store's publish alone. The
 * {@code *Tests} here check the benchmark's own helpers and run with {@code mvn -Pbench test}.
 */
package io.dbtcatalog.ingest.bench;
