package io.dbtcatalog.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's floor loads as many rows as the real reader produces from the generated artifacts. */
class SyntheticProjectReadingTests {

    @TempDir
    Path folder;

    @Test
    void shouldRenderFloorRowsMatchingTheExpectedCountsPerTable() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), 60, 11);

        // when
        Map<FloorRows.Table, Long> rows = FloorRows.render(project, folder.resolve("floor"));

        // then
        ExpectedCounts expected = project.expected();
        assertThat(rows)
                .containsEntry(FloorRows.Table.NODE, expected.nodes())
                .containsEntry(FloorRows.Table.COLUMN, expected.columns())
                .containsEntry(FloorRows.Table.LINEAGE, expected.edges())
                .containsEntry(FloorRows.Table.TEST, (long) expected.tests())
                .containsEntry(FloorRows.Table.TEST_RESULT, expected.testResults())
                .containsEntry(FloorRows.Table.RUN_RESULT, expected.runResults());
    }

    @Test
    void shouldReadEveryGeneratedResourceWithTheArtifactReader() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), 60, 11);
        RunRef run = TestRuns.run("bench", project.metadata().invocationId(), null, null, null, folder.toString());

        // when
        CatalogSnapshot snapshot = new ArtifactSnapshotReader()
                .read(new ArtifactFiles(project.manifest(), project.runResults(), project.catalog(), null), run);

        // then
        ExpectedCounts expected = project.expected();
        assertThat(snapshot.nodes()).hasSize((int) expected.nodes());
        assertThat(snapshot.columns()).hasSize((int) expected.columns());
        assertThat(snapshot.edges()).hasSize((int) expected.edges());
        assertThat(snapshot.tests()).hasSize(expected.tests());
        assertThat(snapshot.testResults()).hasSize((int) expected.testResults());
        assertThat(snapshot.runResults()).hasSize((int) expected.runResults());
        assertThat(snapshot.info().resultsCommand()).isEqualTo("build");
        assertThat(snapshot.columns())
                .filteredOn(column -> !column.documented())
                .hasSize((int) expected.undocumentedColumns())
                .allSatisfy(column -> assertThat(column.name()).isEqualToIgnoringCase(BenchNames.UNDOCUMENTED_COLUMN));
        assertThat(snapshot.columns()).filteredOn(CatalogColumn::inWarehouse).hasSize((int) expected.catalogColumns());
    }
}
