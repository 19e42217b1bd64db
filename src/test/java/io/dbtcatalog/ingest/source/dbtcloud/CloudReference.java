package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.support.SharedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared/reference} (real artifacts and the dbt Cloud API contract) from the project folder. When it
 * is missing the calling test is skipped, unless {@code CI=true}: then it fails, saying what is missing.
 */
final class CloudReference {

    private CloudReference() {}

    static Path root() {
        Path root = Path.of(System.getProperty("user.dir"), "..", "shared", "reference")
                .normalize();
        if (!Files.isDirectory(root)) {
            String message = "the shared reference folder " + root + " is missing; tests of the dbt Cloud source"
                    + " read real artifacts and API examples from it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return root;
    }

    static Path artifactSet(String set) {
        return SharedReference.set(set);
    }

    static Path artifact(String set, String file) {
        return existing(artifactSet(set).resolve(file));
    }

    static Path example(String file) {
        return existing(root().resolve("dbt-cloud-api").resolve("examples").resolve(file));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("expected reference file " + path + " is missing");
        }
        return path;
    }
}
