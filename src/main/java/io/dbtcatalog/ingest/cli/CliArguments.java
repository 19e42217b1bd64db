package io.dbtcatalog.ingest.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line: the command and its options, checked against what that command accepts
 * ({@link CliCommands}). Parsing never exits the JVM; bad usage is a {@link UsageException} (exit code 2).
 */
record CliArguments(String command, Map<String, String> options) {

    static final String FLAG = "true";

    CliArguments {
        options = Map.copyOf(options);
    }

    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h")) {
            return new CliArguments("help", Map.of());
        }
        CliCommands.Spec spec = CliCommands.spec(command)
                .orElseThrow(() -> new UsageException("unknown command '" + command + "'"));
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new CliArguments("help", Map.of());
            }
            if (spec.flags().contains(option)) {
                options.put(option, FLAG);
            } else if (spec.valued().contains(option)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(option + " needs a value");
                }
                options.put(option, args[++i]);
            } else {
                throw new UsageException("unknown option '" + option + "' for " + command);
            }
        }
        return new CliArguments(command, options);
    }

    /** The configuration file: {@code --config}, else {@code ./ingestion-config.yaml}. */
    Path config() {
        return Path.of(options.getOrDefault("--config", "ingestion-config.yaml"));
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(options.get(option));
    }

    boolean flag(String option) {
        return options.containsKey(option);
    }

    /** Wrong command-line usage; the message says what was wrong. */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
