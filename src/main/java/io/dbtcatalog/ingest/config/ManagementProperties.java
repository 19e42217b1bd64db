package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The HTTP port of health and metrics ({@code ingestion.management.port}): served only by the {@code schedule}
 * command and only when a port is set; no port, no HTTP server.
 */
public record ManagementProperties(@Min(1) @Max(65535) Integer port) {}
