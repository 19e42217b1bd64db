package io.dbtcatalog.ingest.source.dbtcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private per-run download folders under the source's work directory: the source's directory and every run folder
 * are readable by the owner only (0700 on POSIX file systems), run folders get a random suffix and are deleted with
 * their content once the snapshot has been read. Folders a killed process left behind are removed after a day.
 * Files are only ever created under a run folder by plain names ({@link #fileIn}), never by paths from the API.
 */
final class WorkFolders {

    private static final Logger log = LoggerFactory.getLogger(WorkFolders.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** Run folders older than this are leftovers of a killed process, not of a download still going on. */
    static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private final Path workDir;

    WorkFolders(Path workDir) {
        this.workDir = workDir;
    }

    Path create(long runId) {
        try {
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Files.createDirectories(workDir);
            if (posix) {
                Files.setPosixFilePermissions(workDir, OWNER_ONLY);
            }
            removeLeftovers();
            String prefix = "run-" + runId + "-";
            return posix
                    ? Files.createTempDirectory(workDir, prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempDirectory(workDir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create a private download folder for run " + runId + " in work-dir " + workDir, e);
        }
    }

    /**
     * The file {@code name} directly inside {@code folder}; a name that is not a plain file name (a separator,
     * {@code ..}, an absolute path, a NUL) is refused, so nothing is ever written outside the folder.
     */
    static Path fileIn(Path folder, String name) {
        boolean plain = name != null
                && !name.isBlank()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
        Path file = plain ? folder.resolve(name).normalize() : null;
        if (file == null || !folder.normalize().equals(file.getParent())) {
            throw new DbtCloudException(
                    "refusing artifact name '" + name + "': not a plain file name inside the" + " download folder");
        }
        return file;
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

    private void removeLeftovers() throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(LEFTOVER_AGE));
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(workDir, "run-*")) {
            for (Path run : runs) {
                if (Files.isDirectory(run) && modified(run).compareTo(cutoff) < 0) {
                    log.info("removing download folder {} left behind by an earlier ingestion", run);
                    delete(run);
                }
            }
        }
    }

    /**
     * When {@code run} was last modified; now when it is gone: another run of the source (a webhook ingestion beside
     * a scheduled one) deleted its own folder between the listing and this look, and it is no leftover.
     */
    private static FileTime modified(Path run) throws IOException {
        try {
            return Files.getLastModifiedTime(run);
        } catch (NoSuchFileException e) {
            return FileTime.from(Instant.now());
        }
    }
}
