package io.dbtcatalog.ingest.source.artifact;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The small hand-written artifacts under {@code src/test/resources/artifacts}. */
final class TestArtifacts {

    private TestArtifacts() {}

    /** A resource path such as {@code "tiny"} or {@code "broken/plain.txt"}. */
    static Path resource(String relative) {
        URL url = TestArtifacts.class.getResource("/artifacts/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test artifact " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad test artifact URL " + url, e);
        }
    }
}
