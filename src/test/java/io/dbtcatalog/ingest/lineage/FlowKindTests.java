package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How flow kinds compose along a path and merge across paths. */
class FlowKindTests {

    @Test
    void aFlowThroughSeveralStepsKeepsTheStrongestKindAndAnyMarker() {
        assertThat(FlowKind.DIRECT.then(FlowKind.DIRECT)).isEqualTo(FlowKind.DIRECT);
        assertThat(FlowKind.AGGREGATE.then(FlowKind.DIRECT)).isEqualTo(FlowKind.AGGREGATE);
        assertThat(FlowKind.EXPRESSION.then(FlowKind.WINDOW)).isEqualTo(FlowKind.WINDOW);
        assertThat(FlowKind.CASE_CONDITION.then(FlowKind.AGGREGATE)).isEqualTo(FlowKind.CASE_CONDITION);
        assertThat(FlowKind.DIRECT.then(FlowKind.WINDOW_KEY)).isEqualTo(FlowKind.WINDOW_KEY);
    }

    @Test
    void twoPathsBetweenTheSameColumnsMergeToAValueFlowFirst() {
        assertThat(FlowKind.CASE_CONDITION.merge(FlowKind.DIRECT)).isEqualTo(FlowKind.DIRECT);
        assertThat(FlowKind.DIRECT.merge(FlowKind.EXPRESSION)).isEqualTo(FlowKind.EXPRESSION);
        assertThat(FlowKind.CASE_CONDITION.merge(FlowKind.WINDOW_KEY)).isEqualTo(FlowKind.WINDOW_KEY);
    }

    @Test
    void onlyTheMarkersAreNotValueFlows() {
        assertThat(FlowKind.values())
                .filteredOn(kind -> !kind.valueFlow())
                .containsExactly(FlowKind.CASE_CONDITION, FlowKind.WINDOW_KEY);
    }
}
