/**
 * The HTTP layer every API source (dbt Cloud Admin API, Discovery API) shares, in OkHttp's idiom: one shared
 * {@code OkHttpClient} (an application bean) from which {@link io.dbtcatalog.ingest.source.http.HttpClients} derives
 * a client per source with {@code newBuilder()}; auth, the client-side rate limit and wire logging as interceptors;
 * bounded retries of 408/429/5xx/IO with backoff, jitter and {@code Retry-After}
 * ({@link io.dbtcatalog.ingest.source.http.ApiClient}); errors that name the call and never the token. Timeouts,
 * retry bounds and the rate limit come from {@link io.dbtcatalog.ingest.source.http.HttpSettings}. No statics.
 */
package io.dbtcatalog.ingest.source.http;
