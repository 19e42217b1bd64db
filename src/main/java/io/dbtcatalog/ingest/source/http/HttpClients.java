package io.dbtcatalog.ingest.source.http;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds one {@link ApiClient} per API source from the one shared {@link OkHttpClient} (one connection pool and
 * dispatcher for the whole process, a bean of the application), each a {@code newBuilder()} variant with its own
 * timeouts, token, retry settings and rate limiter. Every client tells the same {@link RetryListener} about its
 * retries and waits with the same {@link HttpTiming}.
 */
public final class HttpClients {

    private final Supplier<OkHttpClient> shared;
    private final HttpTiming timing;
    private final RetryListener retries;

    public HttpClients(OkHttpClient shared, HttpTiming timing, RetryListener retries) {
        this(supplierOf(Objects.requireNonNull(shared, "shared")), timing, retries);
    }

    /** Like the other constructor; {@code shared} is asked for the client only when a first API client is built. */
    public HttpClients(Supplier<OkHttpClient> shared, HttpTiming timing, RetryListener retries) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.retries = Objects.requireNonNull(retries, "retries");
    }

    /** A client for one source: its timeouts, its token as {@code Authorization: Token …}, its rate limit. */
    public ApiClient apiClient(HttpSettings settings, ApiToken token) {
        RateLimiter limiter = new RateLimiter(settings.requestsPerMinute(), timing.clock(), timing.sleeper());
        OkHttpClient client = shared.get()
                .newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(true)
                .addInterceptor(new RateLimitInterceptor(limiter))
                .addInterceptor(new AuthInterceptor(token))
                .addNetworkInterceptor(new CallLogInterceptor())
                .build();
        return new ApiClient(client, settings, token, timing, retries);
    }

    private static Supplier<OkHttpClient> supplierOf(OkHttpClient client) {
        return () -> client;
    }
}
