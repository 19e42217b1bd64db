package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a delivery leads to, HTTP aside: signature first (401), then the event's shape (400), then matching to the
 * sources' filters and statuses (200 ignored) or the run queued for each matching source (202), duplicates dropped.
 */
class WebhookIntakeTests {

    private static final String SECRET = "whsec-analytics";
    private static final WebhookSource ANALYTICS =
            new WebhookSource("analytics", 1, 10L, List.of(100L, 101L), 1000L, Set.of(10), SECRET);
    private static final WebhookSource MARKETING =
            new WebhookSource("marketing", 1, 20L, List.of(), null, Set.of(10, 20), "whsec-marketing");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookMetrics metrics = new WebhookMetrics(registry);
    private final RecordingQueue queue = new RecordingQueue();
    private final WebhookIntake intake = new WebhookIntake(List.of(ANALYTICS, MARKETING), queue, metrics);

    @Test
    void aSignedCompletedEventOfAConfiguredJobQueuesThatRunForItsSource() {
        // given
        byte[] body = TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10);

        // when
        WebhookAnswer answer = intake.accept(body, WebhookSignature.sign(SECRET, body));

        // then
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("{\"outcome\":\"queued\",\"sources\":[\"analytics\"]}");
        assertThat(queue.queued).containsExactly("analytics/100001");
        assertThat(count("events.verified")).isEqualTo(1);
        assertThat(count("ingestions.triggered")).isEqualTo(1);
    }

    @Test
    void theSameDeliveryAgainIsAnsweredOkAndDroppedAsADuplicate() {
        // given
        byte[] body = TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10);
        String signature = WebhookSignature.sign(SECRET, body);
        intake.accept(body, signature);

        // when
        WebhookAnswer again = intake.accept(body, signature);

        // then
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.outcome()).isEqualTo("ignored");
        assertThat(queue.queued).containsExactly("analytics/100001");
        assertThat(count("duplicates.dropped")).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongSignatureIs401BeforeTheBodyIsRead() {
        // given a body that is not even JSON
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

        // when
        WebhookAnswer missing = intake.accept(body, null);
        WebhookAnswer wrong = intake.accept(body, WebhookSignature.sign("whsec-guess", body));

        // then
        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(SECRET).doesNotContain("whsec-guess");
        assertThat(queue.queued).isEmpty();
        assertThat(count("events.verified")).isZero();
        assertThat(registry.counter("dbt.catalog.webhook.events.rejected", "reason", "signature-missing")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("dbt.catalog.webhook.events.rejected", "reason", "signature-invalid")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSignedBodyThatIsNotAnEventIs400NamingWhatIsWrong() {
        byte[] body = "{\"accountId\": 1, \"eventType\": \"job.run.completed\"}".getBytes(StandardCharsets.UTF_8);

        WebhookAnswer answer = intake.accept(body, WebhookSignature.sign(SECRET, body));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).isEqualTo("not a dbt Cloud webhook event: 'data' is missing or not an object");
        assertThat(queue.queued).isEmpty();
    }

    @Test
    void startedEventsUnknownJobsOtherAccountsAndUnacceptedStatusesAreAnsweredOkAndIgnored() {
        List<byte[]> bodies = List.of(
                TestEvents.event("job.run.started", 1, 10, 100, 1000, 1, 3),
                TestEvents.event("job.run.completed", 1, 10, 999, 1000, 2, 10),
                TestEvents.event("job.run.completed", 2, 10, 100, 1000, 3, 10),
                TestEvents.event("job.run.completed", 1, 10, 100, 2000, 4, 10),
                TestEvents.event("job.run.errored", 1, 10, 100, 1000, 5, 20));

        for (byte[] body : bodies) {
            WebhookAnswer answer = intake.accept(body, WebhookSignature.sign(SECRET, body));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.outcome()).isEqualTo("ignored");
        }

        assertThat(queue.queued).isEmpty();
        assertThat(registry.counter("dbt.catalog.webhook.events.ignored", "reason", "unmatched")
                        .count())
                .isEqualTo(3);
        assertThat(registry.counter("dbt.catalog.webhook.events.ignored", "reason", "status")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void eachSourceOnlyTakesEventsSignedWithItsOwnSecretAndAnAcceptedErroredRunIsQueued() {
        // given an errored run of the marketing project (which accepts status 20) signed with analytics' secret
        byte[] errored = TestEvents.event("job.run.errored", 1, 20, 300, 3000, 7, 20);

        // when
        WebhookAnswer foreign = intake.accept(errored, WebhookSignature.sign(SECRET, errored));
        WebhookAnswer own = intake.accept(errored, WebhookSignature.sign("whsec-marketing", errored));

        // then
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(own.status()).isEqualTo(202);
        assertThat(queue.queued).containsExactly("marketing/7");
    }

    @Test
    void aQueueThatCannotTakeRunsIsReportedToTheCaller() {
        byte[] body = TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10);
        queue.unavailable = true;

        assertThatThrownBy(() -> intake.accept(body, WebhookSignature.sign(SECRET, body)))
                .isInstanceOf(RunQueue.Unavailable.class);
    }

    private double count(String name) {
        return metrics.total(name);
    }

    /** Queues in memory, refusing a run it already holds as the job store does. */
    private static final class RecordingQueue implements RunQueue {
        final List<String> queued = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        boolean unavailable;

        @Override
        public Queued enqueue(String source, long runId, String eventId) {
            if (unavailable) {
                throw new Unavailable("scheduler stopping", null);
            }
            String key = source + "/" + runId;
            if (!keys.add(key)) {
                return Queued.ALREADY_QUEUED;
            }
            queued.add(key);
            return Queued.QUEUED;
        }
    }
}
