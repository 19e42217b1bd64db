/**
 * The ingestion pipeline: {@code IngestionLauncher} is its one entry point (CLI commands, scheduled triggers), and
 * {@code SourceIngestion} runs list → ledger check → fetch → fingerprint check → read → publish for one source. The
 * dry run behind {@code validate} ({@code IngestionCheck}) lives here too. What happened to each run is recorded once,
 * in the store's ledger; see docs/decisions/0001-execution-model.md.
 */
package io.dbtcatalog.ingest.job;
