package io.dbtcatalog.ingest.source.dbtcloud;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** Faults the stand-in can inject: rate limiting, server errors, dropped connections, silence, broken JSON. */
final class StandInFaults {

    private StandInFaults() {}

    /** A fault for the next {@code times} requests whose path contains {@code pathPart}. */
    record Fault(String pathPart, AtomicInteger remaining, UnaryOperator<MockResponse> effect) {

        Fault(String pathPart, int times, UnaryOperator<MockResponse> effect) {
            this(pathPart, new AtomicInteger(times), effect);
        }

        boolean claim(RecordedRequest request) {
            return request.getUrl().encodedPath().contains(pathPart) && remaining.getAndDecrement() > 0;
        }
    }

    /** 429 with the contract's placeholder body and {@code Retry-After: seconds}. */
    static UnaryOperator<MockResponse> rateLimited(int retryAfterSeconds) {
        return ignored -> new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", Integer.toString(retryAfterSeconds))
                .body(StandInJson.errorBody("admin-error-429-rate-limited.json"))
                .build();
    }

    static UnaryOperator<MockResponse> serverError(int code) {
        return ignored -> StandInRoutes.json(code, StandInJson.errorBody(code, "Internal error " + code));
    }

    /** The real response, but the socket closes once half of the body has been sent. */
    static UnaryOperator<MockResponse> dropMidBody() {
        return response -> response.newBuilder()
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                .build();
    }

    /** Accepts the request and never answers. */
    static UnaryOperator<MockResponse> neverAnswer() {
        return ignored -> new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    /** HTTP 200 with a complete body that is not valid JSON. */
    static UnaryOperator<MockResponse> invalidJson() {
        return ignored -> StandInRoutes.json(
                200, "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\",");
    }
}
