package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.RunInput;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The artifact files of one run as a {@link RunInput}: fingerprinted by their {@link ArtifactDigest}, read by the
 * shared {@link ArtifactSnapshotReader}. The files' sizes and times are stamped when the input is opened, and
 * reading fails if any file was rewritten since (what was read could mix two dbt invocations).
 */
public final class ArtifactInput implements RunInput {

    private final ArtifactSnapshotReader reader;
    private final ArtifactFiles files;
    private final RunRef run;
    private final List<String> warnings;
    private final UnaryOperator<CatalogSnapshot> finish;
    private final Runnable release;
    private final ArtifactDigest.Stamp stamp;
    private String digest;
    private String state;
    private HistoryIndex history;
    private List<HistoryReader.Parsed> parsedResults = List.of();

    /**
     * An input over {@code files}; {@code warnings} are the fetch's own, {@code finish} adjusts the snapshot read
     * (its warnings), {@code release} runs on close (deleting a download folder).
     */
    public ArtifactInput(
            ArtifactSnapshotReader reader,
            ArtifactFiles files,
            RunRef run,
            List<String> warnings,
            UnaryOperator<CatalogSnapshot> finish,
            Runnable release) {
        this.reader = reader;
        this.files = files;
        this.run = run;
        this.warnings = List.copyOf(warnings);
        this.finish = finish;
        this.release = release;
        this.stamp = ArtifactDigest.Stamp.of(files);
    }

    /** An input over files that stay where they are, with no warnings of its own. */
    public ArtifactInput(ArtifactSnapshotReader reader, ArtifactFiles files, RunRef run) {
        this(reader, files, run, List.of(), snapshot -> snapshot, () -> {});
    }

    @Override
    public RunRef run() {
        return run;
    }

    /**
     * The digest of the files, computed once ({@code sha256:<hex>}) by the same token pass as the state digest; by
     * their bytes when that pass fails (the full read then names the problem). With four cores or more (decisions
     * 0018, 0030) the run_results files are parsed meanwhile, for a history-only read ({@link #readHistory}); with
     * fewer, that read parses them after the pass.
     */
    @Override
    public Optional<String> fingerprint() {
        if (digest == null) {
            if (!reader.parallel()) {
                remember(StateDigest.sequential(files, !reader.byteScan()));
            } else if (!reader.resultsAhead()) {
                remember(StateDigest.of(files, true, !reader.byteScan()));
            } else {
                HistoryReader ahead = new HistoryReader(reader.byteScan());
                try (ReadThreads threads = new ReadThreads()) {
                    Future<List<HistoryReader.Parsed>> results = threads.start("results", () -> ahead.parse(files));
                    remember(StateDigest.of(files, true, !reader.byteScan()));
                    parsedResults = state != null ? ReadThreads.join(results) : List.of();
                }
            }
        }
        return Optional.of(digest);
    }

    private void remember(StateDigest.Result pass) {
        digest = pass != null ? pass.fingerprint() : ArtifactDigest.of(files);
        state = pass != null ? pass.state() : null;
        history = pass != null ? pass.history() : null;
    }

    /** The digest of manifest and catalog without what is not state ({@link StateDigest}); from the same pass. */
    @Override
    public Optional<String> stateDigest() {
        fingerprint();
        return Optional.ofNullable(state);
    }

    /**
     * Reads only the history of the files (results files, catalog statistics), for a state digest equal to the
     * catalog's: the snapshot holds no state row.
     */
    @Override
    public CatalogSnapshot readHistory() {
        String fingerprint = fingerprint().orElseThrow();
        if (state == null || history == null) {
            throw new IllegalStateException("no state digest: the files must be read in full");
        }
        CatalogSnapshot snapshot = new HistoryReader(reader.byteScan()).read(files, run, history, parsedResults);
        parsedResults = List.of();
        stamp.requireUnchanged(files);
        return finish.apply(snapshot.withArtifactDigest(fingerprint));
    }

    @Override
    public SnapshotInfo info() {
        return ArtifactSnapshotReader.headerInfo(files.manifest());
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Reads the files in full. When the fingerprint was not asked for first (the catalog holds no state of the
     * project, so it cannot match), the state-digest pass runs on a helper thread beside the read (decision 0018),
     * and {@link #fingerprint()} and {@link #stateDigest()} give its result afterwards.
     */
    @Override
    public CatalogSnapshot read() {
        if (digest == null && reader.parallel()) {
            return readBesideThePass();
        }
        String fingerprint = fingerprint().orElseThrow();
        history = null; // not needed by a full read
        parsedResults = List.of();
        CatalogSnapshot snapshot = reader.read(files, run);
        stamp.requireUnchanged(files);
        return finish.apply(snapshot.withArtifactDigest(fingerprint));
    }

    private CatalogSnapshot readBesideThePass() {
        CatalogSnapshot snapshot;
        try (ReadThreads threads = new ReadThreads()) {
            Future<StateDigest.Result> pass =
                    threads.start("state-digest", () -> StateDigest.of(files, false, !reader.byteScan()));
            snapshot = reader.read(files, run);
            remember(ReadThreads.join(pass));
        }
        stamp.requireUnchanged(files);
        return finish.apply(snapshot.withArtifactDigest(digest));
    }

    @Override
    public void close() {
        release.run();
    }
}
