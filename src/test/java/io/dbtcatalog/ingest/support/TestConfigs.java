package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code ingestion-config.yaml} files for tests: a target database, extra keys and the sources. */
public final class TestConfigs {

    private TestConfigs() {}

    /**
     * Writes {@code dir/ingestion-config.yaml}. {@code extras} are further {@code ingestion.*} keys indented by two
     * spaces (e.g. {@code "  schedule: ..."}); {@code sources} are list items indented by four. HTTP retries wait
     * tens of milliseconds, not seconds.
     */
    public static Path write(Path dir, String jdbcUrl, String extras, String sources) {
        return write(dir, jdbcUrl, jdbcUrl.startsWith("jdbc:postgresql:") ? "postgres" : "", "", extras, sources);
    }

    /** {@link #write(Path, String, String, String)} with the target's user name and password. */
    public static Path write(Path dir, String jdbcUrl, String user, String password, String extras, String sources) {
        Path file = dir.resolve("ingestion-config.yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, """
                    ingestion:
                      target:
                        url: "%s"
                        username: "%s"
                        password: "%s"
                      work-dir: %s
                      http:
                        initial-backoff: 50ms
                        max-backoff: 200ms
                    %s
                      sources:
                    %s""".formatted(jdbcUrl, user, password, dir.resolve("work"), extras, sources));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** A local source entry. */
    public static String localSource(String name, Path path, Path historyPath) {
        return """
                    - name: %s
                      kind: local
                      path: %s
                """.formatted(name, path) + (historyPath == null ? "" : "      history-path: " + historyPath + "\n");
    }
}
