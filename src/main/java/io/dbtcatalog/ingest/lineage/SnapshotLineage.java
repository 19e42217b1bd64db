package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's column-lineage step: builds the engine's input from a normalized snapshot (each model's compiled
 * code, the adapter type as the dialect, the relations of models, seeds, snapshots and sources, their warehouse
 * columns from {@code catalog.json} and their declared columns, the node-level DAG) and turns the result into the
 * snapshot's {@link ColumnLineage}. The catalog's stored lineage is the engine's {@code previous} result, so a model
 * whose input fingerprint did not change is reused, not analysed again.
 */
public final class SnapshotLineage {

    private static final Set<ResourceType> RELATIONS =
            Set.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.SOURCE);
    private static final Pattern POSITION = Pattern.compile("^line (\\d+), column (\\d+): ");

    private final ColumnLineageEngine engine;

    public SnapshotLineage(ColumnLineageEngine engine) {
        this.engine = engine;
    }

    /** The column lineage of the snapshot's models, reusing {@code stored} (the catalog's) where nothing changed. */
    public ColumnLineage derive(CatalogSnapshot snapshot, ColumnLineage stored) {
        LineageResult result = engine.analyse(input(snapshot), previous(stored));
        List<ColumnLineageCoverage> coverage = new ArrayList<>();
        List<ColumnLineageEdge> edges = new ArrayList<>();
        for (ModelLineage model : result.models()) {
            coverage.add(coverage(model));
            for (ColumnEdge edge : model.edges()) {
                edges.add(new ColumnLineageEdge(
                        NodeId.of(edge.childId()),
                        edge.childColumn(),
                        NodeId.of(edge.parentId()),
                        edge.parentColumn(),
                        flow(edge.kind())));
            }
        }
        return new ColumnLineage(coverage, edges, result.analysed(), result.reused());
    }

    /** The engine's input for a snapshot. */
    static LineageInput input(CatalogSnapshot snapshot) {
        Dialect dialect = Dialect.fromAdapterType(snapshot.info().adapterType());
        Map<String, List<String>> dependsOn = new HashMap<>();
        for (LineageEdge edge : snapshot.edges()) {
            dependsOn
                    .computeIfAbsent(edge.child().value(), id -> new ArrayList<>())
                    .add(edge.parent().value());
        }
        Map<String, RelationName> relations = new HashMap<>();
        List<LineageModel> models = new ArrayList<>();
        for (CatalogNode node : snapshot.nodes()) {
            if (!RELATIONS.contains(node.resourceType())) {
                continue;
            }
            String id = node.id().value();
            String identifier = node.identifier() != null ? node.identifier() : node.name();
            RelationName relation =
                    identifier == null ? null : new RelationName(node.database(), node.schema(), identifier);
            if (relation != null) {
                relations.put(id, relation);
            }
            if (node.resourceType().equals(ResourceType.MODEL) && node.name() != null) {
                models.add(new LineageModel(
                        id,
                        node.name(),
                        relation,
                        node.materialization(),
                        node.language(),
                        dependsOn.getOrDefault(id, List.of()),
                        node.compiledCodeText()));
            }
        }
        return new LineageInput(
                dialect,
                models,
                RelationResolver.index(dialect, relations),
                SchemaProvider.of(observed(snapshot.columns()), declared(snapshot.columns())));
    }

    private static Map<String, List<String>> observed(List<CatalogColumn> columns) {
        Map<String, List<CatalogColumn>> byNode = new LinkedHashMap<>();
        for (CatalogColumn column : columns) {
            if (column.inWarehouse()) {
                byNode.computeIfAbsent(column.nodeId().value(), id -> new ArrayList<>())
                        .add(column);
            }
        }
        Map<String, List<String>> names = new HashMap<>();
        byNode.forEach((id, list) -> names.put(
                id,
                list.stream()
                        .sorted(Comparator.comparing(
                                CatalogColumn::ordinal, Comparator.nullsLast(Comparator.naturalOrder())))
                        .map(CatalogColumn::name)
                        .toList()));
        return names;
    }

    private static Map<String, List<String>> declared(List<CatalogColumn> columns) {
        Map<String, List<String>> names = new HashMap<>();
        for (CatalogColumn column : columns) {
            if (column.documented()) {
                names.computeIfAbsent(column.nodeId().value(), id -> new ArrayList<>())
                        .add(column.name());
            }
        }
        return names;
    }

    /** The stored lineage as the engine's previous results; a row the engine cannot read back is not reused. */
    static Map<String, ModelLineage> previous(ColumnLineage stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, List<ColumnEdge>> edges = new HashMap<>();
        for (ColumnLineageEdge edge : stored.edges()) {
            FlowKind kind = kind(edge.flow());
            if (kind != null) {
                edges.computeIfAbsent(edge.child().value(), id -> new ArrayList<>())
                        .add(new ColumnEdge(
                                edge.child().value(),
                                edge.childColumn(),
                                edge.parent().value(),
                                edge.parentColumn(),
                                kind));
            }
        }
        Map<String, ModelLineage> previous = new HashMap<>();
        for (ColumnLineageCoverage row : stored.coverage()) {
            Coverage coverage = coverage(row);
            if (coverage != null) {
                String id = row.model().value();
                previous.put(
                        id,
                        new ModelLineage(
                                id,
                                row.fingerprint(),
                                coverage,
                                row.outputColumns(),
                                edges.getOrDefault(id, List.of())));
            }
        }
        return previous;
    }

    private static ColumnLineageCoverage coverage(ModelLineage model) {
        List<ColumnLineageCoverage.Reason> reasons = new ArrayList<>();
        Integer line = null;
        Integer column = null;
        for (Coverage.Reason reason : model.coverage().reasons()) {
            reasons.add(new ColumnLineageCoverage.Reason(word(reason.kind().name()), reason.detail()));
            Matcher position = POSITION.matcher(reason.detail());
            if (line == null && reason.kind() == Coverage.ReasonKind.PARSE_ERROR && position.find()) {
                line = Integer.valueOf(position.group(1));
                column = Integer.valueOf(position.group(2));
            }
        }
        return new ColumnLineageCoverage(
                NodeId.of(model.uniqueId()),
                word(model.coverage().level().name()),
                reasons,
                line,
                column,
                model.outputColumns(),
                model.fingerprint());
    }

    private static Coverage coverage(ColumnLineageCoverage row) {
        try {
            Coverage.Level level = Coverage.Level.valueOf(row.status().toUpperCase(Locale.ROOT));
            List<Coverage.Reason> reasons = new ArrayList<>();
            for (ColumnLineageCoverage.Reason reason : row.reasons()) {
                reasons.add(new Coverage.Reason(
                        Coverage.ReasonKind.valueOf(reason.kind().toUpperCase(Locale.ROOT)), reason.detail()));
            }
            return new Coverage(level, reasons);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How a flow kind is stored: its name in lower case ({@code direct}, {@code case_condition}…). */
    static String flow(FlowKind kind) {
        return word(kind.name());
    }

    private static FlowKind kind(String flow) {
        try {
            return FlowKind.valueOf(flow.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
