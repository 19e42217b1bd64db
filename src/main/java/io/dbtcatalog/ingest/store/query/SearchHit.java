package io.dbtcatalog.ingest.store.query;

import java.util.List;

/**
 * A node found by {@code search}, with what matched: {@code name}, {@code unique_id}, {@code description} or
 * {@code column} (the node has a column of that name).
 */
public record SearchHit(NodeSummary node, List<String> tags, String matched) {

    public SearchHit {
        tags = List.copyOf(tags);
    }
}
