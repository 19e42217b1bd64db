package io.dbtcatalog.ingest.source.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every page of one {@code applied} connection with cursor pagination ({@code first} / {@code after} until
 * {@code pageInfo.hasNextPage} is false). The result is only returned when the nodes received add up to the
 * {@code totalCount} the server announced, with no duplicate and the same total on every page; otherwise it fails,
 * so that nodes merely not fetched are never soft-deleted. A page refused as too large or too complex is asked again
 * with half the page size, down to {@link #MIN_PAGE_SIZE}; the smaller size is kept for that connection.
 */
final class ConnectionReader {

    static final int MIN_PAGE_SIZE = 10;
    private static final Logger log = LoggerFactory.getLogger(ConnectionReader.class);

    private final GraphQlTransport transport;
    private final JsonMapper mapper;
    private final DiscoverySettings settings;
    private final Map<DiscoveryQuery, Integer> pageSizes = new ConcurrentHashMap<>();

    ConnectionReader(GraphQlTransport transport, JsonMapper mapper, DiscoverySettings settings) {
        this.transport = transport;
        this.mapper = mapper;
        this.settings = settings;
    }

    /** Every node of the query's connection, in the server's order. */
    List<Wire.AppliedNode> readAll(DiscoveryQuery query) {
        Pages pages = new Pages();
        int first = pageSizes.getOrDefault(query, settings.pageSize());
        boolean more = true;
        while (more) {
            JsonNode answer = transport.post(query.text(), variables(first, pages.after));
            GraphQlErrors errors = GraphQlErrors.of(answer);
            if (errors.isEmpty()) {
                more = addPage(query, answer, pages);
            } else {
                first = smallerPage(query, first, errors);
            }
        }
        if (pages.nodes.size() != pages.total) {
            throw failure(
                    query,
                    "announced totalCount " + pages.total + " but " + pages.nodes.size()
                            + " node(s) were received over all pages; the ingestion stops rather than treat missing nodes"
                            + " as deleted");
        }
        return pages.nodes;
    }

    /** What the pages read so far hold: nodes, their ids, the announced total and the cursor to continue from. */
    private static final class Pages {
        private final List<Wire.AppliedNode> nodes = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private Integer total;
        private String after;
    }

    /** Half the page size when the server found the page too large or complex; else the errors fail the read. */
    private int smallerPage(DiscoveryQuery query, int first, GraphQlErrors errors) {
        if (!errors.pageTooLarge() || first <= MIN_PAGE_SIZE) {
            throw failure(query, "answered errors: " + errors.describe(settings.environmentId()));
        }
        int smaller = Math.max(MIN_PAGE_SIZE, first / 2);
        log.warn(
                "source '{}': Discovery API refused a page of {} {} ({}); asking again with {}",
                settings.name(),
                first,
                query.connection(),
                String.join("; ", errors.messages()),
                smaller);
        pageSizes.put(query, smaller);
        return smaller;
    }

    /** Adds one page's nodes; true when another page follows. */
    private boolean addPage(DiscoveryQuery query, JsonNode answer, Pages pages) {
        JsonNode connection =
                answer.path("data").path("environment").path("applied").path(query.connection());
        pages.total = checkTotal(query, connection, pages.total);
        for (JsonNode edge : connection.path("edges").values()) {
            Wire.AppliedNode node = mapper.treeToValue(edge.path("node"), Wire.AppliedNode.class);
            if (node == null || node.uniqueId() == null || node.uniqueId().isBlank()) {
                throw failure(query, "answered a node without uniqueId");
            }
            if (!pages.ids.add(node.uniqueId())) {
                throw failure(query, "answered " + node.uniqueId() + " twice: the pages overlap");
            }
            pages.nodes.add(node);
        }
        JsonNode pageInfo = connection.path("pageInfo");
        if (!pageInfo.path("hasNextPage").asBoolean(false)) {
            return false;
        }
        pages.after = nextCursor(query, pageInfo, pages.after);
        return true;
    }

    Map<String, Object> variables(int first, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("environmentId", settings.environmentId());
        variables.put("first", first);
        variables.put("after", after);
        return variables;
    }

    private int checkTotal(DiscoveryQuery query, JsonNode connection, Integer total) {
        JsonNode count = connection.path("totalCount");
        if (!connection.isObject() || !count.isIntegralNumber() || !count.canConvertToInt()) {
            throw failure(query, "answered no " + query.connection() + " connection with a totalCount");
        }
        int pageTotal = count.intValue();
        if (total != null && total != pageTotal) {
            throw failure(
                    query,
                    "totalCount changed from " + total + " to " + pageTotal + " between pages: the"
                            + " environment changed while it was read; run the ingestion again");
        }
        return pageTotal;
    }

    private String nextCursor(DiscoveryQuery query, JsonNode pageInfo, String previous) {
        JsonNode cursor = pageInfo.path("endCursor");
        if (!cursor.isString()
                || cursor.stringValue().isEmpty()
                || cursor.stringValue().equals(previous)) {
            throw failure(query, "says hasNextPage but gives no new endCursor (" + cursor + ")");
        }
        return cursor.stringValue();
    }

    private DiscoveryException failure(DiscoveryQuery query, String what) {
        return new DiscoveryException("source '" + settings.name() + "': Discovery API query " + query.resource()
                + " for environment " + settings.environmentId() + " " + what);
    }
}
