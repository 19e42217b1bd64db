package io.dbtcatalog.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTests {

    @Test
    void growthLineComparesEachEnginesFirstIngestionAndTheFloorWithThePreviousSize() {
        // given
        BenchTable table = new BenchTable();
        table.add(new BenchTable.Row("floor", 10_000, "-", 100, 1.0, 3.0, 4.0, 0, 0));
        table.add(new BenchTable.Row("postgres", 10_000, "first", 100, 2.0, 6.0, 4.0, 0, 0));
        table.add(new BenchTable.Row("postgres", 10_000, "second", 0, 0.2, 0.0, 4.0, 0, 0));
        table.add(new BenchTable.Row("floor", 50_000, "-", 500, 5.0, 17.0, 22.0, 0, 0));
        table.add(new BenchTable.Row("postgres", 50_000, "first", 500, 9.0, 33.0, 22.0, 0, 0));
        table.add(new BenchTable.Row("postgres", 50_000, "second", 0, 1.0, 0.0, 22.0, 0, 0));

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.printGrowth(new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("growth 10000 -> 50000 models (x5.0): postgres"
                        + " first x5.25 (read x4.50, write x5.50); floor x5.50" + System.lineSeparator());
    }

    @Test
    void attemptsLineGivesTheFastestAndTheMedianAgainstTheFloorAndEveryTotalInOrder() {
        // given three first ingestions of one size against a floor of 4 s
        List<BenchTable.Row> attempts = List.of(
                new BenchTable.Row("postgres", 10_000, "first 1/3", 100, 4.0, 6.0, 4.0, 0, 0),
                new BenchTable.Row("postgres", 10_000, "first 2/3", 100, 3.5, 5.5, 4.0, 0, 0),
                new BenchTable.Row("postgres", 10_000, "first 3/3", 100, 4.5, 6.5, 4.0, 0, 0));

        // when
        BenchTable.Row fastest = BenchTable.fastest(attempts);
        String line = BenchTable.attempts(attempts);

        // then
        assertThat(fastest.run()).isEqualTo("first 2/3");
        assertThat(line)
                .isEqualTo("fastest of 3 9.00 s (x2.25 the floor), median 10.00 s (x2.50), all [9.00, 10.00, 11.00]");
    }

    @Test
    void growthIsNotPrintedForASingleSize() {
        // given
        BenchTable table = new BenchTable();
        table.add(new BenchTable.Row("floor", 1_000, "-", 10, 0.1, 0.3, 0.4, 0, 0));
        table.add(new BenchTable.Row("h2", 1_000, "first", 10, 0.2, 0.6, 0.4, 0, 0));

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.printGrowth(new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void heapLinesGiveEachSizesHighestLiveHeapWhereItWasReachedAndItsGrowth() {
        // given
        long mb = 1024 * 1024;
        BenchTable table = new BenchTable();
        table.add(new BenchTable.Row("floor", 10_000, "-", 100, 1.0, 3.0, 4.0, 0, 20 * mb));
        table.add(new BenchTable.Row("postgres", 10_000, "first", 100, 2.0, 6.0, 4.0, 0, 110 * mb, 0.8));
        table.add(new BenchTable.Row("postgres", 10_000, "next run", 10, 1.0, 1.0, 1.0, 0, 100 * mb, 0.0));
        table.add(new BenchTable.Row("floor", 50_000, "-", 500, 5.0, 17.0, 22.0, 0, 30 * mb));
        table.add(new BenchTable.Row("postgres", 50_000, "first", 500, 9.0, 31.0, 22.0, 0, 500 * mb, 4.0));
        table.add(new BenchTable.Row("postgres", 50_000, "next run", 50, 5.0, 5.0, 5.0, 0, 550 * mb, 1.0));

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.printHeap(new PrintStream(out, true, StandardCharsets.UTF_8), 1024 * mb);

        // then
        String n = System.lineSeparator();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("live heap at max heap 1024 MB (every size):" + n
                        + "  postgres N=10000: peak live heap 110 MB (first), first ingestion 10% in GC pauses" + n
                        + "  postgres N=50000: peak live heap 550 MB (next run), first ingestion 10% in GC pauses;"
                        + " x5.00 the live heap at N=10000" + n);
    }
}
