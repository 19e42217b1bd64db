package io.dbtcatalog.ingest.config;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.quartz.CronExpression;

/** Checks the Quartz cron expressions and the time zone of the configuration; the caller names the key. */
final class CronCheck {

    private CronCheck() {}

    /** What is wrong with {@code cron}, if anything; empty for null (no schedule). */
    static Optional<String> problem(String cron) {
        if (cron == null) {
            return Optional.empty();
        }
        try {
            CronExpression.validateExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of("'" + cron + "' is not a Quartz cron expression (" + e.getMessage()
                    + "; six or seven fields: sec min hour day-of-month month day-of-week [year],"
                    + " e.g. \"0 15 6 * * ?\")");
        }
    }

    /** What is wrong with {@code zone}, if anything. */
    static Optional<String> zoneProblem(String zone) {
        if (zone == null) {
            return Optional.of("required (a time zone id, e.g. UTC, Europe/Paris)");
        }
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("'" + zone + "' is not a time zone id (e.g. UTC, Europe/Paris)");
        }
    }
}
