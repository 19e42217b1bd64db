package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCheckTests {

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("artifact.json"), content);
    }

    @Test
    void completeObjectPassesAndNamesTheCommandThatWroteIt() throws IOException {
        // when
        ArtifactCheck.Checked checked = ArtifactCheck.check(
                file(
                        "{\"metadata\": {\"x\": [1, 2]}, \"results\": [], \"args\": {\"select\": [], \"which\": \"generate\"}}"),
                "run_results.json");

        // then
        assertThat(checked.argsWhich()).isEqualTo("generate");
    }

    @Test
    void truncatedJsonFailsNamingTheFileAndPosition() {
        assertThatThrownBy(() -> ArtifactCheck.check(
                        file("{\"metadata\": {\"dbt_version\": \"1.9"), "manifest.json of dbt Cloud run 7 step 4"))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("manifest.json of dbt Cloud run 7 step 4 is not complete, valid JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void trailingContentOrANonObjectFails() {
        assertThatThrownBy(() -> ArtifactCheck.check(file("{} {}"), "catalog.json"))
                .hasMessageContaining("content follows");
        assertThatThrownBy(() -> ArtifactCheck.check(file("[1, 2]"), "catalog.json"))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ArtifactCheck.check(file(""), "catalog.json")).isInstanceOf(DbtCloudException.class);
    }

    @Test
    void cloudTimestampsWithSpaceOrTSeparatorAreRead() {
        assertThat(RunFinder.timestamp("2026-08-01 06:07:41.987654+00:00", "finished_at"))
                .isEqualTo("2026-08-01T06:07:41.987654Z");
        assertThat(RunFinder.timestamp("2021-11-18T15:19:03.185668+00:00", "created_at"))
                .isEqualTo("2021-11-18T15:19:03.185668Z");
        assertThat(RunFinder.timestamp(null, "finished_at")).isNull();
        assertThatThrownBy(() -> RunFinder.timestamp("yesterday", "finished_at of run 5"))
                .hasMessageContaining("finished_at of run 5");
    }
}
