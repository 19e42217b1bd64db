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

    /** A reader whose run results are scanned as bytes first ({@code byteScan}, decision 0028) or walked by Jackson. */
    HistoryReader(boolean byteScan) {
        ArtifactStream stream = new ArtifactStream(StateDigest.MAPPER);
        this.runResults = new RunResultsReader(stream, byteScan);
        this.sources = new SourcesReader(stream);
    }

    /** One run_results file parsed ahead of the history read: its content, or why it could not be parsed. */
    record Parsed(RunResultsReader.Parsed content, RuntimeException failure) {}

    /**
     * Parses the run_results files of {@code files} in order, ahead of {@link #read} (while the state-digest pass
     * runs, decision 0018): the i-th element is that of the i-th results file, null for a sources file or a missing
     * file; parsing stops at the first file that fails, whose failure {@link #read} reports in file order.
     */
    List<Parsed> parse(ArtifactFiles files) {
        List<Parsed> parsed = new ArrayList<>();
        for (ResultsFile file : files.results()) {
            if (file.kind() == ResultsFile.Kind.SOURCES || file.path() == null || !Files.isRegularFile(file.path())) {
                parsed.add(null);
                continue;
            }
            try {
                parsed.add(new Parsed(runResults.parse(file), null));
            } catch (RuntimeException e) {
                parsed.add(new Parsed(null, e));
                break;
            }
        }
        return parsed;
    }

    /** The history rows of {@code files} of {@code run}, with the warnings reading them gave. */
    CatalogSnapshot read(ArtifactFiles files, RunRef run, HistoryIndex index) {
        return read(files, run, index, List.of());
    }

    /**
     * The history rows of {@code files} of {@code run}, with the warnings reading them gave; the run_results files
     * {@code parsed} holds ({@link #parse}) are not parsed again.
     */
    CatalogSnapshot read(ArtifactFiles files, RunRef run, HistoryIndex index, List<Parsed> parsed) {
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
        for (int i = 0; i < files.results().size(); i++) {
            ResultsFile file = files.results().get(i);
            Parsed ahead = i < parsed.size() ? parsed.get(i) : null;
            contents.add(content(
                    file,
                    ahead,
                    manifest,
                    run,
                    file.step() == null ? invocation : invocation + ":step-" + file.step()));
        }
        HistoryRows history = new HistoryRows(manifest, files, warning -> {
                    log.warn("{}", warning);
                    warnings.add(warning);
                })
                .addAll(contents::get);
        SnapshotInfo info = index.manifestMetadata().toInfo(history.commands());
        return CatalogSnapshot.historyOnly(
                run,
                info,
                history.tests(),
                history.runs(),
                history.freshness(),
                warnings,
                CatalogDepth.EMPTY.withRelationStats(stats(index)));
    }

    private SideArtifacts.ResultsContent content(
            ResultsFile file, Parsed ahead, ManifestContent manifest, RunRef run, String fallbackInvocation) {
        if (ahead != null && ahead.failure() != null) {
            throw ahead.failure();
        }
        if (ahead != null) {
            return new SideArtifacts.ResultsContent(
                    file,
                    RunResultsReader.route(ahead.content(), file, manifest::isTest, fallbackInvocation, run.dbtRunId()),
                    null);
        }
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
