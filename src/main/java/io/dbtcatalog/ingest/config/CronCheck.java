package io.dbtcatalog.ingest.config;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.quartz.CronExpression;

/** Checks the Quartz cron expressions and the time zone of the configuration, naming the key at fault. */
final class CronCheck {

    private CronCheck() {
    }

    static void check(List<String> problems, String key, String cron) {
        if (cron == null) {
            return;
        }
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            problems.add(key + ": '" + cron + "' is not a Quartz cron expression (" + e.getMessage()
                    + "; six or seven fields: sec min hour day-of-month month day-of-week [year],"
                    + " e.g. \"0 15 6 * * ?\")");
        }
    }

    static void checkZone(List<String> problems, String key, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(key + ": '" + zone + "' is not a time zone id (e.g. UTC, Europe/Paris)");
        }
    }
}
