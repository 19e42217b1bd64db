package io.dbtcatalog.ingest.store.query;

import java.util.Objects;

/** One node of the catalog: its project and its dbt {@code unique_id}. */
public record NodeKey(String projectKey, String uniqueId) implements Comparable<NodeKey> {

    public NodeKey {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(uniqueId, "uniqueId");
    }

    /** {@code project:unique_id}, the way the commands print and accept a node. */
    public String label() {
        return projectKey + ":" + uniqueId;
    }

    /** dbt's resource type is the first part of every unique id ({@code model.shop.orders} is a model). */
    public String resourceTypeOfId() {
        int dot = uniqueId.indexOf('.');
        return dot > 0 ? uniqueId.substring(0, dot) : uniqueId;
    }

    @Override
    public int compareTo(NodeKey other) {
        int byProject = projectKey.compareTo(other.projectKey);
        return byProject != 0 ? byProject : uniqueId.compareTo(other.uniqueId);
    }

    @Override
    public String toString() {
        return label();
    }
}
