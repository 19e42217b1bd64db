package io.dbtcatalog.ingest.source.artifact;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Tolerant parsing of the timestamp spellings dbt artifacts use ({@code Z}, {@code +00:00}, or no zone = UTC). */
final class Timestamps {

    private Timestamps() {
    }

    /** The instant a dbt timestamp names, or {@code null} when it is absent or unparseable. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            return parseLocal(iso);
        }
    }

    private static Instant parseLocal(String iso) {
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }
}
