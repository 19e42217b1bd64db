package io.dbtcatalog.ingest.webhook;

import com.sun.net.httpserver.HttpServer;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.WebhookProperties;
import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import io.dbtcatalog.ingest.schedule.ScheduledIngestions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The webhook receiver's own small HTTP server (the JDK's, on {@code ingestion.webhooks.port}, separate from the
 * management port: decision 0011). Started by the {@code schedule} command once its scheduler runs, and stopped
 * before the scheduler when the application closes: it depends on the scheduler through its queue, and Spring stops
 * dependents first. A few threads handle deliveries (each takes milliseconds); a full queue makes the accepting
 * thread handle the delivery itself, which slows intake instead of dropping it.
 */
@ScheduleOnly
@Component
public class WebhookServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 512;

    private final WebhookProperties properties;
    private final WebhookIntake intake;
    private final WebhookMetrics metrics;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    /** {@code scheduler} is named so that Spring stops this server before the scheduler it queues runs on. */
    WebhookServer(
            IngestionProperties properties,
            WebhookIntake intake,
            WebhookMetrics metrics,
            @SuppressWarnings("unused") ScheduledIngestions scheduler) {
        this.properties = properties.webhooks();
        this.intake = intake;
        this.metrics = metrics;
    }

    /** True when {@code ingestion.webhooks.port} is set. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** Starts listening; does nothing when the receiver is off; throws {@link WebhookServerException} otherwise. */
    @Override
    public synchronized void start() {
        if (!enabled() || server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(properties.address(), properties.port()), 128);
            executor = executor();
            created.setExecutor(executor);
            created.createContext(
                    "/",
                    new WebhookHandler(
                            intake,
                            metrics,
                            Math.toIntExact(properties.maxBodySize().toBytes())));
            created.start();
            server = created;
            log.info(
                    "webhook receiver listening on {}:{}{} for sources {}",
                    properties.address(),
                    properties.port(),
                    WebhookHandler.PATH,
                    intake.sourceNames());
        } catch (IOException | RuntimeException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            throw new WebhookServerException(properties, e);
        }
    }

    private static ThreadPoolExecutor executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "webhook-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The port the server listens on (the configured one; useful when it was 0 in tests); -1 when not running. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(1);
        executor.shutdown();
        server = null;
        log.info("webhook receiver stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** The receiver could not listen; names the key and the cause (e.g. the port is in use). */
    public static class WebhookServerException extends RuntimeException {
        WebhookServerException(WebhookProperties properties, Exception cause) {
            super(
                    "the webhook receiver cannot listen on ingestion.webhooks.port " + properties.port() + " (address "
                            + properties.address() + "): " + cause.getMessage(),
                    cause);
        }
    }
}
