package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishPreview;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TargetFolder;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz loop over real artifacts of three reference sets: each manifest, catalog and run_results is cut off
 * at random positions and has single bytes flipped, and every damaged input goes through the snapshot reader (the
 * fetch of a run) and, when the reader accepts it, through a guarded publish. Every input must end in one of three
 * ways: a clear {@link ArtifactException} naming the file (and line and column for broken JSON), an accepted
 * snapshot that is published consistently (a preview afterwards finds nothing left to change), or a publish the
 * store refuses with a message naming the project while writing nothing. The catalog of the damaged project is
 * unchanged at the end and its next normal run succeeds. Prints a one-line summary of the outcomes.
 */
class ArtifactFuzzFaultTests {

    private static final long SEED = 20_260_801L;
    private static final List<String> SETS = List.of("parser-jaffle-dbt1.12", "bouncer-dbt1.6", "hubspot-dbt1.0");
    private static final List<String> FILES =
            List.of(ArtifactFiles.MANIFEST, ArtifactFiles.CATALOG, ArtifactFiles.RUN_RESULTS);
    /** Damaged inputs per file: this many truncations and as many byte flips. */
    private static final Map<String, Integer> PER_KIND =
            Map.of(ArtifactFiles.MANIFEST, 20, ArtifactFiles.CATALOG, 12, ArtifactFiles.RUN_RESULTS, 12);

    private static final PublishRules RULES = new PublishRules(0.5, false, true, Duration.ofSeconds(30));
    private static final Pattern POSITION = Pattern.compile(": line \\d+, column \\d+: ");
    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");

    /** How one damaged input ended. */
    enum Outcome {
        CLEAR_ERROR,
        INGESTED,
        REFUSED
    }

    @TempDir
    Path dir;

    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();
    private final Random random = new Random(SEED);
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> errorKinds = new java.util.TreeMap<>();
    private int inputs;
    private CatalogSnapshot lastAccepted;

    @Test
    void truncatedAndByteFlippedArtifactsFailClearlyOrIngestConsistently() throws Exception {
        try (TestDatabase db = Engine.H2.create()) {
            CatalogStore store = new CatalogStore(db.dataSource());
            for (String set : SETS) {
                fuzzSet(store, db, set);
            }
        }
        System.out.printf(
                "artifact fuzz (seed %d): %d inputs tried, %d clear errors %s, %d accepted as valid"
                        + " (%d ingested consistently, %d refused by the store), 0 partial writes%n",
                SEED,
                inputs,
                count(Outcome.CLEAR_ERROR),
                errorKinds,
                count(Outcome.INGESTED) + count(Outcome.REFUSED),
                count(Outcome.INGESTED),
                count(Outcome.REFUSED));
        assertThat(inputs)
                .isEqualTo(SETS.size()
                        * 2
                        * PER_KIND.values().stream().mapToInt(i -> i).sum());
        assertThat(count(Outcome.CLEAR_ERROR)).isPositive();
    }

    private void fuzzSet(CatalogStore store, TestDatabase db, String set) throws Exception {
        // given: the set's intact run published to the project, and a second project that takes accepted inputs
        TargetFolder folder = TargetFolder.copyOf(SharedReference.set(set), dir.resolve(set));
        ProjectRef project = ProjectRef.local(set);
        ProjectRef accepted = ProjectRef.local(set + "-accepted");
        CatalogSnapshot intact = reader.read(ArtifactFiles.inFolder(folder.path()), run(set, "intact"));
        store.publish(project, intact, NOW, RULES);
        store.publish(accepted, intact, NOW, RULES);
        lastAccepted = intact;
        List<Map<String, Object>> before = rowsOf(CatalogDump.of(db.dataSource()), project.projectKey());

        // when: every damaged input is read and, if accepted, published
        for (String name : FILES) {
            if (Files.isRegularFile(folder.file(name))) {
                byte[] original = folder.bytes(name);
                for (int i = 0; i < PER_KIND.get(name); i++) {
                    attempt(
                            store,
                            db,
                            folder,
                            name,
                            Arrays.copyOf(original, random.nextInt(original.length)),
                            accepted);
                    attempt(store, db, folder, name, flipped(original), accepted);
                }
                folder.write(name, original);
            }
        }

        // then: the project is as before, and its next normal run succeeds
        assertThat(rowsOf(CatalogDump.of(db.dataSource()), project.projectKey()))
                .isEqualTo(before);
        CatalogSnapshot next = reader.read(ArtifactFiles.inFolder(folder.path()), run(set, "next"));
        assertThat(store.publish(project, next, NOW, RULES).changedNothing()).isTrue();
    }

    private void attempt(
            CatalogStore store,
            TestDatabase db,
            TargetFolder folder,
            String name,
            byte[] damaged,
            ProjectRef accepted) {
        folder.write(name, damaged);
        inputs++;
        Path file = folder.file(name);
        CatalogSnapshot snapshot;
        try {
            snapshot = reader.read(ArtifactFiles.inFolder(folder.path()), run(accepted.projectKey(), "fuzz-" + inputs));
        } catch (ArtifactException e) {
            assertClear(e, folder.path());
            record(Outcome.CLEAR_ERROR);
            errorKinds.merge(kind(e.getMessage()), 1, Integer::sum);
            return;
        }
        record(publishConsistently(store, db, accepted, snapshot, file));
    }

    /** A clear error names a file of the run first and, for broken JSON, the line and column. */
    private static void assertClear(ArtifactException e, Path folder) {
        String message = e.getMessage();
        assertThat(message).as("error message").startsWith(folder.toString()).doesNotContain("\n");
        if (message.contains("invalid or unexpected JSON")) {
            assertThat(POSITION.matcher(message).find()).as(message).isTrue();
        }
    }

    /**
     * Publishes an accepted snapshot. Success must leave the catalog exactly as the snapshot says (a preview finds
     * nothing to change); a refusal must name the project and leave the catalog as the last accepted snapshot left
     * it, with no ledger row added.
     */
    private Outcome publishConsistently(
            CatalogStore store, TestDatabase db, ProjectRef project, CatalogSnapshot snapshot, Path damaged) {
        long ledgerRows = ledgerRows(db, project);
        try {
            store.publish(project, snapshot, NOW, RULES);
        } catch (StoreException e) {
            assertThat(e)
                    .as("refusal of the snapshot read from damaged %s", damaged)
                    .hasMessageContaining("project '" + project.projectKey() + "'");
            assertThat(store.preview(project, lastAccepted, RULES).changesNothing())
                    .as("catalog untouched by the refused publish of %s", damaged)
                    .isTrue();
            assertThat(ledgerRows(db, project)).isEqualTo(ledgerRows);
            return Outcome.REFUSED;
        }
        PublishPreview after = store.preview(project, snapshot, RULES);
        assertThat(after.changesNothing())
                .as("catalog consistent with the accepted %s", damaged)
                .isTrue();
        assertThat(after.alreadyIngested()).isTrue();
        lastAccepted = snapshot;
        return Outcome.INGESTED;
    }

    private static long ledgerRows(TestDatabase db, ProjectRef project) {
        return (Long) CatalogDump.query(
                        db.dataSource(),
                        "SELECT COUNT(*) AS n FROM ingestion_run WHERE project_key = ?",
                        project.projectKey())
                .get(0)
                .get("n");
    }

    private static String kind(String message) {
        if (message.contains("invalid or unexpected JSON")) {
            return "broken JSON at line/column";
        }
        return message.contains(": not a dbt ") ? "not the dbt artifact expected" : "wrong shape at line/column";
    }

    private byte[] flipped(byte[] original) {
        byte[] damaged = original.clone();
        int position = random.nextInt(damaged.length);
        if (random.nextBoolean()) {
            damaged[position] ^= (byte) (1 << random.nextInt(7));
        } else {
            damaged[position] = (byte) (damaged[position] + 1 + random.nextInt(255));
        }
        return damaged;
    }

    private static RunRef run(String source, String key) {
        return TestRuns.run(source, key, null, null, null, "fuzz");
    }

    private static List<Map<String, Object>> rowsOf(CatalogDump dump, String projectKey) {
        return dump.tables().values().stream()
                .flatMap(List::stream)
                .filter(row -> projectKey.equals(row.get("project_key")))
                .collect(Collectors.toList());
    }

    private void record(Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
