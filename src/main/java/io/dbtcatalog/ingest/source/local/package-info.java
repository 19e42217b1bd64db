/** A dbt Core {@code target/} folder (and an optional history folder of past invocations) as a metadata source. */
package io.dbtcatalog.ingest.source.local;
