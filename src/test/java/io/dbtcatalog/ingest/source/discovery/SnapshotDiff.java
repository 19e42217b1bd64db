package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnMarkers;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeDetails;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Test code: every field-level difference between an artifact snapshot and a Discovery snapshot of the same project,
 * restricted to the resource types the Discovery API serves. Rows are matched by their natural keys and compared
 * component by component, so a new model field is compared without changing this class.
 */
final class SnapshotDiff {

    static final Set<ResourceType> SERVED = Set.of(
            ResourceType.MODEL,
            ResourceType.SOURCE,
            ResourceType.SEED,
            ResourceType.SNAPSHOT,
            ResourceType.TEST,
            ResourceType.UNIT_TEST,
            ResourceType.EXPOSURE);

    /** One difference: which table and field, which row, and both values. Missing rows use field {@code <row>}. */
    record Difference(
            String table,
            ResourceType type,
            String field,
            String key,
            Object artifact,
            Object discovery,
            Object artifactRow,
            Object discoveryRow) {}

    private final Map<NodeId, ResourceType> types = new LinkedHashMap<>();
    private final List<Difference> differences = new ArrayList<>();

    static List<Difference> between(CatalogSnapshot artifact, CatalogSnapshot discovery) {
        SnapshotDiff diff = new SnapshotDiff();
        artifact.nodes().stream()
                .filter(n -> SERVED.contains(n.resourceType()))
                .forEach(n -> diff.types.put(n.id(), n.resourceType()));
        discovery.nodes().forEach(n -> diff.types.putIfAbsent(n.id(), n.resourceType()));
        diff.compare(
                "node",
                served(diff, artifact.nodes(), CatalogNode::id),
                index(discovery.nodes(), CatalogNode::id),
                "id");
        diff.compare(
                "column",
                served(diff, artifact.columns(), c -> c.nodeId()),
                index(discovery.columns(), SnapshotDiff::columnKey),
                "nodeId",
                "name");
        diff.edges(artifact.edges(), discovery.edges());
        diff.compare("test", served(diff, artifact.tests(), t -> t.id()), index(discovery.tests(), t -> t.id()), "id");
        diff.compare(
                "test_result",
                served(diff, artifact.testResults(), r -> r.testId()),
                index(discovery.testResults(), r -> r.testId()),
                "testId");
        diff.compare(
                "run_result",
                served(diff, artifact.runResults(), r -> r.nodeId()),
                index(discovery.runResults(), r -> r.nodeId()),
                "nodeId");
        diff.compare(
                "freshness",
                served(diff, artifact.freshness(), f -> f.sourceId()),
                index(discovery.freshness(), f -> f.sourceId()),
                "sourceId");
        return diff.differences;
    }

    /** Rows of served nodes, keyed like {@link #index}; columns by node and name. */
    private static <T> Map<Object, T> served(SnapshotDiff diff, List<T> rows, Function<T, NodeId> node) {
        Map<Object, T> index = new LinkedHashMap<>();
        for (T row : rows) {
            if (diff.types.containsKey(node.apply(row)) && SERVED.contains(diff.types.get(node.apply(row)))) {
                index.put(row instanceof CatalogColumn column ? columnKey(column) : node.apply(row), row);
            }
        }
        return index;
    }

    private static <T> Map<Object, T> index(List<T> rows, Function<T, ?> key) {
        Map<Object, T> index = new LinkedHashMap<>();
        rows.forEach(row -> index.put(key.apply(row), row));
        return index;
    }

    private static Object columnKey(CatalogColumn column) {
        return column.nodeId() + " / " + column.name();
    }

    private <T> void compare(String table, Map<Object, T> artifact, Map<Object, T> discovery, String... keyFields) {
        Set<Object> keys = new LinkedHashSet<>(artifact.keySet());
        keys.addAll(discovery.keySet());
        for (Object key : keys) {
            T left = artifact.get(key);
            T right = discovery.get(key);
            ResourceType type = types.get(nodeOf(left != null ? left : right));
            if (left == null || right == null) {
                differences.add(new Difference(table, type, "<row>", key.toString(), left, right, left, right));
                continue;
            }
            compareFields(table, type, key, "", left, right, left, right, Set.of(keyFields));
        }
    }

    /** Component by component; a component that is itself a record (node details, column markers) field by field. */
    private void compareFields(
            String table,
            ResourceType type,
            Object key,
            String prefix,
            Object left,
            Object right,
            Object leftRow,
            Object rightRow,
            Set<String> keyFields) {
        for (RecordComponent component : left.getClass().getRecordComponents()) {
            if (keyFields.contains(component.getName())) {
                continue;
            }
            Object a = value(component, left);
            Object d = value(component, right);
            if ((a instanceof NodeDetails || a instanceof ColumnMarkers)
                    && a.getClass().equals(d.getClass())) {
                compareFields(table, type, key, component.getName() + ".", a, d, leftRow, rightRow, Set.of());
            } else if (!Objects.equals(a, d)) {
                differences.add(new Difference(
                        table, type, prefix + component.getName(), key.toString(), a, d, leftRow, rightRow));
            }
        }
    }

    private void edges(List<LineageEdge> artifact, List<LineageEdge> discovery) {
        Set<LineageEdge> left = new LinkedHashSet<>();
        artifact.stream()
                .filter(e -> types.containsKey(e.parent()) && types.containsKey(e.child()))
                .forEach(left::add);
        Set<LineageEdge> right = new LinkedHashSet<>(discovery);
        for (LineageEdge edge : left) {
            if (!right.contains(edge)) {
                differences.add(new Difference(
                        "edge", types.get(edge.child()), "<row>", edge.toString(), edge, null, edge, null));
            }
        }
        for (LineageEdge edge : right) {
            if (!left.contains(edge)) {
                differences.add(new Difference(
                        "edge", types.get(edge.child()), "<row>", edge.toString(), null, edge, null, edge));
            }
        }
    }

    private static NodeId nodeOf(Object row) {
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            if (component.getType() == NodeId.class) {
                return (NodeId) value(component, row);
            }
        }
        throw new IllegalArgumentException("no node id in " + row);
    }

    private static Object value(RecordComponent component, Object row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row, e);
        }
    }
}
