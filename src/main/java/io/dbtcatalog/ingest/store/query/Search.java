package io.dbtcatalog.ingest.store.query;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query behind {@code search}: active nodes of every project whose name, unique id, description or a column
 * name contains the text (case-insensitively), optionally of one resource type and carrying one tag. Best matches
 * first: exact name, name prefix, name, unique id, column, description. A downstream project's linked copy of another
 * project's model is left out (its home node is found instead).
 */
final class Search {

    private static final String SEARCH = """
            SELECT n.project_key, n.unique_id, n.resource_type, n.name, n.relation_name, n.materialization, n.owner,
                   n.description, n.tags,
                   CASE WHEN LOWER(n.name) = :text THEN 0
                        WHEN LOWER(n.name) LIKE :prefix ESCAPE '\\' THEN 1
                        WHEN LOWER(n.name) LIKE :pattern ESCAPE '\\' THEN 2
                        WHEN LOWER(n.unique_id) LIKE :pattern ESCAPE '\\' THEN 3
                        WHEN LOWER(n.description) LIKE :pattern ESCAPE '\\' THEN 5
                        ELSE 4 END AS rank
            FROM catalog_node n
            LEFT JOIN catalog_external_node x ON x.project_key = n.project_key AND x.unique_id = n.unique_id
            WHERE n.deleted_at IS NULL AND x.home_project_key IS NULL
              AND (CAST(:type AS VARCHAR(50)) IS NULL OR LOWER(n.resource_type) = :type)
              AND (CAST(:tag AS VARCHAR(1000)) IS NULL OR n.tags LIKE :tag ESCAPE '\\')
              AND (LOWER(n.name) LIKE :pattern ESCAPE '\\'
                   OR LOWER(n.unique_id) LIKE :pattern ESCAPE '\\'
                   OR LOWER(n.description) LIKE :pattern ESCAPE '\\'
                   OR EXISTS (SELECT 1 FROM catalog_column c
                              WHERE c.project_key = n.project_key AND c.node_unique_id = n.unique_id
                                AND c.deleted_at IS NULL AND LOWER(c.column_name) LIKE :pattern ESCAPE '\\'))
            ORDER BY rank, LENGTH(n.name), n.name, n.project_key, n.unique_id
            FETCH FIRST :limit ROWS ONLY
            """;

    private static final String[] MATCHED = {"name", "name", "name", "unique_id", "column", "description"};

    private final JdbcClient jdbc;

    Search(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchHit> search(String text, String type, String tag, int limit) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String escaped = NodeResolver.escapeLike(lower);
        return jdbc.sql(SEARCH)
                .param("text", lower)
                .param("prefix", escaped + "%")
                .param("pattern", "%" + escaped + "%")
                .param("type", type == null ? null : type.toLowerCase(Locale.ROOT))
                .param("tag", tag == null ? null : "%" + NodeResolver.escapeLike(quoted(tag)) + "%")
                .param("limit", limit)
                .query((rs, i) -> new SearchHit(
                        new NodeSummary(
                                new NodeKey(rs.getString(1), rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                NodeSummaries.firstLine(rs.getString(8)),
                                null),
                        Descriptions.strings(rs.getString(9)),
                        MATCHED[rs.getInt(10)]))
                .list();
    }

    /** A tag as it appears in the JSON array of {@code tags}. */
    private static String quoted(String tag) {
        return "\"" + tag.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
