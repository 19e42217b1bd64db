package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's step ({@link SnapshotLineage}, fed by the artifact reader's snapshot) gives every reference set the
 * coverage the engine gives it from the raw artifacts ({@link ReferenceArtifacts}), so the coverage table of
 * {@code docs/column-lineage.md} holds for the catalog too; and the lineage it stores reads back as the engine's
 * previous result, so an unchanged run analyses nothing.
 */
class SnapshotLineageTests {

    private final ColumnLineageEngine engine = new ColumnLineageEngine();
    private final SnapshotLineage lineage = new SnapshotLineage(engine);

    @Test
    void everyReferenceSetGetsTheSameCoverageThroughThePipelineAsFromTheRawArtifacts() {
        // given
        List<String> pipeline = new ArrayList<>();
        List<String> raw = new ArrayList<>();

        // when
        for (String set : SharedReference.setNames()) {
            ColumnLineage derived = lineage.derive(snapshot(set), null);
            derived.coverage()
                    .forEach(
                            row -> pipeline.add(set + " " + row.model() + " " + row.status() + " " + row.reasonKind()));
            engine.analyse(ReferenceArtifacts.read(set).input())
                    .models()
                    .forEach(model -> raw.add(set + " " + model.uniqueId() + " "
                            + model.coverage().level().name().toLowerCase(Locale.ROOT) + " "
                            + (model.coverage().reasons().isEmpty()
                                    ? null
                                    : model.coverage()
                                            .reasons()
                                            .get(0)
                                            .kind()
                                            .name()
                                            .toLowerCase(Locale.ROOT))));
        }

        // then
        assertThat(pipeline).isNotEmpty().containsExactlyInAnyOrderElementsOf(raw);
    }

    @Test
    void storedLineageReadBackIsReusedForEveryModelOfAnUnchangedRun() {
        // given
        CatalogSnapshot snapshot = snapshot("hubspot-dbt1.11");
        ColumnLineage first = lineage.derive(snapshot, null);

        // when
        ColumnLineage second = lineage.derive(snapshot, new ColumnLineage(first.coverage(), first.edges(), 0, 0));

        // then
        assertThat(first.analysed()).isEqualTo(first.coverage().size());
        assertThat(second.analysed()).isZero();
        assertThat(second.reused()).isEqualTo(first.coverage().size());
        assertThat(second.edges()).containsExactlyInAnyOrderElementsOf(first.edges());
    }

    private static CatalogSnapshot snapshot(String set) {
        RunRef run = TestRuns.run(
                set, set, null, null, null, SharedReference.set(set).toString());
        return new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(SharedReference.set(set)), run);
    }
}
