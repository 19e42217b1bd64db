package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key twice in one object that the reader uses fails the file naming the key and its position, at every level:
 * top-level sections, the entry keys of a section, and the properties inside an entry.
 */
class DuplicateKeyTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final String ORDERS = "\"model.jaffle_shop.orders\": {";
    private static final RunRef RUN = TestRuns.run("shop", "run-1", null, null, null, null);

    @TempDir
    Path dir;

    @BeforeEach
    void copySample() throws IOException {
        for (String name : new String[] {"manifest.json", "catalog.json", "run_results.json"}) {
            Files.copy(SAMPLE.resolve(name), dir.resolve(name));
        }
    }

    @Test
    void anEntryKeyTwiceInAManifestSectionFailsTheFile() throws IOException {
        // given: the orders entry appears twice under "nodes"
        edit("manifest.json", ORDERS, "\"model.jaffle_shop.orders\": {\"name\": \"twin\"}, " + ORDERS);
        // when / then
        assertFails("manifest.json", "Duplicate Object property \"model.jaffle_shop.orders\"");
    }

    @Test
    void aTableTwiceInTheCatalogFailsTheFile() throws IOException {
        // given
        String catalog = Files.readString(dir.resolve("catalog.json"));
        int at = catalog.indexOf(ORDERS);
        // the catalog spells the key the same way; repeat the whole table object right after itself
        int end = endOfObject(catalog, at + ORDERS.length() - 1);
        String table = catalog.substring(at, end + 1);
        Files.writeString(dir.resolve("catalog.json"), catalog.substring(0, at) + table + ", " + catalog.substring(at));
        // when / then
        assertFails("catalog.json", "Duplicate Object property \"model.jaffle_shop.orders\"");
    }

    @Test
    void aTopLevelSectionTwiceFailsTheFile() throws IOException {
        // given
        edit("run_results.json", "\"results\":", "\"results\": [], \"results\":");
        // when / then
        assertFails("run_results.json", "Duplicate Object property \"results\"");
    }

    @Test
    void aPropertyTwiceInsideAnEntryFailsTheFile() throws IOException {
        // given
        edit("manifest.json", ORDERS, ORDERS + "\"description\": \"first\", ");
        // when / then
        assertFails("manifest.json", "Duplicate Object property \"description\"");
    }

    private void edit(String file, String target, String replacement) throws IOException {
        String text = Files.readString(dir.resolve(file));
        if (!text.contains(target)) {
            throw new IllegalStateException(file + " of the sample has no " + target);
        }
        Files.writeString(
                dir.resolve(file),
                text.replaceFirst(
                        java.util.regex.Pattern.quote(target), java.util.regex.Matcher.quoteReplacement(replacement)),
                StandardCharsets.UTF_8);
    }

    private void assertFails(String file, String problem) {
        assertThatThrownBy(() -> new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(dir), RUN))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(dir.resolve(file).toString())
                .hasMessageContaining("line ")
                .hasMessageContaining(problem);
    }

    /** The index of the brace closing the object that opens at {@code start} (no braces inside strings here). */
    private static int endOfObject(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '{') {
                depth++;
            } else if (!inString && c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced object");
    }
}
