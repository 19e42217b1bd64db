package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6 of {@link SourceIngestion}: the snapshot with its column lineage, derived from its models' compiled SQL
 * and reusing the catalog's stored lineage of every model whose input did not change. Whatever fails here (reading
 * the stored lineage, the analysis) is logged and kept as a warning of the run; the snapshot is then published
 * without column lineage, which leaves the catalog's column-lineage tables as they were.
 */
final class ColumnLineageStep {

    private static final Logger log = LoggerFactory.getLogger(ColumnLineageStep.class);

    private final String sourceName;
    private final ProjectRef project;
    private final CatalogStore store;
    private final SnapshotLineage lineage;

    ColumnLineageStep(String sourceName, ProjectRef project, CatalogStore store, SnapshotLineage lineage) {
        this.sourceName = sourceName;
        this.project = project;
        this.store = store;
        this.lineage = lineage;
    }

    /** {@code snapshot} with its column lineage, or with a warning saying why it has none; never throws. */
    CatalogSnapshot apply(RunRef run, CatalogSnapshot snapshot) {
        long begin = System.nanoTime();
        try {
            ColumnLineage derived = lineage.derive(snapshot, store.storedColumnLineage(project.projectKey()));
            log.info(
                    "{}: run {}: column lineage of {} models in {} ms ({} analysed, {} unchanged and reused): {} edges",
                    sourceName,
                    run.runKey(),
                    derived.coverage().size(),
                    (System.nanoTime() - begin) / 1_000_000,
                    derived.analysed(),
                    derived.reused(),
                    derived.edges().size());
            return snapshot.withColumnLineage(derived);
        } catch (RuntimeException | StackOverflowError e) {
            String warning = "column lineage not derived, its tables are left as they were: " + Failures.oneLine(e);
            log.warn("{}: run {}: {}", sourceName, run.runKey(), warning);
            List<String> warnings = new ArrayList<>(snapshot.warnings());
            warnings.add(warning);
            return snapshot.withWarnings(warnings);
        }
    }
}
