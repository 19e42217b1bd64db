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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code run} of a large project as a user meets it: {@code java -jar target/dbt-catalog-ingest.jar run} of
 * the synthetic project ({@code bench.models}, default 10,000) into a new H2 catalog, column lineage included, then
 * the next dbt invocation of the unchanged project into that catalog; each on the jar's class-data-sharing archive
 * (the jar relaunches itself on it) and without it ({@code -Ddbt-catalog-ingest.relaunch=false}), in alternate rounds
 * ({@code bench.repeats}, default 2). The ratio of the two is the guard: the archive must not make a {@code run}
 * slower, and once it made this one 2.7× slower unnoticed (decision 0033). Needs {@code mvn package} first.
 */
public final class RunBenchmark {

    private static final Path JAR = Path.of("target/dbt-catalog-ingest.jar").toAbsolutePath();
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final long SEED = 20260302L;
    private static final Pattern LINEAGE = Pattern.compile("column lineage of \\d+ models in (\\d+) ms");
    private static final Pattern INGESTED = Pattern.compile("ingested in (\\d+) ms");
    private static final List<Variant> VARIANTS = List.of(
            new Variant("archive (as users run it)", null),
            new Variant("no archive", "-Ddbt-catalog-ingest.relaunch=false"));

    private final Path dir;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private RunBenchmark(Path dir) {
        this.dir = dir;
    }

    /** Generates the project and its next invocation, runs the rounds and prints the table. */
    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it first (mvn -q package -DskipTests)");
        }
        int models = Integer.getInteger("bench.models", 10_000);
        int repeats = Integer.getInteger("bench.repeats", 2);
        double loadBefore = JarProcess.load();
        Path dir = Files.createTempDirectory("run-bench");
        SyntheticDbtProject project = SyntheticDbtProject.generate(dir.resolve("first/target"), models, SEED);
        project.nextInvocation(dir.resolve("next/target"));
        RunBenchmark bench = new RunBenchmark(dir);
        for (int round = 0; round < repeats; round++) {
            for (Variant variant : VARIANTS) {
                bench.round(variant);
            }
        }
        bench.print(models, repeats, loadBefore, JarProcess.load());
        BenchFiles.deleteTree(dir);
    }

    /** A first {@code run} into a new catalog, then the next invocation's {@code run} into the same catalog. */
    private void round(Variant variant) throws IOException, InterruptedException {
        BenchFiles.deleteTree(dir.resolve("data"));
        for (String invocation : List.of("first", "next")) {
            Path config = config(invocation);
            List<String> command = new ArrayList<>(List.of(JAVA));
            if (variant.option() != null) {
                command.add(variant.option());
            }
            command.addAll(List.of("-jar", JAR.toString(), "run", "--config", config.toString()));
            JarProcess.Result result = JarProcess.run(variant.label() + " " + invocation, command, dir);
            if (!INGESTED.matcher(result.output()).find()) {
                // a run that found nothing new to ingest would time the wrong thing
                throw new IllegalStateException(
                        variant.label() + " " + invocation + " run ingested nothing:\n" + result.output());
            }
            samples.computeIfAbsent(invocation + " run, " + variant.label(), key -> new ArrayList<>())
                    .add(new Sample(
                            result.wall(),
                            millis(LINEAGE, result.output()) / 1000.0,
                            millis(INGESTED, result.output()) / 1000.0));
        }
    }

    private Path config(String invocation) throws IOException {
        Path config = dir.resolve(invocation + ".yaml");
        Files.writeString(config, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                    password: ""
                  work-dir: %s
                  sources:
                    - name: bench
                      kind: local
                      path: %s
                """.formatted(
                        dir.resolve("data/catalog"), dir.resolve("work"), dir.resolve(invocation + "/target")));
        return config;
    }

    /** The milliseconds a log line reports, or NaN when the run printed none (a next run derives no lineage). */
    private static double millis(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private void print(int models, int repeats, double loadBefore, double loadAfter) {
        String what = String.format(
                Locale.ROOT,
                "real run of %,d models, java -jar %s run, new H2 catalog",
                models,
                Path.of("").toAbsolutePath().relativize(JAR));
        System.out.print(JarProcess.header(what, repeats, loadBefore, loadAfter));
        System.out.println("| command | wall s (median) | min | max | ingestion s (log) | column lineage s (log) |");
        System.out.println("|---|---|---|---|---|---|");
        samples.forEach((label, list) -> System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.2f | %s |%n",
                label,
                JarProcess.wallCells(list.stream().map(Sample::wall).toList()),
                median(list, Sample::ingestion),
                seconds(median(list, Sample::lineage))));
        for (String invocation : List.of("first", "next")) {
            double archive =
                    median(samples.get(invocation + " run, " + VARIANTS.get(0).label()), Sample::wall);
            double without =
                    median(samples.get(invocation + " run, " + VARIANTS.get(1).label()), Sample::wall);
            System.out.printf(
                    Locale.ROOT,
                    "%n%s run: archive / no archive = %.2f× (wall medians; well above 1 the archive slows a run)%n",
                    invocation,
                    archive / without);
        }
    }

    /** Seconds as the table shows them; a dash for a step the run did not log (a next run derives no lineage). */
    private static String seconds(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double median(List<Sample> list, ToDoubleFunction<Sample> value) {
        return PairedRatios.median(
                list.stream().map(sample -> value.applyAsDouble(sample)).toList());
    }

    /** How the jar is started: as users start it, or with one option. */
    private record Variant(String label, String option) {}

    /** One timed {@code run}: wall seconds, and the lineage step's and the ingestion's own seconds from its log. */
    private record Sample(double wall, double lineage, double ingestion) {}
}
