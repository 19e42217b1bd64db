package io.dbtcatalog.ingest.source.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local source with a history-path lists past invocations for backfill, ordered by generation time. */
class LocalHistoryFolderTests {

    private static final String CURRENT = "5d0c7a3e-8f1b-4c2a-9e6d-2b7f4a91c3e8";
    private static final Instant JUNE_1 = Instant.parse("2025-06-01T06:00:00Z");

    @TempDir
    Path history;

    private LocalFolderSource source;

    @BeforeEach
    void archive() throws IOException {
        // folder names deliberately out of time order; "current" is a copy of the target folder itself
        write("2-june-3", 3, JUNE_1.plusSeconds(2 * 86_400));
        write("1-june-1", 1, JUNE_1);
        write("3-june-2", 2, JUNE_1.plusSeconds(86_400));
        Files.createDirectories(history.resolve("empty"));
        Files.createDirectories(history.resolve("current"));
        Files.copy(SampleRuns.SAMPLE.resolve("manifest.json"), history.resolve("current/manifest.json"));
        source = new LocalFolderSource(
                new LocalSettings("shop", SampleRuns.SAMPLE, history), new ArtifactSnapshotReader());
    }

    @Test
    void windowListsTheInvocationsGeneratedInsideItOldestFirst() {
        // when
        List<RunRef> runs = source.listRuns(new RunSelector.Window(JUNE_1.plusSeconds(3600), null));

        // then June 2nd, June 3rd and the target folder (July 14th), each run key once
        assertThat(runs)
                .extracting(RunRef::runKey)
                .containsExactly(SampleRuns.invocationId(2), SampleRuns.invocationId(3), CURRENT);
        assertThat(runs.get(0).location()).isEqualTo(history.resolve("3-june-2").toString());
    }

    @Test
    void lastNListsTheNewestInvocationsOldestFirst() {
        assertThat(source.listRuns(new RunSelector.LastN(2)))
                .extracting(RunRef::runKey)
                .containsExactly(SampleRuns.invocationId(3), CURRENT);
        assertThat(source.listRuns(new RunSelector.LastN(10))).hasSize(4);
    }

    @Test
    void latestIsStillTheTargetFolderAndSingleFindsAnArchivedRun() {
        assertThat(source.listRuns(new RunSelector.Latest()))
                .extracting(RunRef::runKey)
                .containsExactly(CURRENT);
        assertThat(source.listRuns(new RunSelector.Single(SampleRuns.invocationId(1))))
                .extracting(RunRef::location)
                .containsExactly(history.resolve("1-june-1").toString());
    }

    @Test
    void fetchReadsTheArchivedFolderOfTheRun() {
        // given
        RunRef june1 = source.listRuns(new RunSelector.Single(SampleRuns.invocationId(1)))
                .get(0);

        // when
        CatalogSnapshot snapshot = TestRuns.read(source, june1);

        // then
        assertThat(snapshot.info().invocationId()).isEqualTo(SampleRuns.invocationId(1));
        assertThat(snapshot.info().generatedAt()).isEqualTo(JUNE_1);
        assertThat(snapshot.runResults()).isNotEmpty();
    }

    @Test
    void missingHistoryFolderFailsNamingIt() {
        LocalFolderSource broken = new LocalFolderSource(
                new LocalSettings("shop", SampleRuns.SAMPLE, history.resolve("nope")), new ArtifactSnapshotReader());

        assertThatThrownBy(() -> broken.listRuns(new RunSelector.LastN(1)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(history.resolve("nope").toString());
    }

    private void write(String folder, int index, Instant generatedAt) {
        SampleRuns.write(
                history.resolve(folder),
                SampleRuns.invocationId(index),
                generatedAt,
                "manifest.json",
                "run_results.json");
    }
}
