package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.http.DbtApiException;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the Discovery source behaves when the API refuses or fails, against the stand-in serving
 * parser-jaffle-dbt1.9: pages too large or too complex are asked again smaller, GraphQL errors fail with the
 * server's message, 429 waits for {@code Retry-After}, 5xx backs off, and nothing leaks the token.
 */
class DiscoveryFailuresIntegrationTests {

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

    private DiscoverySource source(int pageSize) {
        return DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, pageSize), time);
    }

    private CatalogSnapshot fetchLatest(DiscoverySource source) {
        return TestRuns.read(source, source.listRuns(new RunSelector.Latest()).get(0));
    }

    @Test
    void aPageAboveTheServersMaximumIsAskedAgainWithHalfThePageSize() throws InterruptedException {
        // given: the stand-in answers the recorded "Maximum page size is 500." above 100
        standIn.maxPageSize(100);

        // when
        CatalogSnapshot snapshot = fetchLatest(source(500));

        // then
        assertThat(snapshot.nodes()).hasSize(59);
        assertThat(firstOfModelPages()).containsExactly(500, 250, 125, 62);
    }

    @Test
    void aQueryTooComplexIsAskedAgainSmallerAndTheSmallerSizeIsKeptForTheNextFetch() throws InterruptedException {
        // given
        standIn.complexityLimit(20);
        DiscoverySource source = source(80);

        // when
        fetchLatest(source);
        fetchLatest(source);

        // then: 80 and 40 refused, then 20 per page (36 models: 2 pages), and 20 straight away the second time
        assertThat(firstOfModelPages()).containsExactly(80, 40, 20, 20, 20, 20);
    }

    @Test
    void aQueryTooComplexEvenAtTheSmallestPageFailsWithTheServersMessage() {
        // given
        standIn.complexityLimit(5);
        DiscoverySource source = source(40);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("models.graphql")
                .hasMessageContaining("Query complexity of 400 exceeds the maximum allowed complexity of 200")
                .hasMessageContaining("Even the smallest page was refused");
    }

    @Test
    void aValidationErrorFailsAtOnceWithTheServersMessage() {
        // given
        standIn.failValidation();

        // when / then
        assertThatThrownBy(() -> source(500).listRuns(new RunSelector.Latest()))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("discovery-test")
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Cannot query field \"notAField\" on type \"ModelAppliedStateNode\".")
                .hasCauseInstanceOf(DbtApiException.class);
        assertThat(standIn.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEnvironmentTheTokenMayNotReadFailsWithTheServersMessageAndWhatToCheck() {
        // given
        DiscoverySettings settings = DiscoveryTestSupport.settings(standIn, 500);
        DiscoverySettings otherEnvironment = new DiscoverySettings(
                settings.name(), settings.metadataUrl(), 1L, settings.token(), settings.pageSize(), settings.http());

        // when / then
        assertThatThrownBy(() ->
                        DiscoveryTestSupport.source(otherEnvironment, time).listRuns(new RunSelector.Latest()))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("Unauthorized [UNAUTHENTICATED]")
                .hasMessageContaining("may not read environment 1")
                .hasMessageContaining("environment-id");
    }

    @Test
    void aRejectedTokenFailsWithHttp401AndNeverShowsTheToken() {
        // given
        DiscoverySettings settings = DiscoveryTestSupport.settings(standIn, 500);
        String wrong = "dbtc_wrong-token-123";
        DiscoverySettings wrongToken = new DiscoverySettings(
                settings.name(),
                settings.metadataUrl(),
                settings.environmentId(),
                wrong,
                settings.pageSize(),
                settings.http());

        // when / then
        assertThatThrownBy(() -> DiscoveryTestSupport.source(wrongToken, time).listRuns(new RunSelector.Latest()))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Invalid token.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong))
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain(wrong));
        assertThat(wrongToken.toString()).doesNotContain(wrong);
    }

    @Test
    void rateLimitedRequestsWaitForRetryAfterAndThenSucceed() {
        // given
        standIn.failNext(429, "7").failNext(429, "7");

        // when
        List<RunRef> runs = source(500).listRuns(new RunSelector.Latest());

        // then
        assertThat(runs).hasSize(1);
        assertThat(standIn.server().getRequestCount()).isEqualTo(3);
        assertThat(time.sleeps())
                .filteredOn(wait -> wait.equals(Duration.ofSeconds(7)))
                .hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndThenTheFetchCompletes() {
        // given
        DiscoverySource source = source(500);
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        standIn.failNext(502, null).failNext(503, null);

        // when
        CatalogSnapshot snapshot = TestRuns.read(source, run);

        // then
        assertThat(snapshot.nodes()).hasSize(59);
        assertThat(time.sleeps())
                .filteredOn(wait -> wait.compareTo(Duration.ofMillis(500)) >= 0)
                .hasSize(2);
    }

    @Test
    void serverErrorsOnEveryAttemptFailNamingTheEndpointAndTheAttempts() {
        // given: FAST_HTTP allows 4 attempts
        standIn.failNext(503, null).failNext(503, null).failNext(503, null).failNext(503, null);

        // when / then
        assertThatThrownBy(() -> source(500).listRuns(new RunSelector.Latest()))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("POST /graphql answered HTTP 503")
                .hasMessageContaining("attempt 4; giving up");
    }

    private List<Integer> firstOfModelPages() throws InterruptedException {
        List<Integer> sizes = new ArrayList<>();
        int count = standIn.server().getRequestCount();
        for (int i = 0; i < count; i++) {
            JsonNode body = JsonMapper.shared()
                    .readTree(standIn.server().takeRequest().getBody().string(StandardCharsets.UTF_8));
            if (body.path("query").asString().equals(DiscoveryQuery.MODELS.text())) {
                sizes.add(body.path("variables").path("first").asInt());
            }
        }
        return sizes;
    }
}
