package io.dbtcatalog.ingest.source.dbtcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local dbt Cloud Admin API v2 speaking the contract in {@code ../shared/reference/dbt-cloud-api}: token check,
 * account scoping, run list with filters / ordering / paging and the {@code extra} echo, run detail with
 * {@code include_related}, artifact list and per-step artifact downloads streamed from real artifact files, and the
 * error envelopes. Every request is recorded; faults can be injected per path.
 */
final class DbtCloudStandIn extends Dispatcher implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final String token;
    private final long accountId;
    private final Map<Long, StandInRun> runs = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<StandInFaults.Fault> faults = new CopyOnWriteArrayList<>();
    private final StandInRoutes routes;

    private DbtCloudStandIn(long accountId, String token) {
        this.accountId = accountId;
        this.token = token;
        this.routes = new StandInRoutes(accountId, runs, new StandInJson());
    }

    static DbtCloudStandIn start(long accountId, String token) {
        DbtCloudStandIn standIn = new DbtCloudStandIn(accountId, token);
        standIn.server.setDispatcher(standIn);
        try {
            standIn.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dbt Cloud stand-in", e);
        }
        return standIn;
    }

    /** {@code http://127.0.0.1:port} — the base URL a source is configured with. */
    URI baseUrl() {
        return server.url("/").uri();
    }

    DbtCloudStandIn add(StandInRun... more) {
        Arrays.stream(more).forEach(run -> runs.put(run.id(), run));
        return this;
    }

    /** The next {@code times} requests whose path contains {@code pathPart} get {@code effect} applied. */
    DbtCloudStandIn fault(String pathPart, int times, UnaryOperator<MockResponse> effect) {
        faults.add(new StandInFaults.Fault(pathPart, times, effect));
        return this;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Recorded requests whose path contains {@code pathPart}, in order. */
    List<RecordedRequest> requestsTo(String pathPart) {
        List<RecordedRequest> matching = new ArrayList<>();
        requests.stream()
                .filter(r -> r.getUrl().encodedPath().contains(pathPart))
                .forEach(matching::add);
        return matching;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        MockResponse response = authorized(request)
                ? routes.route(request)
                : StandInRoutes.json(401, StandInJson.errorBody("admin-error-401-invalid-token-recorded.json"));
        for (StandInFaults.Fault fault : faults) {
            if (fault.claim(request)) {
                return fault.effect().apply(response);
            }
        }
        return response;
    }

    private boolean authorized(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return ("Token " + token).equals(header) || ("Bearer " + token).equals(header);
    }

    long accountId() {
        return accountId;
    }

    @Override
    public void close() {
        server.close();
    }
}
