package io.dbtcatalog.ingest.source.dbtcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private per-run download folders under the source's work directory: created readable by the owner only (0700 on
 * POSIX file systems) with a random suffix, and deleted with their content once the snapshot has been read.
 */
final class WorkFolders {

    private static final Logger log = LoggerFactory.getLogger(WorkFolders.class);

    private final Path workDir;

    WorkFolders(Path workDir) {
        this.workDir = workDir;
    }

    Path create(long runId) {
        try {
            Files.createDirectories(workDir);
            String prefix = "run-" + runId + "-";
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory(workDir, prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(workDir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a download folder for run " + runId + " in work-dir "
                    + workDir, e);
        }
    }

    /** Deletes {@code folder} and its files; a failure is logged, never thrown over the fetch's own outcome. */
    void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete download folder {}: {}", folder, e.toString());
        }
    }
}
