package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the latest execution the Discovery API keeps per node to history rows. The API names the dbt Cloud run that
 * produced a result but not its dbt invocation id, so every row is keyed by {@link #invocationOf(Long)}
 * ({@code dbt-cloud-run-<run id>}): ingesting the same state twice adds no row, a newer run adds one.
 */
final class ResultMapper {

    static final String RUN_KEY_PREFIX = "dbt-cloud-run-";

    private ResultMapper() {}

    /** The history key of results produced by dbt Cloud run {@code runId}. */
    static String invocationOf(Long runId) {
        return RUN_KEY_PREFIX + runId;
    }

    /** Whether the node has a latest execution that can be keyed (status and run id present). */
    static boolean executed(Wire.Execution execution) {
        return execution != null && nonBlank(execution.lastRunStatus()) != null && execution.lastRunId() != null;
    }

    static RunResult runResult(Wire.AppliedNode node) {
        Wire.Execution execution = node.executionInfo();
        return new RunResult(
                NodeId.of(node.uniqueId()),
                invocationOf(execution.lastRunId()),
                execution.lastRunStatus(),
                nonBlank(execution.lastRunError()),
                execution.executionTime(),
                Timestamps.parseUnlessNever(execution.executeStartedAt()),
                Timestamps.parseUnlessNever(execution.executeCompletedAt()),
                null,
                execution.lastRunId());
    }

    static TestResult testResult(Wire.AppliedNode node) {
        Wire.Execution execution = node.executionInfo();
        return new TestResult(
                NodeId.of(node.uniqueId()),
                invocationOf(execution.lastRunId()),
                execution.lastRunStatus(),
                execution.lastRunFailures(),
                nonBlank(execution.lastRunError()),
                execution.executionTime(),
                Timestamps.parseUnlessNever(execution.executeStartedAt()),
                Timestamps.parseUnlessNever(execution.executeCompletedAt()),
                execution.lastRunId());
    }

    /** Whether the source's freshness was checked by a known run and has a verdict. */
    static boolean checked(Wire.Freshness freshness) {
        return freshness != null
                && Boolean.TRUE.equals(freshness.freshnessChecked())
                && nonBlank(freshness.freshnessStatus()) != null
                && freshness.freshnessRunId() != null;
    }

    /** The API spells the verdict as an enum ({@code Pass}); dbt's artifacts spell it lower-case ({@code pass}). */
    static SourceFreshness freshness(Wire.AppliedNode node) {
        Wire.Freshness freshness = node.freshness();
        return new SourceFreshness(
                NodeId.of(node.uniqueId()),
                invocationOf(freshness.freshnessRunId()),
                freshness.freshnessStatus().toLowerCase(Locale.ROOT),
                Timestamps.parseUnlessNever(freshness.maxLoadedAt()),
                Timestamps.parseUnlessNever(freshness.snapshottedAt()),
                freshness.maxLoadedAtTimeAgoInS(),
                criteriaJson(freshness.criteria()),
                null,
                null,
                freshness.freshnessRunId());
    }

    /** The criteria in the artifacts' spelling: {@code {"warn_after":{"count":…,"period":…},"error_after":…}}. */
    static String criteriaJson(Wire.Criteria criteria) {
        if (criteria == null) {
            return null;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("warn_after", criterion(criteria.warnAfter()));
        json.set("error_after", criterion(criteria.errorAfter()));
        return json.toString();
    }

    private static ObjectNode criterion(Wire.Criterion criterion) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("count", criterion == null ? null : criterion.count());
        json.put("period", criterion == null ? null : criterion.period());
        return json;
    }
}
