package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading dbt Cloud's webhook bodies: the documented example, tolerated variations, and what is refused. */
class EventParserTests {

    @Test
    void readsTheDocumentedCompletedEventWithItsStringIdsAndNumericAccount() {
        // when
        DbtCloudEvent event = EventParser.parse(TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10));

        // then
        assertThat(event)
                .isEqualTo(new DbtCloudEvent(
                        "wev_completed_100001",
                        "job.run.completed",
                        Instant.parse("2026-08-01T06:07:11.742843678Z"),
                        1,
                        100001,
                        100,
                        1000L,
                        10L,
                        10,
                        "Success"));
        assertThat(event.announcesFinishedRun()).isTrue();
    }

    @Test
    void anErroredEventWithoutAStatusCodeCountsAsStatus20AndAStartedEventAnnouncesNoFinishedRun() {
        DbtCloudEvent errored = EventParser.parse(bytes("""
                {"accountId": "1", "eventId": "e1", "eventType": "job.run.errored",
                 "data": {"runId": 5, "jobId": "7", "extra": {"nested": true}}}"""));
        DbtCloudEvent started = EventParser.parse(TestEvents.event("job.run.started", 1, 10, 100, 1000, 1, 3));

        assertThat(errored.statusCode()).isEqualTo(20);
        assertThat(errored.projectId()).isNull();
        assertThat(errored.environmentId()).isNull();
        assertThat(errored.timestamp()).isNull();
        assertThat(started.announcesFinishedRun()).isFalse();
    }

    @Test
    void refusesWhatIsNotTheContractsJsonNamingTheKey() {
        assertThatThrownBy(() -> EventParser.parse(bytes("{\"accountId\": 1,")))
                .isInstanceOf(EventParser.MalformedEventException.class)
                .hasMessageStartingWith("the body is not JSON");
        assertThatThrownBy(() -> EventParser.parse(bytes("[1, 2]"))).hasMessage("the body is not a JSON object");
        assertThatThrownBy(() -> EventParser.parse(bytes(""))).isInstanceOf(EventParser.MalformedEventException.class);
        assertThatThrownBy(() -> EventParser.parse(
                        bytes("{\"accountId\": 1, \"eventId\": \"e\", \"eventType\": \"job.run.completed\"}")))
                .hasMessage("'data' is missing or not an object");
        assertThatThrownBy(() -> EventParser.parse(bytes("{\"accountId\": 1, \"eventId\": \"e\","
                        + " \"eventType\": \"job.run.completed\", \"data\": {\"jobId\": \"7\"}}")))
                .hasMessage("'data.runId' is missing");
        assertThatThrownBy(() -> EventParser.parse(bytes("{\"accountId\": 1, \"eventId\": \"e\","
                        + " \"eventType\": \"job.run.completed\", \"data\": {\"jobId\": \"7\", \"runId\": \"x1\"}}")))
                .hasMessage("'data.runId' is not a dbt Cloud id (a positive number)");
        assertThatThrownBy(() -> EventParser.parse(bytes(
                        "{\"accountId\": 1, \"eventType\": \"job.run.completed\", \"data\": {\"jobId\": \"7\"}}")))
                .hasMessage("'eventId' is missing or not a string");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
