package io.dbtcatalog.ingest.source.dbtcloud;

import java.util.ArrayList;
import java.util.List;

/**
 * Which step of a run each artifact is taken from. {@code results} is the last {@code dbt build/run/test} step
 * (manifest and run_results come from it), {@code docs} the last {@code dbt docs generate} step (catalog),
 * {@code freshness} the last {@code dbt source freshness} step (sources.json). {@code manifest} is {@code results}
 * when there is one, else the docs or another dbt step. When {@code stepsKnown} is false the API gave no steps and
 * the run's default (last-step) artifacts are used.
 */
record StepPlan(DbtStep manifest, DbtStep results, DbtStep docs, DbtStep freshness, boolean stepsKnown) {

    /** One step that ran a dbt command: its 1-based index and the command ({@code build}, {@code docs generate}). */
    record DbtStep(int index, String command) {
    }

    /** The plan for a run whose steps the API did not return. */
    static StepPlan defaultArtifacts() {
        return new StepPlan(null, null, null, null, false);
    }

    /** True when a step (or the default artifacts) can provide a manifest. */
    boolean hasManifestSource() {
        return !stepsKnown || manifest != null;
    }

    /** The artifact {@code step} query value for the manifest; null means the run's default step. */
    Integer manifestStep() {
        return manifest == null ? null : manifest.index();
    }

    /** How the steps are described in messages and {@code RunRef.location}: {@code build=4 docs=5}. */
    String describe() {
        if (!stepsKnown) {
            return "default (run steps not available)";
        }
        List<String> parts = new ArrayList<>();
        if (results != null) {
            parts.add(results.command() + "=" + results.index());
        } else if (manifest != null && (docs == null || manifest.index() != docs.index())) {
            parts.add("manifest(" + manifest.command() + ")=" + manifest.index());
        }
        if (docs != null) {
            parts.add("docs=" + docs.index());
        }
        if (freshness != null) {
            parts.add("freshness=" + freshness.index());
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }
}
