package io.dbtcatalog.ingest.schedule;

import java.util.List;

/** The {@code schedule} command found no source with a schedule; says which keys to set. */
public class NothingScheduledException extends RuntimeException {

    NothingScheduledException(List<String> sources) {
        super("no source is scheduled: set ingestion.schedule (a Quartz cron expression used by every source) or"
                + " ingestion.sources[].schedule for " + String.join(", ", sources));
    }
}
