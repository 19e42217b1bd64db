package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Download folders are private, hold only plain file names, and leftovers of killed runs go away. */
class WorkFoldersTests {

    @TempDir
    Path dir;

    @Test
    void sourceAndRunFoldersArePrivateToTheOwner() throws Exception {
        // given
        Path workDir = dir.resolve("work/cloud");
        WorkFolders folders = new WorkFolders(workDir);

        // when
        Path run = folders.create(9000204);

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run)))
                .isEqualTo("rwx------");
        assertThat(run.getParent()).isEqualTo(workDir);
        assertThat(run.getFileName().toString()).startsWith("run-9000204-");
    }

    @Test
    void aWorkDirCreatedWithWiderPermissionsIsMadePrivate() throws Exception {
        // given
        Path workDir = Files.createDirectories(dir.resolve("cloud"));
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        // when
        new WorkFolders(workDir).create(1);

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir)))
                .isEqualTo("rwx------");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../manifest.json",
                "../../etc/passwd",
                "/etc/passwd",
                "a/b.json",
                "..",
                ".",
                "",
                "sub\\..\\x.json",
                "manifest.json\0.txt"
            })
    void namesThatAreNotPlainFileNamesAreRefused(String name) {
        assertThatThrownBy(() -> WorkFolders.fileIn(dir, name))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("not a plain file name inside the download folder");
    }

    @Test
    void plainNamesStayInsideTheFolder() {
        assertThat(WorkFolders.fileIn(dir, "manifest.json")).isEqualTo(dir.resolve("manifest.json"));
        assertThat(WorkFolders.fileIn(dir, "..manifest.json").getParent()).isEqualTo(dir);
    }

    @Test
    void runIdsThatAreNotNumbersNeverBecomePaths() {
        assertThatThrownBy(() -> RunIds.parse("../../etc", "cloud"))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("is not a dbt Cloud run id");
        assertThatThrownBy(() -> RunIds.parse("-1", "cloud")).isInstanceOf(DbtCloudException.class);
    }

    @Test
    void foldersLeftBehindByAKilledRunAreRemovedAfterADay() throws Exception {
        // given: a leftover from two days ago and one from a download that may still be going on
        Path workDir = Files.createDirectories(dir.resolve("cloud"));
        Path old = Files.createDirectories(workDir.resolve("run-1-123"));
        Files.writeString(old.resolve("manifest.json"), "{}");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(WorkFolders.LEFTOVER_AGE.multipliedBy(2))));
        Path recent = Files.createDirectories(workDir.resolve("run-2-456"));

        // when
        new WorkFolders(workDir).create(3);

        // then
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void runsDownloadingAtOnceNeverFailOnAFolderAnotherRunDeletesMeanwhile() throws Exception {
        // given: several runs of one source creating and deleting their folders at the same time (webhook ingestions)
        WorkFolders folders = new WorkFolders(dir.resolve("cloud"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                long first = thread * 1_000L;
                runs.add(pool.submit(() -> {
                    for (long run = first; run < first + 400; run++) {
                        folders.delete(folders.create(run));
                    }
                }));
            }
            // when / then: no run fails on a leftover check of a folder that vanished under it
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(dir.resolve("cloud"))) {
            assertThat(left).isEmpty();
        }
    }
}
