package io.dbtcatalog.ingest.store.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only answers over the whole catalog database (every project, H2 or PostgreSQL): {@link #resolve} a NODE
 * argument, {@link #describe}, {@link #lineage}, {@link #impact} and {@link #search}. Needs only a data source on a
 * catalog migrated to V10 or later; it never writes, runs no migration and holds no state between calls.
 */
public final class CatalogQueries {

    private final JdbcClient jdbc;

    public CatalogQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The node a person means by {@code node}: a unique id, a name, or either as {@code project:…}.
     *
     * @throws NodeLookupException when it names no node, or several (the exception lists them)
     */
    public NodeKey resolve(String node) {
        return new NodeResolver(jdbc).resolve(node);
    }

    /**
     * Everything the catalog knows of the node, with its direct parents and children across projects (its tests are
     * in {@link NodeDescription#tests()}, not among the children).
     */
    public NodeDescription describe(NodeKey key) {
        GlobalLineage lineage = GlobalLineage.read(jdbc);
        List<LineageEdge> parents = lineage.parentsOf(key);
        List<LineageEdge> children = lineage.childrenOf(key).stream()
                .filter(e -> !GlobalLineage.TEST_TYPES.contains(e.child().resourceTypeOfId()))
                .toList();
        Set<NodeKey> neighbours = new LinkedHashSet<>();
        parents.forEach(e -> neighbours.add(e.parent()));
        children.forEach(e -> neighbours.add(e.child()));
        Map<NodeKey, NodeSummary> summaries = new NodeSummaries(jdbc).of(neighbours);
        return new Descriptions(jdbc)
                .describe(
                        key,
                        parents.stream()
                                .map(e -> summaries.get(e.parent()))
                                .sorted(Comparator.comparing(NodeSummary::key))
                                .toList(),
                        children.stream()
                                .map(e -> summaries.get(e.child()))
                                .sorted(Comparator.comparing(NodeSummary::key))
                                .toList());
    }

    /**
     * The node's lineage within {@code up} steps upstream and {@code down} steps downstream (each 0 to
     * {@value GlobalLineage#UNLIMITED}), across projects; tests and unit tests only when {@code tests}.
     */
    public LineageGraph lineage(NodeKey key, int up, int down, boolean tests) {
        GlobalLineage lineage = GlobalLineage.read(jdbc);
        List<LineageEdge> edges = new ArrayList<>();
        Map<NodeKey, Integer> upstream = lineage.walk(key, bounded(up), false, tests, edges);
        Map<NodeKey, Integer> downstream = lineage.walk(key, bounded(down), true, tests, edges);
        Set<NodeKey> keys = new LinkedHashSet<>(upstream.keySet());
        keys.addAll(downstream.keySet());
        keys.add(key);
        Map<NodeKey, NodeSummary> summaries = new NodeSummaries(jdbc).of(keys);
        List<LineageGraph.LineageNode> nodes = new ArrayList<>();
        upstream.forEach((node, distance) -> nodes.add(new LineageGraph.LineageNode(summaries.get(node), -distance)));
        downstream.forEach((node, distance) -> nodes.add(new LineageGraph.LineageNode(summaries.get(node), distance)));
        nodes.sort(Comparator.comparingInt(LineageGraph.LineageNode::distance)
                .thenComparing(n -> n.node().key()));
        List<LineageEdge> distinct = edges.stream()
                .distinct()
                .sorted(Comparator.comparing(LineageEdge::parent).thenComparing(LineageEdge::child))
                .toList();
        return new LineageGraph(summaries.get(key), bounded(up), bounded(down), nodes, distinct);
    }

    /** Everything downstream of the node in every project, exposures included; tests only when {@code tests}. */
    public Impact impact(NodeKey key, boolean tests) {
        GlobalLineage lineage = GlobalLineage.read(jdbc);
        List<LineageEdge> edges = new ArrayList<>();
        Map<NodeKey, Integer> downstream = lineage.walk(key, GlobalLineage.UNLIMITED, true, tests, edges);
        Map<NodeKey, NodeKey> via = new HashMap<>();
        for (LineageEdge edge : edges) {
            Integer parentDistance = edge.parent().equals(key) ? Integer.valueOf(0) : downstream.get(edge.parent());
            Integer childDistance = downstream.get(edge.child());
            if (parentDistance != null && childDistance != null && childDistance == parentDistance + 1) {
                via.putIfAbsent(edge.child(), edge.parent());
            }
        }
        Set<NodeKey> keys = new LinkedHashSet<>(downstream.keySet());
        keys.add(key);
        Map<NodeKey, NodeSummary> summaries = new NodeSummaries(jdbc).of(keys);
        List<Impact.Impacted> nodes = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        Set<String> projects = new LinkedHashSet<>(List.of(key.projectKey()));
        downstream.forEach((node, distance) -> {
            NodeSummary summary = summaries.get(node);
            nodes.add(new Impact.Impacted(
                    summary, distance, via.get(node), !node.projectKey().equals(key.projectKey())));
            byType.merge(summary.resourceType(), 1, Integer::sum);
        });
        nodes.sort(Comparator.comparingInt(Impact.Impacted::distance)
                .thenComparing(n -> n.node().key()));
        nodes.forEach(n -> projects.add(n.node().key().projectKey()));
        return new Impact(summaries.get(key), nodes, byType, new ArrayList<>(projects));
    }

    /**
     * Nodes of every project whose name, unique id, description or a column contains {@code text}
     * (case-insensitively), optionally of one resource type and with one tag; at most {@code limit}, best first.
     */
    public List<SearchHit> search(String text, String type, String tag, int limit) {
        return new Search(jdbc).search(text, type, tag, limit);
    }

    private static int bounded(int steps) {
        return Math.max(0, Math.min(steps, GlobalLineage.UNLIMITED));
    }
}
