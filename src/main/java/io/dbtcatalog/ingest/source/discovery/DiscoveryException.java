package io.dbtcatalog.ingest.source.discovery;

/**
 * A Discovery API ingestion that cannot go on: the server answered GraphQL errors (validation, complexity,
 * authorization), an answer lacked what was asked, or the pages read do not add up to the announced
 * {@code totalCount}. The message names the source, the environment and the query; never the token.
 */
public class DiscoveryException extends RuntimeException {

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
