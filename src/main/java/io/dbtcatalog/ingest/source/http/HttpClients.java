package io.dbtcatalog.ingest.source.http;

import okhttp3.OkHttpClient;

/**
 * Builds one {@link ApiClient} per API source from a single shared {@link OkHttpClient} (one connection pool and
 * dispatcher for the whole process), each with its own timeouts, token, retry settings and rate limiter.
 */
public final class HttpClients {

    private static final OkHttpClient SHARED_BASE = new OkHttpClient();

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
        return new ApiClient(client, settings, token, timing);
    }
}
