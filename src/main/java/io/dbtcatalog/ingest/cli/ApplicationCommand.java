package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.DbtCatalogIngestApplication;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the {@code --config} option, starting the application on that file, running the
 * command in it and explaining a failed start-up (exit code 2 when the configuration is at fault, 1 otherwise).
 */
abstract class ApplicationCommand implements Callable<Integer> {

    @ParentCommand
    private IngestCommand cli;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "ingestion-config.yaml",
            description = "configuration file (default: ./ingestion-config.yaml)")
    private Path config;

    /** Runs the command in the started application and returns its exit code. */
    abstract int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err);

    /** Checks what picocli cannot (option combinations) before anything starts; throws an OptionValueException. */
    void checkOptions() {}

    /** True when the command must not write to the catalog: the application then starts without migrating it. */
    boolean readOnly() {
        return false;
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public final Integer call() {
        checkOptions();
        PrintStream err = cli.err();
        Path file = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            err.println("error: configuration file not found: " + file);
            return IngestCli.USAGE;
        }
        try (ConfigurableApplicationContext context = start(file, spec.name(), readOnly())) {
            return execute(context, cli.out(), err);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.classify(e, file);
            err.println("error: " + failure.message());
            return failure.configuration() ? IngestCli.USAGE : IngestCli.FAILED;
        }
    }

    private static ConfigurableApplicationContext start(Path config, String command, boolean readOnly) {
        String location =
                config.getFileName().toString().matches(".*\\.ya?ml") ? "file:" + config : "file:" + config + "[.yaml]";
        return new SpringApplicationBuilder(DbtCatalogIngestApplication.class)
                .logStartupInfo(false)
                .run(
                        "--spring.config.location=classpath:/application.yaml," + location,
                        "--dbt-catalog-ingest.config-file=" + config,
                        "--dbt-catalog-ingest.command=" + command,
                        "--dbt-catalog-ingest.read-only=" + readOnly);
    }
}
