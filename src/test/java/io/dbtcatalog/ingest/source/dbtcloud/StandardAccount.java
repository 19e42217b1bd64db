package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.StandInRun.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account the stand-in serves in most tests: two projects, four jobs, three environments and runs of every
 * kind (running, cancelled, errored, without manifest, without saved artifacts, docs-only, hidden steps, CI run
 * without docs), with artifacts from {@code ../shared/reference/artifacts}. Build and test steps serve run_results
 * whose {@code args.which} names their own command; docs steps serve the real {@code generate} run_results.
 */
final class StandardAccount {

    static final long ACCOUNT = 70001;
    static final String TOKEN = "dbtc_StandIn-Secret-Token-7f3a9c";
    static final long ANALYTICS = 70011;
    static final long JAFFLE = 70012;
    static final long PROD_ENV = 70021;
    static final long CI_ENV = 70022;
    static final long JAFFLE_ENV = 70023;
    static final long DAILY_JOB = 70031;
    static final long CI_JOB = 70032;
    static final long JAFFLE_JOB = 70033;
    static final long DOCS_JOB = 70034;
    static final Instant T0 = Instant.parse("2026-08-01T06:00:00Z");

    private final Path scratch;

    private StandardAccount(Path scratch) {
        this.scratch = scratch;
    }

    /** Starts a stand-in holding the standard runs; derived files go to {@code scratch}. */
    static DbtCloudStandIn start(Path scratch) {
        StandardAccount account = new StandardAccount(scratch);
        return DbtCloudStandIn.start(ACCOUNT, TOKEN)
                .add(account.analyticsRuns())
                .add(account.jaffleRuns());
    }

    private StandInRun[] analyticsRuns() {
        return new StandInRun[] {
            run(9000211, ANALYTICS, CI_JOB, CI_ENV, 10, hours(4))
                    .dbtStep("build", files("parser-jaffle-dbt1.9", "manifest.json", "run_results.json")),
            run(9000210, ANALYTICS, DAILY_JOB, PROD_ENV, 3, null).dbtStep("build", 3, Map.of()),
            run(9000209, ANALYTICS, DAILY_JOB, PROD_ENV, 30, hours(3.5)).dbtStep("build", 30, Map.of()),
            run(9000208, ANALYTICS, DAILY_JOB, PROD_ENV, 20, hours(3))
                    .dbtStep("build", 20, built("bouncer-dbt1.11", "build"))
                    .dbtStep("docs generate", docs("bouncer-dbt1.11")),
            run(9000207, ANALYTICS, DAILY_JOB, PROD_ENV, 10, hours(2.5)).dbtStep("build", Map.of()),
            run(9000206, ANALYTICS, DAILY_JOB, PROD_ENV, 10, hours(2))
                    .dbtStep("build", built("bouncer-dbt1.10", "build"))
                    .withoutSavedArtifacts(),
            run(9000205, ANALYTICS, DAILY_JOB, PROD_ENV, 10, hours(1))
                    .dbtStep("deps", Map.of())
                    .dbtStep("build", built("bouncer-dbt1.10", "build"))
                    .dbtStep("docs generate", docs("bouncer-dbt1.10")),
            run(9000204, ANALYTICS, DAILY_JOB, PROD_ENV, 10, hours(0))
                    .dbtStep("build", built("bouncer-dbt1.9", "build"))
                    .dbtStep("docs generate", docs("bouncer-dbt1.9")),
            run(9000203, ANALYTICS, DOCS_JOB, PROD_ENV, 10, hours(-1)).dbtStep("docs generate", docs("bouncer-dbt1.9")),
            run(9000202, ANALYTICS, DAILY_JOB, PROD_ENV, 10, hours(-2))
                    .dbtStep("build", built("bouncer-dbt1.9", "build"))
                    .dbtStep("docs generate", docs("bouncer-dbt1.9"))
                    .withHiddenSteps(),
        };
    }

    private StandInRun[] jaffleRuns() {
        Map<String, Path> freshness = new LinkedHashMap<>(files("parser-jaffle-dbt1.12", "manifest.json"));
        freshness.put("sources.json", sourcesJson());
        return new StandInRun[] {
            run(9000302, JAFFLE, JAFFLE_JOB, JAFFLE_ENV, 3, null),
            run(9000301, JAFFLE, JAFFLE_JOB, JAFFLE_ENV, 10, hours(5))
                    .dbtStep("source freshness", freshness)
                    .dbtStep("run", built("parser-jaffle-dbt1.12", "run"))
                    .dbtStep("test", built("parser-jaffle-dbt1.12", "test"))
                    .dbtStep("docs generate", docs("parser-jaffle-dbt1.12")),
        };
    }

    static Instant hours(double hours) {
        return T0.plusSeconds((long) (hours * 3600));
    }

    static Map<String, Path> files(String set, String... names) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, CloudReference.artifact(set, name));
        }
        return files;
    }

    /** What a docs step writes: the set's manifest, catalog and its real {@code generate} run_results. */
    static Map<String, Path> docs(String set) {
        return files(set, "manifest.json", "catalog.json", "run_results.json");
    }

    /** What a build / test step writes: the set's manifest and its run_results re-labelled as {@code which}. */
    Map<String, Path> built(String set, String which) {
        Map<String, Path> files = files(set, "manifest.json");
        files.put("run_results.json", derivedRunResults(set, which));
        return files;
    }

    /** The derived build / test run_results of {@code set} (the shared sets hold docs-generate ones). */
    Path derivedRunResults(String set, String which) {
        Path target = scratch.resolve(set + "-" + which + "-run_results.json");
        if (!Files.exists(target)) {
            ObjectNode results = (ObjectNode) JsonMapper.shared()
                    .readTree(CloudReference.artifact(set, "run_results.json").toFile());
            ((ObjectNode) results.path("args")).put("which", which);
            JsonMapper.shared().writeValue(target.toFile(), results);
        }
        return target;
    }

    private Path sourcesJson() {
        Path target = scratch.resolve("jaffle-sources.json");
        try {
            Files.writeString(target, """
                    {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json",
                      "dbt_version": "1.9.0", "generated_at": "2026-08-01T10:58:00.000000Z",
                      "invocation_id": "0d5e7a43-6a58-4b8e-8c9e-3f1e2d7c9a10", "env": {}},
                     "results": [], "elapsed_time": 0.5}
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
