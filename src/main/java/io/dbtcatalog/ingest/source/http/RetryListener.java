package io.dbtcatalog.ingest.source.http;

/**
 * Told about every retry the HTTP layer is about to make (after a 408, 429, 5xx or IO failure), for example to
 * count retries as a metric. {@code reason} is the HTTP status ("429", "503"…) or "io" for a failure without a
 * response. Implementations must be fast and must not throw; they never see URLs' query strings or tokens. The
 * application has one, handed to every client by {@link HttpClients}.
 */
@FunctionalInterface
public interface RetryListener {

    /** Ignores every retry. */
    RetryListener NONE = (method, host, reason) -> {};

    void retrying(String method, String host, String reason);
}
