package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.bind;
import static io.dbtcatalog.ingest.config.ConfigBinding.keys;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.source.discovery.DiscoverySettings;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules and defaults of a {@code kind: discovery} source, each failure naming its key. */
class DiscoveryConfigTests {

    private static final String[] DISCOVERY = {
        "name=prod",
        "kind=discovery",
        "metadata-url=https://abc12.metadata.us1.dbt.com/graphql",
        "environment-id=70403103922125",
        "token=dbtc_x"
    };

    private static String[] discovery(String... more) {
        return source(0, Stream.concat(Stream.of(DISCOVERY), Stream.of(more)).toArray(String[]::new));
    }

    private static String[] discoveryWithout(String key) {
        return source(
                0,
                Stream.of(DISCOVERY).filter(pair -> !pair.startsWith(key + "=")).toArray(String[]::new));
    }

    private static DiscoverySettings settings(IngestionProperties properties) {
        return properties.sources().get(0).discovery(properties.http());
    }

    @Test
    void withoutHttpSettingsTheSharedDefaultsApplyWithARateBelowTheDiscoveryLimit() {
        // when
        IngestionProperties properties = bind(discovery());
        DiscoverySettings settings = settings(properties);

        // then
        assertThat(settings.http().requestsPerMinute()).isEqualTo(400);
        assertThat(settings.http().maxAttempts())
                .isEqualTo(properties.http().maxAttempts())
                .isEqualTo(5);
        assertThat(settings.pageSize()).isEqualTo(500);
        assertThat(settings.environmentId()).as("cell-based ids need a long").isEqualTo(70403103922125L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501, 1000})
    void bindWhenPageSizeOutsideOneTo500FailsNamingTheKey(int pageSize) {
        assertThat(problems(discovery("page-size=" + pageSize)))
                .containsExactly(
                        "ingestion.sources[0].page-size: must be between 1 and 500 (the Discovery API's maximum)");
    }

    @Test
    void aConfiguredRateAboveTheDiscoveryLimitIsCappedBelowIt() {
        // when
        DiscoverySettings fast = settings(bind(discovery(), keys("http.requests-per-minute=600")));
        DiscoverySettings slow = settings(bind(discovery(), keys("http.requests-per-minute=60")));

        // then
        assertThat(fast.http().requestsPerMinute()).isEqualTo(DiscoverySettings.MAX_REQUESTS_PER_MINUTE);
        assertThat(slow.http().requestsPerMinute()).isEqualTo(60);
    }

    @Test
    void bindWhenEnvironmentIdMissingFailsNamingTheKey() {
        assertThat(problems(discoveryWithout("environment-id")))
                .containsExactly("ingestion.sources[0].environment-id: required for kind discovery");
        assertThat(problems(discovery("environment-id=0")))
                .containsExactly("ingestion.sources[0].environment-id: must be a positive number");
    }

    @Test
    void bindWhenMetadataUrlHasNoHostFailsNamingTheKeyAndAnExample() {
        assertThat(problems(discovery("metadata-url=https:/graphql")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].metadata-url: must be the Discovery API endpoint")
                .contains("https://metadata.cloud.getdbt.com/graphql");
    }

    @Test
    void bindWhenMetadataUrlMissingFailsNamingTheKey() {
        assertThat(problems(discoveryWithout("metadata-url")))
                .containsExactly("ingestion.sources[0].metadata-url: required for kind discovery");
    }

    @Test
    void bindWhenTokenIsBlankFailsNamingTheKey() {
        assertThat(problems(discoveryWithout("token")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].token: required for kind discovery");
    }

    @Test
    void aSourceHandsOutOnlyTheRecordOfItsOwnKind() {
        // given
        IngestionProperties properties = bind(discovery());

        // when / then
        assertThatThrownBy(() -> properties.sources().get(0).local())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod is of kind discovery");
    }
}
