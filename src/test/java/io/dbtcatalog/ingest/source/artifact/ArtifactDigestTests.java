package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact digest identifies the files' content wherever they lie, changes with any byte or a missing optional
 * file, and lets the reader skip parsing files the catalog state came from.
 */
class ArtifactDigestTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final RunRef RUN = TestRuns.run("shop", "run-1", null, null, null, SAMPLE.toString());

    @TempDir
    Path dir;

    private Path copy;

    @BeforeEach
    void copySample() throws IOException {
        copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String name : List.of("manifest.json", "catalog.json", "run_results.json", "sources.json")) {
            Files.copy(SAMPLE.resolve(name), copy.resolve(name));
        }
    }

    @Test
    void theSameBytesInAnotherFolderHaveTheSameDigest() {
        // when
        String original = ArtifactDigest.of(ArtifactFiles.inFolder(SAMPLE));
        String copied = ArtifactDigest.of(ArtifactFiles.inFolder(copy));
        // then
        assertThat(copied).isEqualTo(original).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void oneChangedByteOrAMissingOptionalFileChangesTheDigest() throws IOException {
        // given
        String before = ArtifactDigest.of(ArtifactFiles.inFolder(copy));
        Path results = copy.resolve("run_results.json");
        byte[] bytes = Files.readAllBytes(results);
        bytes[bytes.length / 2] ^= 0x01;
        // when
        Files.write(results, bytes);
        String changed = ArtifactDigest.of(ArtifactFiles.inFolder(copy));
        Files.delete(copy.resolve("sources.json"));
        String withoutSources = ArtifactDigest.of(ArtifactFiles.inFolder(copy));
        // then
        assertThat(changed).isNotEqualTo(before);
        assertThat(withoutSources).isNotEqualTo(changed).isNotEqualTo(before);
    }

    @Test
    void inputIsFingerprintedBeforeAndWithoutParsing() {
        // given
        ArtifactSnapshotReader reader = new ArtifactSnapshotReader();
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        // when
        try (ArtifactInput input = new ArtifactInput(reader, files, RUN)) {
            String fingerprint = input.fingerprint().orElseThrow();
            SnapshotInfo header = input.info();
            CatalogSnapshot full = input.read();
            // then
            assertThat(fingerprint).isEqualTo(StateDigest.of(files).fingerprint());
            assertThat(input.stateDigest()).contains(StateDigest.of(files).state());
            assertThat(full.artifactDigest()).isEqualTo(fingerprint);
            assertThat(full.nodes()).isNotEmpty();
            assertThat(header.invocationId()).isEqualTo(full.info().invocationId());
            assertThat(header.generatedAt()).isEqualTo(full.info().generatedAt());
        }
    }

    @Test
    void theStateDigestLeavesOutMetadataCreatedAtAndStatsButTheFingerprintDoesNot() throws IOException {
        // given: the next invocation rewrites only the invocation id, the entries' created_at and the stats' values
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        StateDigest.Result before = StateDigest.of(files);
        Path manifest = copy.resolve("manifest.json");
        Path catalog = copy.resolve("catalog.json");
        String invocation = before.history().manifestMetadata().invocationId();
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace(invocation, "11111111-2222-4333-8444-555555555555")
                        .replaceAll("\"created_at\": ?[0-9.]+", "\"created_at\": 1999999999.5"));
        Files.writeString(catalog, Files.readString(catalog).replaceAll("\"value\": ?[0-9]+\\.0", "\"value\": 7.0"));
        // when
        StateDigest.Result after = StateDigest.of(files);
        // then
        assertThat(after.state()).isEqualTo(before.state());
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        // and a description is state
        Files.writeString(
                manifest, Files.readString(manifest).replaceFirst("\"description\": \"", "\"description\": \"x"));
        assertThat(StateDigest.of(files).state()).isNotEqualTo(before.state());
    }

    @Test
    void aManifestThePassCannotReadIsFingerprintedByItsBytesAndHasNoStateDigest() throws IOException {
        // given
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).substring(0, 500));
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        // when
        try (ArtifactInput input = new ArtifactInput(new ArtifactSnapshotReader(), files, RUN)) {
            // then
            assertThat(input.fingerprint()).contains(ArtifactDigest.of(files));
            assertThat(input.stateDigest()).isEmpty();
            assertThatThrownBy(input::read)
                    .isInstanceOf(ArtifactException.class)
                    .hasMessageContaining(manifest.toString())
                    .hasMessageMatching("(?s).*line \\d+, column \\d+.*");
        }
    }

    @Test
    void aFileRewrittenWhileTheRunWasReadFailsNamingTheFolder() throws IOException {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        ArtifactDigest.Stamp stamp = ArtifactDigest.Stamp.of(files);
        Path manifest = copy.resolve("manifest.json");
        // when
        Files.setLastModifiedTime(
                manifest,
                FileTime.fromMillis(Files.getLastModifiedTime(manifest).toMillis() + 5_000));
        // then
        assertThatThrownBy(() -> stamp.requireUnchanged(files))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(copy.toString())
                .hasMessageContaining("changed while they were being read");
    }
}
