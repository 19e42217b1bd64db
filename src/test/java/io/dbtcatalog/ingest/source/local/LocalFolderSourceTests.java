package io.dbtcatalog.ingest.source.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dbt target folder as a source: its one run, its run key, and how missing files are reported. */
class LocalFolderSourceTests {

    private static final String MANIFEST_INVOCATION = "11111111-1111-1111-1111-111111111111";
    private static final String SOURCES_INVOCATION = "22222222-2222-2222-2222-222222222222";
    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();

    @TempDir
    Path target;

    @Test
    void latestRunIsKeyedByTheManifestInvocationAndFinishesWhenTheManifestWasGenerated() throws IOException {
        // given
        copyTiny("manifest.json", "run_results.json", "catalog.json");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);

        // when
        List<RunRef> runs = source.listRuns(new RunSelector.Latest());

        // then
        assertThat(runs)
                .containsExactly(TestRuns.run(
                        "shop",
                        MANIFEST_INVOCATION,
                        null,
                        null,
                        Instant.parse("2024-05-01T10:00:00.123456Z"),
                        target.toAbsolutePath().normalize().toString()));
    }

    @Test
    void runKeyJoinsDistinctInvocationIdsInFileOrder() throws IOException {
        // given sources.json comes from a later `dbt source freshness`
        copyTiny("manifest.json", "run_results.json", "catalog.json", "sources.json");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);

        // when
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // then
        assertThat(run.runKey()).isEqualTo(MANIFEST_INVOCATION + "+" + SOURCES_INVOCATION);
    }

    @Test
    void singleRunIsListedOnlyWhenItsKeyMatches() throws IOException {
        // given
        copyTiny("manifest.json");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);

        // when
        List<RunRef> matching = source.listRuns(new RunSelector.Single(MANIFEST_INVOCATION));
        List<RunRef> other = source.listRuns(new RunSelector.Single("some-older-invocation"));

        // then
        assertThat(matching).extracting(RunRef::runKey).containsExactly(MANIFEST_INVOCATION);
        assertThat(other).isEmpty();
    }

    @Test
    void backfillSelectorsAreRefusedWithAClearMessage() {
        // given
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);

        // when / then
        assertThatThrownBy(() -> source.listRuns(new RunSelector.LastN(3)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("backfill of local sources takes several folders");
        assertThatThrownBy(() -> source.listRuns(new RunSelector.Window(Instant.EPOCH, null)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("source 'shop'");
    }

    @Test
    void missingManifestFailsNamingItsPath() {
        // given
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);

        // when / then
        assertThatThrownBy(() -> source.listRuns(new RunSelector.Latest()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(target.resolve("manifest.json").toString());
        RunRef run = TestRuns.run("shop", MANIFEST_INVOCATION, null, null, null, target.toString());
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(target.resolve("manifest.json").toString());
    }

    @Test
    void fetchWithOnlyAManifestWarnsAboutEachMissingOptionalFile() throws IOException {
        // given
        copyTiny("manifest.json");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when
        CatalogSnapshot snapshot = TestRuns.read(source, run);

        // then
        assertThat(snapshot.run()).isEqualTo(run);
        assertThat(snapshot.nodes()).hasSize(8);
        assertThat(snapshot.warnings())
                .filteredOn(warning -> warning.startsWith("optional "))
                .hasSize(3);
    }

    @Test
    void fetchRefusesAFolderRewrittenSinceItsRunWasListed() throws IOException {
        // given
        copyTiny("manifest.json");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("shop", target, null), reader);
        RunRef listed = source.listRuns(new RunSelector.Latest()).get(0);
        copyTiny("sources.json");

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, listed))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("changed since run " + MANIFEST_INVOCATION);
    }

    @Test
    void readsARealTargetFolder() {
        // given
        Path folder = SharedReference.set("parser-jaffle-dbt1.12");
        LocalFolderSource source = new LocalFolderSource(new LocalSettings("jaffle", folder, null), reader);

        // when
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        CatalogSnapshot snapshot = TestRuns.read(source, run);

        // then
        assertThat(run.runKey()).isEqualTo("24ad943b-c71e-497c-be0b-d037a3c525ad");
        assertThat(snapshot.info().dbtProjectName()).isEqualTo("jaffle_shop");
        assertThat(snapshot.nodes()).hasSize(87);
    }

    private void copyTiny(String... names) throws IOException {
        for (String name : names) {
            Files.copy(tiny().resolve(name), target.resolve(name));
        }
    }

    private static Path tiny() {
        try {
            return Path.of(
                    LocalFolderSourceTests.class.getResource("/artifacts/tiny").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
