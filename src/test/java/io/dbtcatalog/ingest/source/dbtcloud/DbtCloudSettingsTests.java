package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DbtCloudSettingsTests {

    private static final URI EMEA = URI.create("https://emea.dbt.com");

    private static DbtCloudSettings settings(URI base, long account, String token, Set<Integer> statuses) {
        return new DbtCloudSettings("prod", base, account, token, null, null, null, statuses, null, null);
    }

    @Test
    void toStringNeverShowsTheToken() {
        // given
        DbtCloudSettings settings = settings(EMEA, 70001, "dbtc_very-secret", Set.of(10, 20));

        // when / then
        assertThat(settings.toString()).doesNotContain("dbtc_very-secret").contains("token=****", "emea.dbt.com",
                "acceptedStatuses=[10, 20]");
    }

    @Test
    void defaultsAcceptOnlySuccessWithDefaultHttpSettingsAndATemporaryWorkDir() {
        // when
        DbtCloudSettings settings = settings(URI.create("https://abc123.us1.dbt.com"), 70403103922125L, "t", null);

        // then
        assertThat(settings.acceptedStatuses()).containsExactly(10);
        assertThat(settings.http()).isEqualTo(HttpSettings.defaults());
        assertThat(settings.workDir()).isNotNull();
        assertThat(settings.accountId()).isEqualTo(70403103922125L);
    }

    @Test
    void unfinishedStatusesCannotBeAccepted() {
        assertThatThrownBy(() -> settings(EMEA, 1, "t", Set.of(10, 3)))
                .hasMessageContaining("accepted-statuses").hasMessageContaining("prod");
    }

    @Test
    void baseUrlMustBeAnHttpAccessUrl() {
        assertThatThrownBy(() -> settings(URI.create("cloud.getdbt.com"), 1, "t", null))
                .hasMessageContaining("base-url").hasMessageContaining("ACCOUNT_PREFIX.us1.dbt.com");
    }

    @Test
    void emptyTokenAndNonPositiveIdsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> settings(EMEA, 1, " ", null)).hasMessageContaining("token is empty");
        assertThatThrownBy(() -> settings(EMEA, 0, "t", null)).hasMessageContaining("account-id");
        assertThatThrownBy(() -> new DbtCloudSettings("prod", EMEA, 1, "t", -5L, null, null, null, null, null))
                .hasMessageContaining("project-id");
    }
}
