package io.dbtcatalog.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The https rule for API URLs, AUTO_SERVER on H2 file URLs, and the lock timeout rule. */
class TransportAndSafeguardConfigTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://cloud.getdbt.com", "https://emea.dbt.com/", "http://127.0.0.1:8080",
            "http://127.1.2.3", "http://localhost:9000", "http://LOCALHOST", "http://[::1]:8080"})
    void httpsOrLoopbackUrlsAreAccepted(String url) {
        assertThat(SecureUrls.problem("ingestion.sources[0].base-url", URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cloud.getdbt.com", "http://127.0.0.1.nip.io", "http://localhost.example.com",
            "http://10.0.0.1:8080", "ftp://cloud.getdbt.com", "http://128.0.0.1"})
    void plainHttpToAnyOtherHostIsRefusedNamingTheKey(String url) {
        assertThat(SecureUrls.problem("ingestion.sources[0].base-url", URI.create(url))).get().asString()
                .startsWith("ingestion.sources[0].base-url: must be an https URL")
                .contains("loopback");
    }

    @Test
    void dbtCloudAndDiscoveryUrlsAreCheckedUnderTheirOwnKeys() {
        // given
        SourceProperties cloud = new SourceProperties("cloud", SourceKind.DBT_CLOUD, null,
                URI.create("http://cloud.getdbt.com"), 1L, "t", null, null, null, List.of(10), null, 500, null, null);
        SourceProperties discovery = new SourceProperties("disco", SourceKind.DISCOVERY, null, null, null, "t",
                null, null, 7L, List.of(10), URI.create("http://metadata.cloud.getdbt.com/graphql"), 500, null, null);

        // when / then
        assertThat(cloud.problems("ingestion.sources[0]"))
                .singleElement().asString().startsWith("ingestion.sources[0].base-url: must be an https URL");
        assertThat(discovery.problems("ingestion.sources[1]"))
                .singleElement().asString().startsWith("ingestion.sources[1].metadata-url: must be an https URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:file:./data/catalog | jdbc:h2:file:./data/catalog;AUTO_SERVER=TRUE",
        "jdbc:h2:./data/catalog;MODE=PostgreSQL | jdbc:h2:./data/catalog;MODE=PostgreSQL;AUTO_SERVER=TRUE",
        "jdbc:h2:~/catalog | jdbc:h2:~/catalog;AUTO_SERVER=TRUE",
        "jdbc:h2:file:/x;auto_server=false | jdbc:h2:file:/x;auto_server=false",
        "jdbc:h2:mem:catalog | jdbc:h2:mem:catalog",
        "jdbc:h2:tcp://db:9092/catalog | jdbc:h2:tcp://db:9092/catalog",
        "jdbc:postgresql://db:5432/catalog | jdbc:postgresql://db:5432/catalog"})
    void embeddedH2FileDatabasesAreOpenedSoThatSeveralProcessesCanShareThem(String url, String connectionUrl) {
        assertThat(new TargetProperties(url, "sa", "").connectionUrl()).isEqualTo(connectionUrl);
    }

    @Test
    void lockTimeoutMustBePositive() {
        // given
        IngestionProperties properties = new IngestionProperties(new TargetProperties("jdbc:h2:mem:x", "sa", ""),
                List.of(new SourceProperties("s", SourceKind.LOCAL, "p", null, null, null, null, null, null,
                        List.of(10), null, 500, null, null)),
                Path.of("work"), HttpProperties.defaults(), null, new SchedulerProperties("UTC", 4, Duration.ofMinutes(2)),
                new ManagementProperties(null), 0.5, Duration.ZERO);

        // when / then
        assertThat(properties.problems()).singleElement().asString().startsWith("ingestion.lock-timeout: must be positive");
    }
}
