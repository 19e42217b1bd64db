package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RelationStat;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads only the history of a run whose state is unchanged ({@link StateDigest}, decision 0014): the results files
 * (run results of every step, source freshness) as the full read does, routed by the resource types the digest pass
 * kept, and the catalog's relation statistics the pass collected. The snapshot holds no state row: the store
 * publishes it history-only.
 */
final class HistoryReader {

    private static final Logger log = LoggerFactory.getLogger(HistoryReader.class);

    private final RunResultsReader runResults;
    private final SourcesReader sources;

    HistoryReader() {
        ArtifactStream stream = new ArtifactStream(StateDigest.MAPPER);
        this.runResults = new RunResultsReader(stream);
        this.sources = new SourcesReader(stream);
    }

    /** The history rows of {@code files} of {@code run}, with the warnings reading them gave. */
    CatalogSnapshot read(ArtifactFiles files, RunRef run, HistoryIndex index) {
        List<String> warnings = new ArrayList<>();
        ManifestContent manifest = new ManifestContent(
                index.manifestMetadata(),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                CatalogDepth.EMPTY,
                index.resourceTypes(),
                List.of());
        String invocation = index.manifestMetadata().invocationId() != null
                ? index.manifestMetadata().invocationId()
                : run.runKey();
        List<SideArtifacts.ResultsContent> contents = new ArrayList<>();
        for (ResultsFile file : files.results()) {
            contents.add(content(
                    file, manifest, run, file.step() == null ? invocation : invocation + ":step-" + file.step()));
        }
        HistoryRows history = new HistoryRows(manifest, files, warning -> {
                    log.warn("{}", warning);
                    warnings.add(warning);
                })
                .addAll(contents::get);
        SnapshotInfo info = index.manifestMetadata().toInfo(history.commands());
        return new CatalogSnapshot(
                run,
                info,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                history.tests(),
                history.runs(),
                history.freshness(),
                true,
                warnings,
                null,
                CatalogDepth.EMPTY.withRelationStats(stats(index)));
    }

    private SideArtifacts.ResultsContent content(
            ResultsFile file, ManifestContent manifest, RunRef run, String fallbackInvocation) {
        if (file.path() == null || !Files.isRegularFile(file.path())) {
            return null;
        }
        if (file.kind() == ResultsFile.Kind.SOURCES) {
            return new SideArtifacts.ResultsContent(file, null, sources.read(file, fallbackInvocation, run.dbtRunId()));
        }
        return new SideArtifacts.ResultsContent(
                file, runResults.read(file, manifest::isTest, fallbackInvocation, run.dbtRunId()), null);
    }

    /** The catalog's statistics of the manifest's nodes, in manifest order, as the full read builds them. */
    private static List<RelationStat> stats(HistoryIndex index) {
        if (index.catalogMetadata() == null || index.statsByTable().isEmpty()) {
            return List.of();
        }
        Map<String, CatalogEntries.Relation> relations = new HashMap<>();
        index.statsByTable().forEach((id, stats) -> relations.put(id, new CatalogEntries.Relation(null, null, stats)));
        CatalogContent catalog = new CatalogContent(index.catalogMetadata(), Map.of(), relations, 0, 0, List.of());
        List<NodeId> ids =
                index.resourceTypes().keySet().stream().map(NodeId::of).toList();
        return WarehouseDetails.statsOf(ids, catalog, index.manifestMetadata().invocationId());
    }
}
