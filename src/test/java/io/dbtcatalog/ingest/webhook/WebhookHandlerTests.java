package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the receiver on a real socket: only {@code POST /webhooks/dbt-cloud}, and bodies above the limit
 * answered 413 whether their length is declared or they are chunked.
 */
class WebhookHandlerTests {

    private static final String SECRET = "whsec-handler";
    private static final int LIMIT = 4096;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookMetrics metrics = new WebhookMetrics(registry);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        WebhookSource source = new WebhookSource("cloud", 1, null, List.of(), null, Set.of(10), SECRET);
        RunQueue queue = (name, run, event) -> RunQueue.Queued.QUEUED;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext(
                "/", new WebhookHandler(new WebhookIntake(List.of(source), queue, metrics), metrics, LIMIT));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSignedEventWithinTheLimitIsQueued() throws Exception {
        byte[] body = TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10);

        HttpResponse<String> response = send(post(WebhookHandler.PATH, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", WebhookSignature.sign(SECRET, body))
                .build());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(metrics.total("events.received")).isEqualTo(1);
    }

    @Test
    void aBodyAboveTheLimitIs413WhetherItsLengthIsDeclaredOrItIsChunkedAndTheConnectionServesTheNextDelivery()
            throws Exception {
        byte[] big = new byte[LIMIT + 1024 * 1024];
        byte[] small = TestEvents.event("job.run.completed", 1, 10, 100, 1000, 100001, 10);

        HttpResponse<String> declared = send(post(WebhookHandler.PATH, HttpRequest.BodyPublishers.ofByteArray(big))
                .build());
        HttpResponse<String> next = send(post(WebhookHandler.PATH, HttpRequest.BodyPublishers.ofByteArray(small))
                .header("Authorization", WebhookSignature.sign(SECRET, small))
                .build());
        String chunked = sendChunked(big);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(next.statusCode()).isEqualTo(202);
        assertThat(chunked).isEqualTo("HTTP/1.1 413");
        assertThat(registry.counter("dbt.catalog.webhook.events.rejected", "reason", "too-large")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        HttpResponse<String> elsewhere = send(post("/webhooks/other", HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        HttpResponse<String> get =
                send(HttpRequest.newBuilder(uri(WebhookHandler.PATH)).GET().build());

        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).POST(body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} in 1 KB chunks over a plain socket; the raw response. */
    private String sendChunked(byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + WebhookHandler.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 1024) {
                int length = Math.min(1024, body.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] statusLine = new byte[12];
            socket.getInputStream().readNBytes(statusLine, 0, statusLine.length);
            return new String(statusLine, StandardCharsets.US_ASCII);
        }
    }
}
