package io.dbtcatalog.ingest.lineage;

import java.util.List;

/**
 * What an analyzer derived from one statement: its output columns in order, each with its upstream columns, and
 * the reasons some of it could not be followed (empty when everything was).
 */
public record StatementLineage(List<OutputColumn> columns, List<Coverage.Reason> reasons) {

    public StatementLineage {
        columns = columns == null ? List.of() : List.copyOf(columns);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** One output column: its name (as the warehouse stores it) and the upstream columns feeding or keying it. */
    public record OutputColumn(String name, List<Origin> origins) {

        public OutputColumn {
            if (name == null) {
                throw new IllegalArgumentException("an output column needs its name");
            }
            origins = origins == null ? List.of() : List.copyOf(origins);
        }
    }

    /** An upstream column of a node and how its values reach the output column. */
    public record Origin(String nodeId, String column, FlowKind kind) {

        public Origin {
            if (nodeId == null || column == null || kind == null) {
                throw new IllegalArgumentException("an origin needs node, column and kind");
            }
        }

        /** This origin seen through one more step of kind {@code next}. */
        public Origin then(FlowKind next) {
            return new Origin(nodeId, column, kind.then(next));
        }
    }
}
