package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a model's derived output columns the way the warehouse spells them, when the model's own columns are
 * known: a name matching one of them in any case takes its spelling; when both lists have the same length, an
 * unmatched name (a generated one such as BigQuery's {@code f0_}) takes the known name at its position.
 */
final class OutputNames {

    private OutputNames() {}

    static List<OutputColumn> matchWarehouse(List<OutputColumn> derived, List<String> known) {
        if (known.isEmpty()) {
            return derived;
        }
        Set<String> matched = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (OutputColumn column : derived) {
            String spelling = known.stream()
                    .filter(name -> name.equalsIgnoreCase(column.name()))
                    .findFirst()
                    .orElse(null);
            names.add(spelling);
            if (spelling != null) {
                matched.add(spelling.toLowerCase(Locale.ROOT));
            }
        }
        List<OutputColumn> named = new ArrayList<>();
        for (int i = 0; i < derived.size(); i++) {
            String name = names.get(i);
            if (name == null
                    && known.size() == derived.size()
                    && !matched.contains(known.get(i).toLowerCase(Locale.ROOT))) {
                name = known.get(i);
            }
            named.add(new OutputColumn(
                    name == null ? derived.get(i).name() : name, derived.get(i).origins()));
        }
        return named;
    }
}
