package io.dbtcatalog.ingest.store.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The node lineage of every project, linked across projects, as {@code catalog_lineage_global} gives it: read in
 * one query and walked in memory (breadth first, so each node is reached at its shortest distance). Tests and unit
 * tests are left out unless asked for: they hang off every model and drown the answer.
 */
final class GlobalLineage {

    /** Resource types walked only when tests are asked for. */
    static final Set<String> TEST_TYPES = Set.of("test", "unit_test");

    /** How far a walk without a limit goes: the closure view's bound, which also stops it on a cycle. */
    static final int UNLIMITED = 100;

    private static final String EDGES = """
            SELECT parent_project_key, parent_unique_id, child_project_key, child_unique_id, cross_project
            FROM catalog_lineage_global
            """;

    private final Map<NodeKey, List<LineageEdge>> byParent = new HashMap<>();
    private final Map<NodeKey, List<LineageEdge>> byChild = new HashMap<>();

    private GlobalLineage() {}

    static GlobalLineage read(JdbcClient jdbc) {
        GlobalLineage lineage = new GlobalLineage();
        jdbc.sql(EDGES)
                .query((rs, i) -> new LineageEdge(
                        new NodeKey(rs.getString(1), rs.getString(2)),
                        new NodeKey(rs.getString(3), rs.getString(4)),
                        rs.getBoolean(5)))
                .list()
                .forEach(lineage::add);
        return lineage;
    }

    private void add(LineageEdge edge) {
        byParent.computeIfAbsent(edge.parent(), k -> new ArrayList<>()).add(edge);
        byChild.computeIfAbsent(edge.child(), k -> new ArrayList<>()).add(edge);
    }

    /**
     * Walks from {@code root} up to {@code steps} edges in one direction; returns each node reached with its
     * distance (≥ 1) in the order reached, and collects the edges walked.
     */
    Map<NodeKey, Integer> walk(NodeKey root, int steps, boolean downstream, boolean tests, List<LineageEdge> walked) {
        Map<NodeKey, Integer> reached = new LinkedHashMap<>();
        Deque<NodeKey> frontier = new ArrayDeque<>(List.of(root));
        for (int distance = 1; distance <= steps && !frontier.isEmpty(); distance++) {
            Deque<NodeKey> next = new ArrayDeque<>();
            for (NodeKey node : frontier) {
                for (LineageEdge edge : (downstream ? byParent : byChild).getOrDefault(node, List.of())) {
                    NodeKey other = downstream ? edge.child() : edge.parent();
                    if (!tests && TEST_TYPES.contains(other.resourceTypeOfId())) {
                        continue;
                    }
                    if (!other.equals(root) && !reached.containsKey(other)) {
                        reached.put(other, distance);
                        next.add(other);
                    }
                    walked.add(edge);
                }
            }
            frontier = next;
        }
        return reached;
    }

    /** The edges between parents and children of {@code node} itself, in both directions. */
    List<LineageEdge> parentsOf(NodeKey node) {
        return byChild.getOrDefault(node, List.of());
    }

    List<LineageEdge> childrenOf(NodeKey node) {
        return byParent.getOrDefault(node, List.of());
    }
}
