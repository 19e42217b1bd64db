package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.launch.FastStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The launcher, which knows no picocli, compiles the commands that only query the catalog with C1 only: its list
 * must name exactly the read-only commands but {@code validate} (which reads whole artifacts, where the optimising
 * compiler pays), so that a new query command starts as fast as the others and no writing command loses C2.
 */
class CatalogQueryCommandsTests {

    @Test
    void theLaunchersCatalogQueriesAreTheReadOnlyCommandsButValidate() {
        // given the commands as picocli builds them
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine cli = new CommandLine(new IngestCommand(sink, sink));

        // when
        Set<String> readOnly = cli.getSubcommands().entrySet().stream()
                .filter(entry ->
                        entry.getValue().getCommand() instanceof ApplicationCommand command && command.readOnly())
                .map(entry -> entry.getKey())
                .collect(Collectors.toSet());

        // then
        assertThat(readOnly).contains("validate", "status");
        assertThat(FastStart.CATALOG_QUERIES)
                .containsExactlyInAnyOrderElementsOf(readOnly.stream()
                        .filter(name -> !name.equals("validate"))
                        .toList());
    }
}
