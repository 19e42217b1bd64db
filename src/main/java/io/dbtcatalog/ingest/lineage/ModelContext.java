package io.dbtcatalog.ingest.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's state for one analysis: resolves relation names and dbt's ephemeral CTE names to nodes, and gives
 * a node's columns as the warehouse reported them, else as derived earlier in DAG order, else as declared.
 * {@link #of(LineageModel)} is the {@link AnalysisContext} of one model.
 */
final class ModelContext {

    private final LineageInput input;
    private final Map<String, String> ephemeralByName;
    private final Map<String, List<String>> derived = new HashMap<>();

    ModelContext(LineageInput input) {
        this.input = input;
        Map<String, String> ephemeral = new HashMap<>();
        for (LineageModel model : input.models()) {
            if (model.ephemeral()) {
                ephemeral.putIfAbsent(model.name().toLowerCase(Locale.ROOT), model.uniqueId());
                if (model.relation() != null) {
                    ephemeral.putIfAbsent(model.relation().identifier().toLowerCase(Locale.ROOT), model.uniqueId());
                }
            }
        }
        this.ephemeralByName = Map.copyOf(ephemeral);
    }

    Dialect dialect() {
        return input.dialect();
    }

    /** The context of one model: a relation shared by several nodes resolves to the one the model depends on. */
    AnalysisContext of(LineageModel model) {
        return new AnalysisContext() {
            @Override
            public Dialect dialect() {
                return input.dialect();
            }

            @Override
            public Optional<UpstreamRelation> relation(List<Identifier> name) {
                List<String> candidates = input.relations().resolve(name);
                if (candidates.size() > 1) {
                    candidates = candidates.stream()
                            .filter(model.dependsOn()::contains)
                            .toList();
                }
                return candidates.size() == 1 ? Optional.of(upstream(candidates.get(0))) : Optional.empty();
            }

            @Override
            public List<String> modelColumns() {
                return input.schemas().observed(model.uniqueId()).orElse(List.of());
            }

            @Override
            public Optional<UpstreamRelation> ephemeral(String cteName) {
                return ephemeralNode(cteName).map(ModelContext.this::upstream);
            }
        };
    }

    private Optional<String> ephemeralNode(String cteName) {
        String name = cteName.toLowerCase(Locale.ROOT);
        if (!name.startsWith(QueryAnalyzer.EPHEMERAL_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ephemeralByName.get(name.substring(QueryAnalyzer.EPHEMERAL_PREFIX.length())));
    }

    /** Remembers the output derived for a model, for the models after it. */
    void derived(String uniqueId, List<String> columns) {
        derived.put(uniqueId, List.copyOf(columns));
    }

    /** The columns of a node: observed by the warehouse, else derived here, else declared, else empty. */
    Optional<List<String>> columns(String uniqueId) {
        return input.schemas()
                .observed(uniqueId)
                .or(() -> Optional.ofNullable(derived.get(uniqueId)))
                .or(() -> input.schemas().declared(uniqueId));
    }

    /** The columns the model itself is known to have (naming its output): observed, else declared. */
    Optional<List<String>> ownColumns(String uniqueId) {
        return input.schemas().observed(uniqueId).or(() -> input.schemas().declared(uniqueId));
    }

    private UpstreamRelation upstream(String nodeId) {
        Optional<List<String>> columns = columns(nodeId);
        return new UpstreamRelation(nodeId, columns.orElse(List.of()), columns.isPresent());
    }
}
