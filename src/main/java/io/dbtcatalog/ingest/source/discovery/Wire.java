package io.dbtcatalog.ingest.source.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Wire shapes of the Discovery API's environment-level applied state. One {@link AppliedNode} record carries the
 * fields of every node type the queries select (models, sources, seeds, snapshots, tests, exposures); a field a type
 * does not have stays null. Free-form JSON ({@code meta}, {@code config}, test {@code kwargs}) stays a tree.
 */
final class Wire {

    private Wire() {}

    /** One node of {@code applied.models / sources / seeds / snapshots / tests / exposures}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppliedNode(
            String uniqueId,
            String name,
            String description,
            String resourceType,
            String filePath,
            List<String> tags,
            JsonNode meta,
            String packageName,
            String database,
            String schema,
            String alias,
            String identifier,
            String materializedType,
            String language,
            String access,
            String group,
            String version,
            String latestVersion,
            String deprecationDate,
            Boolean contractEnforced,
            String rawCode,
            String compiledCode,
            JsonNode config,
            List<Parent> parents,
            Catalog catalog,
            Execution executionInfo,
            Freshness freshness,
            String columnName,
            String testType,
            String testedNodeUniqueId,
            TestMetadata testMetadata,
            String exposureType,
            String label,
            String maturity,
            String url,
            String ownerName,
            String ownerEmail) {

        AppliedNode {
            tags = tags == null ? List.of() : tags;
            parents = parents == null ? List.of() : parents;
        }
    }

    /**
     * A nested node of {@code parents}: its id and type; for an {@code ExternalModelNode} (another dbt project's
     * model this one refs, dbt Mesh) also what its inline fragment selects, so the node can be kept as the
     * artifact path keeps it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Parent(
            String uniqueId,
            String resourceType,
            String name,
            String description,
            String packageName,
            String dbtProjectName,
            String database,
            String schema,
            String identifier,
            String relationName) {

        Parent(String uniqueId, String resourceType) {
            this(uniqueId, resourceType, null, null, null, null, null, null, null, null);
        }

        /** Only an {@code ExternalModelNode} answers the fragment's project fields. */
        boolean external() {
            return dbtProjectName != null || packageName != null;
        }
    }

    /**
     * The warehouse catalog entry of a node: the relation's type and owner; {@code columns} is null when no catalog
     * was generated.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalog(String type, String owner, List<Column> columns) {}

    /** One catalog column: warehouse name, type, position and comment, with dbt's description, tags and meta. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(
            String name,
            String type,
            Integer index,
            String description,
            String comment,
            List<String> tags,
            JsonNode meta) {}

    /** The latest execution of a model, seed, snapshot or test ({@code lastRunFailures} for tests only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Execution(
            Long lastRunId,
            String lastRunStatus,
            String lastRunError,
            Long lastRunFailures,
            Double executionTime,
            String executeStartedAt,
            String executeCompletedAt) {}

    /** The latest freshness check of a source. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Freshness(
            String freshnessStatus,
            Boolean freshnessChecked,
            String maxLoadedAt,
            Double maxLoadedAtTimeAgoInS,
            String snapshottedAt,
            Long freshnessRunId,
            Criteria criteria) {}

    /** A source's freshness criteria. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Criteria(Criterion warnAfter, Criterion errorAfter) {}

    /** One threshold ({@code count} {@code period}s). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Criterion(Integer count, String period) {}

    /** What a generic test is: its macro name and namespace and the keyword arguments it was called with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TestMetadata(String name, String namespace, JsonNode kwargs) {}
}
