package io.dbtcatalog.ingest.lineage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known columns of a node, in order: as the warehouse reported them ({@code catalog.json}) and as the project
 * declares them. The engine prefers the warehouse's, then the output it derived itself for an upstream model
 * (analysing in DAG order), then the declared ones, which are often only the documented subset.
 */
public interface SchemaProvider {

    /** The columns the warehouse reported for the node, or empty. */
    Optional<List<String>> observed(String uniqueId);

    /** The columns the project declares for the node, or empty. */
    Optional<List<String>> declared(String uniqueId);

    /** A provider over two maps of unique id to column names (an empty list counts as unknown). */
    static SchemaProvider of(Map<String, List<String>> catalogColumns, Map<String, List<String>> declaredColumns) {
        Map<String, List<String>> catalog = Map.copyOf(catalogColumns);
        Map<String, List<String>> declared = Map.copyOf(declaredColumns);
        return new SchemaProvider() {
            @Override
            public Optional<List<String>> observed(String uniqueId) {
                return known(catalog.get(uniqueId));
            }

            @Override
            public Optional<List<String>> declared(String uniqueId) {
                return known(declared.get(uniqueId));
            }
        };
    }

    private static Optional<List<String>> known(List<String> columns) {
        return columns == null || columns.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(columns));
    }
}
