package io.dbtcatalog.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Fire times of a source's cron in its time zone, and where a new trigger starts after downtime. */
class SourceScheduleTests {

    private static final SourceSchedule DAILY_AT_SIX_PARIS =
            new SourceSchedule("shop", "0 0 6 * * ?", ZoneId.of("Europe/Paris"));
    private static final Instant NOW = Instant.parse("2026-08-03T12:00:00Z");

    @Test
    void nextFireTimeIsReadInTheScheduleTimeZone() {
        assertThat(DAILY_AT_SIX_PARIS.nextFireTime(NOW)).isEqualTo(Instant.parse("2026-08-04T04:00:00Z"));
    }

    @Test
    void newTriggerStartsAtTheSlotMissedSinceTheLastIngestionStarted() {
        // given the last ingestion started two days ago: the slots of Aug 2 and Aug 3 passed since
        Instant lastStart = Instant.parse("2026-08-01T05:00:00Z");

        // when / then the first missed one, so Quartz fires once for the misfire
        assertThat(DAILY_AT_SIX_PARIS.startAt(lastStart, NOW)).isEqualTo(Instant.parse("2026-08-02T04:00:00Z"));
    }

    @Test
    void newTriggerStartsNowWhenNoSlotWasMissedOrNothingWasEverIngested() {
        assertThat(DAILY_AT_SIX_PARIS.startAt(Instant.parse("2026-08-03T04:30:00Z"), NOW))
                .isEqualTo(NOW);
        assertThat(DAILY_AT_SIX_PARIS.startAt(null, NOW)).isEqualTo(NOW);
    }
}
