package io.dbtcatalog.ingest.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test access to the real dbt artifacts under {@code ../shared/reference/artifacts} (one folder per set, each with
 * its {@code expected.json}). When the folder is missing, tests are skipped locally and fail when {@code CI=true}.
 */
public final class SharedReference {

    private static final String ARTIFACTS = "shared/reference/artifacts";
    private static final JsonMapper JSON = JsonMapper.shared();

    private SharedReference() {}

    /** The artifacts folder, found from the working directory upwards (normally {@code ../shared/...}). */
    public static Path artifacts() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(ARTIFACTS);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String message = "the shared dbt reference artifacts (" + ARTIFACTS + ") were not found from " + start;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true requires them");
        }
        Assumptions.abort(message + "; skipping");
        throw new IllegalStateException("unreachable");
    }

    /** Names of every set folder, sorted. */
    public static List<String> setNames() {
        try (Stream<Path> entries = Files.list(artifacts())) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> Files.isRegularFile(dir.resolve("expected.json")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + artifacts(), e);
        }
    }

    /** Every file of every set whose name starts with {@code prefix} ({@code "run_results"}), sorted. */
    public static List<Path> files(String prefix) {
        try (Stream<Path> found = Files.walk(artifacts())) {
            return found.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + artifacts(), e);
        }
    }

    /** The folder of one set, e.g. {@code set("hubspot-dbt1.8")}. */
    public static Path set(String name) {
        Path folder = artifacts().resolve(name);
        if (!Files.isDirectory(folder)) {
            fail("no reference set " + name + " under " + artifacts());
        }
        return folder;
    }

    /** The set's {@code expected.json}, the independently computed facts its tests assert against. */
    public static JsonNode expected(String name) {
        return readJson(set(name).resolve("expected.json"));
    }

    /** Any JSON file as a tree (test use only: reads the whole file). */
    public static JsonNode readJson(Path file) {
        return JSON.readTree(file);
    }
}
