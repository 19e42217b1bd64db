package io.dbtcatalog.ingest.store.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns what a person types as NODE into one node: a {@code unique_id}, a name, a source as
 * {@code source_name.table_name}, or any of them prefixed with a project key ({@code marketing:customer_segments}).
 * An exact unique id wins over a name, an exact name over a name of another case, and, as in dbt's node selection, a
 * bare name means the model (seed, snapshot…) rather than a source of the same table name. A downstream project's copy of an upstream project's model (an external node linked to its home
 * project) never competes with the home node. No match, or several, is a {@link NodeLookupException} that lists
 * the candidates.
 */
final class NodeResolver {

    private static final int MAX_SUGGESTIONS = 8;

    private static final String PROJECT_EXISTS = """
            SELECT COUNT(*) FROM catalog_project WHERE project_key = :project
            """;

    private static final String MATCHES = """
            SELECT n.project_key, n.unique_id, n.name, x.home_project_key, n.resource_type
            FROM catalog_node n
            LEFT JOIN catalog_external_node x ON x.project_key = n.project_key AND x.unique_id = n.unique_id
            WHERE n.deleted_at IS NULL
              AND (n.unique_id = :text OR LOWER(n.name) = :lower
                   OR (n.resource_type = 'source' AND LOWER(n.unique_id) LIKE :sourceSuffix ESCAPE '\\'))
              AND (CAST(:project AS VARCHAR(200)) IS NULL OR n.project_key = :project)
            ORDER BY n.project_key, n.unique_id
            """;

    private static final String SUGGESTIONS = """
            SELECT n.project_key, n.unique_id
            FROM catalog_node n
            LEFT JOIN catalog_external_node x ON x.project_key = n.project_key AND x.unique_id = n.unique_id
            WHERE n.deleted_at IS NULL AND x.home_project_key IS NULL
              AND (LOWER(n.name) LIKE :pattern ESCAPE '\\' OR LOWER(n.unique_id) LIKE :pattern ESCAPE '\\')
              AND (CAST(:project AS VARCHAR(200)) IS NULL OR n.project_key = :project)
            ORDER BY n.project_key, n.unique_id
            FETCH FIRST 8 ROWS ONLY
            """;

    private final JdbcClient jdbc;

    NodeResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NodeKey resolve(String node) {
        if (node == null || node.isBlank()) {
            throw new NodeLookupException("NODE is empty: give a unique_id, a name or project:name", List.of());
        }
        String text = node.strip();
        String project = null;
        int colon = text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1 && projectExists(text.substring(0, colon))) {
            project = text.substring(0, colon);
            text = text.substring(colon + 1);
        }
        List<Match> matches = matches(text, project);
        if (matches.size() == 1) {
            return matches.get(0).key();
        }
        if (matches.isEmpty()) {
            List<NodeKey> suggestions = suggestions(text, project);
            throw new NodeLookupException(
                    "no node '" + node + "' in the catalog"
                            + (project == null ? "" : " project " + project)
                            + (suggestions.isEmpty()
                                    ? " (a unique_id, a name or project:name; `search` finds nodes)"
                                    : "; did you mean one of these?"),
                    suggestions);
        }
        List<NodeKey> candidates = matches.stream().map(Match::key).toList();
        throw new NodeLookupException(
                "'" + node + "' names " + candidates.size() + " nodes; give one as project:unique_id", candidates);
    }

    private boolean projectExists(String project) {
        return jdbc.sql(PROJECT_EXISTS)
                        .param("project", project)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The best matches: by unique id, else by exact name, else by name of any case; linked copies left out. */
    private List<Match> matches(String text, String project) {
        List<Match> all = jdbc.sql(MATCHES)
                .param("text", text)
                .param("lower", text.toLowerCase(Locale.ROOT))
                .param(
                        "sourceSuffix",
                        text.contains(".") ? "source.%." + escapeLike(text.toLowerCase(Locale.ROOT)) : "-")
                .param("project", project)
                .query((rs, i) -> new Match(
                        new NodeKey(rs.getString(1), rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4) != null,
                        "source".equals(rs.getString(5))))
                .list();
        List<Match> best = new ArrayList<>(
                all.stream().filter(m -> m.key().uniqueId().equals(text)).toList());
        if (best.isEmpty()) {
            best.addAll(all.stream().filter(m -> text.equals(m.name())).toList());
        }
        if (best.isEmpty()) {
            best.addAll(all);
        }
        if (best.stream().anyMatch(Match::source) && best.stream().anyMatch(m -> !m.source())) {
            best.removeIf(Match::source);
        }
        List<Match> homes = best.stream().filter(m -> !m.linkedCopy()).toList();
        List<Match> chosen = homes.isEmpty() ? best : homes;
        return chosen.stream().sorted(Comparator.comparing(Match::key)).toList();
    }

    private List<NodeKey> suggestions(String text, String project) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return jdbc
                .sql(SUGGESTIONS)
                .param("pattern", pattern)
                .param("project", project)
                .query((rs, i) -> new NodeKey(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Escapes {@code %}, {@code _} and the escape character itself for a {@code LIKE … ESCAPE '\'} pattern. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Match(NodeKey key, String name, boolean linkedCopy, boolean source) {}
}
