package io.dbtcatalog.ingest.lineage;

import java.util.List;

/**
 * How completely one model's SQL was analysed: {@link Level#FULL} when every output column was traced,
 * {@link Level#PARTIAL} when some could not be (the reasons say which and why), {@link Level#NONE} when no output
 * column could be derived at all.
 */
public record Coverage(Level level, List<Reason> reasons) {

    /** How much of a model was analysed. */
    public enum Level {
        FULL,
        PARTIAL,
        NONE
    }

    /** Why a model was not analysed fully. */
    public enum ReasonKind {
        /** The manifest has no compiled SQL (the run only parsed). */
        NO_COMPILED_SQL,
        /** A Python model. */
        PYTHON_MODEL,
        /** The SQL did not parse; the detail gives line and column. */
        PARSE_ERROR,
        /** The statement is not a query (nor CREATE ... AS a query). */
        UNSUPPORTED_STATEMENT,
        /** A relation in FROM or JOIN matches no node. */
        UNRESOLVED_RELATION,
        /** A column reference matches no column in scope. */
        UNRESOLVED_COLUMN,
        /** The columns of a relation are unknown, so a {@code *} over it could not be expanded. */
        UNKNOWN_SCHEMA,
        /** A construct the analysis does not follow. */
        UNSUPPORTED_CONSTRUCT,
        /** The analysis itself failed (a bug to report); the model is skipped, never the run. */
        ANALYSIS_ERROR
    }

    /** One reason, with the object involved (a relation, a column, a position). */
    public record Reason(ReasonKind kind, String detail) {

        public Reason {
            if (kind == null) {
                throw new IllegalArgumentException("a reason needs its kind");
            }
            detail = detail == null ? "" : detail;
        }

        @Override
        public String toString() {
            return detail.isEmpty() ? kind.name() : kind + ": " + detail;
        }
    }

    public Coverage {
        if (level == null) {
            throw new IllegalArgumentException("a coverage needs its level");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (level == Level.FULL != reasons.isEmpty()) {
            throw new IllegalArgumentException("a coverage has reasons exactly when it is not full");
        }
    }

    /** Fully analysed. */
    public static Coverage full() {
        return new Coverage(Level.FULL, List.of());
    }

    /** Not analysed at all, for one reason. */
    public static Coverage none(ReasonKind kind, String detail) {
        return new Coverage(Level.NONE, List.of(new Reason(kind, detail)));
    }

    /** Full when there is no reason, else partial. */
    public static Coverage of(List<Reason> reasons) {
        return reasons.isEmpty() ? full() : new Coverage(Level.PARTIAL, reasons);
    }
}
