package io.dbtcatalog.ingest.source.normalize;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.ColumnMarkers;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The rules that tell which column is unique, not null or the primary key, shared by every source: from a model
 * contract's constraints (column-level, and model-level ones that name the column) and from the {@code unique} and
 * {@code not_null} tests attached to a column. A column is the primary key when a {@code primary_key} constraint
 * names it, or, on a model without such a constraint, when it is the one column both unique and not null.
 */
public final class KeyMarkers {

    private static final int UNIQUE = 1;
    private static final int NOT_NULL = 2;

    private KeyMarkers() {}

    /**
     * The constraints that apply to column {@code column}: its own ({@code columnConstraints}) and those of the
     * model ({@code modelConstraints}, each with a {@code columns} list) that name it; with the markers they imply.
     */
    public static ColumnMarkers ofConstraints(JsonNode columnConstraints, JsonNode modelConstraints, String column) {
        ArrayNode applying = JsonNodeFactory.instance.arrayNode();
        boolean unique = false;
        boolean notNull = false;
        boolean primaryKey = false;
        for (JsonNode constraint : columnConstraints.values()) {
            applying.add(constraint);
        }
        for (JsonNode constraint : modelConstraints.values()) {
            if (names(constraint, column)) {
                applying.add(constraint);
            }
        }
        for (JsonNode constraint : applying.values()) {
            String type = JsonValues.nonBlank(constraint.path("type"));
            boolean alone = constraint.path("columns").size() <= 1;
            if ("primary_key".equalsIgnoreCase(type)) {
                primaryKey = true;
                notNull = true;
                unique = unique || alone;
            } else if ("unique".equalsIgnoreCase(type)) {
                unique = unique || alone;
            } else if ("not_null".equalsIgnoreCase(type)) {
                notNull = true;
            }
        }
        return ColumnMarkers.of(applying.isEmpty() ? "[]" : applying.toString(), unique, notNull, primaryKey);
    }

    private static boolean names(JsonNode constraint, String column) {
        for (JsonNode named : constraint.path("columns").values()) {
            String text = JsonValues.nonBlank(named);
            if (text != null && text.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The columns with the markers of the {@code unique} and {@code not_null} tests attached to them (names matched
     * case-insensitively), and the primary key inferred on models whose constraints name none.
     */
    public static List<CatalogColumn> withTestMarkers(List<CatalogColumn> columns, List<TestDefinition> tests) {
        Map<NodeId, Map<String, Integer>> tested = testedColumns(tests);
        Map<NodeId, Integer> keyCandidates = new HashMap<>();
        Set<NodeId> declaredKey = new HashSet<>();
        List<CatalogColumn> marked = new ArrayList<>(columns.size());
        NodeId node = null;
        Map<String, Integer> nodeTests = null;
        for (CatalogColumn column : columns) {
            if (!column.nodeId().equals(node)) { // a node's columns come one after another: one lookup per node
                node = column.nodeId();
                nodeTests = tested.get(node);
            }
            int flags =
                    nodeTests == null ? 0 : nodeTests.getOrDefault(column.name().toLowerCase(Locale.ROOT), 0);
            CatalogColumn withTests = flags == 0
                    ? column
                    : column.withMarkers(column.markers().or((flags & UNIQUE) != 0, (flags & NOT_NULL) != 0, false));
            if (withTests.markers().primaryKey()) {
                declaredKey.add(column.nodeId());
            }
            if (withTests.markers().unique() && withTests.markers().notNull()) {
                keyCandidates.merge(column.nodeId(), 1, Integer::sum);
            }
            marked.add(withTests);
        }
        return marked.stream()
                .map(column -> inferKey(column, keyCandidates, declaredKey))
                .toList();
    }

    /** Per node, the lower-cased names of its columns a {@code unique} or {@code not_null} test is attached to. */
    private static Map<NodeId, Map<String, Integer>> testedColumns(List<TestDefinition> tests) {
        Map<NodeId, Map<String, Integer>> tested = new HashMap<>();
        for (TestDefinition test : tests) {
            if (test.attachedNode() == null || test.columnName() == null) {
                continue;
            }
            int flag = "unique".equals(test.testName()) ? UNIQUE : "not_null".equals(test.testName()) ? NOT_NULL : 0;
            if (flag != 0) {
                tested.computeIfAbsent(test.attachedNode(), attached -> new HashMap<>())
                        .merge(test.columnName().toLowerCase(Locale.ROOT), flag, (a, b) -> a | b);
            }
        }
        return tested;
    }

    private static CatalogColumn inferKey(CatalogColumn column, Map<NodeId, Integer> candidates, Set<NodeId> declared) {
        ColumnMarkers markers = column.markers();
        boolean onlyCandidate = markers.unique()
                && markers.notNull()
                && !markers.primaryKey()
                && !declared.contains(column.nodeId())
                && candidates.getOrDefault(column.nodeId(), 0) == 1;
        return onlyCandidate ? column.withMarkers(markers.or(false, false, true)) : column;
    }
}
