package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactInput;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.HttpClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dbt Cloud account (optionally narrowed to a project, jobs or an environment) read through the Admin API v2:
 * lists the complete runs with an accepted status and a usable manifest, and fetches one by downloading each
 * artifact from the right step (the manifest from the last executing step, the run_results of every executing step,
 * sources.json of every freshness step, the catalog from the docs step) into a private folder, reading them with the
 * shared artifact reader.
 */
public final class DbtCloudSource implements MetadataSource {

    private static final Logger log = LoggerFactory.getLogger(DbtCloudSource.class);

    private final DbtCloudSettings settings;
    private final ArtifactSnapshotReader reader;
    private final AdminApi api;
    private final RunFinder finder;
    private final ArtifactDownloads downloads;
    private final WorkFolders folders;

    public DbtCloudSource(DbtCloudSettings settings, ArtifactSnapshotReader reader, HttpClients clients) {
        this(settings, reader, clients, AdminApi.MAX_PAGE_SIZE);
    }

    DbtCloudSource(DbtCloudSettings settings, ArtifactSnapshotReader reader, HttpClients clients, int pageSize) {
        this.settings = settings;
        this.reader = reader;
        this.api = AdminApi.create(settings, clients);
        this.finder = new RunFinder(api, settings, pageSize);
        this.downloads = new ArtifactDownloads(api, settings.name());
        this.folders = new WorkFolders(settings.workDir());
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public List<RunRef> listRuns(RunSelector selector) {
        return finder.find(selector);
    }

    /**
     * Downloads the run's artifacts, each from the step the run's plan chooses, into a private folder that closing
     * the input deletes.
     */
    @Override
    public RunInput fetch(RunRef run) {
        if (!(run.locator() instanceof RunLocator.CloudRun cloud)) {
            throw new IllegalArgumentException(
                    "source " + settings.name() + " fetches dbt Cloud runs, not " + run.locator());
        }
        long runId = cloud.runId();
        StepPlan plan = StepPlanner.plan(cloud.steps());
        if (!plan.hasManifestSource()) {
            throw new DbtCloudException("source " + settings.name() + ": no step of dbt Cloud run " + runId
                    + " ran a dbt command that writes a manifest");
        }
        log.info(
                "source {}: downloading dbt Cloud run {} (job {}, steps {})",
                settings.name(),
                runId,
                cloud.jobId(),
                plan.describe());
        Path folder = folders.create(runId);
        try {
            ArtifactDownloads.Downloaded downloaded = downloads.downloadAll(cloud, plan, folder);
            return new ArtifactInput(
                    reader,
                    downloaded.files(),
                    run,
                    downloaded.warnings(),
                    snapshot -> withWarnings(snapshot, downloaded.warnings(), folder, runId),
                    () -> folders.delete(folder));
        } catch (RuntimeException | Error e) {
            folders.delete(folder);
            throw e;
        }
    }

    /**
     * Our warnings first (one per file left out: the reader reports no missing file of a dbt Cloud run), then the
     * reader's with the temporary folder replaced by the run.
     */
    private static CatalogSnapshot withWarnings(CatalogSnapshot snapshot, List<String> ours, Path folder, long runId) {
        List<String> warnings = new ArrayList<>(ours);
        for (String warning : snapshot.warnings()) {
            warnings.add(warning.replace(folder.toString(), "<dbt Cloud run " + runId + ">"));
        }
        return snapshot.withWarnings(warnings);
    }

    @Override
    public String toString() {
        return "DbtCloudSource[name=" + settings.name() + ", baseUrl=" + settings.baseUrl() + ", accountId="
                + settings.accountId() + "]";
    }
}
