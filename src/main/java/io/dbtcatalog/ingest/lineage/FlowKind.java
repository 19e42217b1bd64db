package io.dbtcatalog.ingest.lineage;

/**
 * How a parent column's values reach a child column. The first five are value flows, in increasing strength;
 * {@link #CASE_CONDITION} and {@link #WINDOW_KEY} mark a column that only decides which value is chosen (a CASE
 * condition) or how rows are grouped and ordered for a window function.
 */
public enum FlowKind {
    /** Copied, renamed or cast. */
    DIRECT,
    /** Computed by an expression or a non-aggregate function. */
    EXPRESSION,
    /** A THEN or ELSE value of a CASE. */
    CASE,
    /** An argument of an aggregate function. */
    AGGREGATE,
    /** An argument of a window function. */
    WINDOW,
    /** A CASE condition (WHEN, or the CASE operand): not a value upstream. */
    CASE_CONDITION,
    /** A PARTITION BY or ORDER BY key of a window: not a value upstream. */
    WINDOW_KEY;

    /** Whether the parent column's values flow into the child column (false for the two markers). */
    public boolean valueFlow() {
        return ordinal() <= WINDOW.ordinal();
    }

    /**
     * The kind of a flow that passes through this step and then through {@code next}: a marker sticks, otherwise
     * the stronger kind wins ({@code sum(x)} renamed later is still an aggregate).
     */
    public FlowKind then(FlowKind next) {
        if (valueFlow() != next.valueFlow()) {
            return valueFlow() ? next : this;
        }
        return ordinal() >= next.ordinal() ? this : next;
    }

    /** The kind kept when two paths link the same pair of columns: a value flow beats a marker, then strength. */
    public FlowKind merge(FlowKind other) {
        if (valueFlow() != other.valueFlow()) {
            return valueFlow() ? this : other;
        }
        return ordinal() >= other.ordinal() ? this : other;
    }
}
