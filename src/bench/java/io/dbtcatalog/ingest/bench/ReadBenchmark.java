package io.dbtcatalog.ingest.bench;

import com.sun.management.OperatingSystemMXBean;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactInput;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read side alone (decision 0018), on one thread and on two, against the floor's bare parse pass, without a
 * database: the phases are interleaved round by round ({@code bench.repeats}, default 5) and each one's median counts,
 * so load from other processes on the machine moves all of them alike. Phases: the floor's parse pass over manifest,
 * catalog and run_results; the state-digest pass alone with the byte scan and with Jackson's walk (decision 0020; on
 * two cores it parses the run_results files ahead too); a next run's read (fingerprint, then the history only); a first ingestion's read (the full
 * read with its fingerprint beside it on two cores, before it on one).
 *
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=io.dbtcatalog.ingest.bench.ReadBenchmark -Dbench.sizes=10000</pre>
 */
public final class ReadBenchmark {

    /** The process's CPU time (every thread, the JIT's and the collector's too). */
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ReadBenchmark() {}

    public static void main(String[] args) throws IOException {
        BenchSettings settings = BenchSettings.from(args);
        int repeats = Integer.getInteger("bench.repeats", 5);
        Path root = Files.createTempDirectory("dbt-catalog-read-bench");
        for (int models : settings.sizes()) {
            SyntheticDbtProject project =
                    SyntheticDbtProject.generate(root.resolve(models + "/target"), models, settings.seed());
            ArtifactFiles files = new ArtifactFiles(project.manifest(), project.runResults(), project.catalog(), null);
            RunRef run = TestRuns.run(
                    "bench",
                    "run-" + models,
                    null,
                    null,
                    null,
                    project.directory().toString());
            Map<String, Supplier<Object>> phases = new LinkedHashMap<>();
            List<Path> parsed = List.of(project.manifest(), project.catalog(), project.runResults());
            phases.put("floor parse pass", () -> Floor.parse(parsed));
            for (boolean scan : new boolean[] {false, true}) {
                String how = scan ? "byte scan" : "Jackson walk";
                phases.put("state pass, " + how + ", 1 core", () -> statePass(files, run, false, scan));
                phases.put("state pass, " + how + ", 2 cores", () -> statePass(files, run, true, scan));
            }
            for (boolean parallel : new boolean[] {false, true}) {
                String cores = parallel ? "two cores" : "one core";
                phases.put("next run read, " + cores, () -> nextRun(files, run, parallel));
                phases.put("first read, " + cores, () -> first(files, run, parallel));
            }
            phases.values().forEach(Supplier::get); // warm-up, untimed
            Map<String, double[]> seconds = new LinkedHashMap<>();
            Map<String, double[]> cpu = new LinkedHashMap<>();
            phases.keySet().forEach(phase -> seconds.put(phase, new double[repeats]));
            phases.keySet().forEach(phase -> cpu.put(phase, new double[repeats]));
            for (int round = 0; round < repeats; round++) {
                for (Map.Entry<String, Supplier<Object>> phase : phases.entrySet()) {
                    System.gc();
                    long cpuStart = CPU.getProcessCpuTime();
                    long start = System.nanoTime();
                    phase.getValue().get();
                    seconds.get(phase.getKey())[round] = Floor.seconds(start);
                    cpu.get(phase.getKey())[round] = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
                }
            }
            print(models, seconds, cpu);
        }
    }

    private static Object nextRun(ArtifactFiles files, RunRef run, boolean parallel) {
        try (ArtifactInput input = new ArtifactInput(new ArtifactSnapshotReader(true, parallel), files, run)) {
            input.fingerprint();
            return input.readHistory();
        }
    }

    /** The state-digest pass alone (decision 0020: the byte scan against Jackson's walk), as a next run starts. */
    private static Object statePass(ArtifactFiles files, RunRef run, boolean parallel, boolean scan) {
        try (ArtifactInput input = new ArtifactInput(new ArtifactSnapshotReader(true, parallel, scan), files, run)) {
            return input.stateDigest().orElseThrow();
        }
    }

    private static Object first(ArtifactFiles files, RunRef run, boolean parallel) {
        try (ArtifactInput input = new ArtifactInput(new ArtifactSnapshotReader(true, parallel), files, run)) {
            CatalogSnapshot snapshot = input.read();
            input.stateDigest();
            return snapshot;
        }
    }

    private static void print(int models, Map<String, double[]> seconds, Map<String, double[]> cpu) {
        double floor = median(seconds.get("floor parse pass"));
        System.out.printf(
                Locale.ROOT, "%n%,d models, median of %d rounds:%n", models, seconds.get("floor parse pass").length);
        System.out.printf(
                Locale.ROOT,
                "%-34s %9s %9s %9s %10s %11s%n",
                "phase",
                "median s",
                "min s",
                "max s",
                "x parse",
                "CPU s (med)");
        seconds.forEach((phase, values) -> System.out.println(String.format(
                Locale.ROOT,
                "%-34s %9.2f %9.2f %9.2f %10.2f %11.2f",
                phase,
                median(values),
                Arrays.stream(values).min().orElseThrow(),
                Arrays.stream(values).max().orElseThrow(),
                median(values) / floor,
                median(cpu.get(phase)))));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
