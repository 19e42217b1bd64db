package io.dbtcatalog.ingest.source.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Executes GET requests of one API source with bounded retries: IO errors (also in the middle of a streamed body),
 * 408, 429 and 5xx are retried with exponential backoff and jitter or after the server's {@code Retry-After}, until
 * the attempts or the retry deadline run out; every other non-2xx status fails at once with a
 * {@link DbtApiException} that says what to check. Auth, rate limiting and wire logging are interceptors of the
 * underlying {@link OkHttpClient} (see {@link HttpClients}).
 */
public final class ApiClient {

    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

    private final OkHttpClient client;
    private final HttpSettings settings;
    private final HttpTiming timing;
    private final RetryPolicy policy;
    private final ApiErrors errors;
    private final RetryListener retries;

    ApiClient(OkHttpClient client, HttpSettings settings, ApiToken token, HttpTiming timing, RetryListener retries) {
        this.client = client;
        this.settings = settings;
        this.timing = timing;
        this.policy = new RetryPolicy(settings, timing.random());
        this.errors = new ApiErrors(token);
        this.retries = retries;
    }

    /** GETs {@code url} and hands the successful response to {@code handler}, retrying as described above. */
    public <T> T get(HttpUrl url, String accept, ResponseHandler<T> handler) {
        return execute(
                new Request.Builder().url(url).header("Accept", accept).get().build(), handler);
    }

    /**
     * POSTs {@code body} to {@code url} with the same retries as {@link #get}: only for idempotent reads such as
     * GraphQL queries, since a retried POST is sent again.
     */
    public <T> T post(HttpUrl url, RequestBody body, String accept, ResponseHandler<T> handler) {
        return execute(
                new Request.Builder()
                        .url(url)
                        .header("Accept", accept)
                        .post(body)
                        .build(),
                handler);
    }

    private <T> T execute(Request request, ResponseHandler<T> handler) {
        Instant deadline = timing.clock().instant().plus(settings.retryDeadline());
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome = attempt(request, handler);
            if (outcome.done()) {
                return outcome.value();
            }
            Duration wait = outcome.serverWait() != null ? outcome.serverWait() : policy.backoff(attempt);
            if (attempt >= settings.maxAttempts()) {
                throw errors.exhausted(
                        request, outcome, attempt, "no attempts left (max-attempts " + settings.maxAttempts() + ")");
            }
            if (timing.clock().instant().plus(wait).isAfter(deadline)) {
                throw errors.exhausted(
                        request,
                        outcome,
                        attempt,
                        "waiting " + wait.toMillis() + " ms more would pass the retry deadline of "
                                + settings.retryDeadline());
            }
            log.debug(
                    "{} {} attempt {} failed ({}); retrying in {} ms",
                    request.method(),
                    request.url().encodedPath(),
                    attempt,
                    outcome.describe(),
                    wait.toMillis());
            retries.retrying(
                    request.method(),
                    request.url().host(),
                    outcome.error() != null ? "io" : Integer.toString(outcome.status()));
            sleep(request, wait);
        }
    }

    private <T> Outcome<T> attempt(Request request, ResponseHandler<T> handler) {
        try (Response response = client.newCall(request).execute()) {
            if (response.isSuccessful()) {
                return Outcome.success(handler.handle(response));
            }
            if (!RetryPolicy.isRetryable(response.code())) {
                throw errors.failed(request, response);
            }
            Duration serverWait = RetryPolicy.retryAfter(
                    response.header("Retry-After"), timing.clock().instant());
            return Outcome.retry(response.code(), serverWait, errors.bodyExcerpt(response), null);
        } catch (JacksonIOException e) {
            return ioFailure(request, e.getCause() != null ? e.getCause() : new IOException(e));
        } catch (UncheckedIOException e) {
            return ioFailure(request, e.getCause());
        } catch (IOException e) {
            return ioFailure(request, e);
        }
    }

    private <T> Outcome<T> ioFailure(Request request, IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            throw new DbtApiException(
                    DbtApiException.NO_RESPONSE,
                    request.method(),
                    request.url().encodedPath(),
                    request.method() + " " + request.url().encodedPath() + " was interrupted",
                    e);
        }
        return Outcome.retry(DbtApiException.NO_RESPONSE, null, null, e);
    }

    private void sleep(Request request, Duration wait) {
        try {
            timing.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbtApiException(
                    DbtApiException.NO_RESPONSE,
                    request.method(),
                    request.url().encodedPath(),
                    "interrupted while waiting to retry " + request.method() + " "
                            + request.url().encodedPath(),
                    e);
        }
    }

    /** The result of one attempt: a value, or what went wrong and how long the server asked us to wait. */
    record Outcome<T>(boolean done, T value, int status, Duration serverWait, String body, IOException error) {

        static <T> Outcome<T> success(T value) {
            return new Outcome<>(true, value, 200, null, null, null);
        }

        static <T> Outcome<T> retry(int status, Duration serverWait, String body, IOException error) {
            return new Outcome<>(false, null, status, serverWait, body, error);
        }

        String describe() {
            String what = error != null ? error.toString() : "HTTP " + status;
            return serverWait == null ? what : what + ", Retry-After " + serverWait.toSeconds() + " s";
        }
    }
}
