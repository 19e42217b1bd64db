package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Past dbt invocations made from the shipped sample project ({@code samples/jaffle-shop}): its artifacts re-labelled
 * with another {@code invocation_id} and {@code generated_at}, so each copy is a distinct run with its own history
 * rows and the same nodes.
 */
public final class SampleRuns {

    public static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.shared();

    private SampleRuns() {}

    /** A recognisable, valid invocation id for run number {@code index}. */
    public static String invocationId(int index) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", index);
    }

    /**
     * Writes the sample's {@code names} (e.g. manifest.json, run_results.json, sources.json) into {@code folder},
     * each re-labelled as invocation {@code invocationId}; the manifest is generated at {@code generatedAt}, the
     * other files a little later. Returns {@code folder}.
     */
    public static Path write(Path folder, String invocationId, Instant generatedAt, String... names) {
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < names.length; i++) {
                ObjectNode artifact =
                        (ObjectNode) JSON.readTree(SAMPLE.resolve(names[i]).toFile());
                ObjectNode metadata = (ObjectNode) artifact.path("metadata");
                metadata.put("invocation_id", invocationId);
                metadata.put("generated_at", generatedAt.plusSeconds(30L * i).toString());
                JSON.writeValue(folder.resolve(names[i]).toFile(), artifact);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample run into " + folder, e);
        }
    }
}
