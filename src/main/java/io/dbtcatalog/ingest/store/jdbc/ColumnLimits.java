package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The maximum length of every bounded character column of the catalog tables, read once from the database's own
 * metadata so the schema in {@code sql/} stays the single source of truth. Unbounded text reports no limit.
 */
public final class ColumnLimits {

    private final Map<String, Integer> maxLengths;
    private final SqlDialect dialect;

    private ColumnLimits(Map<String, Integer> maxLengths, SqlDialect dialect) {
        this.maxLengths = Map.copyOf(maxLengths);
        this.dialect = dialect;
    }

    /** Reads the limits from the database behind {@code connection}. */
    public static ColumnLimits read(Connection connection, SqlDialect dialect) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, Integer> lengths = new HashMap<>();
        try (ResultSet columns = metaData.getColumns(null, connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                int type = columns.getInt("DATA_TYPE");
                if (isCatalogTable(table) && (type == Types.VARCHAR || type == Types.CHAR)) {
                    String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    lengths.put(table + "." + column, columns.getInt("COLUMN_SIZE"));
                }
            }
        }
        if (lengths.isEmpty()) {
            throw new SQLException("no catalog tables in schema " + connection.getSchema()
                    + "; run the catalog migrations (CatalogMigrations.migrate) first");
        }
        return new ColumnLimits(lengths, dialect);
    }

    private static boolean isCatalogTable(String table) {
        return table.startsWith("catalog_") || table.equals("ingestion_run");
    }

    /** The declared maximum length of {@code table.column}, or {@link Integer#MAX_VALUE} when unbounded. */
    public int maxLength(String table, String column) {
        Integer length = maxLengths.get(table + "." + column);
        return length == null || length <= 0 ? Integer.MAX_VALUE : length;
    }

    /** A checker for rows of {@code table} whose values arrive in the order of {@code columns}. */
    public LengthCheck checker(String projectKey, String table, List<String> columns) {
        int[] limits =
                columns.stream().mapToInt(column -> maxLength(table, column)).toArray();
        return new LengthCheck(projectKey, table, columns, limits, dialect);
    }
}
