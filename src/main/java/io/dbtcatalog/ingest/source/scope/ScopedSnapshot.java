package io.dbtcatalog.ingest.source.scope;

import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Cuts a snapshot down to a {@link Scope}: the nodes out of scope (and the tests attached to them) leave with their
 * columns, edges touching them, their test definitions, details and every history row naming them, so nothing of
 * theirs is written and nothing dangles. The snapshot stays complete: rows of out-of-scope nodes already in the
 * catalog are soft-deleted by the publish, under its mass-deletion guard.
 */
final class ScopedSnapshot {

    private ScopedSnapshot() {}

    static CatalogSnapshot of(Scope scope, CatalogSnapshot snapshot) {
        Set<NodeId> out = new HashSet<>();
        for (CatalogNode node : snapshot.nodes()) {
            if (!scope.holds(node)) {
                out.add(node.id());
            }
        }
        for (TestDefinition test : snapshot.tests()) {
            if (test.attachedNode() != null && out.contains(test.attachedNode())) {
                out.add(test.id());
            }
        }
        if (out.isEmpty()) {
            return snapshot;
        }
        Predicate<NodeId> in = id -> !out.contains(id);
        CatalogDepth depth = snapshot.depth();
        List<String> warnings = new ArrayList<>(snapshot.warnings());
        warnings.add("scope: " + out.size() + " of " + snapshot.nodes().size()
                + " resource(s) are outside the source's scope and left out of the catalog");
        return new CatalogSnapshot(
                snapshot.run(),
                snapshot.info(),
                keep(snapshot.nodes(), CatalogNode::id, in),
                keep(snapshot.columns(), c -> c.nodeId(), in),
                keep(snapshot.edges(), e -> e.parent(), in).stream()
                        .filter(e -> in.test(e.child()))
                        .toList(),
                keep(snapshot.tests(), TestDefinition::id, in),
                keep(snapshot.testResults(), r -> r.testId(), in),
                keep(snapshot.runResults(), r -> r.nodeId(), in),
                keep(snapshot.freshness(), f -> f.sourceId(), in),
                snapshot.complete(),
                warnings,
                snapshot.artifactDigest(),
                new CatalogDepth(
                        keep(depth.exposures(), e -> e.id(), in),
                        keep(depth.metrics(), m -> m.id(), in),
                        keep(depth.semanticElements(), s -> s.semanticModel(), in),
                        keep(depth.savedQueries(), q -> q.id(), in),
                        keep(depth.relationStats(), s -> s.nodeId(), in)));
    }

    private static <T> List<T> keep(List<T> rows, Function<T, NodeId> id, Predicate<NodeId> in) {
        return rows.stream().filter(row -> in.test(id.apply(row))).toList();
    }
}
