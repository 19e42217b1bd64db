package io.dbtcatalog.ingest.source.http;

import okhttp3.OkHttpClient;

/**
 * Builds one {@link ApiClient} per API source from a single shared {@link OkHttpClient} (one connection pool and
 * dispatcher for the whole process), each with its own timeouts, token, retry settings and rate limiter. Like the
 * shared client, the {@link RetryListener} told about retries is one per process.
 */
public final class HttpClients {

    private static final OkHttpClient SHARED_BASE = new OkHttpClient();
    private static volatile RetryListener retryListener = RetryListener.NONE;

    private HttpClients() {
    }

    /** The process-wide base client that per-source clients derive from with {@code newBuilder()}. */
    public static OkHttpClient sharedBase() {
        return SHARED_BASE;
    }

    /** A client for one source: its timeouts, its token as {@code Authorization: Token …}, its rate limit. */
    public static ApiClient apiClient(OkHttpClient base, HttpSettings settings, ApiToken token, HttpTiming timing) {
        RateLimiter limiter = new RateLimiter(settings.requestsPerMinute(), timing.clock(), timing.sleeper());
        OkHttpClient client = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(true)
                .addInterceptor(new RateLimitInterceptor(limiter))
                .addInterceptor(new AuthInterceptor(token))
                .addNetworkInterceptor(new CallLogInterceptor())
                .build();
        return new ApiClient(client, settings, token, timing,
                (method, host, reason) -> retryListener.retrying(method, host, reason));
    }

    /** Sets the process-wide listener told about every retry of every client, including clients built earlier. */
    public static void setRetryListener(RetryListener listener) {
        retryListener = listener == null ? RetryListener.NONE : listener;
    }
}
