package io.dbtcatalog.ingest.source.local;

import java.nio.file.Path;

/**
 * One {@code kind: local} source: its name (the catalog's {@code project_key}), the dbt {@code target/} folder it
 * reads, and the folder of past invocations for backfill ({@code history-path}; null when not configured).
 */
public record LocalSettings(String name, Path path, Path historyPath) {}
