package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import org.springframework.context.ConfigurableApplicationContext;

/** One CLI command that runs inside the started application and returns its exit code. */
interface CliCommand {

    int execute(ConfigurableApplicationContext context, CliArguments arguments, PrintStream out, PrintStream err);
}
