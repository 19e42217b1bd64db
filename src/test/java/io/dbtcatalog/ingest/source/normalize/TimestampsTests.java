package io.dbtcatalog.ingest.source.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamp spellings of artifacts and APIs: the hand-written reading of dbt's usual spelling means exactly what
 * java.time reads; unreadable text and the API's "never" placeholder read as absent.
 */
class TimestampsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-01T10:00:00Z",
                "2024-01-01T10:00:00.1Z",
                "2024-01-01T10:00:00.123456Z",
                "2024-01-01T10:00:00.123456789Z",
                "2024-01-01T10:00:00.1234567890Z",
                "2024-01-01T10:00:00.Z",
                "2024-01-01 10:00:00.5",
                "2024-01-01T10:00:00",
                "  2024-01-01T10:00:00Z  ",
                "2024-02-29T23:59:59-05:30",
                "2023-02-29T10:00:00Z",
                "2024-13-01T10:00:00Z",
                "2024-01-32T10:00:00Z",
                "2024-01-01T24:00:00Z",
                "2024-01-01T10:60:00Z",
                "2024-01-01T10:00:60Z",
                "2024-01-01T10:00:00+18:00",
                "2024-01-01T10:00:00+19:00",
                "2024-01-01T10:00:00+0200",
                "2024-01-01T10:00:00+02:00:30",
                "2024-01-01T10:00:00z",
                "2024-1-01T10:00:00Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "+12024-01-01T10:00:00Z",
                "2024-01-01T10:00",
                "2024-01-01x10:00:00Z",
                "２０２４-01-01T10:00:00Z",
                "2024-01-01T10:00:00 +00:00",
                "yesterday"
            })
    void everySpellingReadsAsJavaTimeReadsIt(String text) {
        // when
        Instant parsed = Timestamps.parse(text);
        // then
        assertThat(parsed).isEqualTo(javaTime(text));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-01T10:00:00.123456Z, 2024-01-01T10:00:00.123456Z",
        "2024-01-01T10:00:00.123456, 2024-01-01T10:00:00.123456Z",
        "2024-01-01T10:00:00.123456+00:00, 2024-01-01T10:00:00.123456Z",
        "2024-01-01T12:00:00+02:00, 2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00, 2024-01-01T10:00:00Z"
    })
    void timestampsOfEverySpellingParseToTheSameInstant(String text, String expected) {
        // when
        Instant parsed = Timestamps.parse(text);

        // then
        assertThat(parsed).isEqualTo(Instant.parse(expected));
    }

    @Test
    void unparseableTimestampsReadAsAbsent() {
        // then
        assertThat(Timestamps.parse("yesterday")).isNull();
        assertThat(Timestamps.parse("")).isNull();
        assertThat(Timestamps.parse(null)).isNull();
    }

    @Test
    void dbtsZeroDateForNeverLoadedReadsAsNoDate() {
        // when / then
        assertThat(Timestamps.parseUnlessNever("0001-01-01T00:00:00.000Z")).isNull();
        assertThat(Timestamps.parseUnlessNever("2024-12-16T07:44:13.183795Z"))
                .isEqualTo(Instant.parse("2024-12-16T07:44:13.183795Z"));
        assertThat(Timestamps.parseUnlessNever("2024-12-16 07:44:13")).isEqualTo(Instant.parse("2024-12-16T07:44:13Z"));
    }

    private static Instant javaTime(String text) {
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }
}
