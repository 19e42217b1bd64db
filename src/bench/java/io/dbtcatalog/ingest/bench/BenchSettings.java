package io.dbtcatalog.ingest.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's options: project sizes (first argument or {@code bench.sizes}, default 1000,10000,50000) and the
 * system properties {@code bench.engines} (postgres,h2), {@code bench.seed}, {@code bench.dir} (work folder,
 * default a new temp folder), {@code bench.keep} (keep generated files), {@code bench.profile} (stack sampling per
 * ingestion), {@code bench.floorRepeats} (2; the fastest floor counts) and {@code bench.warmup} (true: one untimed
 * pass of every phase on a 1,000-model project first, so that the floor and the ingestion are both measured with
 * their code JIT-compiled; false measures the first ingestion in a cold JVM), {@code bench.cold} (true: every
 * ingestion in a JVM of its own, started for it as a one-shot {@code java -jar ... run} is, {@link ColdPhase}; no
 * warm-up pass), {@code bench.nextRuns} (how many next dbt invocations of the unchanged project are ingested one
 * after the other, the fastest counting as the floor's fastest attempt does; by default {@code bench.floorRepeats}
 * with {@code bench.cold}, else 1), {@code bench.firstRuns} (how many first ingestions of the project are timed, each
 * into a new catalog, the fastest counting likewise; by default {@code bench.nextRuns}) and
 * {@code bench.pg} (extra PostgreSQL server settings, e.g. {@code shared_buffers=1GB,max_wal_size=4GB}).
 */
record BenchSettings(
        List<Integer> sizes,
        List<String> engines,
        long seed,
        String dir,
        boolean keep,
        boolean profile,
        int floorRepeats,
        boolean warmup,
        boolean cold,
        int nextRuns,
        int firstRuns,
        String postgresSettings) {

    static final int WARMUP_MODELS = 1_000;

    static BenchSettings from(String[] args) {
        String sizes = args.length > 0 ? args[0] : System.getProperty("bench.sizes", "1000,10000,50000");
        int floorRepeats = Integer.getInteger("bench.floorRepeats", 2);
        boolean cold = Boolean.getBoolean("bench.cold");
        int nextRuns = Integer.getInteger("bench.nextRuns", cold ? floorRepeats : 1);
        return new BenchSettings(
                Arrays.stream(sizes.split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Arrays.stream(System.getProperty("bench.engines", "postgres,h2").split(","))
                        .map(String::trim)
                        .filter(engine -> !engine.isEmpty())
                        .toList(),
                Long.getLong("bench.seed", 20_260_302L),
                System.getProperty("bench.dir"),
                Boolean.getBoolean("bench.keep"),
                Boolean.getBoolean("bench.profile"),
                floorRepeats,
                Boolean.parseBoolean(System.getProperty("bench.warmup", "true")),
                cold,
                nextRuns,
                Integer.getInteger("bench.firstRuns", nextRuns),
                System.getProperty("bench.pg", ""));
    }
}
