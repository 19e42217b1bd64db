package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The backfill progress line: done/total, failures, rate and ETA; throttled when not on a terminal. */
class BackfillProgressTests {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void lineShowsRunsDoneRateAndEta() {
        // given 40 runs to ingest, two done in four seconds, one of them failed
        BackfillProgress progress = progress(false);
        progress.planned("shop", 40, 3);
        advance(Duration.ofSeconds(2));
        progress.finished(outcome(RunOutcome.Status.INGESTED));
        advance(Duration.ofSeconds(2));
        progress.finished(outcome(RunOutcome.Status.FAILED));

        // then
        assertThat(output())
                .startsWith("shop: 40 run(s) to ingest, 3 already in the catalog")
                .contains("shop: 1/40 runs (2%), 0.50 runs/s, ETA 1m18s")
                .contains("shop: 2/40 runs (5%), 1 failed, 0.50 runs/s, ETA 1m16s");
    }

    @Test
    void withoutATerminalLinesComeAtMostOnceASecondPlusTheLastOne() {
        // given
        BackfillProgress progress = progress(false);
        progress.planned("shop", 3, 0);

        // when three runs finish within half a second, skipped runs aside
        progress.finished(outcome(RunOutcome.Status.INGESTED));
        progress.finished(outcome(RunOutcome.Status.SKIPPED));
        advance(Duration.ofMillis(200));
        progress.finished(outcome(RunOutcome.Status.INGESTED));
        advance(Duration.ofMillis(300));
        progress.finished(outcome(RunOutcome.Status.INGESTED));

        // then
        assertThat(output())
                .contains("shop: 1/3 runs")
                .doesNotContain("shop: 2/3 runs")
                .contains("shop: 3/3 runs (100%), 6.00 runs/s, done");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlace() {
        BackfillProgress progress = progress(true);
        progress.planned("shop", 2, 0);
        advance(Duration.ofSeconds(1));
        progress.finished(outcome(RunOutcome.Status.INGESTED));
        progress.finished(outcome(RunOutcome.Status.INGESTED));

        assertThat(output()).contains("\rshop: 1/2 runs (50%), 1.00 runs/s, ETA 1s\rshop: 2/2 runs");
    }

    private BackfillProgress progress(boolean terminal) {
        return new BackfillProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static RunOutcome outcome(RunOutcome.Status status) {
        return new RunOutcome(
                TestRuns.run("shop", "run", null, null, null, null), status, null, "m", Duration.ZERO, null);
    }
}
