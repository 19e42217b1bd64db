package io.dbtcatalog.ingest.config;

import static io.dbtcatalog.ingest.config.ConfigBinding.bind;
import static io.dbtcatalog.ingest.config.ConfigBinding.keys;
import static io.dbtcatalog.ingest.config.ConfigBinding.problems;
import static io.dbtcatalog.ingest.config.ConfigBinding.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.local.LocalSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree's defaults and the rules of the top-level keys and of every source, each failure naming its key. */
class IngestionConfigTests {

    private static final String[] SHOP = source(0, "name=shop", "kind=local", "path=target");

    @Test
    void everyDefaultIsDeclaredOnTheRecordThatBindsIt() {
        // when
        IngestionProperties properties = bind(SHOP);

        // then
        assertThat(properties.workDir()).isEqualTo(Path.of("data/work"));
        assertThat(properties.http().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.http().callTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.http().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.http().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.http().retryDeadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.scheduler()).isEqualTo(new SchedulerProperties("UTC", 4, Duration.ofMinutes(2)));
        assertThat(properties.management().port()).isNull();
        assertThat(properties.maxDeleteShare()).isEqualTo(0.5);
        assertThat(properties.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aLocalSourceReadsItsFoldersAsPaths() {
        // when
        LocalSettings settings = bind(source(0, "name=shop", "kind=local", "path=target", "history-path=runs"))
                .sources()
                .get(0)
                .local();

        // then
        assertThat(settings).isEqualTo(new LocalSettings("shop", Path.of("target"), Path.of("runs")));
    }

    @Test
    void bindWhenLocalPathMissingFailsNamingTheKey() {
        assertThat(problems(source(0, "name=shop", "kind=local")))
                .containsExactly("ingestion.sources[0].path: required for kind local (a dbt target/ folder)");
    }

    @Test
    void bindWhenSourceNamesRepeatFailsNamingTheKey() {
        assertThat(problems(SHOP, source(1, "name=shop", "kind=local", "path=other")))
                .containsExactly("ingestion.sources[1].name: 'shop' is used by another source; names must be unique");
    }

    @Test
    void bindWhenSourceNameIsNoProjectKeyFailsNamingTheKey() {
        assertThat(problems(source(0, "name=my shop", "kind=local", "path=target")))
                .containsExactly(
                        "ingestion.sources[0].name: must be 1-200 letters, digits, '.', '_' or '-', starting with a letter"
                                + " or digit");
    }

    @Test
    void bindWhenKindIsUnknownFailsNamingTheKey() {
        assertThat(problems(source(0, "name=shop", "kind=ftp", "path=target")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].kind: ");
    }

    @Test
    void bindWhenAKeyIsUnknownFailsNamingTheKeyBeforeTheKeyItWasMeantToBe() {
        assertThat(problems(source(0, "name=shop", "kind=local", "pth=target")))
                .containsExactly("ingestion.sources[0].pth: unknown key");
    }

    @Test
    void bindWhenNoSourceIsConfiguredFailsNamingTheKey() {
        assertThat(problems()).singleElement().asString().startsWith("ingestion.sources: ");
    }

    @Test
    void bindWhenTargetUrlIsNeitherH2NorPostgresFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("target.url=jdbc:mysql://db/catalog")))
                .containsExactly("ingestion.target.url: must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Test
    void bindWhenScheduleIsNoCronExpressionFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("schedule=every day")))
                .singleElement()
                .asString()
                .startsWith("ingestion.schedule: 'every day' is not a Quartz cron expression");
        assertThat(problems(source(0, "name=shop", "kind=local", "path=target", "schedule=0 0 25 * * ?")))
                .singleElement()
                .asString()
                .startsWith("ingestion.sources[0].schedule: '0 0 25 * * ?' is not a");
    }

    @Test
    void bindWhenTimeZoneIsUnknownFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("scheduler.time-zone=Mars/Olympus")))
                .containsExactly(
                        "ingestion.scheduler.time-zone: 'Mars/Olympus' is not a time zone id (e.g. UTC, Europe/Paris)");
    }

    @Test
    void bindWhenSchedulerThreadsOutOfRangeFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("scheduler.threads=0")))
                .singleElement()
                .asString()
                .startsWith("ingestion.scheduler.threads: ");
    }

    @Test
    void bindWhenManagementPortOutOfRangeFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("management.port=70000")))
                .singleElement()
                .asString()
                .startsWith("ingestion.management.port: ");
    }

    @Test
    void bindWhenMaxDeleteShareAboveOneFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("max-delete-share=1.5")))
                .singleElement()
                .asString()
                .startsWith("ingestion.max-delete-share: ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "connect-timeout",
                "read-timeout",
                "call-timeout",
                "initial-backoff",
                "max-backoff",
                "retry-deadline"
            })
    void bindWhenAnHttpDurationIsNotPositiveFailsNamingTheKey(String key) {
        assertThat(problems(SHOP, keys("http." + key + "=0s")))
                .contains("ingestion.http." + key + ": must be a positive duration");
    }

    @Test
    void bindWhenMaxAttemptsOrRequestRateOutOfRangeFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("http.max-attempts=0")))
                .singleElement()
                .asString()
                .startsWith("ingestion.http.max-attempts: ");
        assertThat(problems(SHOP, keys("http.requests-per-minute=0")))
                .singleElement()
                .asString()
                .startsWith("ingestion.http.requests-per-minute: ");
    }

    @Test
    void bindWhenInitialBackoffExceedsMaxBackoffFailsNamingTheKey() {
        assertThat(problems(SHOP, keys("http.initial-backoff=1m", "http.max-backoff=30s")))
                .containsExactly("ingestion.http.initial-backoff: must not exceed max-backoff (PT30S), was PT1M");
    }

    @Test
    void theDatabasePasswordAndTokensAreRedactedFromToString() {
        // when
        IngestionProperties properties = bind(
                keys("target.password=pw-secret"),
                source(
                        0,
                        "name=prod",
                        "kind=discovery",
                        "metadata-url=https://metadata.cloud.getdbt.com/graphql",
                        "environment-id=7",
                        "token=dbtc_secret"));

        // then
        assertThat(properties.toString())
                .doesNotContain("pw-secret", "dbtc_secret")
                .contains("<redacted>");
    }
}
