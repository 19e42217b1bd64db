package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.DbtCatalogIngestApplication;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: parses arguments, starts the application on the chosen configuration file, runs the command
 * and maps the result to the exit code (0 all succeeded, 1 an ingestion failed, 2 usage or configuration error).
 */
public final class IngestCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public IngestCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public int execute(String... args) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (CliArguments.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(CliCommands.usage());
            return USAGE;
        }
        if (arguments.command().equals("help")) {
            out.print(CliCommands.usage());
            return OK;
        }
        Path config = arguments.config().toAbsolutePath().normalize();
        if (!Files.isRegularFile(config)) {
            err.println("error: configuration file not found: " + config);
            return USAGE;
        }
        try (ConfigurableApplicationContext context = start(config, arguments.command())) {
            CliCommand command = CliCommands.spec(arguments.command()).orElseThrow().command();
            return command.execute(context, arguments, out, err);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.classify(e, config);
            err.println("error: " + failure.message());
            return failure.configuration() ? USAGE : FAILED;
        }
    }

    private static ConfigurableApplicationContext start(Path config, String command) {
        String location = config.getFileName().toString().matches(".*\\.ya?ml") ? "file:" + config
                : "file:" + config + "[.yaml]";
        return new SpringApplicationBuilder(DbtCatalogIngestApplication.class)
                .logStartupInfo(false)
                .run("--spring.config.location=classpath:/application.yaml," + location,
                        "--dbt-catalog-ingest.config-file=" + config, "--dbt-catalog-ingest.command=" + command);
    }
}
