package io.dbtcatalog.ingest.store.query;

import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.query.NodeDescription.Exposure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queries behind {@code describe}: one per part of a {@link NodeDescription}, each on a primary-key prefix. */
final class Descriptions {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final String NODE = """
            SELECT n.resource_type, n.name, n.package_name, n.database_name, n.schema_name, n.identifier,
                   n.relation_name, n.relation_type, n.materialization, n.language, n.access, n.group_name,
                   n.version, n.latest_version, n.deprecation_date, n.contract_enforced, n.file_path, n.description,
                   n.owner, n.warehouse_owner, n.tags, n.first_seen_at, n.last_changed_at
            FROM catalog_node n
            WHERE n.project_key = :project AND n.unique_id = :id AND n.deleted_at IS NULL
            """;

    private static final String EXPOSURE = """
            SELECT exposure_type, maturity, url, label, owner_name, owner_email
            FROM catalog_exposure
            WHERE project_key = :project AND unique_id = :id AND deleted_at IS NULL
            """;

    /** The statistics of the newest ingestion that reported any for the relation. */
    private static final String STATS = """
            SELECT s.stat_id, s.label, s.stat_value, s.description, s.generated_at
            FROM catalog_relation_stats s
            WHERE s.project_key = :project AND s.node_unique_id = :id
              AND s.ingestion_run_id = (
                  SELECT MAX(l.ingestion_run_id) FROM catalog_relation_stats l
                  WHERE l.project_key = :project AND l.node_unique_id = :id)
            ORDER BY s.stat_id, s.invocation_id
            """;

    private static final String HOME = """
            SELECT home_project_key FROM catalog_external_node
            WHERE project_key = :project AND unique_id = :id ORDER BY home_project_key
            """;

    private static final String REFERENCED_BY = """
            SELECT project_key FROM catalog_external_node
            WHERE home_project_key = :project AND unique_id = :id ORDER BY project_key
            """;

    private static final String COLUMNS = """
            SELECT column_name, data_type, ordinal, description, in_warehouse,
                   is_primary_key, is_unique, is_not_null, constraints
            FROM catalog_column
            WHERE project_key = :project AND node_unique_id = :id AND deleted_at IS NULL
            ORDER BY CASE WHEN ordinal IS NULL THEN 1 ELSE 0 END, ordinal, column_name
            """;

    private static final String TESTS = """
            SELECT t.unique_id, t.test_name, t.kind, t.column_name, t.severity,
                   r.status, r.failures, r.message, r.completed_at
            FROM catalog_test t
            LEFT JOIN catalog_latest_test_result r ON r.project_key = t.project_key AND r.test_unique_id = t.unique_id
            WHERE t.project_key = :project AND t.attached_node_unique_id = :id AND t.deleted_at IS NULL
            ORDER BY t.column_name, t.test_name, t.unique_id
            """;

    private static final String LAST_RUN = """
            SELECT status, completed_at, execution_time_s, rows_affected, invocation_id
            FROM catalog_latest_run_result
            WHERE project_key = :project AND node_unique_id = :id
            """;

    private static final String FRESHNESS = """
            SELECT status, max_loaded_at, snapshotted_at
            FROM catalog_latest_source_freshness
            WHERE project_key = :project AND source_unique_id = :id
            """;

    private final JdbcClient jdbc;

    Descriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NodeDescription describe(NodeKey key, List<NodeSummary> parents, List<NodeSummary> children) {
        List<NodeDescription.Test> tests = tests(key);
        return jdbc.sql(NODE)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> {
                    String resourceType = rs.getString(1);
                    Exposure exposure = "exposure".equals(resourceType) ? exposure(key) : null;
                    return new NodeDescription(
                            key,
                            resourceType,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14),
                            Jdbc.instant(rs, 15),
                            bool(rs, 16),
                            rs.getString(17),
                            rs.getString(18),
                            owners(rs.getString(19), exposure, rs.getString(20)),
                            strings(rs.getString(21)),
                            Jdbc.instant(rs, 22),
                            Jdbc.instant(rs, 23),
                            strings(key, HOME).stream().findFirst().orElse(null),
                            strings(key, REFERENCED_BY),
                            exposure,
                            stats(key),
                            lastRun(key),
                            freshness(key),
                            columns(key),
                            tests,
                            parents,
                            children);
                })
                .optional()
                .orElseThrow(() -> new NodeLookupException("no node " + key.label() + " in the catalog", List.of()));
    }

    private List<String> strings(NodeKey key, String sql) {
        return jdbc.sql(sql)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query(String.class)
                .list();
    }

    private List<NodeDescription.Column> columns(NodeKey key) {
        return jdbc.sql(COLUMNS)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> new NodeDescription.Column(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class),
                        NodeSummaries.firstLine(rs.getString(4)),
                        markers(rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9)),
                        rs.getBoolean(5)))
                .list();
    }

    /**
     * What consumers may rely on in a column: {@code primary key}, {@code unique}, {@code not null} (as the catalog
     * derived them from constraints and tests), then the type of every other contract constraint on it.
     */
    static List<String> markers(boolean primaryKey, boolean unique, boolean notNull, String constraints) {
        List<String> markers = new ArrayList<>();
        if (primaryKey) {
            markers.add("primary key");
        }
        if (unique) {
            markers.add("unique");
        }
        if (notNull) {
            markers.add("not null");
        }
        if (constraints != null && !constraints.isBlank()) {
            for (JsonNode constraint : JSON.readTree(constraints).values()) {
                String type = constraint.path("type").asString("").toLowerCase(Locale.ROOT);
                String marker = type.replace('_', ' ');
                if (!type.isEmpty()
                        && !List.of("primary_key", "unique", "not_null").contains(type)
                        && !markers.contains(marker)) {
                    markers.add(marker);
                }
            }
        }
        return markers;
    }

    private Exposure exposure(NodeKey key) {
        return jdbc.sql(EXPOSURE)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> new Exposure(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional()
                .orElse(null);
    }

    private List<NodeDescription.Stat> stats(NodeKey key) {
        return jdbc.sql(STATS)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> new NodeDescription.Stat(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, 5)))
                .list();
    }

    /** The declared owner (for an exposure its name and email), then the warehouse's, each once. */
    private static List<String> owners(String declared, Exposure exposure, String warehouse) {
        List<String> owners = new ArrayList<>();
        if (exposure != null && (exposure.ownerName() != null || exposure.ownerEmail() != null)) {
            owners.add(
                    exposure.ownerName() == null
                            ? exposure.ownerEmail()
                            : exposure.ownerName()
                                    + (exposure.ownerEmail() == null ? "" : " <" + exposure.ownerEmail() + ">"));
        } else if (declared != null) {
            owners.add(declared);
        }
        if (warehouse != null) {
            owners.add(warehouse + " (warehouse)");
        }
        return owners;
    }

    private List<NodeDescription.Test> tests(NodeKey key) {
        return jdbc.sql(TESTS)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> new NodeDescription.Test(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Long) rs.getObject(7, Long.class),
                        NodeSummaries.firstLine(rs.getString(8)),
                        Jdbc.instant(rs, 9)))
                .list();
    }

    private NodeDescription.LastRun lastRun(NodeKey key) {
        return jdbc.sql(LAST_RUN)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) -> new NodeDescription.LastRun(
                        rs.getString(1),
                        Jdbc.instant(rs, 2),
                        (Double) rs.getObject(3, Double.class),
                        (Long) rs.getObject(4, Long.class),
                        rs.getString(5)))
                .optional()
                .orElse(null);
    }

    private NodeDescription.Freshness freshness(NodeKey key) {
        return jdbc.sql(FRESHNESS)
                .param("project", key.projectKey())
                .param("id", key.uniqueId())
                .query((rs, i) ->
                        new NodeDescription.Freshness(rs.getString(1), Jdbc.instant(rs, 2), Jdbc.instant(rs, 3)))
                .optional()
                .orElse(null);
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    /** A JSON array of strings as a list; anything else as an empty list. */
    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode array = JSON.readTree(json);
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }
}
