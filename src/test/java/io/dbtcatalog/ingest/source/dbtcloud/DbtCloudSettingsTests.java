package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings record of a dbt Cloud source; its rules and defaults are the configuration's (config tests). */
class DbtCloudSettingsTests {

    @Test
    void toStringNeverShowsTheToken() {
        // given
        DbtCloudSettings settings = new DbtCloudSettings(
                "prod",
                URI.create("https://emea.dbt.com"),
                70001,
                "dbtc_very-secret",
                null,
                List.of(),
                null,
                Set.of(10, 20),
                CloudTestSettings.FAST_HTTP,
                Path.of("work"));

        // when / then
        assertThat(settings.toString())
                .doesNotContain("dbtc_very-secret")
                .contains("token=****", "emea.dbt.com", "acceptedStatuses=[10, 20]");
    }
}
