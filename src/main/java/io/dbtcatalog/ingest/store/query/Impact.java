package io.dbtcatalog.ingest.store.query;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything downstream of one node, across projects: each node at its shortest distance with the parent it was
 * reached from, nearest first; {@code byType} counts them per resource type (alphabetical) and {@code projects} lists the projects
 * touched (the root's first).
 */
public record Impact(NodeSummary root, List<Impacted> nodes, Map<String, Integer> byType, List<String> projects) {

    public Impact {
        nodes = List.copyOf(nodes);
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
        projects = List.copyOf(projects);
    }

    /**
     * A node downstream of the root.
     *
     * @param via a parent through which it is reached on a shortest path
     * @param crossProject whether it lies in another project than the root's
     */
    public record Impacted(NodeSummary node, int distance, NodeKey via, boolean crossProject) {}
}
