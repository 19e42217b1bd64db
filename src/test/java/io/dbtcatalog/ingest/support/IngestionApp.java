package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.DbtCatalogIngestApplication;
import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started in the test JVM on a configuration file, as the CLI starts it, kept running so a
 * test can launch many ingestions through {@link IngestionLauncher} (the one entry point) without paying start-up
 * each time. Also writes such configuration files ({@link #config}).
 */
public final class IngestionApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private IngestionApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static IngestionApp start(Path config) {
        return new IngestionApp(new SpringApplicationBuilder(DbtCatalogIngestApplication.class)
                .logStartupInfo(false)
                .run(
                        "--spring.config.location=classpath:/application.yaml,file:" + config,
                        "--dbt-catalog-ingest.config-file=" + config));
    }

    /**
     * Writes {@code ingestion-config.yaml} into {@code dir}: the catalog at {@code url} (user {@code postgres} for
     * the embedded PostgreSQL, {@code sa} for H2), one local source per
     * name/folder pair, and {@code extra} lines under {@code ingestion:} (e.g. {@code "  lock-timeout: 1s\n"}).
     */
    public static Path config(Path dir, String url, Map<String, Path> localSources, String extra) {
        String user = url.startsWith("jdbc:postgresql:") ? "postgres" : "sa";
        StringBuilder yaml = new StringBuilder("""
                ingestion:
                  target:
                    url: %s
                    username: %s
                    password: ""
                  work-dir: %s
                """.formatted(url, user, dir.resolve("work")));
        yaml.append(extra);
        yaml.append("  sources:\n");
        localSources.forEach((name, folder) -> yaml.append("""
                    - name: %s
                      kind: local
                      path: %s
                """.formatted(name, folder)));
        Path file = dir.resolve("ingestion-config.yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Ingests the latest run of {@code source} like {@code run --source source}; returns its outcome. */
    public SourceOutcome run(String source) {
        return launch(IngestRequest.latest(source, false));
    }

    public SourceOutcome launch(IngestRequest request) {
        return context.getBean(IngestionLauncher.class).launch(request).get(0);
    }

    /** The one run outcome of a launch that touched exactly one run. */
    public static RunOutcome onlyRun(SourceOutcome outcome) {
        if (outcome.runs().size() != 1) {
            throw new AssertionError("expected one run in " + outcome);
        }
        return outcome.runs().get(0);
    }

    public DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    public CatalogDump dump() {
        return CatalogDump.of(dataSource());
    }

    /** The project's {@code ingestion_run} rows, oldest first. */
    public List<Map<String, Object>> ledger(String projectKey) {
        return CatalogDump.query(
                dataSource(),
                "SELECT id, run_key, status, message FROM ingestion_run" + " WHERE project_key = ? ORDER BY id",
                projectKey);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
