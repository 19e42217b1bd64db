package io.dbtcatalog.ingest.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of one delivery: only {@code POST /webhooks/dbt-cloud} (404 elsewhere, 405 for another method); the
 * body is read up to the size limit and no further (413 above it, whether the length is declared or the body is
 * chunked; the excess is skipped, never kept), then the {@link WebhookIntake} decides; 503 with {@code Retry-After}
 * while the scheduler cannot take runs. Bad input never gets a 5xx.
 */
final class WebhookHandler implements HttpHandler {

    static final String PATH = "/webhooks/dbt-cloud";
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    /** How much of an oversized body is read and dropped so the client can read the 413; beyond, we hang up. */
    private static final long SKIP_LIMIT = 16L * 1024 * 1024;

    private final WebhookIntake intake;
    private final WebhookMetrics metrics;
    private final int maxBody;

    WebhookHandler(WebhookIntake intake, WebhookMetrics metrics, int maxBody) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxBody = maxBody;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            metrics.received();
            WebhookAnswer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                // a defect of ours, not bad input: logged and answered 500 (dbt Cloud delivers again)
                log.error("webhook delivery failed unexpectedly: {}", e.toString(), e);
                answer = WebhookAnswer.error(500, "internal error; see the receiver's log");
            }
            send(exchange, answer);
        } catch (IOException e) {
            log.debug("webhook delivery from {}: connection lost: {}", exchange.getRemoteAddress(), e.getMessage());
        }
    }

    private WebhookAnswer answer(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            return reject("not-found", 404, "no such endpoint; dbt Cloud webhooks are received at POST " + PATH);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return reject("method", 405, "only POST is accepted at " + PATH);
        }
        byte[] body = readBounded(exchange);
        if (body == null) {
            return reject("too-large", 413, "the body exceeds the webhook size limit of " + maxBody + " bytes");
        }
        try {
            return intake.accept(body, exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (RunQueue.Unavailable e) {
            log.warn("webhook delivery not taken, dbt Cloud will deliver it again: {}", e.getMessage());
            exchange.getResponseHeaders().set("Retry-After", "10");
            return WebhookAnswer.error(503, "the receiver cannot queue ingestions right now; try again later");
        }
    }

    /** The body when it has at most {@code maxBody} bytes; null (the rest skipped, up to a bound) when larger. */
    private byte[] readBounded(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (declared != null && declaredLength(declared) > maxBody) {
            skipRest(exchange, in);
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(maxBody, 4096));
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (body.size() + read > maxBody) {
                skipRest(exchange, in);
                return null;
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Reads and drops the rest of the body up to its end (the server reuses the connection only once the body was
     * read to its end), or up to {@link #SKIP_LIMIT}, past which the connection is closed after the answer.
     */
    private static void skipRest(HttpExchange exchange, InputStream in) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            skipped += read;
            if (skipped > SKIP_LIMIT) {
                exchange.getResponseHeaders().set("Connection", "close");
                return;
            }
        }
    }

    private WebhookAnswer reject(String reason, int status, String message) {
        metrics.rejected(reason);
        return WebhookAnswer.error(status, message);
    }

    private static void send(HttpExchange exchange, WebhookAnswer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
