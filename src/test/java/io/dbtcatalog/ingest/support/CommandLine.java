package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.cli.IngestCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One command line run in this JVM, as a user types it ({@code run --config FILE}): its exit code, standard output
 * and standard error. For tests outside the {@code cli} package that must not depend on anything below the CLI.
 */
public record CommandLine(int code, String out, String err) {

    public static CommandLine run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IngestCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new CommandLine(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Both outputs, for assertion messages. */
    public String all() {
        return "--- stdout\n" + out + "--- stderr\n" + err;
    }
}
