package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.bind;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.scope.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sources[].scope}: its keys bind, a misspelt key or resource type and a blank pattern are named. */
class ScopeConfigTests {

    @Test
    void bindWhenScopeGivenReadsEveryListOfBothSides() {
        // when
        IngestionProperties properties = bind(source(
                0,
                "name=s",
                "kind=local",
                "path=p",
                "scope.include.resource-types[0]=model",
                "scope.include.resource-types[1]=source",
                "scope.include.paths[0]=models/marts/**",
                "scope.include.databases[0]=analytics",
                "scope.exclude.packages[0]=dbt_utils",
                "scope.exclude.tags[0]=deprecated",
                "scope.exclude.schemas[0]=scratch_*",
                "scope.exclude.names[0]=tmp_*"));
        // then
        Scope scope = properties.sources().get(0).scope();
        assertThat(scope.include().resourceTypes()).containsExactly("model", "source");
        assertThat(scope.include().paths()).containsExactly("models/marts/**");
        assertThat(scope.include().databases()).containsExactly("analytics");
        assertThat(scope.exclude().packages()).containsExactly("dbt_utils");
        assertThat(scope.exclude().tags()).containsExactly("deprecated");
        assertThat(scope.exclude().schemas()).containsExactly("scratch_*");
        assertThat(scope.exclude().names()).containsExactly("tmp_*");
    }

    @Test
    void bindWhenScopeMissingHoldsEverything() {
        // when
        IngestionProperties properties = bind(source(0, "name=s", "kind=local", "path=p"));
        // then
        assertThat(properties.sources().get(0).scope().isAll()).isTrue();
    }

    @Test
    void bindWhenResourceTypeUnknownFailsNamingTheKey() {
        // when
        List<String> problems =
                problems(source(0, "name=s", "kind=local", "path=p", "scope.exclude.resource-types[0]=modle"));
        // then
        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].scope.exclude.resource-types[0]: 'modle' is not a dbt resource type");
    }

    @Test
    void bindWhenPatternBlankFailsNamingTheKey() {
        // when
        List<String> problems = problems(source(0, "name=s", "kind=local", "path=p", "scope.include.names[0]= "));
        // then
        assertThat(problems).containsExactly("ingestion.sources[0].scope.include.names[0]: must not be blank");
    }

    @Test
    void bindWhenScopeKeyMisspeltFailsNamingIt() {
        // when
        List<String> problems = problems(source(0, "name=s", "kind=local", "path=p", "scope.include.tgs[0]=x"));
        // then
        assertThat(problems).singleElement().asString().contains("ingestion.sources[0].scope.include.tgs");
    }
}
