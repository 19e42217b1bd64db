package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line depends on the application, never the reverse: no main class outside cli/ imports it. */
class CliDependencyTests {

    private static final Path MAIN = Path.of("src/main/java/io/dbtcatalog/ingest");

    @Test
    void noClassOutsideTheCommandLineImportsIt() throws IOException {
        // given
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("cli")))
                    .toList();
        }

        // when
        List<Path> importing =
                sources.stream().filter(CliDependencyTests::importsCli).toList();

        // then
        assertThat(sources).isNotEmpty();
        assertThat(importing).isEmpty();
    }

    private static boolean importsCli(Path source) {
        try {
            return Files.readString(source).contains("import io.dbtcatalog.ingest.cli.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
