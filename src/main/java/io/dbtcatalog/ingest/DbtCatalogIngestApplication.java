package io.dbtcatalog.ingest;

import io.dbtcatalog.ingest.cli.IngestCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The executable jar's entry point: hands the arguments to the CLI and exits with its code (0, 1 or 2). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DbtCatalogIngestApplication {

    public static void main(String[] args) {
        System.exit(new IngestCli(System.out, System.err).execute(args));
    }
}
