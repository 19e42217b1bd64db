package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.CommandApplication;
import io.dbtcatalog.ingest.DbtCatalogIngestApplication;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.PreparedValidator;
import io.dbtcatalog.ingest.config.TargetProperties;
import io.dbtcatalog.ingest.store.H2EarlyOpen;
import io.dbtcatalog.ingest.store.SchemaStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the {@code --config} option, starting the application on that file, running the
 * command in it and explaining a failed start-up (exit code 2 when the configuration is at fault, 1 otherwise).
 *
 * <p>How much of the application starts is declared by the command: {@link #service()} ({@code schedule}) starts
 * all of it, as before; every other command starts {@link CommandApplication} (two auto-configurations, no scheduler
 * components, lazy beans), {@code run}-like commands migrate the catalog only when it is behind, and a
 * {@link #readOnly()} command never migrates: its {@link #schemaNeed()} is checked with one query instead.
 * docs/decisions/0012-fast-start.md has the measurements. Every command but {@code schedule} also opens an existing
 * H2 file catalog beside its start ({@link #openEarly}, decision 0037), validates its configuration with the warm-up's
 * validator when there is one (decision 0038) and has its pool fail at its first connection attempt, with the
 * driver's reason.
 */
abstract class ApplicationCommand implements Callable<Integer> {

    @ParentCommand
    private TopCommand cli;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "ingestion-config.yaml",
            description = "configuration file (default: ./ingestion-config.yaml)")
    private Path config;

    private SchemaStatus schema;

    /** Runs the command in the started application and returns its exit code. */
    abstract int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err);

    /** Checks what picocli cannot (option combinations) before anything starts; throws an OptionValueException. */
    void checkOptions() {}

    /**
     * True when the command must not write to the catalog: the application then starts without migrating it, with
     * read-only connections, and the command runs only when its {@link #schemaNeed()} is met.
     */
    boolean readOnly() {
        return false;
    }

    /** What a {@link #readOnly()} command needs of the catalog schema; by default every migration applied. */
    SchemaNeed schemaNeed() {
        return SchemaNeed.CURRENT;
    }

    /** True for the long-running command that needs the whole application: scheduler, metrics, health endpoints. */
    boolean service() {
        return false;
    }

    /** The schema status checked before a {@link #readOnly()} command ran; null for the other commands. */
    SchemaStatus catalogSchema() {
        return schema;
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
        AtomicReference<H2EarlyOpen> early = new AtomicReference<>(H2EarlyOpen.NONE);
        try (ConfigurableApplicationContext context =
                start(file, spec.name(), readOnly(), service(), cli.warmup(), early)) {
            String problem = readOnly() ? schemaProblem(context) : null;
            if (problem != null) {
                err.println("error: " + problem);
                return IngestCli.FAILED;
            }
            return execute(context, cli.out(), err);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.classify(e, file);
            err.println("error: " + failure.message());
            return failure.configuration() ? IngestCli.USAGE : IngestCli.FAILED;
        } finally {
            // after the context, whose pool has closed its connections: H2 closes the database here
            early.get().close();
        }
    }

    private String schemaProblem(ConfigurableApplicationContext context) {
        if (schemaNeed() == SchemaNeed.REPORTED_BY_COMMAND) {
            return null;
        }
        schema = SchemaStatus.read(context.getBean(DataSource.class));
        return schemaNeed()
                .problem(
                        schema,
                        context.getBean(IngestionProperties.class).target().url());
    }

    private static ConfigurableApplicationContext start(
            Path config,
            String command,
            boolean readOnly,
            boolean service,
            StartWarmup warmup,
            AtomicReference<H2EarlyOpen> early) {
        String location =
                config.getFileName().toString().matches(".*\\.ya?ml") ? "file:" + config : "file:" + config + "[.yaml]";
        return new SpringApplicationBuilder(service ? DbtCatalogIngestApplication.class : CommandApplication.class)
                .logStartupInfo(false)
                .lazyInitialization(!service)
                // the warm-up's configuration validator, asked for during the refresh, after the warm-up finished
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(
                                "preparedConfigurationValidator", (PreparedValidator) warmup::preparedValidator))
                .listeners(event -> {
                    // delivered after Spring Boot's logging listener, which has taken over the console by then
                    if (event instanceof ApplicationStartingEvent) {
                        warmup.applicationStarting();
                    } else if (event instanceof ApplicationEnvironmentPreparedEvent prepared && !service) {
                        early.set(openEarly(prepared.getEnvironment()));
                    } else if (event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent) {
                        warmup.finish();
                    }
                })
                .run(
                        "--spring.config.location=classpath:/application.yaml," + location,
                        "--dbt-catalog-ingest.config-file=" + config,
                        "--dbt-catalog-ingest.command=" + command,
                        "--dbt-catalog-ingest.read-only=" + readOnly,
                        "--dbt-catalog-ingest.one-shot=" + !service);
    }

    /**
     * Starts opening the catalog beside the context's refresh ({@link H2EarlyOpen}: an existing embedded H2 file
     * only), from the target as the configuration file gives it; the application's own binding, which validates and
     * reports, comes later. A target that does not bind here opens nothing early.
     */
    static H2EarlyOpen openEarly(ConfigurableEnvironment environment) {
        TargetProperties target;
        try {
            target = Binder.get(environment)
                    .bind("ingestion.target", TargetProperties.class)
                    .orElse(null);
        } catch (RuntimeException e) {
            return H2EarlyOpen.NONE;
        }
        if (target == null || target.url() == null) {
            return H2EarlyOpen.NONE;
        }
        return H2EarlyOpen.start(target.connectionUrl(), target.username(), target.password());
    }
}
