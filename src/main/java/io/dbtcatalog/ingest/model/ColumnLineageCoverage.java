package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * How completely the column lineage of one model was derived: {@code status} {@code full}, {@code partial} or
 * {@code none}, the reasons when not full (the first one's kind is the headline), the position of a parse error,
 * the output columns derived (in order; they stand for the model's schema downstream when the warehouse reported
 * none) and the fingerprint of the analysis input, by which an unchanged model is reused on the next run.
 */
public record ColumnLineageCoverage(
        NodeId model,
        String status,
        List<Reason> reasons,
        Integer errorLine,
        Integer errorColumn,
        List<String> outputColumns,
        String fingerprint) {

    public ColumnLineageCoverage {
        if (model == null || status == null || fingerprint == null) {
            throw new IllegalArgumentException("a coverage needs its model, status and fingerprint");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        outputColumns = outputColumns == null ? List.of() : List.copyOf(outputColumns);
    }

    /** The kind of the first reason ({@code parse_error}, {@code unresolved_column}, …), null when full. */
    public String reasonKind() {
        return reasons.isEmpty() ? null : reasons.get(0).kind();
    }

    /** Why a model was not analysed fully: a kind ({@code parse_error}…) and the object or position involved. */
    public record Reason(String kind, String detail) {

        public Reason {
            if (kind == null || kind.isEmpty()) {
                throw new IllegalArgumentException("a reason needs its kind");
            }
            detail = detail == null ? "" : detail;
        }
    }
}
