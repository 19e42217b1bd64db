package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;

/**
 * One {@code kind: discovery} source: the Discovery API endpoint ({@code metadata-url}, regional and cell hosts
 * differ), the environment whose applied state is read, the token, the page size of every connection query (at most
 * 500, the API's maximum) and the HTTP settings, whose rate limit must stay at or below dbt's documented 500
 * requests per minute. {@code toString()} never shows the token.
 */
public record DiscoverySettings(
        String name,
        URI metadataUrl,
        long environmentId,
        String token,
        int pageSize,
        HttpSettings http) {

    /** The largest page the Discovery API serves, and the default page size. */
    public static final int MAX_PAGE_SIZE = 500;
    /** dbt's documented Discovery API rate limit per minute. */
    public static final int DISCOVERY_REQUESTS_PER_MINUTE = 500;

    public DiscoverySettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a discovery source needs a name (its project_key)");
        }
        metadataUrl = checkUrl(name, metadataUrl);
        if (environmentId <= 0) {
            throw new IllegalArgumentException("source " + name + ": environment-id must be a positive number, was "
                    + environmentId);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("source " + name + ": token is empty (e.g. token: ${DBT_CLOUD_TOKEN})");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("source " + name + ": page-size must be between 1 and "
                    + MAX_PAGE_SIZE + " (the Discovery API's maximum), was " + pageSize);
        }
        http = http == null ? defaultHttp() : http;
        if (http.requestsPerMinute() > DISCOVERY_REQUESTS_PER_MINUTE) {
            throw new IllegalArgumentException("source " + name + ": http requests-per-minute is "
                    + http.requestsPerMinute() + " but the Discovery API allows " + DISCOVERY_REQUESTS_PER_MINUTE
                    + " per minute; use at most that (default " + defaultHttp().requestsPerMinute() + ")");
        }
    }

    /** The shared HTTP defaults with a rate limit below the Discovery API's 500 requests per minute. */
    public static HttpSettings defaultHttp() {
        HttpSettings d = HttpSettings.defaults();
        return new HttpSettings(d.connectTimeout(), d.readTimeout(), d.callTimeout(), d.maxAttempts(),
                d.initialBackoff(), d.maxBackoff(), d.retryDeadline(), 400);
    }

    private static URI checkUrl(String name, URI url) {
        if (url == null || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("source " + name + ": metadata-url must be the Discovery API endpoint,"
                    + " e.g. https://metadata.cloud.getdbt.com/graphql or"
                    + " https://ACCOUNT_PREFIX.metadata.us1.dbt.com/graphql; was " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("source " + name + ": metadata-url must not carry a query, fragment"
                    + " or user info; was " + url.getScheme() + "://" + url.getHost() + url.getRawPath());
        }
        return url;
    }

    @Override
    public String toString() {
        return "DiscoverySettings[name=" + name + ", metadataUrl=" + metadataUrl + ", environmentId=" + environmentId
                + ", token=****, pageSize=" + pageSize + ", http=" + http + "]";
    }
}
