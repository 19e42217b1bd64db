package io.dbtcatalog.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One command line run in this JVM: its exit code, standard output and standard error. */
record CliRun(int code, String out, String err) {

    static CliRun of(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IngestCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Both outputs, for assertion messages. */
    String all() {
        return "--- stdout\n" + out + "--- stderr\n" + err;
    }
}
