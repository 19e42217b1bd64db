package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.decimal;
import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResultOrigin;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a {@code sources.json} (source freshness, v1–v3) one result at a time into {@link SourceFreshness}
 * rows, status kept verbatim, each with the file's {@code generated_at} and step as its {@link ResultOrigin}; results
 * without id or status are counted, not kept.
 */
final class SourcesReader {

    /**
     * The freshness rows of one file, its metadata, how many results lacked an id or status and which were left out
     * for their shape.
     */
    record Content(
            ArtifactMetadata metadata, List<SourceFreshness> freshness, int incomplete, List<SkippedEntry> skipped) {}

    /** The dbt command that writes {@code sources.json}, the command of every freshness row. */
    static final String COMMAND = "source freshness";

    private final ArtifactStream stream;

    SourcesReader(ArtifactStream stream) {
        this.stream = stream;
    }

    Content read(ResultsFile sources, String fallbackInvocation, Long dbtRunId) {
        Path file = sources.path();
        List<ResultEntries.Freshness> results = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.SOURCES, (section, parser) -> {
            if ("results".equals(section)) {
                stream.forEachElement(parser, section, ResultEntries.Freshness.class, results::add, skipped::add);
            } else {
                parser.skipChildren();
            }
        });
        String invocation = metadata.invocationId() != null ? metadata.invocationId() : fallbackInvocation;
        ResultOrigin origin = new ResultOrigin(metadata.generatedAt(), sources.step(), COMMAND);
        List<SourceFreshness> freshness = new ArrayList<>();
        int incomplete = 0;
        for (ResultEntries.Freshness result : results) {
            if (result.uniqueId() == null || result.uniqueId().isBlank() || result.status() == null) {
                incomplete++;
            } else {
                freshness.add(map(result, invocation, dbtRunId, origin));
            }
        }
        return new Content(metadata, freshness, incomplete, skipped);
    }

    private static SourceFreshness map(
            ResultEntries.Freshness result, String invocation, Long dbtRunId, ResultOrigin origin) {
        String error = nonBlank(result.error());
        return new SourceFreshness(
                NodeId.of(result.uniqueId()),
                invocation,
                result.status(),
                Timestamps.parse(result.maxLoadedAt()),
                Timestamps.parse(result.snapshottedAt()),
                decimal(result.ageSeconds()),
                JsonValues.object(result.criteria()) == null
                        ? null
                        : result.criteria().toString(),
                error != null ? error : nonBlank(result.message()),
                decimal(result.executionTime()),
                dbtRunId,
                origin);
    }
}
