package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.support.SharedReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test code: a local Discovery API for one environment. It reads the posted query just enough to know which applied
 * connection (or the environment header) is asked and which page ({@code first} / {@code after}), and answers with
 * the API's response shape from a {@link StandInState}. Fault hooks replay the recorded error examples of
 * {@code ../shared/reference/dbt-cloud-api/examples} (unauthorized environment, validation, page size) and add a
 * complexity limit, a lying {@code totalCount}, and queued HTTP failures (429 with {@code Retry-After}, 5xx).
 */
final class DiscoveryStandIn implements AutoCloseable {

    static final String TOKEN = "dbtc_discovery-secret-TOKEN-7";
    private static final Pattern CONNECTION = Pattern.compile("applied\\s*\\{\\s*(\\w+)\\s*\\(");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final MockWebServer server = new MockWebServer();
    private final long environmentId;
    private final StandInState state;
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private final Map<String, Integer> totalCountOffsets = new HashMap<>();
    private volatile int maxPageSize = 500;
    private volatile int complexityLimit = Integer.MAX_VALUE;
    private volatile boolean validationFailure;

    DiscoveryStandIn(long environmentId, StandInState state) {
        this.environmentId = environmentId;
        this.state = state;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Discovery stand-in", e);
        }
    }

    URI url() {
        return server.url("/graphql").uri();
    }

    MockWebServer server() {
        return server;
    }

    StandInState state() {
        return state;
    }

    /** The next answers, before any normal one, are these (e.g. 429 with Retry-After, 503). */
    synchronized DiscoveryStandIn failNext(int status, String retryAfter) {
        MockResponse.Builder fault = new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"message\":\"HTTP " + status + "\"}]}");
        if (retryAfter != null) {
            fault.addHeader("Retry-After", retryAfter);
        }
        faults.add(fault.build());
        return this;
    }

    /** Pages with {@code first} above {@code limit} are refused with the recorded page-size error. */
    DiscoveryStandIn maxPageSize(int limit) {
        this.maxPageSize = limit;
        return this;
    }

    /** Pages with {@code first} above {@code limit} are refused as too complex. */
    DiscoveryStandIn complexityLimit(int limit) {
        this.complexityLimit = limit;
        return this;
    }

    /** Every query is refused with the recorded validation error (HTTP 400). */
    DiscoveryStandIn failValidation() {
        this.validationFailure = true;
        return this;
    }

    /** The connection announces {@code delta} more nodes than it serves. */
    synchronized DiscoveryStandIn lieAboutTotalCount(String connection, int delta) {
        totalCountOffsets.put(connection, delta);
        return this;
    }

    private MockResponse answer(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (!("Token " + TOKEN).equals(authorization) && !("Bearer " + TOKEN).equals(authorization)) {
            return json(401, example("admin-error-401-invalid-token-recorded.json"));
        }
        synchronized (this) {
            if (!faults.isEmpty()) {
                return faults.poll();
            }
        }
        if (validationFailure) {
            return json(400, example("discovery-error-validation.json"));
        }
        JsonNode body = JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
        JsonNode variables = body.path("variables");
        if (variables.path("environmentId").asLong() != environmentId) {
            return json(200, example("discovery-error-unauthorized-environment.json"));
        }
        Matcher connection = CONNECTION.matcher(body.path("query").asString());
        if (!connection.find()) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.putObject("data").set("environment", state.environment());
            return json(200, answer);
        }
        return page(connection.group(1), variables.path("first").asInt(100), variables.path("after"));
    }

    private MockResponse page(String connection, int first, JsonNode after) {
        if (first > maxPageSize) {
            return json(200, example("discovery-error-page-size.json"));
        }
        if (first > complexityLimit) {
            return json(
                    200,
                    JSON.readTree("{\"errors\":[{\"message\":\"Query complexity of " + first * 40
                            + " exceeds the maximum allowed complexity of " + complexityLimit * 40
                            + "\",\"extensions\":"
                            + "{\"code\":\"QUERY_COMPLEXITY_EXCEEDED\"}}],\"data\":null}"));
        }
        List<ObjectNode> nodes = state.connection(connection);
        int from = after.isString() ? offsetOf(after.asString()) : 0;
        int to = Math.min(nodes.size(), from + first);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode page = answer.putObject("data")
                .putObject("environment")
                .putObject("applied")
                .putObject(connection);
        page.put("totalCount", nodes.size() + totalCountOffsets.getOrDefault(connection, 0));
        ObjectNode pageInfo = page.putObject("pageInfo");
        pageInfo.put("startCursor", to > from ? cursor(connection, from + 1) : null);
        pageInfo.put("endCursor", to > from ? cursor(connection, to) : null);
        pageInfo.put("hasNextPage", to < nodes.size());
        pageInfo.put("hasPreviousPage", from > 0);
        for (int i = from; i < to; i++) {
            page.withArray("edges")
                    .addObject()
                    .put("cursor", cursor(connection, i + 1))
                    .set("node", nodes.get(i));
        }
        page.withArray("edges");
        return json(200, answer);
    }

    /** Opaque cursors, as the API's: base64 of the connection and the position of the edge. */
    static String cursor(String connection, int position) {
        return Base64.getEncoder().encodeToString((connection + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String cursor) {
        String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(decoded.substring(decoded.indexOf(':') + 1));
    }

    /** The recorded response body of one example exchange. */
    static JsonNode example(String file) {
        return SharedReference.readJson(SharedReference.artifacts()
                        .resolveSibling("dbt-cloud-api")
                        .resolve("examples")
                        .resolve(file))
                .path("response")
                .path("body");
    }

    private static MockResponse json(int status, JsonNode body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
