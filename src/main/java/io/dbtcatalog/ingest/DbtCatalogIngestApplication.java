package io.dbtcatalog.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application: auto-configuration, component and configuration-properties scanning from this package.
 * It knows nothing of the command line; the executable jar's entry point, {@code cli.IngestCli}, starts it for the
 * command it runs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DbtCatalogIngestApplication {}
