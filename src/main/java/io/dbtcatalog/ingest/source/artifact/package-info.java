/**
 * Streaming readers of dbt's artifact files (manifest v4–v12, run_results, catalog, sources) into the normalized
 * model, shared by the local-folder and dbt Cloud sources; {@code ArtifactInput} fingerprints a run's files
 * ({@code ArtifactDigest}) before they are parsed.
 */
package io.dbtcatalog.ingest.source.artifact;
