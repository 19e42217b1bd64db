package io.dbtcatalog.ingest.source.local;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactHeader;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A dbt {@code target/} folder of dbt Core as a metadata source: it always holds exactly one run, keyed by the
 * invocation id of its manifest (joined with the other files' ids when they differ), read by the shared
 * {@link ArtifactSnapshotReader}.
 */
public final class LocalFolderSource implements MetadataSource {

    private final String name;
    private final Path folder;
    private final ArtifactSnapshotReader reader;

    public LocalFolderSource(String name, Path folder, ArtifactSnapshotReader reader) {
        this.name = Objects.requireNonNull(name, "name");
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The folder's one run for {@link RunSelector.Latest}; for {@link RunSelector.Single} that run when its key
     * matches, else nothing. Backfill selectors are refused: a folder holds a single run.
     */
    @Override
    public List<RunRef> listRuns(RunSelector selector) {
        if (selector instanceof RunSelector.Latest) {
            return List.of(currentRun());
        }
        if (selector instanceof RunSelector.Single single) {
            RunRef current = currentRun();
            return current.runKey().equals(single.runKey()) ? List.of(current) : List.of();
        }
        throw new UnsupportedOperationException("source '" + name + "' (local folder " + folder
                + "): backfill of local sources takes several folders and is not supported yet;"
                + " select the latest run or one run key");
    }

    /** Reads the folder; fails when it no longer holds the listed run (artifacts rewritten in between). */
    @Override
    public CatalogSnapshot fetch(RunRef run) {
        RunRef current = currentRun();
        if (!current.runKey().equals(run.runKey())) {
            throw new ArtifactException(folder, "the artifacts changed since run " + run.runKey()
                    + " was listed; the folder now holds run " + current.runKey());
        }
        return reader.read(ArtifactFiles.inFolder(folder), run);
    }

    private RunRef currentRun() {
        ArtifactFiles files = ArtifactFiles.inFolder(folder);
        ArtifactHeader manifest = ArtifactSnapshotReader.readHeader(files.manifest());
        List<String> invocations = new ArrayList<>();
        addInvocation(invocations, manifest);
        Stream.of(files.runResults(), files.catalog(), files.sources())
                .filter(Objects::nonNull)
                .forEach(file -> addInvocation(invocations, ArtifactSnapshotReader.readHeader(file)));
        return new RunRef(name, runKey(invocations, manifest), null, null, manifest.generatedAt(), folder.toString());
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
        throw new ArtifactException(manifest.file(), "names neither an invocation id nor a generation time;"
                + " it cannot identify a run");
    }
}
