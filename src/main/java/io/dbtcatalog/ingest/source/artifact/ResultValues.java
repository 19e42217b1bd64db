package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.source.normalize.Timestamps;

/**
 * What one run result has given so far while either reading of {@code run_results.json} reads its object
 * ({@link ResultEntryScan} from Jackson's tokens, {@link ResultEntryBytes} from the byte scan, decision 0028): the
 * values the catalog keeps, and the start and end of its first timing step named {@code execute}. Lives while the
 * object is read; {@link #kept} is the result.
 */
class ResultValues {

    String uniqueId;
    String status;
    Double executionTime;
    Long rowsAffected;
    String message;
    Long failures;
    private boolean execute;
    private String started;
    private String completed;

    /** A timing step: the first one named {@code execute} gives the result's start and end. */
    final void step(String name, String startedAt, String completedAt) {
        if (!execute && "execute".equals(name)) {
            execute = true;
            started = startedAt;
            completed = completedAt;
        }
    }

    /** What the catalog keeps of the result. */
    final RunResultsReader.Kept kept() {
        return new RunResultsReader.Kept(
                uniqueId,
                status,
                failures,
                message,
                executionTime,
                execute ? Timestamps.parse(started) : null,
                execute ? Timestamps.parse(completed) : null,
                rowsAffected);
    }
}
