package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.Reason;
import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The reasons collected while analysing one statement, each once, in the order met. */
final class Issues {

    private final Set<Reason> reasons = new LinkedHashSet<>();

    void add(ReasonKind kind, String detail) {
        reasons.add(new Reason(kind, detail));
    }

    List<Reason> list() {
        return List.copyOf(reasons);
    }
}
