package io.dbtcatalog.ingest.store.query;

import java.util.List;

/**
 * A NODE argument that names no node of the catalog, or more than one: the message says which, and
 * {@link #candidates()} lists the nodes it could mean ({@code project:unique_id}), nearest first.
 */
public final class NodeLookupException extends RuntimeException {

    private final transient List<NodeKey> candidates;

    NodeLookupException(String message, List<NodeKey> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<NodeKey> candidates() {
        return candidates;
    }
}
