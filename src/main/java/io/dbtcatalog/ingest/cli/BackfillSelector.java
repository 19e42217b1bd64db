package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.SourceKind;
import io.dbtcatalog.ingest.config.SourceProperties;
import io.dbtcatalog.ingest.source.RunSelector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code backfill} window: {@code --since DATE [--until DATE]} (until exclusive, default now) or
 * {@code --last N}, read into a {@link RunSelector}; a DATE is a day (midnight UTC) or an ISO-8601 date-time with
 * offset. Also refuses sources that cannot backfill. Wrong usage is a {@link UsageException} naming the option.
 */
final class BackfillSelector {

    private Instant since;
    private String sinceText;
    private Instant until;
    private String untilText;
    private Integer last;

    void since(String value) {
        since = date("--since", value);
        sinceText = value;
    }

    void until(String value) {
        until = date("--until", value);
        untilText = value;
    }

    void last(String value) {
        last = count(value);
    }

    /** The selector the options describe; throws when they are not one of the two forms. */
    RunSelector selector() {
        if ((since == null) == (last == null)) {
            throw new UsageException("backfill needs either --since DATE [--until DATE] or --last N");
        }
        if (last != null) {
            if (until != null) {
                throw new UsageException("--until goes with --since, not with --last");
            }
            return new RunSelector.LastN(last);
        }
        if (until != null && !until.isAfter(since)) {
            throw new UsageException("--until " + untilText + " must be later than --since " + sinceText);
        }
        return new RunSelector.Window(since, until);
    }

    /** Refuses a source whose kind keeps no history, naming the key to set. */
    static void requireHistory(SourceProperties source) {
        if (source.kind() == SourceKind.DISCOVERY) {
            throw new UsageException("source '" + source.name() + "' (discovery) only knows the"
                    + " environment's latest state; backfill needs a dbt-cloud or local source");
        }
        if (source.kind() == SourceKind.LOCAL && source.historyPath() == null) {
            throw new UsageException("source '" + source.name() + "' (local) has no history-path:"
                    + " set ingestion.sources[].history-path to a folder whose subfolders each hold the artifacts"
                    + " of one past dbt invocation");
        }
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException("--last needs a positive number of runs, not '" + value + "'");
    }

    private static Instant date(String option, String value) {
        try {
            return value.contains("T")
                    ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "' is not a date (2026-08-01) or an"
                    + " ISO-8601 date-time with offset (2026-08-01T06:00:00Z)");
        }
    }

    /** Backfill options the command cannot use, or a source it cannot backfill; the message says which. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
