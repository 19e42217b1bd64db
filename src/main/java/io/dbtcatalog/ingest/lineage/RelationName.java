package io.dbtcatalog.ingest.lineage;

/**
 * Where a node lives in the warehouse, as the manifest says: database (project, catalog), schema (dataset) and
 * identifier (the alias, else the name). Database and schema may be null when unknown.
 */
public record RelationName(String database, String schema, String identifier) {

    public RelationName {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("a relation name needs an identifier");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (database != null) {
            text.append(database).append('.');
        }
        if (schema != null) {
            text.append(schema).append('.');
        }
        return text.append(identifier).toString();
    }
}
