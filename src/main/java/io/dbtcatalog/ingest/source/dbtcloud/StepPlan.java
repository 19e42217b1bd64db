package io.dbtcatalog.ingest.source.dbtcloud;

import java.util.ArrayList;
import java.util.List;

/**
 * Which step of a run each artifact is taken from. {@code results} are the steps that executed nodes, in the order
 * they ran ({@code build}, {@code run}, {@code test}, {@code seed}, {@code snapshot}, {@code retry}, {@code source
 * freshness}, commands of a newer dbt): each contributes its run_results (sources.json for freshness). {@code docs}
 * is the last {@code dbt docs generate} step (catalog). {@code manifest} is the last executing step other than
 * freshness, else the docs step, else another dbt step, else a freshness step. When {@code stepsKnown} is false the
 * API gave no steps and the run's default (last-step) artifacts are used.
 */
record StepPlan(DbtStep manifest, List<DbtStep> results, DbtStep docs, boolean stepsKnown) {

    /** One step that ran a dbt command: its 1-based index and the command ({@code build}, {@code docs generate}). */
    record DbtStep(int index, String command) {

        boolean freshness() {
            return StepPlanner.FRESHNESS.equals(command);
        }
    }

    StepPlan {
        results = List.copyOf(results);
    }

    /** The plan for a run whose steps the API did not return. */
    static StepPlan defaultArtifacts() {
        return new StepPlan(null, List.of(), null, false);
    }

    /** True when a step (or the default artifacts) can provide a manifest. */
    boolean hasManifestSource() {
        return !stepsKnown || manifest != null;
    }

    /** The artifact {@code step} query value for the manifest; null means the run's default step. */
    Integer manifestStep() {
        return manifest == null ? null : manifest.index();
    }

    /**
     * How the steps are described in messages and {@code RunRef.location}, in step order: {@code seed=3 run=4
     * test=5 docs=6}; a freshness step is {@code freshness=N}, a manifest taken from another step
     * {@code manifest(compile)=N}.
     */
    String describe() {
        if (!stepsKnown) {
            return "default (run steps not available)";
        }
        List<String> parts = new ArrayList<>();
        for (DbtStep step : results) {
            parts.add((step.freshness() ? "freshness" : step.command()) + "=" + step.index());
        }
        boolean manifestNamed = manifest == null || results.contains(manifest) || manifest.equals(docs);
        if (!manifestNamed) {
            parts.add("manifest(" + manifest.command() + ")=" + manifest.index());
        }
        if (docs != null) {
            parts.add("docs=" + docs.index());
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }
}
