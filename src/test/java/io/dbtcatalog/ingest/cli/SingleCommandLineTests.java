package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * A command line that names a command builds that command alone under the top (picocli's model of one command, not
 * of all eleven): what the user sees must be what the whole command line shows for that command.
 */
class SingleCommandLineTests {

    @Test
    void everyCommandIsFoundByItsNameButHelp() {
        // given the commands the whole command line declares
        List<Class<?>> commands = Arrays.stream(
                        IngestCommand.class.getAnnotation(Command.class).subcommands())
                .filter(command -> command != HelpCommand.class)
                .toList();

        // then
        assertThat(commands).hasSize(10);
        commands.forEach(command -> assertThat(IngestCommand.commandNamed(
                        command.getAnnotation(Command.class).name()))
                .contains(command));
        assertThat(IngestCommand.commandNamed("help")).isEmpty();
        assertThat(IngestCommand.commandNamed("stat")).isEmpty();
        assertThat(IngestCommand.commandNamed("--config")).isEmpty();
    }

    @Test
    void eachCommandsHelpBuiltAloneIsTheHelpTheWholeCommandLineGivesForIt() {
        for (String name : List.of(
                "run",
                "validate",
                "backfill",
                "schedule",
                "status",
                "column-lineage",
                "describe",
                "lineage",
                "impact",
                "search")) {
            // when
            CliRun alone = CliRun.of(name, "--help");
            CliRun whole = CliRun.of("help", name);

            // then
            assertThat(alone.code()).as(name).isZero();
            assertThat(alone.out())
                    .as(name)
                    .startsWith("usage: java -jar dbt-catalog-ingest.jar " + name)
                    .isEqualTo(whole.out());
            assertThat(alone.err()).as(name).isEmpty();
        }
    }

    @Test
    void aWrongOptionOfACommandIsReportedAsTheWholeCommandLineReportsIt() {
        // when
        CliRun alone = CliRun.of("describe", "orders", "--nope");
        CliRun whole = CliRun.of("help", "describe");

        // then
        assertThat(alone.code()).isEqualTo(IngestCli.USAGE);
        assertThat(alone.err()).isEqualTo("error: unknown option '--nope' for describe\n" + whole.out());
    }
}
