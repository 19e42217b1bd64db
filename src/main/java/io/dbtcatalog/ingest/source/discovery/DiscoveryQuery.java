package io.dbtcatalog.ingest.source.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphQL documents this source sends, read once from {@code src/main/resources/graphql}: the environment header
 * and one paginated connection query per resource list of {@code environment { applied { … } } }.
 */
enum DiscoveryQuery {
    ENVIRONMENT("environment.graphql", null),
    MODELS("models.graphql", "models"),
    SOURCES("sources.graphql", "sources"),
    SEEDS("seeds.graphql", "seeds"),
    SNAPSHOTS("snapshots.graphql", "snapshots"),
    TESTS("tests.graphql", "tests"),
    EXPOSURES("exposures.graphql", "exposures");

    private final String resource;
    private final String connection;
    private final String text;

    DiscoveryQuery(String resource, String connection) {
        this.resource = resource;
        this.connection = connection;
        this.text = load("graphql/" + resource);
    }

    /** The document exactly as it is sent. */
    String text() {
        return text;
    }

    /** The field of {@code applied} holding the connection, or null for the environment header. */
    String connection() {
        return connection;
    }

    String resource() {
        return resource;
    }

    private static String load(String path) {
        try (InputStream in = DiscoveryQuery.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("GraphQL document " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GraphQL document " + path, e);
        }
    }
}
