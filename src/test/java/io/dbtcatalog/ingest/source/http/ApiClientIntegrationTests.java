package io.dbtcatalog.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientIntegrationTests {

    private static final String TOKEN = "dbtc_secret-Token-42";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private HttpUrl url;

    @BeforeEach
    void start() throws IOException {
        server.start();
        url = server.url("/api/v2/accounts/1/runs/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient client(HttpSettings settings, HttpTiming timing) {
        return TestHttpClients.with(timing).apiClient(settings, ApiToken.of(TOKEN, "token"));
    }

    private ApiClient client() {
        return client(settings(5, Duration.ofSeconds(5)), time.timing());
    }

    static HttpSettings settings(int attempts, Duration readTimeout) {
        return new HttpSettings(
                Duration.ofSeconds(2),
                readTimeout,
                Duration.ofSeconds(30),
                attempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                6000);
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static String bodyOf(okhttp3.Response response) throws IOException {
        return response.body().string();
    }

    @Test
    void sendsTokenAndAcceptHeadersAndReturnsTheHandledBody() throws InterruptedException {
        // given
        server.enqueue(status(200, "{\"data\":[]}"));

        // when
        String body = client().get(url, "application/json", ApiClientIntegrationTests::bodyOf);

        // then
        RecordedRequest request = server.takeRequest();
        assertThat(body).isEqualTo("{\"data\":[]}");
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/accounts/1/runs/");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + TOKEN);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void serverErrorsOnTheFirstAttemptsAreRetriedWithGrowingBackoff() {
        // given
        server.enqueue(status(500, "{}"));
        server.enqueue(status(502, "{}"));
        server.enqueue(status(503, "{}"));
        server.enqueue(status(200, "ok"));

        // when
        String body = client().get(url, "application/json", ApiClientIntegrationTests::bodyOf);

        // then
        assertThat(body).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(time.sleeps().get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void tooManyRequestsWaitsExactlyWhatRetryAfterSays() {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .body("{\"status\":{\"code\":429,\"is_success\":false,\"user_message\":\"Too many requests.\"}}")
                .build());
        server.enqueue(status(200, "ok"));

        // when
        client().get(url, "application/json", ApiClientIntegrationTests::bodyOf);

        // then
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void realRetryAfterOfOneSecondIsReallyWaitedFor() {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "1")
                .build());
        server.enqueue(status(200, "ok"));
        ApiClient client = client(settings(3, Duration.ofSeconds(5)), HttpTiming.system());
        long started = System.nanoTime();

        // when
        String body = client.get(url, "application/json", ApiClientIntegrationTests::bodyOf);

        // then: the retry came no sooner than the server asked
        assertThat(body).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheDeadlineFailsAtOnceInsteadOfWaiting() {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "3600")
                .build());

        // when / then
        assertThatThrownBy(() -> client().get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOf(DbtApiException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("retry deadline");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void unauthorizedIsNotRetriedAndSaysWhatToCheckWithoutTheToken() {
        // given: a server that even echoes the token back
        server.enqueue(status(
                401,
                "{\"status\":{\"code\":401,\"is_success\":false,\"user_message\":" + "\"Invalid token: " + TOKEN
                        + "\",\"developer_message\":null},\"data\":null}"));

        // when / then
        assertThatThrownBy(() -> client().get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.path()).isEqualTo("/api/v2/accounts/1/runs/");
                    assertThat(e.getMessage())
                            .contains("Invalid token", "base-url", "region")
                            .doesNotContain(TOKEN);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void forbiddenAndNotFoundAreNotRetried() {
        // given
        server.enqueue(status(403, "{\"status\":{\"code\":403,\"user_message\":\"Forbidden\"},\"data\":null}"));
        server.enqueue(status(404, "x".repeat(5000)));

        // when / then
        assertThatThrownBy(() -> client().get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOfSatisfying(DbtApiException.class, e -> assertThat(e.getMessage())
                        .contains("HTTP 403", "Forbidden", "permission"));
        assertThatThrownBy(() -> client().get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("account-id").hasSizeLessThan(1000);
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void persistentServerErrorsFailAfterTheLastAttempt() {
        // given
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503, "{\"status\":{\"user_message\":\"Service unavailable\"}}"));
        }

        // when / then
        assertThatThrownBy(() -> client(settings(3, Duration.ofSeconds(5)), time.timing())
                        .get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("attempt 3", "max-attempts 3", "Service unavailable");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void connectionDroppedHalfWayThroughTheBodyIsRetried() {
        // given
        String big = "{\"data\":\"" + "a".repeat(200_000) + "\"}";
        server.enqueue(new MockResponse.Builder()
                .body(big)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(status(200, big));

        // when
        String body = client().get(url, "application/json", ApiClientIntegrationTests::bodyOf);

        // then
        assertThat(body).isEqualTo(big);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverThatNeverAnswersTimesOutInsteadOfHanging() {
        // given
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        // when / then
        assertThatThrownBy(() -> client(settings(2, Duration.ofMillis(300)), time.timing())
                        .get(url, "application/json", ApiClientIntegrationTests::bodyOf))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(DbtApiException.NO_RESPONSE);
                    assertThat(e.getMessage()).contains("no HTTP response", "timeout", "attempt 2");
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
