package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The settings record of a Discovery source; its rules and defaults are the configuration's (config tests). */
class DiscoverySettingsTests {

    private static final URI URL = URI.create("https://abc12.metadata.us1.dbt.com/graphql");

    @Test
    void toStringNeverShowsTheToken() {
        // when
        String text = new DiscoverySettings("prod", URL, 1L, "dbtc_very-secret", 500, DiscoveryTestSupport.FAST_HTTP)
                .toString();

        // then
        assertThat(text)
                .doesNotContain("dbtc_very-secret")
                .contains("token=****")
                .contains(URL.toString());
    }
}
