package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.keys;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The https rule for API URLs, AUTO_SERVER on H2 file URLs, and the lock timeout rule. */
class TransportAndSafeguardConfigTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://cloud.getdbt.com",
                "https://emea.dbt.com/",
                "http://127.0.0.1:8080",
                "http://127.1.2.3",
                "http://localhost:9000",
                "http://LOCALHOST",
                "http://[::1]:8080"
            })
    void httpsOrLoopbackUrlsAreAccepted(String url) {
        assertThat(SecureUrls.transportProblem(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://cloud.getdbt.com",
                "http://127.0.0.1.nip.io",
                "http://localhost.example.com",
                "http://10.0.0.1:8080",
                "ftp://cloud.getdbt.com",
                "http://128.0.0.1"
            })
    void plainHttpToAnyOtherHostIsRefused(String url) {
        assertThat(SecureUrls.transportProblem(URI.create(url)))
                .get()
                .asString()
                .startsWith("must be an https URL")
                .contains("loopback");
    }

    @Test
    void dbtCloudAndDiscoveryUrlsAreCheckedUnderTheirOwnKeys() {
        // given
        String[] cloud = source(
                0, "name=cloud", "kind=dbt-cloud", "base-url=http://cloud.getdbt.com", "account-id=1", "token=t");
        String[] discovery = source(
                1,
                "name=disco",
                "kind=discovery",
                "environment-id=7",
                "token=t",
                "metadata-url=http://metadata.cloud.getdbt.com/graphql");

        // when / then
        assertThat(problems(cloud, discovery))
                .containsExactly(
                        "ingestion.sources[0].base-url: must be an https URL (the token travels with every request); plain"
                                + " http is accepted only for loopback addresses such as http://127.0.0.1:8080; was"
                                + " http://cloud.getdbt.com",
                        "ingestion.sources[1].metadata-url: must be an https URL (the token travels with every request);"
                                + " plain http is accepted only for loopback addresses such as http://127.0.0.1:8080; was"
                                + " http://metadata.cloud.getdbt.com");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:h2:file:./data/catalog | jdbc:h2:file:./data/catalog;AUTO_SERVER=TRUE",
                "jdbc:h2:./data/catalog;MODE=PostgreSQL | jdbc:h2:./data/catalog;MODE=PostgreSQL;AUTO_SERVER=TRUE",
                "jdbc:h2:~/catalog | jdbc:h2:~/catalog;AUTO_SERVER=TRUE",
                "jdbc:h2:file:/x;auto_server=false | jdbc:h2:file:/x;auto_server=false",
                "jdbc:h2:mem:catalog | jdbc:h2:mem:catalog",
                "jdbc:h2:tcp://db:9092/catalog | jdbc:h2:tcp://db:9092/catalog",
                "jdbc:postgresql://db:5432/catalog | jdbc:postgresql://db:5432/catalog"
            })
    void embeddedH2FileDatabasesAreOpenedSoThatSeveralProcessesCanShareThem(String url, String connectionUrl) {
        assertThat(new TargetProperties(url, "sa", "").connectionUrl()).isEqualTo(connectionUrl);
    }

    @Test
    void lockTimeoutMustBePositive() {
        // when / then
        assertThat(problems(keys("lock-timeout=0s"), source(0, "name=s", "kind=local", "path=p")))
                .singleElement()
                .asString()
                .startsWith("ingestion.lock-timeout: must be positive");
    }
}
