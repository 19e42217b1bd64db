package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.job.Polls;
import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test code: one dbt Cloud source of the stand-in's account ingested into a catalog database through the real
 * pipeline (list, ledger check, fetch, read, publish), as scheduled polls or backfills do.
 */
final class CloudPipeline {

    static final String NAME = "analytics";

    private final DbtCloudSource source;
    private final ProjectRef project;
    private final TestDatabase db;
    private final CatalogStore store;

    /** A source reading {@code jobs} (every job when none) of {@code projectId} with {@code statuses} accepted. */
    CloudPipeline(
            DbtCloudStandIn standIn,
            TestDatabase db,
            Path workDir,
            long projectId,
            Set<Integer> statuses,
            Long... jobs) {
        DbtCloudSettings settings = new DbtCloudSettings(
                NAME,
                standIn.baseUrl(),
                StandardAccount.ACCOUNT,
                StandardAccount.TOKEN,
                projectId,
                List.of(jobs),
                null,
                statuses,
                CloudTestSettings.FAST_HTTP,
                workDir);
        this.source = new DbtCloudSource(
                settings, new ArtifactSnapshotReader(), TestHttpClients.with(new FakeTime().timing()), 100);
        this.project = new ProjectRef(
                NAME, "dbt-cloud", StandardAccount.ACCOUNT, projectId, null, jobs.length == 1 ? jobs[0] : null);
        this.db = db;
        this.store = new CatalogStore(db.dataSource());
    }

    /** One poll, at most {@code maxRunsPerPoll} runs. */
    List<RunOutcome> poll(int maxRunsPerPoll) {
        return Polls.poll(source, project, store, maxRunsPerPoll);
    }

    List<RunOutcome> poll() {
        return poll(20);
    }

    List<RunOutcome> ingest(RunSelector selector) {
        return Polls.ingest(source, project, store, selector, 20);
    }

    /** Rows of a query on the catalog, keys lower-cased as {@link CatalogDump#query} gives them. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        return CatalogDump.query(db.dataSource(), sql, parameters);
    }

    /** {@code run_key status} of every ledger row, oldest first. */
    List<String> ledger() {
        return rows("SELECT run_key, status FROM ingestion_run ORDER BY id").stream()
                .map(row -> row.get("run_key") + " " + row.get("status"))
                .toList();
    }

    /** {@code invocation_id dbt_step_index dbt_command count} per group of rows of a history table. */
    List<String> historyByStep(String table) {
        return rows("SELECT invocation_id, dbt_step_index, dbt_command, COUNT(*) AS n FROM " + table
                        + " GROUP BY invocation_id, dbt_step_index, dbt_command ORDER BY dbt_step_index, invocation_id")
                .stream()
                .map(row -> row.get("invocation_id") + " " + row.get("dbt_step_index") + " " + row.get("dbt_command")
                        + " " + row.get("n"))
                .toList();
    }
}
