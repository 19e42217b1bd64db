package io.dbtcatalog.ingest.source.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbtcatalog.ingest.model.RunLocator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepPlannerTests {

    private static RunLocator.CloudStep step(int index, String name) {
        return new RunLocator.CloudStep(index, 10, name);
    }

    @Test
    void readsTheDbtCommandOutOfStepNames() {
        assertThat(StepPlanner.command("Invoke dbt with `dbt build`")).isEqualTo("build");
        assertThat(StepPlanner.command("Invoke dbt with `dbt run --select tag:daily`"))
                .isEqualTo("run");
        assertThat(StepPlanner.command("Invoke dbt with `dbt docs generate`")).isEqualTo("docs generate");
        assertThat(StepPlanner.command("Invoke dbt with `dbt source freshness`"))
                .isEqualTo("source freshness");
        assertThat(StepPlanner.command("dbt source snapshot-freshness")).isEqualTo("source freshness");
        assertThat(StepPlanner.command("Invoke dbt with `dbt --warn-error test`"))
                .isEqualTo("test");
        assertThat(StepPlanner.command("Invoke dbt with `dbt run-operation grant`"))
                .isEqualTo("run-operation");
        assertThat(StepPlanner.command("Clone git repository")).isNull();
        assertThat(StepPlanner.command("Invoke dbt with `dbt docs serve`")).isNull();
        assertThat(StepPlanner.command("Invoke dbt with `dbt retry`")).isEqualTo("retry");
        assertThat(StepPlanner.command("Invoke dbt with `dbt unit-check --select x`"))
                .isEqualTo("unit-check");
        assertThat(StepPlanner.command("Invoke dbt with `dbt --warn-error`")).isNull();
        assertThat(StepPlanner.command(null)).isNull();
    }

    @Test
    void everyExecutingStepGivesResultsTheLastOneTheManifestAndDocsTheCatalog() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(
                step(1, "Clone git repository"),
                step(2, "Invoke dbt with `dbt deps`"),
                step(3, "Invoke dbt with `dbt seed`"),
                step(4, "Invoke dbt with `dbt run`"),
                step(5, "Invoke dbt with `dbt snapshot`"),
                step(6, "Invoke dbt with `dbt test`"),
                step(7, "Invoke dbt with `dbt docs generate`"),
                step(8, "Invoke dbt with `dbt source freshness`"),
                step(9, "Invoke dbt with `dbt compile`")));

        // then
        assertThat(plan.manifestStep()).isEqualTo(6);
        assertThat(plan.results())
                .extracting(StepPlan.DbtStep::index, StepPlan.DbtStep::command)
                .containsExactly(
                        tuple(3, "seed"),
                        tuple(4, "run"),
                        tuple(5, "snapshot"),
                        tuple(6, "test"),
                        tuple(8, "source freshness"));
        assertThat(plan.docs().index()).isEqualTo(7);
        assertThat(plan.describe()).isEqualTo("seed=3 run=4 snapshot=5 test=6 freshness=8 docs=7");
    }

    @Test
    void stepsThatDidNotRunAreIgnoredButAFailedStepCounts() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(
                new RunLocator.CloudStep(3, 10, "Invoke dbt with `dbt run`"),
                new RunLocator.CloudStep(4, 20, "Invoke dbt with `dbt test`"),
                new RunLocator.CloudStep(5, 30, "Invoke dbt with `dbt docs generate`")));

        // then
        assertThat(plan.results()).extracting(StepPlan.DbtStep::index).containsExactly(3, 4);
        assertThat(plan.manifestStep()).isEqualTo(4);
        assertThat(plan.docs()).isNull();
    }

    @Test
    void aFreshnessOnlyRunTakesItsManifestFromTheFreshnessStepAndACompileStepOnlyGivesAManifest() {
        // when
        StepPlan freshness = StepPlanner.plan(List.of(step(2, "Invoke dbt with `dbt source freshness`")));
        StepPlan compile = StepPlanner.plan(List.of(
                step(2, "Invoke dbt with `dbt compile`"), step(3, "Invoke dbt with `dbt run-operation grant`")));

        // then
        assertThat(freshness.manifestStep()).isEqualTo(2);
        assertThat(freshness.describe()).isEqualTo("freshness=2");
        assertThat(compile.results()).isEmpty();
        assertThat(compile.describe()).isEqualTo("manifest(run-operation)=3");
    }

    @Test
    void docsOnlyRunTakesItsManifestFromTheDocsStepAndHasNoResults() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(step(3, "Invoke dbt with `dbt docs generate`")));

        // then
        assertThat(plan.manifestStep()).isEqualTo(3);
        assertThat(plan.results()).isEmpty();
        assertThat(plan.describe()).isEqualTo("docs=3");
    }

    @Test
    void runWithoutDbtStepsHasNoManifestAndUnknownStepsUseTheDefault() {
        assertThat(StepPlanner.plan(List.of(step(1, "Clone git repository"), step(2, "Invoke dbt with `dbt deps`")))
                        .hasManifestSource())
                .isFalse();
        StepPlan unknown = StepPlanner.plan(List.of());
        assertThat(unknown.hasManifestSource()).isTrue();
        assertThat(unknown.manifestStep()).isNull();
        assertThat(unknown.stepsKnown()).isFalse();
    }
}
