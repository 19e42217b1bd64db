package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.Metric;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.SavedQuery;
import io.dbtcatalog.ingest.model.SemanticElement;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.source.artifact.TestDefinitionMapper.UnitTestTarget;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Streams a {@code manifest.json} (v4–v12) one resource entry at a time, skipping the sections the catalog does
 * not need ({@code macros}, {@code docs}, {@code disabled}, parent/child maps…). Edges and unit-test targets are
 * resolved only at the end, because sections may come in any order.
 */
final class ManifestReader {

    private final ArtifactStream stream;

    ManifestReader(ArtifactStream stream) {
        this.stream = stream;
    }

    /** Reads the file; repeated values are shared through {@code interner}. */
    ManifestContent read(Path file, Interner interner) {
        Accumulator accumulator = new Accumulator(interner);
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.MANIFEST, (section, parser) -> {
            if (ManifestEntryMapper.RESOURCE_SECTIONS.containsKey(section)) {
                stream.forEachEntry(parser, section, (key, entry) -> accumulator.add(section, key, entry));
            } else {
                parser.skipChildren();
            }
        });
        return accumulator.finish(metadata);
    }

    /** Collects the mapped entries of one manifest; holds no JSON tree beyond the entry being added. */
    private static final class Accumulator {
        private final List<CatalogNode> nodes = new ArrayList<>();
        private final Map<String, ResourceType> types = new LinkedHashMap<>();
        private final Map<NodeId, List<CatalogColumn>> columns = new LinkedHashMap<>();
        private final Map<String, NodeId> ids = new HashMap<>();
        private final Set<Candidate> candidateEdges = new LinkedHashSet<>();
        private final List<TestDefinition> dataTests = new ArrayList<>();
        private final List<UnitTestTarget> unitTests = new ArrayList<>();
        private final List<Exposure> exposures = new ArrayList<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<SemanticElement> semanticElements = new ArrayList<>();
        private final List<SavedQuery> savedQueries = new ArrayList<>();
        private final Map<String, List<ModelVersion>> models = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final Interner interner;
        private int duplicates;

        Accumulator(Interner interner) {
            this.interner = interner;
        }

        void add(String section, String key, JsonNode entry) {
            NodeId id = ManifestEntryMapper.id(key, entry);
            if (types.containsKey(id.value())) {
                duplicates++;
                return;
            }
            CatalogNode node = interner.node(ManifestEntryMapper.node(section, id, entry));
            nodes.add(node);
            types.put(id.value(), node.resourceType());
            ids.put(id.value(), id);
            List<CatalogColumn> documented = ManifestEntryMapper.documentedColumns(id, entry);
            if (!documented.isEmpty()) {
                // shared now, not after the merge: every model's columns are held until the catalog is read
                columns.put(id, documented.stream().map(interner::column).toList());
            }
            String columnsProblem = ManifestEntryMapper.columnsProblem(entry);
            if (columnsProblem != null) {
                warnings.add(id + ": " + columnsProblem + ", not an object of columns; the columns it cannot name"
                        + " are left out");
            }
            for (String parent : ManifestEntryMapper.parents(entry)) {
                candidateEdges.add(new Candidate(parent, id));
            }
            addTestOrModel(node, entry);
        }

        private void addTestOrModel(CatalogNode node, JsonNode entry) {
            ResourceType type = node.resourceType();
            if (type.equals(ResourceType.EXPOSURE)) {
                exposures.add(DepthMapper.exposure(node.id(), entry));
            } else if (type.equals(ResourceType.METRIC)) {
                metrics.add(DepthMapper.metric(node.id(), entry));
            } else if (type.equals(ResourceType.SEMANTIC_MODEL)) {
                semanticElements.addAll(DepthMapper.semanticElements(node.id(), entry));
            } else if (type.equals(ResourceType.SAVED_QUERY)) {
                savedQueries.add(DepthMapper.savedQuery(node.id(), entry));
            } else if (type.equals(ResourceType.TEST)) {
                dataTests.add(TestDefinitionMapper.dataTest(node.id(), entry));
            } else if (type.equals(ResourceType.UNIT_TEST)) {
                unitTests.add(TestDefinitionMapper.unitTestTarget(node.id(), entry));
            } else if (type.equals(ResourceType.MODEL) && node.name() != null) {
                models.computeIfAbsent(modelKey(node.packageName(), node.name()), k -> new ArrayList<>())
                        .add(new ModelVersion(
                                node.id(), node.version(), JsonValues.nonBlank(entry.path("latest_version"))));
            }
        }

        ManifestContent finish(ArtifactMetadata metadata) {
            List<LineageEdge> edges = new ArrayList<>();
            int dangling = 0;
            for (Candidate edge : candidateEdges) {
                NodeId parent = ids.get(edge.parent());
                if (parent != null && ids.containsKey(edge.child().value())) {
                    edges.add(new LineageEdge(parent, edge.child()));
                } else {
                    dangling++;
                }
            }
            if (dangling > 0) {
                warnings.add(dangling + " lineage edge(s) of the manifest point to resources outside the snapshot"
                        + " (disabled or missing); dropped");
            }
            if (duplicates > 0) {
                warnings.add(duplicates + " manifest entry id(s) appear in more than one section; the first kept");
            }
            List<TestDefinition> tests = new ArrayList<>(dataTests.size() + unitTests.size());
            dataTests.forEach(test -> tests.add(interner.test(test, canonical(test.attachedNode()))));
            unitTests.forEach(target -> tests.add(TestDefinitionMapper.unitTest(target, resolve(target))));
            ArtifactMetadata named = withProjectName(metadata);
            CatalogDepth depth = new CatalogDepth(exposures, metrics, semanticElements, savedQueries, List.of());
            return new ManifestContent(named, nodes, columns, edges, tests, depth, types, warnings);
        }

        /** The snapshot's own instance of {@code id}, so edges and tests share their nodes' ids. */
        private NodeId canonical(NodeId id) {
            return id == null ? null : ids.getOrDefault(id.value(), id);
        }

        /** The model a unit test names: same package and name; by version when the model is versioned. */
        private NodeId resolve(UnitTestTarget target) {
            if (target.model() == null) {
                return null;
            }
            List<ModelVersion> candidates = models.get(modelKey(target.packageName(), target.model()));
            if (candidates == null) {
                return null;
            }
            if (candidates.size() == 1) {
                return candidates.get(0).id();
            }
            String wanted = target.version() != null
                    ? target.version()
                    : candidates.get(0).latestVersion();
            return candidates.stream()
                    .filter(candidate -> Objects.equals(candidate.version(), wanted))
                    .map(ModelVersion::id)
                    .findFirst()
                    .orElse(null);
        }

        /** Older manifests omit {@code project_name}; dbt's {@code project_id} is the MD5 of the project name. */
        private ArtifactMetadata withProjectName(ArtifactMetadata metadata) {
            if (metadata.projectName() != null || metadata.projectId() == null) {
                return metadata;
            }
            Set<String> packages = new LinkedHashSet<>();
            nodes.forEach(node -> packages.add(node.packageName()));
            for (String candidate : packages) {
                if (candidate != null && metadata.projectId().equalsIgnoreCase(md5(candidate))) {
                    return new ArtifactMetadata(
                            metadata.dbtSchemaVersion(),
                            metadata.dbtVersion(),
                            metadata.generatedAt(),
                            metadata.invocationId(),
                            candidate,
                            metadata.projectId(),
                            metadata.adapterType());
                }
            }
            return metadata;
        }

        private static String modelKey(String packageName, String name) {
            return packageName + '\u0000' + name;
        }

        private static String md5(String text) {
            try {
                MessageDigest digest = MessageDigest.getInstance("MD5");
                return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is required of every Java platform", e);
            }
        }
    }

    private record ModelVersion(NodeId id, String version, String latestVersion) {}

    /** A lineage edge as the manifest names it, kept until every section is read: parent id, child node. */
    private record Candidate(String parent, NodeId child) {}
}
