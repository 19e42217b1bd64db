package io.dbtcatalog.ingest.source.http;

/**
 * A dbt Cloud API call that failed for good: the HTTP status ({@code 0} when no response was received at all, e.g.
 * timeouts or dropped connections after every retry), the method and path called, and a message saying what to
 * check. The message carries at most 500 characters of the response body and never the token.
 */
public class DbtApiException extends RuntimeException {

    /** Status used when the server never produced an HTTP response. */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String method;
    private final String path;

    public DbtApiException(int status, String method, String path, String message) {
        this(status, method, path, message, null);
    }

    public DbtApiException(int status, String method, String path, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.method = method;
        this.path = path;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
