package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.bind;
import static io.dbtcatalog.ingest.config.ConfigBinding.keys;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The webhook receiver's keys ({@code ingestion.webhooks.*}, {@code sources[].webhook-secret}), each rule naming its key. */
class WebhookConfigTests {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final String[] CLOUD = {
        "name=prod", "kind=dbt-cloud", "base-url=https://emea.dbt.com", "account-id=70001", "token=dbtc_secret"
    };

    private static String[] cloud(String... more) {
        return source(0, Stream.concat(Stream.of(CLOUD), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void theReceiverIsOffByDefaultWithA1MbLimitAndThreeDoublingRetriesFrom30Seconds() {
        // when
        IngestionProperties properties = bind(cloud());

        // then
        WebhookProperties webhooks = properties.webhooks();
        assertThat(webhooks.enabled()).isFalse();
        assertThat(webhooks.address()).isEqualTo("0.0.0.0");
        assertThat(webhooks.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(webhooks.artifactRetries()).isEqualTo(3);
        assertThat(webhooks.artifactRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPortAndASourceSecretSwitchTheReceiverOnAndTheSecretIsRedactedFromToString() {
        // when
        IngestionProperties properties = bind(cloud("webhook-secret=" + SECRET), keys("webhooks.port=8090"));

        // then
        assertThat(properties.webhooks().enabled()).isTrue();
        assertThat(properties.sources().get(0).webhookSecret()).isEqualTo(SECRET);
        assertThat(properties.sources().get(0).toString())
                .contains("webhookSecret=<redacted>")
                .doesNotContain(SECRET);
        assertThat(properties.toString()).doesNotContain(SECRET);
    }

    @Test
    void bindWhenThePortIsSetButNoSourceHasASecretFailsNamingThePort() {
        assertThat(problems(cloud(), keys("webhooks.port=8090")))
                .singleElement()
                .asString()
                .startsWith("ingestion.webhooks.port: no source can receive webhook events: set webhook-secret");
    }

    @Test
    void bindWhenThePortIsTheManagementPortFailsNamingTheKey() {
        assertThat(problems(cloud("webhook-secret=" + SECRET), keys("webhooks.port=8081", "management.port=8081")))
                .singleElement()
                .asString()
                .startsWith("ingestion.webhooks.port: must differ from management.port (8081)");
    }

    @Test
    void bindWhenTheSecretIsEmptyFailsNamingTheKeyWithoutTheValue() {
        assertThat(problems(cloud("webhook-secret= "), keys("webhooks.port=8090")))
                .containsExactly("ingestion.sources[0].webhook-secret: must not be empty"
                        + " (usually ${DBT_CLOUD_WEBHOOK_SECRET}; is the environment variable set?)");
    }

    @Test
    void bindWhenTheSecretIsAnUnresolvedPlaceholderFailsRatherThanUsingItsTextAsTheKey() {
        assertThat(problems(cloud("webhook-secret=${NOT_SET_ANYWHERE_42}"), keys("webhooks.port=8090")))
                .containsExactly("ingestion.sources[0].webhook-secret: is an unresolved placeholder; set its"
                        + " environment variable (the value is not shown)");
    }

    @Test
    void bindWhenALocalSourceHasASecretFailsNamingTheKey() {
        assertThat(problems(source(0, "name=shop", "kind=local", "path=target", "webhook-secret=" + SECRET)))
                .containsExactly("ingestion.sources[0].webhook-secret: only for kind dbt-cloud (dbt Cloud signs its"
                        + " webhook events with it)");
    }

    @Test
    void bindWhenTheBodyLimitIsOutOfRangeOrThePortInvalidFailsNamingTheKey() {
        assertThat(problems(
                        cloud("webhook-secret=" + SECRET), keys("webhooks.port=8090", "webhooks.max-body-size=64MB")))
                .singleElement()
                .asString()
                .startsWith("ingestion.webhooks.max-body-size: must be between 1KB and 16MB");
        assertThat(problems(cloud("webhook-secret=" + SECRET), keys("webhooks.port=70000")))
                .singleElement()
                .asString()
                .startsWith("ingestion.webhooks.port: ");
    }
}
