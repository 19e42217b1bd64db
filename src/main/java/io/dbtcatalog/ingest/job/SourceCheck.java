package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.store.PublishPreview;
import java.time.Duration;
import java.util.List;

/**
 * What {@code validate} learnt about one source without writing: its latest run (null when it has none), the size
 * and warnings of that run's snapshot, the dry-run {@link PublishPreview} against the catalog (null when it could
 * not be computed), and the failure of the first check that failed (listing runs, reading the run, comparing).
 */
public record SourceCheck(
        String sourceName,
        String sourceKind,
        RunRef run,
        Size size,
        List<String> warnings,
        PublishPreview preview,
        String failure,
        Duration duration) {

    public SourceCheck {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** How much one snapshot holds. */
    public record Size(int nodes, int columns, int edges, int tests, int testResults, int runResults, int freshness) {

        static Size of(CatalogSnapshot snapshot) {
            return new Size(
                    snapshot.nodes().size(),
                    snapshot.columns().size(),
                    snapshot.edges().size(),
                    snapshot.tests().size(),
                    snapshot.testResults().size(),
                    snapshot.runResults().size(),
                    snapshot.freshness().size());
        }
    }

    /** True when every check passed and a run would not stop on the deletion guard. */
    public boolean succeeded() {
        return failure == null && (preview == null || preview.refusal() == null);
    }
}
