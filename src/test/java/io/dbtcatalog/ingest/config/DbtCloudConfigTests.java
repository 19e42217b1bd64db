package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.bind;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules and defaults of a {@code kind: dbt-cloud} source, each failure naming its key. */
class DbtCloudConfigTests {

    private static final String[] CLOUD = {
        "name=prod", "kind=dbt-cloud", "base-url=https://emea.dbt.com", "account-id=70001", "token=dbtc_secret"
    };

    private static String[] cloud(String... more) {
        return source(0, Stream.concat(Stream.of(CLOUD), Stream.of(more)).toArray(String[]::new));
    }

    private static String[] cloudWithout(String key) {
        return source(
                0, Stream.of(CLOUD).filter(pair -> !pair.startsWith(key + "=")).toArray(String[]::new));
    }

    @Test
    void defaultsAcceptOnlySuccessWithTheSharedHttpDefaultsAndAFolderOfItsOwnUnderTheWorkDir() {
        // when
        IngestionProperties properties =
                bind(cloud("account-id=70403103922125", "base-url=https://abc123.us1.dbt.com"));
        DbtCloudSettings settings = properties.sources().get(0).dbtCloud(properties.http(), properties.workDir());

        // then
        assertThat(settings.acceptedStatuses()).containsExactly(10);
        assertThat(settings.http()).isEqualTo(properties.http());
        assertThat(settings.http().readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.http().requestsPerMinute()).isEqualTo(3000);
        assertThat(settings.workDir()).isEqualTo(Path.of("data/work", "prod"));
        assertThat(settings.accountId()).as("cell-based ids need a long").isEqualTo(70403103922125L);
    }

    @Test
    void jobIdsMergeSeveralJobsOfOneProjectIntoOneSourceAndJobIdStillWorks() {
        // when
        IngestionProperties several = bind(cloud("job-ids=70031,70034,70031"));
        IngestionProperties one = bind(cloud("job-id=70031"));
        IngestionProperties every = bind(cloud());

        // then
        assertThat(several.sources()
                        .get(0)
                        .dbtCloud(several.http(), several.workDir())
                        .jobIds())
                .containsExactly(70031L, 70034L);
        assertThat(one.sources().get(0).dbtCloud(one.http(), one.workDir()).jobIds())
                .containsExactly(70031L);
        assertThat(every.sources()
                        .get(0)
                        .dbtCloud(every.http(), every.workDir())
                        .jobIds())
                .isEmpty();
    }

    @Test
    void maxRunsPerPollDefaultsToTwenty() {
        assertThat(bind(cloud()).sources().get(0).maxRunsPerPoll()).isEqualTo(20);
        assertThat(bind(cloud("max-runs-per-poll=50")).sources().get(0).maxRunsPerPoll())
                .isEqualTo(50);
    }

    @Test
    void bindWhenMaxRunsPerPollIsNotPositiveFailsNamingTheKey() {
        assertThat(problems(cloud("max-runs-per-poll=0")))
                .containsExactly("ingestion.sources[0].max-runs-per-poll: must be a positive number");
    }

    @Test
    void bindWhenJobIdAndJobIdsAreBothSetFailsNamingTheKey() {
        assertThat(problems(cloud("job-id=70031", "job-ids=70034")))
                .containsExactly("ingestion.sources[0].job-ids: set job-id or job-ids, not both");
    }

    @Test
    void bindWhenAJobIdsEntryIsNotPositiveFailsNamingTheKey() {
        assertThat(problems(cloud("job-ids=70031,-2")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].job-ids")
                .endsWith("must be a positive number");
    }

    @Test
    void bindWhenJobIdsIsSetOnALocalSourceFailsNamingTheKey() {
        assertThat(problems(source(0, "name=shop", "kind=local", "path=target", "job-ids=70031")))
                .containsExactly("ingestion.sources[0].job-ids: only for kind dbt-cloud");
    }

    @Test
    void bindWhenAcceptedStatusesHoldAnUnfinishedStatusFailsNamingTheKey() {
        assertThat(problems(cloud("accepted-statuses=10,3")))
                .containsExactly(
                        "ingestion.sources[0].accepted-statuses:"
                                + " may only hold finished run statuses 10 (success), 20 (error) or 30 (cancelled); was [3, 10]");
    }

    @Test
    void bindWhenAcceptedStatusesAreEmptyFailsNamingTheKey() {
        assertThat(problems(cloud("accepted-statuses=")))
                .containsExactly(
                        "ingestion.sources[0].accepted-statuses: must list at least one run status (10 = success)");
    }

    @Test
    void bindWhenBaseUrlHasNoHostFailsNamingTheKeyAndAnExample() {
        assertThat(problems(cloud("base-url=https:/api")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].base-url: must be the account's access URL")
                .contains("ACCOUNT_PREFIX.us1.dbt.com");
    }

    @Test
    void bindWhenBaseUrlCarriesAQueryOrUserInfoFailsNamingTheKey() {
        assertThat(problems(cloud("base-url=https://user:pw@emea.dbt.com/?x=1")))
                .containsExactly("ingestion.sources[0].base-url: must not carry a query, fragment or user info; was"
                        + " https://emea.dbt.com/");
    }

    @Test
    void bindWhenBaseUrlMissingFailsNamingTheKey() {
        assertThat(problems(cloudWithout("base-url")))
                .containsExactly("ingestion.sources[0].base-url: required for kind dbt-cloud");
    }

    @Test
    void bindWhenAccountIdMissingFailsNamingTheKey() {
        assertThat(problems(cloudWithout("account-id")))
                .containsExactly("ingestion.sources[0].account-id: required for kind dbt-cloud");
    }

    @Test
    void bindWhenAccountIdIsNotPositiveFailsNamingTheKey() {
        assertThat(problems(cloud("account-id=0")))
                .containsExactly("ingestion.sources[0].account-id: must be a positive number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-id", "job-id", "environment-id"})
    void bindWhenAFilterIdIsNotPositiveFailsNamingTheKey(String key) {
        assertThat(problems(cloud(key + "=-5")))
                .containsExactly("ingestion.sources[0]." + key + ": must be a positive number");
    }

    @Test
    void bindWhenTokenIsBlankFailsNamingTheKey() {
        assertThat(problems(cloud("token= ")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].token: required for kind dbt-cloud")
                .contains("${DBT_CLOUD_TOKEN}");
    }

    @Test
    void bindWhenHistoryPathIsSetFailsNamingTheKey() {
        assertThat(problems(cloud("history-path=runs")))
                .containsExactly(
                        "ingestion.sources[0].history-path: only for kind local (dbt Cloud keeps its own run history)");
    }

    @Test
    void toStringOfTheSourceNeverShowsTheToken() {
        // when
        String text = bind(cloud()).sources().get(0).toString();

        // then
        assertThat(text).doesNotContain("dbtc_secret").contains("token=<redacted>", "emea.dbt.com");
    }
}
