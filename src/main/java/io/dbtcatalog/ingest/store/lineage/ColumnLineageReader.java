package io.dbtcatalog.ingest.store.lineage;

import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.publish.JsonText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the active (not soft-deleted) column lineage of one project. */
public final class ColumnLineageReader {

    /** The tables it reads, for failure messages. */
    public static final String TABLE = "catalog_column_lineage";

    private static final int FETCH_SIZE = 10_000;

    private static final String COVERAGE = """
            SELECT unique_id, status, reasons, error_line, error_column, output_columns, sql_fingerprint
            FROM catalog_column_lineage_coverage
            WHERE project_key = ? AND deleted_at IS NULL
            """;

    private static final String EDGES = """
            SELECT child_unique_id, child_column, parent_unique_id, parent_column, flow
            FROM catalog_column_lineage
            WHERE project_key = ? AND deleted_at IS NULL
            """;

    private static final String UPSTREAM = """
            SELECT child_unique_id, child_column, parent_unique_id, parent_column, flow
            FROM catalog_column_lineage
            WHERE project_key = ? AND child_unique_id = ? AND child_column = ? AND deleted_at IS NULL
            ORDER BY parent_unique_id, parent_column
            """;

    private static final String DOWNSTREAM = """
            SELECT child_unique_id, child_column, parent_unique_id, parent_column, flow
            FROM catalog_column_lineage
            WHERE project_key = ? AND parent_unique_id = ? AND parent_column = ? AND deleted_at IS NULL
            ORDER BY child_unique_id, child_column
            """;

    private static final String COLUMNS_OF = """
            SELECT DISTINCT child_column FROM catalog_column_lineage
            WHERE project_key = ? AND child_unique_id = ? AND deleted_at IS NULL
            UNION
            SELECT DISTINCT parent_column FROM catalog_column_lineage
            WHERE project_key = ? AND parent_unique_id = ? AND deleted_at IS NULL
            """;

    private static final String NODES_NAMED = """
            SELECT unique_id FROM catalog_node
            WHERE project_key = ? AND deleted_at IS NULL AND (unique_id = ? OR name = ?)
              AND resource_type IN ('model', 'seed', 'snapshot', 'source')
            ORDER BY unique_id
            """;

    private static final String NODE_COLUMNS = """
            SELECT column_name FROM catalog_column
            WHERE project_key = ? AND node_unique_id = ? AND deleted_at IS NULL
            """;

    private final Connection connection;

    public ColumnLineageReader(Connection connection) {
        this.connection = connection;
    }

    /** The project's stored coverage rows and edges (analysed and reused counts are 0: nothing was analysed). */
    public ColumnLineage stored(String projectKey) throws SQLException {
        List<ColumnLineageCoverage> coverage = new ArrayList<>();
        try (PreparedStatement statement = prepare(COVERAGE, projectKey);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                coverage.add(new ColumnLineageCoverage(
                        NodeId.of(rs.getString(1)),
                        rs.getString(2),
                        JsonText.readReasons(rs.getString(3)),
                        integer(rs, 4),
                        integer(rs, 5),
                        JsonText.readArray(rs.getString(6)),
                        rs.getString(7)));
            }
        }
        List<ColumnLineageEdge> edges;
        try (PreparedStatement statement = prepare(EDGES, projectKey)) {
            edges = edges(statement);
        }
        return new ColumnLineage(coverage, edges, 0, 0);
    }

    /** The edges into one column (its direct upstream columns). */
    public List<ColumnLineageEdge> upstream(String projectKey, String uniqueId, String column) throws SQLException {
        try (PreparedStatement statement = prepare(UPSTREAM, projectKey, uniqueId, column)) {
            return edges(statement);
        }
    }

    /** The edges out of one column (the columns it directly feeds). */
    public List<ColumnLineageEdge> downstream(String projectKey, String uniqueId, String column) throws SQLException {
        try (PreparedStatement statement = prepare(DOWNSTREAM, projectKey, uniqueId, column)) {
            return edges(statement);
        }
    }

    /** The column names of a node that take part in any active edge (to resolve the case of a name typed). */
    public List<String> columnsOf(String projectKey, String uniqueId) throws SQLException {
        return strings(COLUMNS_OF, projectKey, uniqueId, projectKey, uniqueId);
    }

    /** The active relations (models, seeds, snapshots, sources) whose unique id or name is {@code name}. */
    public List<String> nodesNamed(String projectKey, String name) throws SQLException {
        return strings(NODES_NAMED, projectKey, name, name);
    }

    /** Every column name known for a node: in the column lineage or in {@code catalog_column}. */
    public List<String> knownColumns(String projectKey, String uniqueId) throws SQLException {
        List<String> names = new ArrayList<>(columnsOf(projectKey, uniqueId));
        for (String name : strings(NODE_COLUMNS, projectKey, uniqueId)) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private List<String> strings(String sql, String... values) throws SQLException {
        List<String> strings = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, values);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                strings.add(rs.getString(1));
            }
        }
        return strings;
    }

    private PreparedStatement prepare(String sql, String... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        Binder binder = new Binder(statement);
        for (String value : values) {
            binder.text(value);
        }
        return statement;
    }

    private static List<ColumnLineageEdge> edges(PreparedStatement statement) throws SQLException {
        List<ColumnLineageEdge> edges = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                edges.add(new ColumnLineageEdge(
                        NodeId.of(rs.getString(1)),
                        rs.getString(2),
                        NodeId.of(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)));
            }
        }
        return edges;
    }

    private static Integer integer(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? null : value;
    }
}
