package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.CloudTestSettings.settings;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.HttpTiming;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TokenSecrecyIntegrationTests {

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private DbtCloudStandIn standIn;

    @BeforeEach
    void start() {
        standIn = StandardAccount.start(scratch);
        appender.start();
        for (String name : List.of("io.dbtcatalog", "okhttp3")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            loggers.add(logger);
            levels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
        }
    }

    @AfterEach
    void stop() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(levels.get(i));
        }
        standIn.close();
    }

    @Test
    void theTokenAppearsInNoLogExceptionToStringSnapshotOrFile() throws IOException {
        // given: a server that rate-limits, fails, drops a body, and misses a catalog
        standIn.fault("/accounts/70001/runs/", 1, StandInFaults.rateLimited(1));
        standIn.fault("/artifacts/manifest.json", 1, StandInFaults.serverError(503));
        standIn.fault("/artifacts/run_results.json", 1, StandInFaults.dropMidBody());
        standIn.fault("/artifacts/catalog.json", 1, StandInFaults.invalidJson());
        DbtCloudSettings settings = settings(standIn, ANALYTICS, DAILY_JOB, workDir);
        DbtCloudSource source = new DbtCloudSource(
                settings, new ArtifactSnapshotReader(), TestHttpClients.with(new FakeTime().timing()), 10);
        List<String> written = new ArrayList<>();

        // when: a successful ingestion and failing calls
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        CatalogSnapshot snapshot = TestRuns.read(source, run);
        written.add(stackTrace(catchThrowable(() -> new DbtCloudSource(
                        CloudTestSettings.withAccount(settings, 9),
                        new ArtifactSnapshotReader(),
                        TestHttpClients.with(HttpTiming.system()))
                .listRuns(new RunSelector.Latest()))));
        written.add(stackTrace(catchThrowable(
                () -> TestRuns.read(source, TestRuns.run(settings.name(), "1", 1L, null, null, "missing")))));

        // then
        written.add(settings.toString());
        written.add(source.toString());
        written.add(run.toString());
        written.add(snapshot.toString());
        appender.list.forEach(event -> {
            written.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                written.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        });
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                written.add(Files.readString(file));
            }
        }
        assertThat(appender.list)
                .anyMatch(event -> event.getLevel() == Level.DEBUG
                        && event.getFormattedMessage().startsWith("GET /api/v2/accounts/70001/runs/"));
        assertThat(snapshot.nodes()).isNotEmpty();
        assertThat(written)
                .hasSizeGreaterThan(10)
                .noneMatch(text -> text.contains(TOKEN))
                .noneMatch(text -> text.contains("StandIn-Secret"));
    }

    private static String stackTrace(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
