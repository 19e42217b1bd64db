package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Run references and whole fetches for tests that do not care how a source locates its runs. */
public final class TestRuns {

    private TestRuns() {}

    /**
     * A run of {@code source} with that key: a dbt Cloud run when {@code dbtRunId} is set (its job {@code dbtJobId}),
     * else a folder at {@code location} (the working folder when null); {@code location} is the words the ledger
     * records, as given.
     */
    public static RunRef run(
            String source, String runKey, Long dbtRunId, Long dbtJobId, Instant finishedAt, String location) {
        RunLocator locator = dbtRunId != null
                ? new RunLocator.CloudRun(dbtRunId, dbtJobId, List.of(), null, null)
                : new RunLocator.Folder(Path.of(location == null ? "." : location));
        return new RunRef(source, runKey, finishedAt, location, locator);
    }

    /** Fetches and reads the run in one go, releasing the input. */
    public static CatalogSnapshot read(MetadataSource source, RunRef run) {
        try (RunInput input = source.fetch(run)) {
            return input.read();
        }
    }
}
