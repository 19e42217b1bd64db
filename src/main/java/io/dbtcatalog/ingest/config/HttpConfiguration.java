package io.dbtcatalog.ingest.config;

import io.dbtcatalog.ingest.source.http.HttpClients;
import io.dbtcatalog.ingest.source.http.HttpTiming;
import io.dbtcatalog.ingest.source.http.RetryListener;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP beans: one {@link OkHttpClient} for the whole process (one connection pool and dispatcher), and the
 * {@link HttpClients} every API source derives its own client from, told about retries by the application's
 * {@link RetryListener} (the metrics), if there is one. Under lazy initialisation (the CLI) the client, whose TLS
 * set-up costs a noticeable part of a start, is built only when an API source first needs it.
 */
@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

    @Bean
    OkHttpClient okHttpClient() {
        return new OkHttpClient();
    }

    @Bean
    HttpClients httpClients(ObjectProvider<OkHttpClient> okHttpClient, ObjectProvider<RetryListener> retryListener) {
        RetryListener listener = retryListener.getIfAvailable(() -> RetryListener.NONE);
        return new HttpClients(okHttpClient::getObject, HttpTiming.system(), listener);
    }
}
