package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.source.normalize.KeyMarkers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one complete {@link CatalogSnapshot} from every page of every applied connection: nodes (and, as nodes of
 * their own, the other projects' models they ref: {@code ExternalModelNode} parents), catalog columns, lineage edges
 * between nodes of the snapshot, test definitions, the latest run and test results and the latest
 * source freshness. Only called once every connection passed its {@code totalCount} check.
 */
final class SnapshotAssembler {

    private static final Logger log = LoggerFactory.getLogger(SnapshotAssembler.class);

    private final List<CatalogNode> nodes = new ArrayList<>();
    private final Map<String, CatalogNode> externalModels = new LinkedHashMap<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<CatalogColumn> columns = new ArrayList<>();
    private final Set<LineageEdge> candidateEdges = new LinkedHashSet<>();
    private final List<TestDefinition> tests = new ArrayList<>();
    private final List<TestResult> testResults = new ArrayList<>();
    private final List<RunResult> runResults = new ArrayList<>();
    private final List<SourceFreshness> freshness = new ArrayList<>();
    private final List<Exposure> exposures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int duplicates;
    private int unkeyed;

    static CatalogSnapshot assemble(
            RunRef run, EnvironmentState state, Map<DiscoveryQuery, List<Wire.AppliedNode>> connections) {
        SnapshotAssembler assembler = new SnapshotAssembler();
        connections.forEach((query, list) -> list.forEach(node -> assembler.add(query, node)));
        return assembler.finish(run, state);
    }

    private void add(DiscoveryQuery query, Wire.AppliedNode node) {
        if (!ids.add(node.uniqueId())) {
            duplicates++;
            return;
        }
        nodes.add(NodeMapper.node(node));
        columns.addAll(NodeMapper.columns(node));
        candidateEdges.addAll(NodeMapper.parentEdges(node));
        NodeMapper.externalParents(node)
                .forEach(parent -> externalModels.putIfAbsent(parent.uniqueId(), NodeMapper.externalModel(parent)));
        if (query == DiscoveryQuery.TESTS) {
            tests.add(TestMapper.definition(node));
        } else if (query == DiscoveryQuery.EXPOSURES) {
            exposures.add(NodeMapper.exposure(node));
        }
        addExecution(query, node);
        if (query == DiscoveryQuery.SOURCES) {
            addFreshness(node);
        }
    }

    private void addExecution(DiscoveryQuery query, Wire.AppliedNode node) {
        Wire.Execution execution = node.executionInfo();
        if (ResultMapper.executed(execution)) {
            if (query == DiscoveryQuery.TESTS) {
                testResults.add(ResultMapper.testResult(node));
            } else {
                runResults.add(ResultMapper.runResult(node));
            }
        } else if (execution != null && nonBlank(execution.lastRunStatus()) != null) {
            unkeyed++;
        }
    }

    private void addFreshness(Wire.AppliedNode node) {
        if (ResultMapper.checked(node.freshness())) {
            freshness.add(ResultMapper.freshness(node));
        } else if (node.freshness() != null
                && Boolean.TRUE.equals(node.freshness().freshnessChecked())) {
            unkeyed++;
        }
    }

    private CatalogSnapshot finish(RunRef run, EnvironmentState state) {
        externalModels.forEach((id, node) -> {
            if (ids.add(id)) {
                nodes.add(node);
            }
        });
        List<LineageEdge> edges = new ArrayList<>();
        for (LineageEdge edge : candidateEdges) {
            if (ids.contains(edge.parent().value()) && ids.contains(edge.child().value())) {
                edges.add(edge);
            }
        }
        if (edges.size() < candidateEdges.size()) {
            warnings.add((candidateEdges.size() - edges.size()) + " lineage edge(s) point to resources the Discovery"
                    + " API does not list as applied nodes (metrics, semantic models…); dropped");
        }
        if (unkeyed > 0) {
            warnings.add(unkeyed + " latest result(s) or freshness check(s) name no dbt Cloud run id (or no status)"
                    + " and cannot be keyed; skipped");
        }
        if (duplicates > 0) {
            warnings.add(duplicates + " node id(s) were answered by more than one resource list; the first kept");
        }
        warnings.forEach(warning -> log.warn("{}: {}", run.sourceName(), warning));
        return new CatalogSnapshot(
                run,
                info(state),
                nodes,
                KeyMarkers.withTestMarkers(columns, tests),
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                true,
                warnings,
                null,
                new CatalogDepth(exposures, List.of(), List.of(), List.of(), List.of()));
    }

    /** What the environment's state says about the dbt project behind it. */
    static SnapshotInfo info(EnvironmentState state) {
        return new SnapshotInfo(
                state.projectName(),
                projectId(state.projectName()),
                null,
                state.adapterType(),
                null,
                null,
                state.lastUpdatedAt(),
                null);
    }

    /** dbt's {@code project_id} is the MD5 of the project name, so both sources report the same id. */
    static String projectId(String projectName) {
        if (projectName == null) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(projectName.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
