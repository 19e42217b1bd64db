package io.dbtcatalog.ingest.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An option's value, or a combination of options, that the command cannot use; the message says which and why.
 * Reported as a usage error (exit code 2) without repeating the command's usage.
 */
final class OptionValueException extends ParameterException {

    OptionValueException(CommandSpec command, String message) {
        super(command.commandLine(), message);
    }
}
