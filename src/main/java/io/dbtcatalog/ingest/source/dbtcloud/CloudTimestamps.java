package io.dbtcatalog.ingest.source.dbtcloud;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses dbt Cloud timestamps: runs and steps use a space separator ({@code 2026-08-01 06:07:41.987654+00:00}),
 * jobs and environments the ISO {@code T}; both carry microseconds and a numeric offset.
 */
final class CloudTimestamps {

    private CloudTimestamps() {
    }

    /** The instant, or null for a null or blank value. */
    static Instant parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String iso = value.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException again) {
                throw new DbtCloudException("dbt Cloud sent an unreadable timestamp in " + field + ": '" + value
                        + "'", again);
            }
        }
    }
}
