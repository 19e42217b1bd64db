package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RelationStat;
import io.dbtcatalog.ingest.model.ResultOrigin;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds what {@code catalog.json} says about each relation to a manifest's nodes: the relation type and the warehouse
 * owner on the node, and the included statistics as history rows of the catalog's invocation (the manifest's when
 * the catalog names none), stamped with the catalog's generation time and the {@code docs generate} command.
 */
final class WarehouseDetails {

    static final String COMMAND = "docs generate";

    private WarehouseDetails() {}

    /** The nodes with their relation's type and owner (nodes the catalog does not describe are returned as they are). */
    static List<CatalogNode> nodes(List<CatalogNode> nodes, CatalogContent catalog) {
        if (catalog == null || catalog.relationsByNode().isEmpty()) {
            return nodes;
        }
        Map<String, CatalogEntries.Relation> relations = catalog.relationsByNode();
        List<CatalogNode> described = new ArrayList<>(nodes.size());
        for (CatalogNode node : nodes) {
            CatalogEntries.Relation relation = relations.get(node.id().value());
            described.add(
                    relation == null
                            ? node
                            : node.withDetails(node.details().withWarehouse(relation.type(), relation.owner())));
        }
        return described;
    }

    /** The included statistics of every described node, or none when no invocation id is known. */
    static List<RelationStat> stats(List<CatalogNode> nodes, CatalogContent catalog, String manifestInvocation) {
        return statsOf(nodes.stream().map(CatalogNode::id).toList(), catalog, manifestInvocation);
    }

    /** The included statistics of the nodes {@code ids} names, in that order (see {@link #stats}). */
    static List<RelationStat> statsOf(List<NodeId> ids, CatalogContent catalog, String manifestInvocation) {
        if (catalog == null || catalog.relationsByNode().isEmpty()) {
            return List.of();
        }
        String invocation =
                catalog.metadata().invocationId() != null ? catalog.metadata().invocationId() : manifestInvocation;
        if (invocation == null) {
            return List.of();
        }
        ResultOrigin origin = new ResultOrigin(catalog.metadata().generatedAt(), null, COMMAND);
        List<RelationStat> stats = new ArrayList<>();
        for (NodeId id : ids) {
            CatalogEntries.Relation relation = catalog.relationsByNode().get(id.value());
            if (relation != null) {
                for (CatalogEntries.Stat stat : relation.stats()) {
                    stats.add(stat(id, invocation, stat, origin));
                }
            }
        }
        return stats;
    }

    private static RelationStat stat(NodeId node, String invocation, CatalogEntries.Stat stat, ResultOrigin origin) {
        return new RelationStat(
                node,
                invocation,
                stat.id(),
                JsonValues.nonBlank(stat.label()),
                JsonValues.text(stat.value()),
                JsonValues.nonBlank(stat.description()),
                origin);
    }
}
