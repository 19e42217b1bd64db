package io.dbtcatalog.ingest.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;

/**
 * When one source is ingested: its Quartz cron expression (its own {@code schedule}, else the global one) read in
 * the scheduler's time zone.
 */
public record SourceSchedule(String source, String cron, ZoneId zone) {

    /** The first fire time strictly after {@code after}, or null when the expression never fires again. */
    public Instant nextFireTime(Instant after) {
        Date next = expression().getNextValidTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    /**
     * Where a new trigger starts: at the first fire time after the last ingestion started, when that time has
     * passed (the scheduler was down then: Quartz sees a misfire and fires once, right away), else now.
     */
    Instant startAt(Instant lastIngestionStarted, Instant now) {
        if (lastIngestionStarted == null) {
            return now;
        }
        Instant missed = nextFireTime(lastIngestionStarted);
        return missed != null && missed.isBefore(now) ? missed : now;
    }

    /** True when {@code trigger} already fires on this schedule (so a restart keeps it, misfire state and all). */
    boolean isScheduledBy(CronTrigger trigger) {
        return trigger.getCronExpression().equals(cron)
                && trigger.getTimeZone().toZoneId().equals(zone);
    }

    TimeZone timeZone() {
        return TimeZone.getTimeZone(zone);
    }

    private CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(timeZone());
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("source '" + source + "': invalid cron expression '" + cron + "'", e);
        }
    }
}
