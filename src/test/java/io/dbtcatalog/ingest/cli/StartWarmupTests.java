package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start warm-up: which command lines get one, that it ends on its own once the application has started, and
 * that it prints nothing while it loads the libraries a command needs.
 */
class StartWarmupTests {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    @ParameterizedTest
    @ValueSource(strings = {"", "schedule", "help", "--help", "--version", "status --help", "run -h", "frobnicate"})
    void commandLinesThatRunNoOneShotCommandGetNoWarmup(String line) {
        // when
        StartWarmup warmup = StartWarmup.begin(line.isEmpty() ? new String[0] : line.split(" "), null);

        // then
        assertThat(warmup).isSameAs(StartWarmup.NONE);
        assertThat(warmup.tasks()).isZero();
    }

    @Test
    void theSwitchTurnsItOff() {
        assertThat(StartWarmup.begin(new String[] {"run"}, "false")).isSameAs(StartWarmup.NONE);
        assertThat(StartWarmup.begin(new String[] {"run"}, "true")).isNotSameAs(StartWarmup.NONE);
    }

    @Test
    void anIngestingCommandWarmsMoreThanACatalogQuery() throws InterruptedException {
        // when
        StartWarmup run = StartWarmup.begin(new String[] {"run", "--config", "x.yaml"}, null);
        StartWarmup status = StartWarmup.begin(new String[] {"status"}, null);
        run.applicationStarting();
        status.applicationStarting();

        // then
        assertThat(run.tasks()).isGreaterThan(status.tasks());
        assertThat(status.tasks()).isPositive();
        assertThat(run.awaitEnd(GENEROUS)).isTrue();
        assertThat(status.awaitEnd(GENEROUS)).isTrue();
    }

    @Test
    void whatMayLogWaitsForTheApplicationToStart() throws InterruptedException {
        // given
        StartWarmup warmup = StartWarmup.begin(new String[] {"validate"}, null);

        // then it does not end before the application says logging is in place
        assertThat(warmup.awaitEnd(Duration.ofMillis(300))).isFalse();
        warmup.applicationStarting();
        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "backfill", "validate", "status", "describe", "column-lineage"})
    void itPrintsNothing(String command) throws InterruptedException {
        // given
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        boolean ended;
        try {
            System.setOut(capture);
            System.setErr(capture);

            // when
            StartWarmup warmup = StartWarmup.begin(new String[] {command}, null);
            warmup.applicationStarting();
            ended = warmup.awaitEnd(GENEROUS);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        // then
        assertThat(ended).isTrue();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
