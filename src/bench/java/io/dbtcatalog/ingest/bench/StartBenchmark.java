package io.dbtcatalog.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Start time as a user meets it: cold JVMs running the built jar ({@code java -jar target/dbt-catalog-ingest.jar
 * status}, a {@code run} of the sample into an empty H2 catalog, as the README's first command, and the read-only
 * queries {@code search}, {@code describe}, {@code lineage}, {@code impact}, {@code column-lineage}), each against a
 * bare JVM start ({@code java -version}) measured in the same run, interleaved so that load on a shared machine
 * spreads over all of them. The same commands with {@code -Ddbt-catalog-ingest.warmup=false} show what the start
 * warm-up on the second core buys (it starts only when the load average leaves a core free), {@code status} with
 * {@code -Ddbt-catalog.store.h2-early-open=false} what opening the catalog beside the start buys (decision 0037), with
 * {@code -Ddbt-catalog-ingest.relaunch=false} what the class-data-sharing archive buys. Needs {@code mvn package} first; prints medians and ratios (docs/benchmarks.md).
 */
public final class StartBenchmark {

    private static final Path JAR = Path.of("target/dbt-catalog-ingest.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String NO_ARCHIVE = "-Ddbt-catalog-ingest.relaunch=false";
    private static final String NO_WARMUP = "-Ddbt-catalog-ingest.warmup=false";
    private static final String NO_EARLY_OPEN = "-Ddbt-catalog.store.h2-early-open=false";
    private static final String ORDERS = "model.jaffle_shop.orders";

    /** The read-only queries people run against the sample's catalog, each timed as a command of its own. */
    private static final List<List<String>> QUERIES = List.of(
            List.of("search", "order"),
            List.of("describe", ORDERS),
            List.of("lineage", ORDERS),
            List.of("impact", ORDERS),
            List.of("column-lineage", ORDERS + ".order_id"));

    private final Path dir;
    private final Path config;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private StartBenchmark(Path dir) throws IOException {
        this.dir = dir;
        this.config = dir.resolve("ingestion-config.yaml");
        Files.writeString(config, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                    password: ""
                  work-dir: %s
                  sources:
                    - name: jaffle-shop-sample
                      kind: local
                      path: %s
                """.formatted(dir.resolve("data/catalog"), dir.resolve("work"), SAMPLE));
    }

    /** Runs {@code bench.repeats} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it first (mvn -q package -DskipTests)");
        }
        int repeats = Integer.getInteger("bench.repeats", 5);
        double loadBefore = JarProcess.load();
        Path dir = Files.createTempDirectory("start-bench");
        StartBenchmark bench = new StartBenchmark(dir);
        for (int round = 0; round < repeats; round++) {
            bench.round();
        }
        bench.print(repeats, loadBefore, JarProcess.load());
        BenchFiles.deleteTree(dir);
    }

    private void round() throws IOException, InterruptedException {
        time("bare JVM (java -version)", List.of(JAVA, "-version"));
        BenchFiles.deleteTree(dir.resolve("data"));
        time("run (sample, empty catalog)", jar(null, "run"));
        time("status", jar(null, "status"));
        time("run again (nothing new)", jar(null, "run"));
        time("validate", jar(null, "validate"));
        for (List<String> query : QUERIES) {
            time(String.join(" ", query), jar(null, query.toArray(String[]::new)));
        }
        BenchFiles.deleteTree(dir.resolve("data"));
        time("run (sample, empty catalog), no warm-up", jar(NO_WARMUP, "run"));
        time("status, no warm-up", jar(NO_WARMUP, "status"));
        time("status, no early open", jar(NO_EARLY_OPEN, "status"));
        BenchFiles.deleteTree(dir.resolve("data"));
        time("run (sample, empty catalog), no archive", jar(NO_ARCHIVE, "run"));
        time("status, no archive", jar(NO_ARCHIVE, "status"));
    }

    private List<String> jar(String option, String... command) {
        List<String> line = new ArrayList<>(List.of(JAVA));
        if (option != null) {
            line.add(option);
        }
        line.addAll(List.of("-jar", JAR.toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("--config", config.toString()));
        return line;
    }

    /** Runs one command to its end; records the wall time to its first byte of output and to its exit. */
    private void time(String label, List<String> command) throws IOException, InterruptedException {
        JarProcess.Result result = JarProcess.run(label, command, dir);
        samples.computeIfAbsent(label, l -> new ArrayList<>()).add(new Sample(result.wall(), result.firstOutput()));
    }

    private void print(int repeats, double loadBefore, double loadAfter) {
        double floor = median(samples.get("bare JVM (java -version)"), Sample::wall);
        String what = "start time, cold JVMs, java -jar "
                + Path.of("").toAbsolutePath().relativize(JAR);
        System.out.print(JarProcess.header(what, repeats, loadBefore, loadAfter));
        System.out.println("| command | wall s (median) | min | max | first output s | × bare JVM |");
        System.out.println("|---|---|---|---|---|---|");
        samples.forEach((label, list) -> System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.2f | %.1f |%n",
                label,
                JarProcess.wallCells(list.stream().map(Sample::wall).toList()),
                median(list, Sample::firstOutput),
                median(list, Sample::wall) / floor));
    }

    private static double median(List<Sample> list, ToDoubleFunction<Sample> value) {
        return PairedRatios.median(list.stream().map(value::applyAsDouble).toList());
    }

    /** One timed command: wall seconds to its exit and to its first byte of output. */
    private record Sample(double wall, double firstOutput) {}
}
