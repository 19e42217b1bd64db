package io.dbtcatalog.ingest.source.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every exchange on the wire at DEBUG: method, path and query, status and duration. Headers are never logged,
 * so neither is {@code Authorization}.
 */
final class CallLogInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(CallLogInterceptor.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long started = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            log.debug(
                    "{} {} -> {} in {} ms",
                    request.method(),
                    pathAndQuery(request.url()),
                    response.code(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return response;
        } catch (IOException e) {
            log.debug(
                    "{} {} -> {} after {} ms",
                    request.method(),
                    pathAndQuery(request.url()),
                    e.toString(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            throw e;
        }
    }

    static String pathAndQuery(HttpUrl url) {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }
}
