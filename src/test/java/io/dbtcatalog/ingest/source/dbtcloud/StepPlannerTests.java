package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepPlannerTests {

    private static RunLocator.CloudStep step(int index, String name) {
        return new RunLocator.CloudStep(index, 10, name);
    }

    @Test
    void readsTheDbtCommandOutOfStepNames() {
        assertThat(StepPlanner.command("Invoke dbt with `dbt build`")).isEqualTo("build");
        assertThat(StepPlanner.command("Invoke dbt with `dbt run --select tag:daily`")).isEqualTo("run");
        assertThat(StepPlanner.command("Invoke dbt with `dbt docs generate`")).isEqualTo("docs generate");
        assertThat(StepPlanner.command("Invoke dbt with `dbt source freshness`")).isEqualTo("source freshness");
        assertThat(StepPlanner.command("dbt source snapshot-freshness")).isEqualTo("source freshness");
        assertThat(StepPlanner.command("Invoke dbt with `dbt --warn-error test`")).isEqualTo("test");
        assertThat(StepPlanner.command("Invoke dbt with `dbt run-operation grant`")).isEqualTo("run-operation");
        assertThat(StepPlanner.command("Clone git repository")).isNull();
        assertThat(StepPlanner.command("Invoke dbt with `dbt docs serve`")).isNull();
        assertThat(StepPlanner.command(null)).isNull();
    }

    @Test
    void manifestAndResultsComeFromTheLastBuildRunOrTestStepAndCatalogFromDocs() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(step(1, "Clone git repository"),
                step(2, "Invoke dbt with `dbt deps`"), step(3, "Invoke dbt with `dbt seed`"),
                step(4, "Invoke dbt with `dbt run`"), step(5, "Invoke dbt with `dbt test`"),
                step(6, "Invoke dbt with `dbt docs generate`"), step(7, "Invoke dbt with `dbt source freshness`")));

        // then
        assertThat(plan.manifestStep()).isEqualTo(5);
        assertThat(plan.results().command()).isEqualTo("test");
        assertThat(plan.docs().index()).isEqualTo(6);
        assertThat(plan.freshness().index()).isEqualTo(7);
        assertThat(plan.describe()).isEqualTo("test=5 docs=6 freshness=7");
    }

    @Test
    void stepsThatDidNotRunAreIgnoredButAFailedBuildCounts() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(new RunLocator.CloudStep(3, 20, "Invoke dbt with `dbt build`"),
                new RunLocator.CloudStep(4, 30, "Invoke dbt with `dbt docs generate`")));

        // then
        assertThat(plan.results().index()).isEqualTo(3);
        assertThat(plan.docs()).isNull();
    }

    @Test
    void docsOnlyRunTakesItsManifestFromTheDocsStepAndHasNoResults() {
        // when
        StepPlan plan = StepPlanner.plan(List.of(step(3, "Invoke dbt with `dbt docs generate`")));

        // then
        assertThat(plan.manifestStep()).isEqualTo(3);
        assertThat(plan.results()).isNull();
        assertThat(plan.describe()).isEqualTo("docs=3");
    }

    @Test
    void runWithoutDbtStepsHasNoManifestAndUnknownStepsUseTheDefault() {
        assertThat(StepPlanner.plan(List.of(step(1, "Clone git repository"), step(2, "Invoke dbt with `dbt deps`")))
                .hasManifestSource()).isFalse();
        StepPlan unknown = StepPlanner.plan(List.of());
        assertThat(unknown.hasManifestSource()).isTrue();
        assertThat(unknown.manifestStep()).isNull();
        assertThat(unknown.stepsKnown()).isFalse();
    }
}
