package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional files are read on a second thread, yet failures surface as if the files were read one after another
 * (manifest, catalog, run results, sources) and the second thread never outlives a failed read.
 */
class SideArtifactsTests {

    private static final RunRef RUN = TestRuns.run("tiny", "run-1", null, null, null, "tiny");
    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();

    @Test
    void brokenManifestFailsWithItsOwnErrorThoughTheOtherFilesAreBrokenToo(@TempDir Path dir) throws Exception {
        // given
        Path manifest = TestArtifacts.resource("broken/truncated-manifest.json");
        Path broken = Files.writeString(dir.resolve("catalog.json"), "{\"metadata\": {");
        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(manifest, broken, broken, broken), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(manifest.toString());
        assertThat(sideReadersAlive()).isZero();
    }

    @Test
    void brokenCatalogFailsBeforeBrokenRunResults(@TempDir Path dir) throws Exception {
        // given
        Path manifest = TestArtifacts.resource("tiny/manifest.json");
        Path catalog = Files.writeString(dir.resolve("catalog.json"), "not json");
        Path runResults = Files.writeString(dir.resolve("run_results.json"), "not json either");
        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(manifest, runResults, catalog, null), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(catalog.toString());
    }

    @Test
    void brokenRunResultsFailNamingThemWhenTheCatalogIsFine(@TempDir Path dir) throws Exception {
        // given
        Path manifest = TestArtifacts.resource("tiny/manifest.json");
        Path runResults = Files.writeString(dir.resolve("run_results.json"), "[]");
        // when / then
        assertThatThrownBy(() -> reader.read(
                        new ArtifactFiles(manifest, runResults, TestArtifacts.resource("tiny/catalog.json"), null),
                        RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(runResults.toString());
    }

    @Test
    void readingTheSameFilesTwiceGivesTheSameSnapshot() {
        // given
        Path tiny = TestArtifacts.resource("tiny");
        ArtifactFiles files = new ArtifactFiles(
                tiny.resolve("manifest.json"),
                tiny.resolve("run_results.json"),
                tiny.resolve("catalog.json"),
                tiny.resolve("sources.json"));
        // when
        CatalogSnapshot first = reader.read(files, RUN);
        CatalogSnapshot second = new ArtifactSnapshotReader().read(files, RUN);
        // then
        assertThat(second).isEqualTo(first);
        assertThat(first.testResults()).isNotEmpty();
        assertThat(first.freshness()).isNotEmpty();
    }

    /** Side readers still running; those of earlier reads in this JVM are given a moment to return first. */
    private static long sideReadersAlive() throws InterruptedException {
        long alive = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("artifact-side-reader")) {
                thread.join(5_000);
                alive += thread.isAlive() ? 1 : 0;
            }
        }
        return alive;
    }
}
