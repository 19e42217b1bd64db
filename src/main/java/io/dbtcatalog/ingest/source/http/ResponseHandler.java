package io.dbtcatalog.ingest.source.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * Consumes one successful (2xx) response, streaming its body. An {@link IOException} thrown here (e.g. the
 * connection dropped half-way through the body) makes the whole request retryable; any other exception ends it.
 */
@FunctionalInterface
public interface ResponseHandler<T> {

    T handle(Response response) throws IOException;
}
