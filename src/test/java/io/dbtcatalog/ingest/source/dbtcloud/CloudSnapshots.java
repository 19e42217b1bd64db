package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;

/** Assertions shared by the dbt Cloud source tests. */
final class CloudSnapshots {

    private CloudSnapshots() {}

    /** Same catalog content: info, nodes, columns, edges, tests, results and freshness (warnings may differ). */
    static void assertSameContent(CatalogSnapshot actual, CatalogSnapshot expected) {
        assertThat(actual.run()).isEqualTo(expected.run());
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(actual.nodes()).isEqualTo(expected.nodes());
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.edges()).isEqualTo(expected.edges());
        assertThat(actual.tests()).isEqualTo(expected.tests());
        assertThat(actual.testResults()).isEqualTo(expected.testResults());
        assertThat(actual.runResults()).isEqualTo(expected.runResults());
        assertThat(actual.freshness()).isEqualTo(expected.freshness());
        assertThat(actual.complete()).isEqualTo(expected.complete());
    }

    /** The files a fetch assembles from a run's steps: the manifest, the catalog (may be null), each step's results. */
    static ArtifactFiles stepFiles(Path manifest, Path catalog, ResultsFile... results) {
        return new ArtifactFiles(manifest, catalog, List.of(results), false);
    }

    /** The run_results.json of step {@code index} that ran {@code dbt command}. */
    static ResultsFile runResults(int index, String command, Path file) {
        return new ResultsFile(ResultsFile.Kind.RUN_RESULTS, file, index, command);
    }

    /** {@code name?step=N} (or just {@code name}) of every artifact download, in order. */
    static List<String> downloads(DbtCloudStandIn standIn, long runId) {
        String prefix = "/api/v2/accounts/" + StandardAccount.ACCOUNT + "/runs/" + runId + "/artifacts/";
        Stream<RecordedRequest> downloads = standIn.requestsTo(prefix).stream()
                .filter(r -> !r.getUrl().encodedPath().endsWith("/artifacts/"));
        return downloads
                .map(r -> r.getUrl().encodedPath().substring(prefix.length())
                        + (r.getUrl().queryParameter("step") == null
                                ? ""
                                : "?step=" + r.getUrl().queryParameter("step")))
                .toList();
    }
}
