package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line itself, without starting the application: help, version, and usage errors that name the
 * command or option (exit code 2).
 */
class CommandLineUsageTests {

    @ParameterizedTest
    @CsvSource({"--help", "-h", "help"})
    void helpListsEveryCommandAndTheExitCodes(String help) {
        // when
        CliRun run = CliRun.of(help);

        // then
        assertThat(run.code()).as(run.all()).isEqualTo(IngestCli.OK);
        assertThat(run.out())
                .startsWith("usage: java -jar dbt-catalog-ingest.jar")
                .contains("run", "validate", "backfill", "schedule", "status", "help")
                .contains("ingest the latest run of every configured source (or of one, with --source)")
                .contains("exit codes:")
                .contains("usage or configuration error");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachCommandHasItsOwnHelpListingItsOptions() {
        // when
        CliRun run = CliRun.of("run", "--help");
        CliRun backfill = CliRun.of("help", "backfill");
        CliRun status = CliRun.of("status", "-h");

        // then
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .startsWith("usage: java -jar dbt-catalog-ingest.jar run")
                .contains("--config=FILE", "--source=NAME", "--force", "--allow-mass-delete")
                .doesNotContain("--since");
        assertThat(backfill.code()).isZero();
        assertThat(backfill.out()).contains("--since=DATE", "--until=DATE", "--last=N", "--source=NAME");
        assertThat(status.out()).contains("--json", "--config=FILE");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("dbt-catalog-ingest ");
    }

    @Test
    void noCommandIsAUsageErrorFollowedByTheUsage() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(IngestCli.USAGE);
        assertThat(run.err()).startsWith("error: no command given").contains("usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsNamedWithItsCommandAndThatCommandsUsage() {
        CliRun run = CliRun.of("status", "--verbose");

        assertThat(run.code()).isEqualTo(IngestCli.USAGE);
        assertThat(run.err())
                .startsWith("error: unknown option '--verbose' for status")
                .contains("usage: java -jar dbt-catalog-ingest.jar status")
                .contains("--json");
    }

    @ParameterizedTest
    @CsvSource({"run,--source", "validate,--source", "backfill,--last", "status,--config"})
    void optionWithoutItsValueIsAUsageErrorNamingIt(String command, String option) {
        // when: the option ends the line, or another option follows it
        CliRun last = CliRun.of(command, option);
        CliRun followed = CliRun.of(command, option, "--help");

        // then
        assertThat(last.code()).isEqualTo(IngestCli.USAGE);
        assertThat(last.err()).startsWith("error: " + option + " needs a value");
        assertThat(followed.code()).isEqualTo(IngestCli.USAGE);
        assertThat(followed.err()).startsWith("error: " + option + " needs a value");
    }

    @Test
    void backfillOptionValuesAreCheckedBeforeAnythingStarts() {
        // when: no configuration file exists, so only the options can be at fault
        CliRun zero = CliRun.of("backfill", "--source", "shop", "--last", "0");
        CliRun untilWithLast = CliRun.of("backfill", "--source", "shop", "--last", "3", "--until", "2026-01-01");
        CliRun backwards = CliRun.of("backfill", "--source", "shop", "--since", "2026-02-01", "--until", "2026-01-01");
        CliRun badUntil = CliRun.of("backfill", "--source", "shop", "--since", "2026-02-01", "--until", "soon");

        // then
        assertThat(zero.code()).isEqualTo(IngestCli.USAGE);
        assertThat(zero.err())
                .isEqualTo("error: --last needs a positive number of runs, not '0'" + System.lineSeparator());
        assertThat(untilWithLast.err()).contains("--until goes with --since, not with --last");
        assertThat(backwards.err()).contains("--until 2026-01-01 must be later than --since 2026-02-01");
        assertThat(badUntil.err()).contains("--until 'soon' is not a date");
        assertThat(java.util.List.of(untilWithLast.code(), backwards.code(), badUntil.code()))
                .containsOnly(IngestCli.USAGE);
    }
}
