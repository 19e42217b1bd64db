package io.dbtcatalog.ingest.model;

/**
 * The dbt {@code unique_id} of a resource (for example {@code model.jaffle_shop.orders}); the natural key of every
 * catalog row within one project.
 */
public record NodeId(String value) implements Comparable<NodeId> {

    public NodeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a dbt unique_id must not be empty");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
