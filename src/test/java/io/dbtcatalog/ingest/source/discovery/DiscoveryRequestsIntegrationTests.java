package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Discovery source sends and how it pages, against the stand-in serving parser-jaffle-dbt1.9 (36 models,
 * 3 seeds, 20 tests): the exact query documents and variables of every page, the headers, the run key, the
 * {@code totalCount} guard and the client-side rate limit.
 */
class DiscoveryRequestsIntegrationTests {

    private static final String LAST_UPDATED = "2024-12-16T07:44:51.334516Z";

    private final FakeTime time = new FakeTime();
    private DiscoveryStandIn standIn;

    @BeforeEach
    void start() {
        standIn = new DiscoveryStandIn(
                DiscoveryTestSupport.ENVIRONMENT,
                StandInState.fromArtifacts(SharedReference.set("parser-jaffle-dbt1.9"), 9000205L));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void everyPageIsAskedWithTheQueryDocumentVerbatimAndTheCursorOfThePreviousPage() throws InterruptedException {
        // given
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 15), time);

        // when
        CatalogSnapshot snapshot =
                TestRuns.read(source, source.listRuns(new RunSelector.Latest()).get(0));

        // then
        assertThat(snapshot.nodes()).hasSize(59);
        List<JsonNode> bodies = bodies();
        List<JsonNode> expected = new ArrayList<>();
        expected.add(header());
        expected.add(header());
        addPages(expected, DiscoveryQuery.MODELS, 15, "models", 15, 30);
        addPages(expected, DiscoveryQuery.SOURCES, 15, "sources");
        addPages(expected, DiscoveryQuery.SEEDS, 15, "seeds");
        addPages(expected, DiscoveryQuery.SNAPSHOTS, 15, "snapshots");
        addPages(expected, DiscoveryQuery.TESTS, 15, "tests", 15);
        addPages(expected, DiscoveryQuery.EXPOSURES, 15, "exposures");
        expected.add(header());
        assertThat(bodies.stream().map(JsonNode::toString).toList())
                .containsExactlyElementsOf(
                        expected.stream().map(JsonNode::toString).toList());
    }

    @Test
    void requestsArePostedAsJsonWithTheTokenToTheConfiguredEndpoint() throws InterruptedException {
        // given
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);

        // when
        source.listRuns(new RunSelector.Latest());

        // then
        RecordedRequest request = standIn.server().takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/graphql");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + DiscoveryStandIn.TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void theLatestRunIsTheEnvironmentStateKeyedByItsLastUpdate() {
        // given
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);

        // when
        List<RunRef> runs = source.listRuns(new RunSelector.Latest());

        // then
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.runKey()).isEqualTo("env-70021@" + LAST_UPDATED);
            assertThat(run.finishedAt()).isEqualTo(Instant.parse(LAST_UPDATED));
            assertThat(run.sourceName()).isEqualTo("discovery-test");
            assertThat(run.dbtRunId()).isNull();
        });
        assertThat(source.listRuns(new RunSelector.Single(runs.get(0).runKey())))
                .isEqualTo(runs);
        assertThat(source.listRuns(new RunSelector.Single("env-70021@2020-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void anEnvironmentNothingWasAppliedToHasNoRun() {
        // given
        standIn.state().environment().putObject("applied").putNull("lastUpdatedAt");
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);

        // when / then
        assertThat(source.listRuns(new RunSelector.Latest())).isEmpty();
    }

    @Test
    void backfillSelectorsAreRefusedNamingTheSource() {
        // given
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);

        // when / then
        assertThatThrownBy(() -> source.listRuns(new RunSelector.LastN(3)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("discovery-test")
                .hasMessageContaining("artifact source");
    }

    @Test
    void fetchingAStateThatChangedSinceItWasListedFails() {
        // given
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        standIn.state().setLastUpdatedAt("2024-12-17T00:00:00Z");

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("changed since run env-70021@" + LAST_UPDATED)
                .hasMessageContaining("env-70021@2024-12-17T00:00:00Z");
    }

    @Test
    void aTotalCountAboveTheNodesServedFailsTheFetchInsteadOfReturningAPartialSnapshot() {
        // given
        standIn.lieAboutTotalCount("tests", 1);
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 15), time);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("tests.graphql")
                .hasMessageContaining("announced totalCount 21 but 20 node(s) were received");
    }

    @Test
    void aTotalCountBelowTheNodesServedFailsTheFetchToo() {
        // given
        standIn.lieAboutTotalCount("models", -2);
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 500), time);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("models.graphql")
                .hasMessageContaining("announced totalCount 34 but 36 node(s) were received");
    }

    @Test
    void requestsArePacedByTheClientSideRateLimit() {
        // given: 450 requests per minute allow bursts of 7.5 and then one request every 133 ms
        DiscoverySource source = DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 10), time);
        Instant start = time.instant();

        // when
        TestRuns.read(source, source.listRuns(new RunSelector.Latest()).get(0));

        // then
        int requests = standIn.server().getRequestCount();
        assertThat(requests)
                .as("3 environment headers, 4 model pages, 2 test pages, 4 single pages")
                .isEqualTo(13);
        assertThat(Duration.between(start, time.instant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis((long) ((requests - 7.5) * 60_000 / 450)));
    }

    private List<JsonNode> bodies() throws InterruptedException {
        List<JsonNode> bodies = new ArrayList<>();
        int count = standIn.server().getRequestCount();
        for (int i = 0; i < count; i++) {
            bodies.add(JsonMapper.shared()
                    .readTree(standIn.server().takeRequest().getBody().string(StandardCharsets.UTF_8)));
        }
        return bodies;
    }

    private static JsonNode header() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("query", DiscoveryQuery.ENVIRONMENT.text());
        body.putObject("variables").put("environmentId", DiscoveryTestSupport.ENVIRONMENT);
        return body;
    }

    /** One expected body per page: the first without cursor, then after the position each earlier page ended at. */
    private static void addPages(
            List<JsonNode> expected, DiscoveryQuery query, int first, String connection, int... endPositions) {
        expected.add(page(query, first, null));
        for (int position : endPositions) {
            expected.add(page(query, first, DiscoveryStandIn.cursor(connection, position)));
        }
    }

    private static JsonNode page(DiscoveryQuery query, int first, String after) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("query", query.text());
        body.putObject("variables")
                .put("environmentId", DiscoveryTestSupport.ENVIRONMENT)
                .put("first", first)
                .put("after", after);
        return body;
    }
}
