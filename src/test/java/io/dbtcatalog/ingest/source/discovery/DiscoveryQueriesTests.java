package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SharedReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The query documents of {@code src/main/resources/graphql} against the reconstructed Discovery API schema. */
class DiscoveryQueriesTests {

    private static SchemaCheck schema() {
        Path sdl = SharedReference.artifacts()
                .resolveSibling("dbt-cloud-api")
                .resolve("graphql")
                .resolve("discovery-schema.reconstructed.graphql");
        try {
            return new SchemaCheck(Files.readString(sdl));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sdl, e);
        }
    }

    @ParameterizedTest
    @EnumSource(DiscoveryQuery.class)
    void everyQueryDocumentValidatesAgainstTheReconstructedSchema(DiscoveryQuery query) {
        // when
        var problems = schema().problems(query.text());

        // then
        assertThat(problems).as(query.resource()).isEmpty();
    }

    @Test
    void theCheckFindsAFieldTheSchemaDoesNotHave() {
        // given: the recorded validation error's query
        String document = "query { environment(id: 70021) { applied { models(first: 10) { edges { node { notAField }"
                + " } } } } }";

        // when
        var problems = schema().problems(document);

        // then
        assertThat(problems).containsExactly("ModelAppliedStateNode has no field notAField");
    }

    @Test
    void theCheckFindsUndeclaredArgumentsAndMissingSubSelections() {
        // when
        var problems = schema().problems("query { environment(id: 1, name: \"x\") { applied { models(top: 3) } } }");

        // then
        assertThat(problems)
                .containsExactly(
                        "Query.environment has no argument name",
                        "AppliedState.models has no argument top",
                        "AppliedState.models is an object (ModelAppliedStateNodeConnection) and needs a sub-selection");
    }
}
