package io.dbtcatalog.ingest.store.query;

import java.time.Instant;
import java.util.List;

/**
 * Everything the catalog holds about one node, for {@code describe}: the resource, where it lives, its owners, its
 * columns with their markers, its tests with their latest results, its latest execution or freshness check and its
 * direct neighbours across projects.
 *
 * @param owners who owns it: the owner dbt declares (an exposure's owner name and email), then the warehouse's
 * @param homeProjectKey for a downstream project's copy of another project's model (dbt Mesh): the project that
 *     owns it; null otherwise
 * @param referencedBy the other projects holding this node as an external node they ref
 */
public record NodeDescription(
        NodeKey key,
        String resourceType,
        String name,
        String packageName,
        String database,
        String schema,
        String identifier,
        String relationName,
        String relationType,
        String materialization,
        String language,
        String access,
        String groupName,
        String version,
        String latestVersion,
        Instant deprecationDate,
        Boolean contractEnforced,
        String filePath,
        String description,
        List<String> owners,
        List<String> tags,
        Instant firstSeenAt,
        Instant lastChangedAt,
        String homeProjectKey,
        List<String> referencedBy,
        Exposure exposure,
        List<Stat> stats,
        LastRun lastRun,
        Freshness freshness,
        List<Column> columns,
        List<Test> tests,
        List<NodeSummary> parents,
        List<NodeSummary> children) {

    public NodeDescription {
        owners = List.copyOf(owners);
        tags = List.copyOf(tags);
        referencedBy = List.copyOf(referencedBy);
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
        stats = List.copyOf(stats);
        parents = List.copyOf(parents);
        children = List.copyOf(children);
    }

    /**
     * A column: its warehouse (or documented) type and what consumers may rely on, {@code markers}: {@code primary
     * key}, {@code unique}, {@code not null} (from contract constraints and tests) and any other constraint type
     * ({@code check}, {@code foreign_key}…).
     */
    public record Column(
            String name,
            String dataType,
            Integer ordinal,
            String description,
            List<String> markers,
            boolean inWarehouse) {

        public Column {
            markers = List.copyOf(markers);
        }
    }

    /** A test attached to the node and its latest result (status null when it never ran). */
    public record Test(
            String uniqueId,
            String testName,
            String kind,
            String columnName,
            String severity,
            String status,
            Long failures,
            String message,
            Instant completedAt) {}

    /** What only an exposure has. */
    public record Exposure(
            String exposureType, String maturity, String url, String label, String ownerName, String ownerEmail) {}

    /** A statistic the warehouse reported for the relation in the latest catalog that had it. */
    public record Stat(String statId, String label, String value, String description, Instant generatedAt) {}

    /** The node's latest execution (models, seeds, snapshots). */
    public record LastRun(
            String status, Instant completedAt, Double executionTimeS, Long rowsAffected, String invocationId) {}

    /** A source's latest freshness check. */
    public record Freshness(String status, Instant maxLoadedAt, Instant snapshottedAt) {}
}
