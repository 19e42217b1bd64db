package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ResultOrigin;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the reader does with files that are missing, not dbt artifacts, the wrong artifact, truncated, or written by
 * a command that records no outcome; and that headers are read without parsing the rest of a file.
 */
class ArtifactValidationTests {

    private static final RunRef RUN = TestRuns.run("tiny", "run-1", null, null, null, "tiny");
    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();

    @Test
    void catalogPassedAsManifestFailsNamingTheFileAndWhatItIs() {
        // given
        Path catalog = TestArtifacts.resource("tiny/catalog.json");

        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(catalog, null, null, null), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(catalog.toString())
                .hasMessageContaining("not a dbt manifest artifact")
                .hasMessageContaining("dbt catalog artifact");
    }

    @Test
    void truncatedManifestFailsWithLineAndColumn() {
        // given
        Path truncated = TestArtifacts.resource("broken/truncated-manifest.json");

        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(truncated, null, null, null), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(truncated.toString())
                .hasMessageMatching("(?s).*line \\d+, column \\d+: invalid or unexpected JSON.*");
    }

    @Test
    void plainTextFailsNamingTheFileAndPosition() {
        // given
        Path text = TestArtifacts.resource("broken/plain.txt");

        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(text, null, null, null), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(text + ": line 1, column");
    }

    @Test
    void jsonWithoutMetadataIsNotAnArtifact(@TempDir Path dir) throws Exception {
        // given
        Path array = Files.writeString(dir.resolve("manifest.json"), "[1, 2, 3]");
        Path object = Files.writeString(dir.resolve("other.json"), "{\"nodes\": {}}");

        // when / then
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(array, null, null, null), RUN))
                .hasMessage(array + ": not a dbt manifest artifact: it does not hold a JSON object");
        assertThatThrownBy(() -> reader.read(new ArtifactFiles(object, null, null, null), RUN))
                .hasMessage(object + ": not a dbt manifest artifact: it has no metadata.dbt_schema_version");
    }

    @Test
    void missingManifestFailsNamingThePath(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("manifest.json");

        // when / then
        assertThatThrownBy(() -> reader.read(ArtifactFiles.inFolder(dir), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void missingOptionalFilesEachGiveOneWarningAndTheSnapshotGoesOn() {
        // given
        Path manifest = TestArtifacts.resource("tiny/manifest.json");

        // when
        CatalogSnapshot snapshot = reader.read(new ArtifactFiles(manifest, null, null, null), RUN);

        // then
        assertThat(snapshot.nodes()).hasSize(8);
        assertThat(snapshot.columns()).isNotEmpty().noneMatch(CatalogColumn::inWarehouse);
        assertThat(snapshot.testResults()).isEmpty();
        assertThat(snapshot.runResults()).isEmpty();
        assertThat(snapshot.freshness()).isEmpty();
        assertThat(snapshot.info().resultsCommand()).isNull();
        assertThat(snapshot.warnings())
                .filteredOn(warning -> warning.startsWith("optional "))
                .hasSize(3)
                .anyMatch(warning -> warning.contains("catalog.json"))
                .anyMatch(warning -> warning.contains("run_results.json"))
                .anyMatch(warning -> warning.contains("sources.json"));
    }

    @Test
    void runResultsOfDocsGenerateAreSkippedWithAWarning() {
        // given
        ArtifactFiles files = new ArtifactFiles(
                TestArtifacts.resource("tiny/manifest.json"),
                TestArtifacts.resource("broken/generate-run_results.json"),
                null,
                null);

        // when
        CatalogSnapshot snapshot = reader.read(files, RUN);

        // then
        assertThat(snapshot.runResults()).isEmpty();
        assertThat(snapshot.testResults()).isEmpty();
        assertThat(snapshot.info().resultsCommand()).isEqualTo("generate");
        assertThat(snapshot.warnings())
                .anyMatch(
                        warning -> warning.endsWith(
                                "generate-run_results.json was written by `dbt docs generate`, which records no outcome; skipped"));
    }

    @Test
    void resultsWhoseNodeTheManifestLacksAreKeptAndCountedInOneWarning(@TempDir Path dir) {
        // given: the tiny run results plus two results of nodes the manifest does not have
        ObjectNode results = (ObjectNode) JsonMapper.shared()
                .readTree(TestArtifacts.resource("tiny/run_results.json").toFile());
        ArrayNode entries = (ArrayNode) results.path("results");
        ObjectNode first = (ObjectNode) entries.get(0);
        entries.add(first.deepCopy().put("unique_id", "model.shop.gone"));
        entries.add(first.deepCopy().put("unique_id", "test.shop.gone_too").put("status", "pass"));
        Path runResults = dir.resolve("run_results.json");
        JsonMapper.shared().writeValue(runResults.toFile(), results);
        Path manifest = TestArtifacts.resource("tiny/manifest.json");

        // when
        CatalogSnapshot snapshot = reader.read(new ArtifactFiles(manifest, runResults, null, null), RUN);

        // then
        assertThat(snapshot.runResults())
                .anyMatch(result -> result.nodeId().value().equals("model.shop.gone"));
        assertThat(snapshot.testResults())
                .anyMatch(result -> result.testId().value().equals("test.shop.gone_too"));
        assertThat(snapshot.warnings())
                .filteredOn(warning -> warning.contains("result(s) name a node"))
                .containsExactly("2 result(s) name a node the manifest " + manifest + " does not have (e.g."
                        + " test.shop.gone_too); kept in the history");
    }

    @Test
    void eachResultsFileGivesItsRowsItsOwnTimeStepAndCommand(@TempDir Path dir) {
        // given: a run step's and a test step's files, as a dbt Cloud run assembles them
        Path tiny = TestArtifacts.resource("tiny");
        ObjectNode later = (ObjectNode)
                JsonMapper.shared().readTree(tiny.resolve("run_results.json").toFile());
        ((ObjectNode) later.path("metadata"))
                .put("invocation_id", "22222222-2222-2222-2222-222222222222")
                .put("generated_at", "2024-05-01T11:00:00Z");
        later.putObject("args").put("which", "test");
        Path testStep = dir.resolve("step-4-run_results.json");
        JsonMapper.shared().writeValue(testStep.toFile(), later);
        ArtifactFiles files = new ArtifactFiles(
                tiny.resolve("manifest.json"),
                null,
                List.of(
                        new ResultsFile(ResultsFile.Kind.RUN_RESULTS, tiny.resolve("run_results.json"), 3, "run"),
                        new ResultsFile(ResultsFile.Kind.RUN_RESULTS, testStep, 4, "test")),
                false);

        // when
        CatalogSnapshot snapshot = reader.read(files, RUN);

        // then
        assertThat(snapshot.runResults())
                .extracting(RunResult::invocationId, RunResult::origin)
                .contains(
                        tuple(
                                "11111111-1111-1111-1111-111111111111",
                                new ResultOrigin(Instant.parse("2024-05-01T10:00:04.5Z"), 3, "build")),
                        tuple(
                                "22222222-2222-2222-2222-222222222222",
                                new ResultOrigin(Instant.parse("2024-05-01T11:00:00Z"), 4, "test")));
        assertThat(snapshot.info().resultsCommand()).isEqualTo("build,test");
        assertThat(snapshot.warnings())
                .noneMatch(warning -> warning.contains("comes from dbt invocation"))
                .noneMatch(warning -> warning.startsWith("optional "));
    }

    @Test
    void runResultsThatNameNoCommandAreKeptWithAWarning() {
        // given
        ArtifactFiles files = new ArtifactFiles(
                TestArtifacts.resource("tiny/manifest.json"),
                TestArtifacts.resource("broken/no-command-run_results.json"),
                null,
                null);

        // when
        CatalogSnapshot snapshot = reader.read(files, RUN);

        // then
        assertThat(snapshot.runResults()).singleElement().satisfies(result -> assertThat(result.status())
                .isEqualTo("error"));
        assertThat(snapshot.info().resultsCommand()).isNull();
        assertThat(snapshot.warnings()).anyMatch(warning -> warning.contains("does not name the dbt command"));
    }

    @Test
    void headerIsReadEvenWhenMetadataComesLast() {
        // given
        Path manifest = TestArtifacts.resource("tiny/manifest.json");

        // when
        ArtifactHeader header = ArtifactSnapshotReader.readHeader(manifest);

        // then
        assertThat(header)
                .isEqualTo(new ArtifactHeader(
                        manifest,
                        "https://schemas.getdbt.com/dbt/manifest/v12.json",
                        "1.9.4",
                        "11111111-1111-1111-1111-111111111111",
                        Instant.parse("2024-05-01T10:00:00.123456Z")));
    }

    @Test
    void headerReadingStopsRightAfterMetadata(@TempDir Path dir) throws Exception {
        // given a file whose metadata is followed by content that is not even JSON
        Path file = Files.writeString(
                dir.resolve("run_results.json"),
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\","
                        + " \"invocation_id\": \"abc\", \"generated_at\": \"2024-01-01T10:00:00\"}, \"results\": [ !!!");

        // when
        ArtifactHeader header = ArtifactSnapshotReader.readHeader(file);

        // then
        assertThat(header.invocationId()).isEqualTo("abc");
        assertThat(header.generatedAt()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void headerOfANonArtifactFailsNamingTheFile() {
        // given
        Path text = TestArtifacts.resource("broken/plain.txt");

        // when / then
        assertThatThrownBy(() -> ArtifactSnapshotReader.readHeader(text))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(text.toString());
    }
}
