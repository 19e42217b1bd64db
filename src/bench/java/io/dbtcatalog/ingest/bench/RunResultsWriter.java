package io.dbtcatalog.ingest.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;

/**
 * Streams a {@code run_results.json} (schema v6) of a {@code dbt build}: one result per seed, non-ephemeral model
 * and test, mostly success/pass with a few error/skipped models and fail/warn/error/skipped tests.
 */
final class RunResultsWriter {

    static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/run-results/v6.json";

    private final SpecFactory specs;
    private final DagLayout layout;
    private final InvocationMetadata metadata;
    private final SplittableRandom random;
    private Instant clock;

    RunResultsWriter(SpecFactory specs, InvocationMetadata metadata, long seed) {
        this.specs = specs;
        this.layout = specs.layout();
        this.metadata = metadata;
        this.random = new SplittableRandom(seed * 7 + 5);
        this.clock = metadata.invocationStartedAt().plusSeconds(5);
    }

    void write(Path file) {
        try (JsonGenerator g = Json.open(file)) {
            g.writeStartObject();
            metadata.write(g, SCHEMA_VERSION, false);
            g.writeArrayPropertyStart("results");
            for (int k = 0; k < layout.seeds; k++) {
                Specs.Seed seed = specs.seed(k);
                result(g, seed.id(), "success", null, null, 120, Specs.relation("seeds", seed.name()), null);
            }
            for (int i = 0; i < layout.models; i++) {
                if (!layout.ephemeral(i)) {
                    model(g, specs.model(i));
                }
                for (int t = 0; t < layout.testsOf(i); t++) {
                    test(g, specs.test(i, t));
                }
            }
            g.writeEndArray();
            g.writeNumberProperty("elapsed_time", 1742.5);
            args(g);
            g.writeEndObject();
        }
    }

    private void model(JsonGenerator g, Specs.Model model) {
        int roll = random.nextInt(200);
        String status = roll < 3 ? "error" : roll < 6 ? "skipped" : "success";
        String message =
                switch (status) {
                    case "error" ->
                        "Database Error in model " + model.name() + " (" + model.filePath() + ")\n  002003 "
                                + "(42S02): SQL compilation error:\n  Object 'ANALYTICS.STAGING.MISSING' does not exist.";
                    case "skipped" -> null;
                    default -> "SUCCESS " + random.nextInt(1_000_000);
                };
        result(
                g,
                model.id(),
                status,
                message,
                null,
                random.nextInt(500_000),
                model.relationName(),
                "skipped".equals(status) ? null : model.compiledCode());
    }

    private void test(JsonGenerator g, Specs.Test test) {
        int roll = random.nextInt(200);
        String status = roll < 5 ? "fail" : roll < 10 ? "warn" : roll < 11 ? "error" : roll < 12 ? "skipped" : "pass";
        long failures = 1 + random.nextInt(500);
        switch (status) {
            case "fail" ->
                result(
                        g,
                        test.id(),
                        status,
                        "Got " + failures + " results, configured to fail if != 0",
                        failures,
                        1,
                        null,
                        test.compiledCode());
            case "warn" ->
                result(
                        g,
                        test.id(),
                        status,
                        "Got " + failures + " results, configured to warn if != 0",
                        failures,
                        1,
                        null,
                        test.compiledCode());
            case "error" ->
                result(
                        g,
                        test.id(),
                        status,
                        "Database Error in test " + test.name()
                                + "\n  000904 (42000): SQL compilation error: invalid identifier",
                        null,
                        0,
                        null,
                        null);
            case "skipped" -> result(g, test.id(), status, null, null, 0, null, null);
            default -> result(g, test.id(), status, null, 0L, 1, null, test.compiledCode());
        }
    }

    private void result(
            JsonGenerator g,
            String id,
            String status,
            String message,
            Long failures,
            long rows,
            String relation,
            String compiledCode) {
        g.writeStartObject();
        g.writeStringProperty("status", status);
        double seconds = "skipped".equals(status) ? 0.0 : 0.05 + random.nextDouble() * 20;
        timing(g, "skipped".equals(status) ? 0 : seconds);
        g.writeStringProperty("thread_id", "Thread-" + (1 + random.nextInt(8)) + " (worker)");
        g.writeNumberProperty("execution_time", seconds);
        g.writeObjectPropertyStart("adapter_response");
        if (!"skipped".equals(status) && !"error".equals(status)) {
            g.writeStringProperty("_message", "SUCCESS " + rows);
            g.writeStringProperty("code", "SUCCESS");
            g.writeNumberProperty("rows_affected", rows);
            g.writeStringProperty("query_id", BenchNames.hex(random.nextLong(), 32));
        }
        g.writeEndObject();
        Json.nullable(g, "message", message);
        if (failures == null) {
            g.writeNullProperty("failures");
        } else {
            g.writeNumberProperty("failures", failures.longValue());
        }
        g.writeStringProperty("unique_id", id);
        g.writeBooleanProperty("compiled", compiledCode != null);
        Json.nullable(g, "compiled_code", compiledCode);
        Json.nullable(g, "relation_name", relation);
        g.writeNullProperty("batch_results");
        g.writeEndObject();
    }

    private void timing(JsonGenerator g, double seconds) {
        g.writeArrayPropertyStart("timing");
        if (seconds > 0) {
            Instant compileEnd = clock.plusMillis(15);
            Instant executeEnd = compileEnd.plusMillis((long) (seconds * 1000));
            phase(g, "compile", clock, compileEnd);
            phase(g, "execute", compileEnd.plusMillis(1), executeEnd);
            clock = clock.plusMillis(40);
        }
        g.writeEndArray();
    }

    private static void phase(JsonGenerator g, String name, Instant start, Instant end) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("started_at", start.toString());
        g.writeStringProperty("completed_at", end.toString());
        g.writeEndObject();
    }

    private static void args(JsonGenerator g) {
        g.writeObjectPropertyStart("args");
        g.writeStringProperty("which", "build");
        g.writeStringProperty("invocation_command", "dbt build --target prod");
        g.writeStringProperty("target", "prod");
        g.writeStringProperty("project_dir", "/home/runner/project");
        g.writeStringProperty("profiles_dir", "/home/runner/.dbt");
        Json.emptyArray(g, "select");
        Json.emptyArray(g, "exclude");
        Json.emptyObject(g, "vars");
        g.writeStringProperty("indirect_selection", "eager");
        g.writeBooleanProperty("write_json", true);
        g.writeBooleanProperty("partial_parse", true);
        g.writeNumberProperty("threads", 8);
        g.writeEndObject();
    }
}
