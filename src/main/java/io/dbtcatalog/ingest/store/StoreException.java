package io.dbtcatalog.ingest.store;

/**
 * A catalog write or read that failed; names the project and the table involved. When thrown by
 * {@link CatalogStore#publish} the transaction has been rolled back and the catalog is exactly as before.
 */
public class StoreException extends RuntimeException {

    private final String projectKey;
    private final String table;

    public StoreException(String projectKey, String table, String message, Throwable cause) {
        super("Catalog store, project '" + projectKey + "', table " + table + ": " + message, cause);
        this.projectKey = projectKey;
        this.table = table;
    }

    public StoreException(String projectKey, String table, String message) {
        this(projectKey, table, message, null);
    }

    public String projectKey() {
        return projectKey;
    }

    public String table() {
        return table;
    }
}
