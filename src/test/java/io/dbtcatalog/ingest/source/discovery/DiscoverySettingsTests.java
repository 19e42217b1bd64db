package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoverySettingsTests {

    private static final URI URL = URI.create("https://abc12.metadata.us1.dbt.com/graphql");

    private static DiscoverySettings settings(URI url, long environmentId, String token, int pageSize,
            HttpSettings http) {
        return new DiscoverySettings("prod", url, environmentId, token, pageSize, http);
    }

    @Test
    void withoutHttpSettingsTheSharedDefaultsApplyWithARateBelowTheDiscoveryLimit() {
        // when
        DiscoverySettings settings = settings(URL, 70403103922125L, "dbtc_x", 500, null);

        // then
        assertThat(settings.http().requestsPerMinute()).isEqualTo(400);
        assertThat(settings.http().maxAttempts()).isEqualTo(HttpSettings.defaults().maxAttempts());
        assertThat(settings.environmentId()).as("cell-based ids need a long").isEqualTo(70403103922125L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501, 1000})
    void bindWhenPageSizeOutsideOneTo500FailsNamingTheKey(int pageSize) {
        // when / then
        assertThatThrownBy(() -> settings(URL, 1L, "t", pageSize, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source prod: page-size must be between 1 and 500");
    }

    @Test
    void bindWhenRateAboveTheDiscoveryLimitFailsNamingTheKey() {
        // given
        HttpSettings d = HttpSettings.defaults();
        HttpSettings fast = new HttpSettings(d.connectTimeout(), d.readTimeout(), d.callTimeout(), d.maxAttempts(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), d.retryDeadline(), 600);

        // when / then
        assertThatThrownBy(() -> settings(URL, 1L, "t", 500, fast)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requests-per-minute is 600").hasMessageContaining("allows 500");
    }

    @Test
    void bindWhenEnvironmentIdMissingFailsNamingTheKey() {
        // when / then
        assertThatThrownBy(() -> settings(URL, 0L, "t", 500, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment-id must be a positive number");
    }

    @Test
    void bindWhenMetadataUrlIsNotHttpFailsNamingTheKeyAndAnExample() {
        // when / then
        assertThatThrownBy(() -> settings(URI.create("ftp://metadata.cloud.getdbt.com/graphql"), 1L, "t", 500, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata-url").hasMessageContaining("https://metadata.cloud.getdbt.com/graphql");
    }

    @Test
    void bindWhenTokenIsBlankFailsNamingTheKey() {
        // when / then
        assertThatThrownBy(() -> settings(URL, 1L, " ", 500, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token is empty");
    }

    @Test
    void toStringNeverShowsTheToken() {
        // when
        String text = settings(URL, 1L, "dbtc_very-secret", 500, null).toString();

        // then
        assertThat(text).doesNotContain("dbtc_very-secret").contains("token=****").contains(URL.toString());
    }
}
