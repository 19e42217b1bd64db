package io.dbtcatalog.ingest.store.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the {@link NodeSummary} of many nodes at once: one query per project and per chunk of {@value #CHUNK} ids
 * (an {@code IN} list on the primary key). A key the catalog does not hold as an active node gets a summary made
 * from its unique id alone.
 */
final class NodeSummaries {

    private static final int CHUNK = 500;

    private static final String SUMMARIES = """
            SELECT n.unique_id, n.resource_type, n.name, n.relation_name, n.materialization, n.owner, n.description,
                   e.url
            FROM catalog_node n
            LEFT JOIN catalog_exposure e
                   ON e.project_key = n.project_key AND e.unique_id = n.unique_id AND e.deleted_at IS NULL
            WHERE n.project_key = :project AND n.unique_id IN (:ids) AND n.deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    NodeSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<NodeKey, NodeSummary> of(Collection<NodeKey> keys) {
        Map<String, List<String>> byProject = new TreeMap<>();
        keys.forEach(key -> byProject
                .computeIfAbsent(key.projectKey(), p -> new ArrayList<>())
                .add(key.uniqueId()));
        Map<NodeKey, NodeSummary> summaries = new HashMap<>();
        byProject.forEach((project, ids) -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                jdbc.sql(SUMMARIES)
                        .param("project", project)
                        .param("ids", chunk)
                        .query((rs, i) -> new NodeSummary(
                                new NodeKey(project, rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                firstLine(rs.getString(7)),
                                rs.getString(8)))
                        .list()
                        .forEach(summary -> summaries.put(summary.key(), summary));
            }
        });
        keys.forEach(key -> summaries.computeIfAbsent(key, NodeSummary::unknown));
        return summaries;
    }

    /** The first non-blank line of a description, or null. */
    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.strip().split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }
}
