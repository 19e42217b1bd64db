package io.dbtcatalog.ingest.source.dbtcloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET runs/}: filters {@code project_id}, {@code job_definition_id}, {@code environment_id}, {@code status},
 * {@code status__in} (repeated, comma or bracketed), {@code order_by} on id / created_at / finished_at (descending
 * puts unfinished runs first, as PostgreSQL does), {@code limit} up to 100 and {@code offset}; answers with the
 * {@code extra} block echoing the filters and the pagination counts.
 */
final class StandInRunList {

    private final long accountId;
    private final Collection<StandInRun> runs;
    private final StandInJson json;

    StandInRunList(long accountId, Collection<StandInRun> runs, StandInJson json) {
        this.accountId = accountId;
        this.runs = runs;
        this.json = json;
    }

    MockResponse answer(HttpUrl url) {
        int limit = intParameter(url, "limit", 100);
        int offset = intParameter(url, "offset", 0);
        if (limit < 1 || limit > 100 || offset < 0) {
            return StandInRoutes.json(400, StandInJson.errorBody(400, "limit must be between 1 and 100."));
        }
        ObjectNode filters = StandInJson.object()
                .put("limit", limit)
                .put("offset", offset)
                .put("state", "all")
                .put("account_id", accountId);
        List<StandInRun> matching = new ArrayList<>(runs);
        filterBy(url, "project_id", StandInRun::projectId, matching, filters);
        filterBy(url, "job_definition_id", StandInRun::jobId, matching, filters);
        filterBy(url, "environment_id", StandInRun::environmentId, matching, filters);
        filterBy(url, "status", run -> (long) run.status(), matching, filters);
        Set<Long> statuses = longList(url, "status__in");
        if (!statuses.isEmpty()) {
            matching.removeIf(run -> !statuses.contains((long) run.status()));
            ArrayNode echoed = filters.putArray("status__in");
            statuses.forEach(echoed::add);
        }
        String orderBy = url.queryParameter("order_by") == null ? "id" : url.queryParameter("order_by");
        matching.sort(order(orderBy));
        ArrayNode data = StandInJson.array();
        matching.stream().skip(offset).limit(limit).forEach(run -> data.add(json.run(run, accountId, Set.of())));
        ObjectNode body = StandInJson.envelope(data);
        ObjectNode extra = body.putObject("extra");
        extra.set("filters", filters);
        extra.put("order_by", orderBy);
        extra.putObject("pagination").put("count", data.size()).put("total_count", matching.size());
        return StandInRoutes.json(200, StandInJson.write(body));
    }

    private static void filterBy(
            HttpUrl url, String name, Function<StandInRun, Long> field, List<StandInRun> runs, ObjectNode filters) {
        String value = url.queryParameter(name);
        if (value != null) {
            long wanted = Long.parseLong(value);
            runs.removeIf(run -> field.apply(run) != wanted);
            filters.put(name, wanted);
        }
    }

    private static Comparator<StandInRun> order(String orderBy) {
        boolean descending = orderBy.startsWith("-");
        String field = descending ? orderBy.substring(1) : orderBy;
        Comparator<StandInRun> byId = Comparator.comparingLong(StandInRun::id);
        Comparator<StandInRun> comparator =
                switch (field) {
                    case "created_at" ->
                        Comparator.comparing(StandInRun::createdAt).thenComparing(byId);
                    case "finished_at" ->
                        Comparator.comparing(
                                        StandInRun::finishedAt,
                                        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                                .thenComparing(byId);
                    default -> byId;
                };
        return descending ? comparator.reversed() : comparator;
    }

    private static int intParameter(HttpUrl url, String name, int fallback) {
        String value = url.queryParameter(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static Set<Long> longList(HttpUrl url, String name) {
        Set<Long> values = new LinkedHashSet<>();
        for (String raw : url.queryParameterValues(name)) {
            for (String part : (raw == null ? "" : raw.replaceAll("[\\[\\] ]", "")).split(",")) {
                if (!part.isEmpty()) {
                    values.add(Long.parseLong(part));
                }
            }
        }
        return values;
    }
}
