package io.dbtcatalog.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRatiosTests {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwoWhateverTheOrder() {
        assertThat(PairedRatios.median(List.of(1.34, 1.08, 1.13))).isEqualTo(1.13);
        assertThat(PairedRatios.median(List.of(1.4, 1.2, 1.0, 3.0))).isEqualTo(1.3, offset(1e-9));
        assertThat(PairedRatios.median(List.of(2.56))).isEqualTo(2.56);
    }

    @Test
    void eachEngineSizeAndKindGetsOneLineWithItsMedianAndEveryPairInOrder() {
        PairedRatios paired = new PairedRatios();
        paired.add("postgres", 10000, "first", 2.56);
        paired.add("postgres", 10000, "next run", 1.34);
        paired.add("postgres", 10000, "next run", 1.28);
        paired.add("postgres", 10000, "next run", 1.21);
        paired.add("h2", 10000, "next run", 1.23);

        String printed = print(paired);

        assertThat(printed.lines().filter(line -> line.startsWith("  ")))
                .containsExactly(
                        "  postgres N=10000 first       median x2.56 of 1: [x2.56]",
                        "  postgres N=10000 next run    median x1.28 of 3: [x1.34, x1.28, x1.21]",
                        "  h2 N=10000 next run          median x1.23 of 1: [x1.23]");
    }

    @Test
    void nothingIsPrintedWhenNoIngestionWasPaired() {
        assertThat(print(new PairedRatios())).isEmpty();
    }

    private static String print(PairedRatios paired) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        paired.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
