package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.support.ChildJvm;
import io.dbtcatalog.ingest.support.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code schedule} process in a child JVM with its webhook receiver on, the webhook secret given through the
 * environment variable {@link #SECRET_VARIABLE} and the application's own logging at DEBUG; and the HTTP client
 * that delivers events to it as dbt Cloud does.
 */
final class Receiver implements AutoCloseable {

    static final String SECRET_VARIABLE = "DBT_CLOUD_WEBHOOK_SECRET";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Process process;
    private final Path log;
    private final int port;

    private Receiver(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code schedule --config config} and waits until its receiver listens on {@code port}. */
    static Receiver start(Path config, int port, String secret, Path log) {
        Process process = ChildJvm.start(
                log,
                Map.of(SECRET_VARIABLE, secret),
                List.of("-Dlogging.level.io.dbtcatalog=DEBUG"),
                "schedule",
                "--config",
                config.toString());
        Receiver receiver = new Receiver(process, log, port);
        Polling.await(
                "the webhook receiver of " + log.getFileName() + " to listen",
                Duration.ofSeconds(120),
                () -> !process.isAlive() || receiver.output().contains("webhook receiver listening"));
        if (!process.isAlive()) {
            throw new AssertionError("the schedule process ended at start-up:\n" + receiver.output());
        }
        return receiver;
    }

    /** The {@code ingestion.webhooks} block (indented for {@code TestConfigs.write}'s extras) for {@code port}. */
    static String webhooksYaml(int port) {
        return "  webhooks:\n    port: " + port + "\n    address: 127.0.0.1\n    artifact-retry-delay: 1s\n";
    }

    /** The key a source's entry gets to receive events, with the secret from the environment. */
    static String secretYaml() {
        return "      webhook-secret: ${" + SECRET_VARIABLE + "}\n";
    }

    HttpResponse<String> post(byte[] body, String signature) {
        return postAsync(body, signature).join();
    }

    CompletableFuture<HttpResponse<String>> postAsync(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + WebhookHandler.PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Authorization", signature);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String output() {
        return ChildJvm.output(log);
    }

    /** SIGTERM, then waits for the process to end; its whole output. */
    String stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the schedule process did not stop within a minute:\n" + output());
        }
        return output();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
