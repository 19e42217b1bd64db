package io.dbtcatalog.ingest.source.http;

import okhttp3.OkHttpClient;

/** Test code: API clients derived, as in the application, from one OkHttpClient shared by every test. */
public final class TestHttpClients {

    private static final OkHttpClient SHARED = new OkHttpClient();

    private TestHttpClients() {}

    /** Clients waiting and jittering with {@code timing}, telling nobody about retries. */
    public static HttpClients with(HttpTiming timing) {
        return with(timing, RetryListener.NONE);
    }

    public static HttpClients with(HttpTiming timing, RetryListener retries) {
        return new HttpClients(SHARED, timing, retries);
    }
}
