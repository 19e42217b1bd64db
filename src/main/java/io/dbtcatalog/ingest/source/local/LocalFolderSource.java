package io.dbtcatalog.ingest.source.local;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactHeader;
import io.dbtcatalog.ingest.source.artifact.ArtifactInput;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A dbt {@code target/} folder of dbt Core as a metadata source: the folder holds the latest run, keyed by the
 * invocation id of its manifest (joined with the other files' ids when they differ), read by the shared
 * {@link ArtifactSnapshotReader}. With a history folder (one subfolder per past invocation, see
 * {@link RunHistoryFolder}) it also lists past runs for backfill, ordered by the manifest's {@code generated_at}.
 */
public final class LocalFolderSource implements MetadataSource {

    private final String name;
    private final Path folder;
    private final RunHistoryFolder history;
    private final ArtifactSnapshotReader reader;

    /** The source's target folder plus, when configured, its history folder. */
    public LocalFolderSource(LocalSettings settings, ArtifactSnapshotReader reader) {
        this.name = Objects.requireNonNull(settings.name(), "name");
        this.folder =
                Objects.requireNonNull(settings.path(), "path").toAbsolutePath().normalize();
        this.history = settings.historyPath() == null ? null : new RunHistoryFolder(settings.historyPath());
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The target folder's run for {@link RunSelector.Latest} and {@link RunSelector.After} (a target folder holds one
     * run; the history folder serves backfill only); for {@link RunSelector.Single} the run with that key in
     * the target or history folders. Backfill selectors list the runs of the history folders and the target folder,
     * oldest first, and are refused without a history folder.
     */
    @Override
    public List<RunRef> listRuns(RunSelector selector) {
        if (selector instanceof RunSelector.Latest || selector instanceof RunSelector.After) {
            return List.of(runIn(folder));
        }
        if (selector instanceof RunSelector.Single single) {
            List<Path> folders = history == null ? List.of(folder) : allFolders();
            return folders.stream()
                    .map(this::runIn)
                    .filter(run -> run.runKey().equals(single.runKey()))
                    .limit(1)
                    .toList();
        }
        if (history == null) {
            throw new UnsupportedOperationException("source '" + name + "' (local folder " + folder
                    + "): backfill of local sources takes several folders: set history-path to a folder whose"
                    + " subfolders each hold the artifacts of one past dbt invocation");
        }
        return RunHistoryFolder.select(allFolders().stream().map(this::runIn).toList(), selector);
    }

    /** The run's folder as an input; fails when it no longer holds the listed run (artifacts rewritten since). */
    @Override
    public RunInput fetch(RunRef run) {
        if (!(run.locator() instanceof RunLocator.Folder located)) {
            throw new IllegalArgumentException("source '" + name + "' reads folders, not " + run.locator());
        }
        Path runFolder = located.path();
        RunRef current = runIn(runFolder);
        if (!current.runKey().equals(run.runKey())) {
            throw new ArtifactException(
                    runFolder,
                    "the artifacts changed since run " + run.runKey() + " was listed; the folder now holds run "
                            + current.runKey());
        }
        return new ArtifactInput(reader, ArtifactFiles.inFolder(runFolder), run);
    }

    private List<Path> allFolders() {
        List<Path> folders = new ArrayList<>(history.runFolders());
        folders.add(folder);
        return folders;
    }

    private RunRef runIn(Path runFolder) {
        ArtifactFiles files = ArtifactFiles.inFolder(runFolder);
        ArtifactHeader manifest = ArtifactSnapshotReader.readHeader(files.manifest());
        List<String> invocations = new ArrayList<>();
        addInvocation(invocations, manifest);
        Stream.of(files.runResults(), files.catalog(), files.sources())
                .filter(Objects::nonNull)
                .forEach(file -> addInvocation(invocations, ArtifactSnapshotReader.readHeader(file)));
        return RunRef.inFolder(name, runKey(invocations, manifest), manifest.generatedAt(), runFolder);
    }

    private static void addInvocation(List<String> invocations, ArtifactHeader header) {
        String id = header.invocationId();
        if (id != null && !invocations.contains(id)) {
            invocations.add(id);
        }
    }

    private static String runKey(List<String> invocations, ArtifactHeader manifest) {
        if (!invocations.isEmpty()) {
            return String.join("+", invocations);
        }
        if (manifest.generatedAt() != null) {
            return "generated-" + manifest.generatedAt();
        }
        throw new ArtifactException(
                manifest.file(), "names neither an invocation id nor a generation time;" + " it cannot identify a run");
    }
}
