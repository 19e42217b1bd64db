package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;

/**
 * One {@code kind: discovery} source: the Discovery API endpoint ({@code metadata-url}, regional and cell hosts
 * differ), the environment whose applied state is read, the token, the page size of every connection query and the
 * HTTP settings. Built from the validated configuration ({@code ingestion.sources[i]}), which declares the defaults
 * and the rules. {@code toString()} never shows the token.
 */
public record DiscoverySettings(
        String name, URI metadataUrl, long environmentId, String token, int pageSize, HttpSettings http) {

    /** The largest page the Discovery API serves. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The request rate a Discovery source is capped at, below dbt's documented 500 requests per minute. */
    public static final int MAX_REQUESTS_PER_MINUTE = 400;

    @Override
    public String toString() {
        return "DiscoverySettings[name=" + name + ", metadataUrl=" + metadataUrl + ", environmentId=" + environmentId
                + ", token=****, pageSize=" + pageSize + ", http=" + http + "]";
    }
}
