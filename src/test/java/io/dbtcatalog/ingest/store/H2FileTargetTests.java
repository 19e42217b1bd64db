package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.store.H2FileTarget.Eligibility;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which catalog URLs and credentials the packaged H2 template may create: an embedded H2 file database whose settings
 * change nothing about the file, with a user name; everything else is left to Flyway.
 */
class H2FileTargetTests {

    private static final Path HOME = Path.of("/home/analyst");

    @Test
    void theShippedDefaultIsATargetInTheWorkingFolder() {
        Eligibility eligibility = check("jdbc:h2:file:./data/catalog;AUTO_SERVER=TRUE", "sa", "");

        assertThat(eligibility.refusal()).isNull();
        assertThat(eligibility.target().database())
                .isEqualTo(Path.of("data/catalog").toAbsolutePath().normalize());
        assertThat(eligibility.target().dataFile().getFileName()).hasToString("catalog.mv.db");
        assertThat(eligibility.target().user()).isEqualTo("SA");
        assertThat(eligibility.target().password()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:h2:./data/catalog",
                "jdbc:h2:file:/var/lib/catalog/catalog",
                "jdbc:h2:FILE:../catalogs/catalog",
                "jdbc:h2:file:./data/catalog;AUTO_SERVER=TRUE;AUTO_SERVER_PORT=9090;DB_CLOSE_DELAY=-1",
                "jdbc:h2:file:./data/catalog;db_close_on_exit=false;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0;",
                "jdbc:h2:file:./data/catalog;TRACE_LEVEL_SYSTEM_OUT=3;TRACE_MAX_FILE_SIZE=4;AUTO_RECONNECT=TRUE"
            })
    void embeddedFileUrlsWithNeutralSettingsAreTargets(String url) {
        assertThat(check(url, "catalog", "secret").eligible()).isTrue();
    }

    @Test
    void aLeadingTildeIsTheHomeFolderAsForH2() {
        assertThat(check("jdbc:h2:~/catalogs/catalog", "sa", "").target().database())
                .isEqualTo(HOME.resolve("catalogs/catalog"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:h2:mem:catalog",
                "jdbc:h2:tcp://localhost/./data/catalog",
                "jdbc:h2:ssl://localhost/./data/catalog",
                "jdbc:h2:zip:./catalog.zip!/catalog",
                "jdbc:h2:nio:./data/catalog",
                "jdbc:h2:split:./data/catalog",
                "jdbc:h2:memFS:catalog",
                "jdbc:postgresql://localhost/catalog"
            })
    void otherKindsOfDatabaseAreLeftToFlyway(String url) {
        assertThat(check(url, "sa", "").refusal()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CIPHER=AES",
                "MODE=PostgreSQL",
                "IGNORECASE=TRUE",
                "COMPRESS=TRUE",
                "PAGE_SIZE=8192",
                "DATABASE_TO_UPPER=FALSE",
                "INIT=RUNSCRIPT FROM 'x.sql'",
                "IFEXISTS=TRUE",
                "ACCESS_MODE_DATA=r",
                "USER=other",
                "PASSWORD=other",
                "CACHE_SIZE=65536"
            })
    void settingsThatMayChangeTheFileAreLeftToFlywayNamingTheSetting(String setting) {
        Eligibility eligibility = check("jdbc:h2:file:./data/catalog;AUTO_SERVER=TRUE;" + setting, "sa", "");

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.refusal()).isEqualTo("the URL sets " + setting.substring(0, setting.indexOf('=')));
    }

    @Test
    void aPathH2RefusesAsImplicitlyRelativeIsLeftToH2() {
        assertThat(check("jdbc:h2:file:data/catalog", "sa", "").refusal()).contains("implicitly relative");
    }

    @Test
    void h2sBaseFolderSettingIsLeftToFlyway() {
        assertThat(H2FileTarget.check("jdbc:h2:./data/catalog", "sa", "", "/srv/h2", HOME)
                        .refusal())
                .isEqualTo("h2.baseDir is set");
    }

    @Test
    void aCatalogWithoutUserNameIsLeftToFlyway() {
        assertThat(check("jdbc:h2:./data/catalog", "", "").refusal()).isEqualTo("no user name");
        assertThat(check("jdbc:h2:./data/catalog", null, "").refusal()).isEqualTo("no user name");
    }

    @Test
    void theUserIsNamedAsH2StoresItAndAMissingPasswordIsEmpty() {
        H2FileTarget target =
                check("jdbc:h2:./data/catalog", "catalog_owner", null).target();

        assertThat(target.user()).isEqualTo("CATALOG_OWNER");
        assertThat(target.password()).isEmpty();
    }

    @Test
    void theTargetNeverPrintsItsPassword() {
        H2FileTarget target =
                check("jdbc:h2:./data/catalog", "catalog_owner", "s3cret-pw").target();

        assertThat(target.toString()).contains("CATALOG_OWNER").doesNotContain("s3cret-pw");
    }

    @Test
    void identifiersAreQuotedWithTheirQuotesDoubled() {
        assertThat(H2Template.quoted("A\"B")).isEqualTo("\"A\"\"B\"");
    }

    private static Eligibility check(String url, String user, String password) {
        return H2FileTarget.check(url, user, password, null, HOME);
    }
}
