package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactInput;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.HttpClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dbt Cloud account (optionally narrowed to a project, job or environment) read through the Admin API v2: lists
 * the complete runs with an accepted status and a usable manifest, and fetches one by downloading each artifact
 * from the right step (manifest and run_results from the last build/run/test step, catalog from the docs step,
 * sources from the freshness step) into a private folder, reading them with the shared artifact reader.
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
            throw new IllegalArgumentException("source " + settings.name() + " fetches dbt Cloud runs, not "
                    + run.locator());
        }
        long runId = cloud.runId();
        StepPlan plan = StepPlanner.plan(cloud.steps());
        if (!plan.hasManifestSource()) {
            throw new DbtCloudException("source " + settings.name() + ": no step of dbt Cloud run " + runId
                    + " ran a dbt command that writes a manifest");
        }
        log.info("source {}: downloading dbt Cloud run {} (job {}, steps {})", settings.name(), runId,
                cloud.jobId(), plan.describe());
        Path folder = folders.create(runId);
        try {
            ArtifactDownloads.Downloaded files = downloads.downloadAll(cloud, plan, folder);
            return new ArtifactInput(reader, new ArtifactFiles(files.manifest(), files.runResults(), files.catalog(),
                    files.sources()), run, files.warnings(),
                    snapshot -> withWarnings(snapshot, files.warnings(), folder, runId), () -> folders.delete(folder));
        } catch (RuntimeException | Error e) {
            folders.delete(folder);
            throw e;
        }
    }

    /**
     * Our warnings first, then the reader's with the temporary folder replaced by the run; the reader's "optional X
     * not found" is dropped for files whose absence one of our warnings already explains.
     */
    private static CatalogSnapshot withWarnings(CatalogSnapshot snapshot, List<String> ours, Path folder, long runId) {
        List<String> warnings = new ArrayList<>(ours);
        for (String warning : snapshot.warnings()) {
            boolean explained = ours.stream().anyMatch(own -> warning.startsWith("optional ")
                    && warning.contains(" not found (" + folder) && own.contains(warning.split(" ")[1]));
            if (!explained) {
                warnings.add(warning.replace(folder.toString(), "<dbt Cloud run " + runId + ">"));
            }
        }
        return snapshot.withWarnings(warnings);
    }

    @Override
    public String toString() {
        return "DbtCloudSource[name=" + settings.name() + ", baseUrl=" + settings.baseUrl() + ", accountId="
                + settings.accountId() + "]";
    }
}
