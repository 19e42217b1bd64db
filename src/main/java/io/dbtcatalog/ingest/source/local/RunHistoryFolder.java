package io.dbtcatalog.ingest.source.local;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code history-path} of a local source: a folder whose direct subfolders each hold the artifacts of one past
 * dbt invocation (a copy of {@code target/}, any folder names). Subfolders without a {@code manifest.json} are
 * skipped with a WARN. Runs are ordered by the manifest's {@code generated_at}, then by folder path.
 */
final class RunHistoryFolder {

    private static final Logger log = LoggerFactory.getLogger(RunHistoryFolder.class);

    private final Path root;

    RunHistoryFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every subfolder holding a manifest, sorted by name. */
    List<Path> runFolders() {
        if (!Files.isDirectory(root)) {
            throw new ArtifactException(root, "the history-path folder does not exist or is not a folder");
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> folders = new ArrayList<>();
            for (Path entry : entries.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(entry.resolve("manifest.json"))) {
                    folders.add(entry);
                } else {
                    log.warn("history folder {} holds no manifest.json; skipped", entry);
                }
            }
            return folders;
        } catch (IOException e) {
            throw new ArtifactException(root, "cannot list the history-path folder: " + e.getMessage());
        }
    }

    /**
     * The runs a backfill selector wants, oldest first: each run key once (the first folder holding it wins), a run
     * without {@code generated_at} only for {@link RunSelector.LastN}.
     */
    static List<RunRef> select(List<RunRef> runs, RunSelector selector) {
        Map<String, RunRef> byKey = new LinkedHashMap<>();
        runs.forEach(run -> byKey.putIfAbsent(run.runKey(), run));
        List<RunRef> ordered = byKey.values().stream()
                .sorted(Comparator.comparing(RunRef::finishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(RunRef::location))
                .toList();
        if (selector instanceof RunSelector.LastN last) {
            return ordered.subList(Math.max(0, ordered.size() - last.count()), ordered.size());
        }
        if (selector instanceof RunSelector.Window window) {
            return ordered.stream()
                    .filter(run -> inWindow(run.finishedAt(), window))
                    .toList();
        }
        throw new IllegalArgumentException("not a backfill selector: " + selector);
    }

    private static boolean inWindow(Instant at, RunSelector.Window window) {
        return at != null && !at.isBefore(window.since()) && (window.until() == null || at.isBefore(window.until()));
    }
}
