package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start warm-up: which command lines get one, that it ends on its own once the application has started, that
 * each of its tasks works, and that it prints nothing while it loads the libraries a command needs.
 */
class StartWarmupTests {

    private static final Duration GENEROUS = Duration.ofMinutes(2);
    private static final BooleanSupplier FREE = () -> true;

    @ParameterizedTest
    @ValueSource(strings = {"", "schedule", "help", "--help", "--version", "status --help", "run -h", "frobnicate"})
    void commandLinesThatRunNoOneShotCommandGetNoWarmup(String line) {
        // when
        StartWarmup warmup = StartWarmup.begin(line.isEmpty() ? new String[0] : line.split(" "), null, FREE);

        // then
        assertThat(warmup).isSameAs(StartWarmup.NONE);
        assertThat(warmup.tasks()).isZero();
    }

    @Test
    void theSwitchTurnsItOff() {
        assertThat(StartWarmup.begin(new String[] {"run"}, "false", FREE)).isSameAs(StartWarmup.NONE);
        assertThat(StartWarmup.begin(new String[] {"run"}, "true", FREE)).isNotSameAs(StartWarmup.NONE);
    }

    @Test
    void onAMachineWithoutASecondCoreItEndsAtOnceWithoutWarmingAnything() throws InterruptedException {
        // when
        StartWarmup warmup = StartWarmup.begin(new String[] {"run"}, null, () -> false);

        // then it does not even wait for the application
        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();
    }

    @Test
    void itRunsOnAnyMachineWithASecondCoreHoweverBusy() {
        assertThat(StartWarmup.secondCore(2)).isTrue();
        assertThat(StartWarmup.secondCore(16)).isTrue();
        assertThat(StartWarmup.secondCore(1)).as("a single core").isFalse();
    }

    @Test
    void anIngestingCommandWarmsMoreThanACatalogQuery() throws InterruptedException {
        // when
        StartWarmup run = StartWarmup.begin(new String[] {"run", "--config", "x.yaml"}, null, FREE);
        StartWarmup status = StartWarmup.begin(new String[] {"status"}, null, FREE);
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
        StartWarmup warmup = StartWarmup.begin(new String[] {"validate"}, null, FREE);

        // then it does not end before the application says logging is in place
        assertThat(warmup.awaitEnd(Duration.ofMillis(300))).isFalse();
        warmup.applicationStarting();
        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();
    }

    @Test
    void onceTheMainThreadFinishesItNoTaskStartsAndTheThreadEnds() throws InterruptedException {
        // given a warm-up still waiting for the application to start
        StartWarmup warmup = StartWarmup.begin(new String[] {"run"}, null, FREE);

        // when the main thread needs the libraries itself
        warmup.finish();

        // then finish() has returned with no task running, and the warm-up ends without the application's signal
        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();
        StartWarmup.NONE.finish();
        StartWarmup.NONE.applicationStarting();
    }

    @Test
    void itHandsOverTheConfigurationValidatorItBuiltOnlyOnceFinished() throws InterruptedException {
        // given a warm-up that gets to its validator task
        StartWarmup warmup = StartWarmup.begin(new String[] {"status"}, null, FREE);
        warmup.applicationStarting();
        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();

        // then: nothing before the main thread has finished the warm-up, the built validator after
        assertThat(warmup.preparedValidator()).isNull();
        warmup.finish();
        assertThat(warmup.preparedValidator()).isNotNull();
        assertThat(StartWarmup.NONE.preparedValidator()).isNull();
    }

    @Test
    void aWarmupFinishedBeforeItsValidatorTaskHandsOverNone() throws InterruptedException {
        StartWarmup warmup = StartWarmup.begin(new String[] {"status"}, null, FREE);

        warmup.finish();

        assertThat(warmup.awaitEnd(GENEROUS)).isTrue();
        assertThat(warmup.preparedValidator()).isNull();
    }

    @Test
    void everyTaskRunsToItsEndWithoutFailing() {
        // the warm-up swallows a task's failure (it must never change a command), so a task broken by a library
        // update would silently warm nothing: each one is run here on its own
        List<Runnable> tasks = List.of(
                WarmupTasks::picocli,
                WarmupTasks::h2,
                WarmupTasks::json,
                WarmupTasks::sqlParser,
                () -> assertThat(WarmupTasks.validator()).isNotNull(),
                WarmupTasks::flyway);

        for (Runnable task : tasks) {
            assertThatCode(task::run).doesNotThrowAnyException();
        }
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
            StartWarmup warmup = StartWarmup.begin(new String[] {command}, null, FREE);
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
