package io.dbtcatalog.ingest.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Gathers, per Spring Batch job execution, the outcome of every run the step touched, so the launcher can report
 * them when the job returns, and forwards them as they happen to the {@link IngestionProgress} watching that
 * source, if any. Thread-safe: scheduled launches of different sources run concurrently.
 */
@Component
public class OutcomeCollector {

    private final Map<Long, List<RunOutcome>> outcomes = new ConcurrentHashMap<>();
    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private final Map<String, IngestionProgress> watchers = new ConcurrentHashMap<>();

    /** Reports the launches of {@code sourceName} to {@code progress} until the returned handle is closed. */
    public Watch watch(String sourceName, IngestionProgress progress) {
        watchers.put(sourceName, progress);
        return () -> watchers.remove(sourceName, progress);
    }

    /** Ends a {@link #watch}. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    void add(long jobExecutionId, RunOutcome outcome) {
        outcomes.computeIfAbsent(jobExecutionId, id -> new ArrayList<>()).add(outcome);
        IngestionProgress progress = watchers.get(outcome.run().sourceName());
        if (progress != null) {
            progress.finished(outcome);
        }
    }

    void planned(String sourceName, int toIngest, int alreadyIngested) {
        IngestionProgress progress = watchers.get(sourceName);
        if (progress != null) {
            progress.planned(sourceName, toIngest, alreadyIngested);
        }
    }

    void failBeforeAnyRun(long jobExecutionId, String message) {
        failures.put(jobExecutionId, message);
    }

    /** Removes and returns what was collected for that execution. */
    List<RunOutcome> takeRuns(long jobExecutionId) {
        List<RunOutcome> runs = outcomes.remove(jobExecutionId);
        return runs == null ? List.of() : List.copyOf(runs);
    }

    String takeFailure(long jobExecutionId) {
        return failures.remove(jobExecutionId);
    }
}
