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
 * {@link RetryListener} (the metrics), if there is one.
 */
@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

    @Bean
    OkHttpClient okHttpClient() {
        return new OkHttpClient();
    }

    @Bean
    HttpClients httpClients(OkHttpClient okHttpClient, ObjectProvider<RetryListener> retryListener) {
        RetryListener listener = retryListener.getIfAvailable(() -> RetryListener.NONE);
        return new HttpClients(okHttpClient, HttpTiming.system(), listener);
    }
}
