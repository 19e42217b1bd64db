package io.dbtcatalog.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** The retry listener given to the clients hears every retry with its reason, and nothing for a first-time success. */
class RetryListenerIntegrationTests {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void everyRetryIsReportedWithItsStatusOrIo() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            // given
            server.enqueue(new MockResponse.Builder().code(429).build());
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("a body cut short by the server")
                    .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                    .build());
            server.enqueue(new MockResponse.Builder().code(503).build());
            server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            server.start();
            HttpClients clients = TestHttpClients.with(
                    HttpTiming.system(), (method, host, reason) -> heard.add(method + " " + host + " " + reason));
            ApiClient client = clients.apiClient(
                    new HttpSettings(
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5),
                            5,
                            Duration.ofMillis(1),
                            Duration.ofMillis(5),
                            Duration.ofSeconds(30),
                            6000),
                    ApiToken.of("secret-token", "token"));

            // when
            String body = client.get(server.url("/runs/"), "application/json", response -> response.body()
                    .string());

            // then
            assertThat(body).isEqualTo("ok");
            String host = server.url("/").host();
            assertThat(heard).containsExactly("GET " + host + " 429", "GET " + host + " io", "GET " + host + " 503");
        }
    }
}
