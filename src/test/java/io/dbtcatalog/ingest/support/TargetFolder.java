package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A writable copy of a dbt {@code target/} folder (a reference set or the sample) for tests that damage, edit and
 * restore its artifacts: {@link #newInvocation()} turns it into the next run of the same project (a fresh
 * invocation id in every file), {@link #edit} changes one file as a JSON tree, {@link #write} replaces its bytes.
 */
public final class TargetFolder {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> FILES =
            List.of("manifest.json", "run_results.json", "catalog.json", "sources.json");

    private final Path folder;

    private TargetFolder(Path folder) {
        this.folder = folder;
    }

    /** Copies the artifact files of {@code source} into {@code folder} (created when absent). */
    public static TargetFolder copyOf(Path source, Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : FILES) {
                Path file = source.resolve(name);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(folder.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + folder, e);
        }
        return new TargetFolder(folder);
    }

    public Path path() {
        return folder;
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    /** The manifest's invocation id: the run key a local source gives this folder (when all files agree). */
    public String invocationId() {
        return ArtifactSnapshotReader.readHeader(file("manifest.json")).invocationId();
    }

    /** Makes the folder the next run of its project: the invocation id is replaced in every file; returns it. */
    public String newInvocation() {
        String old = invocationId();
        String fresh = UUID.randomUUID().toString();
        for (Path file : present()) {
            String text = new String(bytes(file.getFileName().toString()), StandardCharsets.ISO_8859_1);
            write(file.getFileName().toString(), text.replace(old, fresh).getBytes(StandardCharsets.ISO_8859_1));
        }
        return fresh;
    }

    /** Reads {@code name} as a JSON object, lets {@code change} edit it, and writes it back. */
    public TargetFolder edit(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = (ObjectNode) JSON.readTree(file(name).toFile());
        change.accept(tree);
        JSON.writeValue(file(name).toFile(), tree);
        return this;
    }

    public byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TargetFolder write(String name, byte[] content) {
        try {
            Files.write(file(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TargetFolder write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> present() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> FILES.contains(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
