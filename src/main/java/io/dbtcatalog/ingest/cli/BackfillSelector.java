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
 * Reads the {@code backfill} options into a {@link RunSelector}: {@code --since DATE [--until DATE]} (a window,
 * until exclusive, default now) or {@code --last N}; a DATE is a day (midnight UTC) or an ISO-8601 date-time with
 * offset. Also refuses sources that cannot backfill. Wrong usage is a {@link CliArguments.UsageException}.
 */
final class BackfillSelector {

    private BackfillSelector() {
    }

    static RunSelector parse(CliArguments arguments) {
        String since = arguments.value("--since").orElse(null);
        String until = arguments.value("--until").orElse(null);
        String last = arguments.value("--last").orElse(null);
        if ((since == null) == (last == null)) {
            throw new CliArguments.UsageException("backfill needs either --since DATE [--until DATE] or --last N");
        }
        if (last != null) {
            if (until != null) {
                throw new CliArguments.UsageException("--until goes with --since, not with --last");
            }
            return new RunSelector.LastN(count(last));
        }
        Instant from = date("--since", since);
        Instant to = until == null ? null : date("--until", until);
        if (to != null && !to.isAfter(from)) {
            throw new CliArguments.UsageException("--until " + until + " must be later than --since " + since);
        }
        return new RunSelector.Window(from, to);
    }

    /** Refuses a source whose kind keeps no history, naming the key to set. */
    static void requireHistory(SourceProperties source) {
        if (source.kind() == SourceKind.DISCOVERY) {
            throw new CliArguments.UsageException("source '" + source.name() + "' (discovery) only knows the"
                    + " environment's latest state; backfill needs a dbt-cloud or local source");
        }
        if (source.kind() == SourceKind.LOCAL && source.historyPath() == null) {
            throw new CliArguments.UsageException("source '" + source.name() + "' (local) has no history-path:"
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
        throw new CliArguments.UsageException("--last needs a positive number of runs, not '" + value + "'");
    }

    private static Instant date(String option, String value) {
        try {
            return value.contains("T") ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliArguments.UsageException(option + " '" + value + "' is not a date (2026-08-01) or an"
                    + " ISO-8601 date-time with offset (2026-08-01T06:00:00Z)");
        }
    }
}
