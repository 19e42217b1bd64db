package io.dbtcatalog.ingest.source.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Token <token>} to every request of one API client. It runs as an application
 * interceptor, so OkHttp's redirect handling (which drops {@code Authorization} on a cross-host redirect) still
 * applies and the token never follows a redirect to another host.
 */
final class AuthInterceptor implements Interceptor {

    private final ApiToken token;

    AuthInterceptor(ApiToken token) {
        this.token = token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()
                .newBuilder()
                .header("Authorization", token.headerValue("Token"))
                .build());
    }

    @Override
    public String toString() {
        return "AuthInterceptor[token=" + token + "]";
    }
}
