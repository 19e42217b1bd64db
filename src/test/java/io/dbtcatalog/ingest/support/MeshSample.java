package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Our two-project dbt Mesh sample ({@code src/test/resources/mesh}): {@code platform} owns a public model
 * {@code customers} (with tests and a warehouse catalog); {@code marketing} refs it (an external node in its
 * manifest) from {@code customer_segments}, which feeds the exposure {@code weekly_dashboard}.
 */
public final class MeshSample {

    public static final Path PLATFORM =
            Path.of("src/test/resources/mesh/platform").toAbsolutePath();
    public static final Path MARKETING =
            Path.of("src/test/resources/mesh/marketing").toAbsolutePath();

    private MeshSample() {}

    /** Publishes the folder as the latest run of the local project {@code projectKey}. */
    public static void publish(DataSource dataSource, String projectKey, Path folder) {
        RunRef run = TestRuns.run(projectKey, projectKey + "-run", null, null, null, folder.toString());
        new CatalogStore(dataSource)
                .publish(
                        ProjectRef.local(projectKey),
                        new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(folder), run),
                        Instant.now());
    }

    /** Publishes both projects, as {@code platform} and {@code marketing}. */
    public static void publishBoth(DataSource dataSource) {
        publish(dataSource, "platform", PLATFORM);
        publish(dataSource, "marketing", MARKETING);
    }
}
