package io.dbtcatalog.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' one file helper: removing the folders they generate. */
final class BenchFiles {

    private BenchFiles() {}

    /** Deletes {@code folder} and everything under it; nothing when it does not exist. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark folder " + folder, e);
        }
    }
}
