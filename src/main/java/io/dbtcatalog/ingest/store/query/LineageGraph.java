package io.dbtcatalog.ingest.store.query;

import java.util.List;

/**
 * The lineage of one node within a number of steps each way: the nodes reached (upstream at negative distances,
 * downstream at positive ones, each at its shortest distance) and the edges walked between them.
 *
 * @param up the steps walked upstream (0: none)
 * @param down the steps walked downstream (0: none)
 */
public record LineageGraph(NodeSummary root, int up, int down, List<LineageNode> nodes, List<LineageEdge> edges) {

    public LineageGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A node of the graph other than the root, at its distance: negative upstream, positive downstream. */
    public record LineageNode(NodeSummary node, int distance) {}

    public List<LineageNode> upstream() {
        return nodes.stream().filter(n -> n.distance() < 0).toList();
    }

    public List<LineageNode> downstream() {
        return nodes.stream().filter(n -> n.distance() > 0).toList();
    }
}
