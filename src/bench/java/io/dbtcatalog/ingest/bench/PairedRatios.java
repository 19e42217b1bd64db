package io.dbtcatalog.ingest.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold ingestions each divided by a cold floor measured in the JVM started right before it ({@code -Dbench.cold=true},
 * decision 0032). The fastest-of-N ratios of the table compare attempts taken minutes apart; on a shared machine
 * whose speed drifts by a fifth within minutes, a pair taken back to back sees the same machine, so the median of the
 * pairs' ratios says how the code compares with the floor with the drift left out.
 */
final class PairedRatios {

    private final Map<String, List<Double>> ratios = new LinkedHashMap<>();

    /** Records one pair's ratio under {@code engine}, size and run kind ({@code first} or {@code next run}). */
    void add(String engine, int models, String kind, double ratio) {
        ratios.computeIfAbsent(engine + " N=" + models + " " + kind, key -> new ArrayList<>())
                .add(ratio);
    }

    /** One line per engine, size and run kind: every pair's ratio and their median; nothing when none was paired. */
    void print(PrintStream out) {
        if (ratios.isEmpty()) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "%npaired: each cold ingestion over a cold floor measured right before it (postgres: parse + COPY;"
                        + " h2: parse + H2's own bare load)%n");
        ratios.forEach((key, values) -> out.printf(
                Locale.ROOT,
                "  %-28s median x%.2f of %d: %s%n",
                key,
                median(values),
                values.size(),
                values.stream()
                        .map(ratio -> String.format(Locale.ROOT, "x%.2f", ratio))
                        .toList()));
    }

    /** The median of {@code values} (the mean of the middle two when their number is even). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
