package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeDetails;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps one applied-state node of the Discovery API to the normalized node, its catalog columns and its parent
 * edges, with the same value rules as the artifact path (see {@code docs-drafts/discovery-vs-artifacts.md} for the
 * fields the API does not serve). The only place the Discovery API's node field names appear. Pure static functions.
 */
final class NodeMapper {

    private NodeMapper() {}

    static CatalogNode node(Wire.AppliedNode node) {
        JsonNode config = config(node);
        return new CatalogNode(
                NodeId.of(node.uniqueId()),
                ResourceType.of(node.resourceType() != null ? node.resourceType() : prefix(node.uniqueId())),
                node.packageName() != null ? node.packageName() : packageOf(node.uniqueId()),
                nonBlank(node.name()),
                nonBlank(node.database()),
                nonBlank(node.schema()),
                first(node.alias(), node.identifier()),
                null,
                first(node.materializedType(), nonBlank(config.path("materialized"))),
                nonBlank(node.language()),
                nonBlank(node.description()),
                owner(node, config),
                node.tags().isEmpty() ? JsonValues.strings(config.path("tags")) : node.tags(),
                JsonValues.mergedObjectJson(node.meta(), config.path("meta")),
                first(node.access(), nonBlank(config.path("access"))),
                first(node.group(), nonBlank(config.path("group"))),
                nonBlank(node.version()),
                contractEnforced(node, config),
                nonBlank(node.filePath()),
                nonBlank(node.rawCode()),
                nonBlank(node.compiledCode()),
                null,
                details(node));
    }

    /**
     * The relation's type and owner from the node's catalog, the model's governance, and its config (served for
     * models and snapshots; the API's config is the resolved one, as in the manifest).
     */
    static NodeDetails details(Wire.AppliedNode node) {
        Wire.Catalog catalog = node.catalog();
        JsonNode config = JsonValues.object(node.config());
        return new NodeDetails(
                catalog == null ? null : nonBlank(catalog.type()),
                catalog == null ? null : nonBlank(catalog.owner()),
                nonBlank(node.latestVersion()),
                Timestamps.parse(nonBlank(node.deprecationDate())),
                config == null ? null : config.toString());
    }

    /** The details of an exposure node. */
    static Exposure exposure(Wire.AppliedNode node) {
        return new Exposure(
                NodeId.of(node.uniqueId()),
                nonBlank(node.exposureType()),
                nonBlank(node.maturity()),
                nonBlank(node.url()),
                nonBlank(node.label()),
                nonBlank(node.ownerName()),
                nonBlank(node.ownerEmail()));
    }

    /**
     * The node's catalog columns in warehouse order. The API serves no documented-only column; a column counts as
     * documented when dbt gave it a description, tags or meta.
     */
    static List<CatalogColumn> columns(Wire.AppliedNode node) {
        if (node.catalog() == null || node.catalog().columns() == null) {
            return List.of();
        }
        List<Wire.Column> observed = new ArrayList<>(node.catalog().columns());
        observed.removeIf(column -> column == null || nonBlank(column.name()) == null);
        observed.sort(Comparator.comparing(Wire.Column::index, Comparator.nullsLast(Comparator.naturalOrder())));
        NodeId id = NodeId.of(node.uniqueId());
        List<CatalogColumn> columns = new ArrayList<>();
        for (Wire.Column column : observed) {
            String description = nonBlank(column.description());
            List<String> tags = column.tags() == null ? List.of() : column.tags();
            String meta = JsonValues.objectJson(column.meta());
            boolean documented = description != null || !tags.isEmpty() || !"{}".equals(meta);
            columns.add(new CatalogColumn(
                    id,
                    column.name(),
                    nonBlank(column.type()),
                    column.index(),
                    description != null ? description : nonBlank(column.comment()),
                    tags,
                    meta,
                    documented,
                    true));
        }
        return columns;
    }

    /** Edges from each non-macro parent to the node, in the API's order. */
    static List<LineageEdge> parentEdges(Wire.AppliedNode node) {
        List<LineageEdge> edges = new ArrayList<>();
        for (String parent : parentIds(node)) {
            edges.add(new LineageEdge(NodeId.of(parent), NodeId.of(node.uniqueId())));
        }
        return edges;
    }

    /**
     * Another dbt project's model a node refs (an {@code ExternalModelNode} parent), as the artifact path stores the
     * external node of a downstream manifest: a model of the upstream project's package, with no file in this
     * project (so the catalog's {@code catalog_external_node} view links it to the upstream project, when that one
     * is in the catalog too). The API serves no access, materialization or code for it.
     */
    static CatalogNode externalModel(Wire.Parent parent) {
        return new CatalogNode(
                NodeId.of(parent.uniqueId()),
                ResourceType.of("model"),
                first(parent.packageName(), first(parent.dbtProjectName(), packageOf(parent.uniqueId()))),
                nonBlank(parent.name()),
                nonBlank(parent.database()),
                nonBlank(parent.schema()),
                nonBlank(parent.identifier()),
                nonBlank(parent.relationName()),
                null,
                null,
                nonBlank(parent.description()),
                null,
                List.of(),
                "{}",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The node's {@code ExternalModelNode} parents. */
    static List<Wire.Parent> externalParents(Wire.AppliedNode node) {
        return node.parents().stream()
                .filter(p -> p != null && p.external() && nonBlank(p.uniqueId()) != null)
                .toList();
    }

    static List<String> parentIds(Wire.AppliedNode node) {
        List<String> ids = new ArrayList<>();
        for (Wire.Parent parent : node.parents()) {
            String id = parent == null ? null : nonBlank(parent.uniqueId());
            if (id != null && !id.startsWith("macro.") && !"macro".equalsIgnoreCase(parent.resourceType())) {
                ids.add(id);
            }
        }
        return ids;
    }

    static JsonNode config(Wire.AppliedNode node) {
        return JsonValues.object(node.config()) != null ? node.config() : MissingNode.getInstance();
    }

    /** dbt unique ids read {@code <resource_type>.<package>.<…>}. */
    static String packageOf(String uniqueId) {
        String[] parts = uniqueId.split("\\.");
        return parts.length > 2 ? nonBlank(parts[1]) : null;
    }

    private static String prefix(String uniqueId) {
        int dot = uniqueId.indexOf('.');
        return dot > 0 ? uniqueId.substring(0, dot) : uniqueId;
    }

    /** An exposure's owner name or email; for other nodes the {@code owner} key of their meta. */
    private static String owner(Wire.AppliedNode node, JsonNode config) {
        String declared = first(node.ownerName(), node.ownerEmail());
        if (declared != null) {
            return declared;
        }
        JsonNode meta = node.meta() == null ? MissingNode.getInstance() : node.meta();
        return first(nonBlank(meta.path("owner")), nonBlank(config.path("meta").path("owner")));
    }

    private static Boolean contractEnforced(Wire.AppliedNode node, JsonNode config) {
        Boolean configured = JsonValues.bool(config.path("contract").path("enforced"));
        return configured != null ? configured : node.contractEnforced();
    }

    static String first(String preferred, String fallback) {
        String value = nonBlank(preferred);
        return value != null ? value : nonBlank(fallback);
    }
}
