package io.dbtcatalog.ingest.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line: the command ({@code run}, {@code help}) and its options. Parsing never exits the JVM;
 * bad usage is a {@link UsageException} that the CLI turns into exit code 2.
 */
record CliArguments(String command, Path config, String source, boolean force) {

    static final String USAGE = """
            usage: java -jar dbt-catalog-ingest.jar <command> [options]

            commands:
              run        ingest the latest run of every configured source (or of one, with --source)
              help       print this text

            options:
              --config FILE   configuration file (default: ./ingestion-config.yaml)
              --source NAME   only this configured source
              --force         ingest runs again even when the catalog already holds them
            """;

    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (!List.of("run", "help", "--help", "-h").contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        Path config = Path.of("ingestion-config.yaml");
        String source = null;
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(value(args, ++i, "--config"));
                case "--source" -> source = value(args, ++i, "--source");
                case "--force" -> force = true;
                case "--help", "-h" -> command = "help";
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        return new CliArguments(command.startsWith("-") ? "help" : command, config, source, force);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    /** Wrong command-line usage; the message says what was wrong. */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
