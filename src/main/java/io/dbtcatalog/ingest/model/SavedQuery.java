package io.dbtcatalog.ingest.model;

/**
 * The definition of a saved query (the query itself is also a {@link CatalogNode}): its label, and as compact JSON
 * the metrics it queries, its group-bys, its where filters and its exports, as dbt wrote them ({@code []} when none).
 */
public record SavedQuery(
        NodeId id, String label, String metricsJson, String groupByJson, String whereJson, String exportsJson) {

    public SavedQuery {
        if (id == null) {
            throw new IllegalArgumentException("a saved query needs its id");
        }
        metricsJson = orEmpty(metricsJson);
        groupByJson = orEmpty(groupByJson);
        whereJson = orEmpty(whereJson);
        exportsJson = orEmpty(exportsJson);
    }

    private static String orEmpty(String json) {
        return json == null || json.isBlank() ? "[]" : json;
    }
}
