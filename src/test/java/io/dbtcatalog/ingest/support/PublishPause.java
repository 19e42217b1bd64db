package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A test-only hook that holds a publish in the middle of its transaction, so another process can be started against
 * the same catalog or this one killed at a known moment. Active only when the system property {@value #PROPERTY}
 * names a folder (it lives on the test classpath, registered as an application context initializer in
 * {@code META-INF/spring.factories}, so that both the full application and the one-shot commands' application, which
 * lists its components and imports no registered auto-configuration, get it; main code knows nothing of it): the
 * catalog data source is wrapped, and right after the first JDBC batch written to a {@code catalog_*} table
 * other than {@code catalog_project} (the project lock is held by then), or just before the publish's commit when its
 * rows went by COPY (PostgreSQL), it writes {@code paused} into the folder and
 * waits until a {@code release} file appears there (at most five minutes). With {@value #NUMBER} = N it lets the
 * first N-1 publishes of the process through (a publish is counted by its ledger row) and holds the N-th.
 */
public class PublishPause implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "dbtcatalog.test.pause-publish";
    public static final String NUMBER = "dbtcatalog.test.pause-publish-number";
    public static final String PAUSED = "paused";
    public static final String RELEASE = "release";

    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty(PROPERTY)) {
            context.getBeanFactory().addBeanPostProcessor(pausingCatalogDataSource(context.getEnvironment()));
        }
    }

    private static BeanPostProcessor pausingCatalogDataSource(Environment environment) {
        Path folder = Path.of(environment.getRequiredProperty(PROPERTY));
        Publishes publishes = new Publishes(environment.getProperty(NUMBER, Integer.class, 1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && name.equals("catalogDataSource")) {
                    return proxy(
                            DataSource.class,
                            dataSource,
                            (method, result, args) -> wrapConnection(result, folder, publishes));
                }
                return bean;
            }
        };
    }

    /** Counts publishes by their ledger rows and holds the chosen one once. */
    private static final class Publishes {
        private final int held;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicBoolean paused = new AtomicBoolean();

        Publishes(int held) {
            this.held = held;
        }

        /** Rows written by COPY (PostgreSQL) pass no batch: hold the chosen publish just before its commit then. */
        void beforeCommit(Path folder) {
            if (started.get() >= held && paused.compareAndSet(false, true)) {
                pause(folder, "commit of the publish");
            }
        }

        void afterWrite(String call, String sql, Path folder) {
            if (call.equals("executeUpdate") && sql.startsWith("INSERT INTO ingestion_run")) {
                started.incrementAndGet();
            } else if (call.equals("executeBatch")
                    && isCatalogWrite(sql)
                    && started.get() >= held
                    && paused.compareAndSet(false, true)) {
                pause(folder, sql);
            }
        }
    }

    private static Object wrapConnection(Object result, Path folder, Publishes publishes) {
        if (!(result instanceof Connection connection)) {
            return result;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                publishes.beforeCommit(folder);
            }
            Object statement;
            try {
                statement = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (statement instanceof PreparedStatement prepared
                    && method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, prepared, (call, value, callArgs) -> {
                    publishes.afterWrite(call.getName(), sql, folder);
                    return value;
                });
            }
            return statement;
        };
        return Proxy.newProxyInstance(PublishPause.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static boolean isCatalogWrite(String sql) {
        return sql.contains(" catalog_") && !sql.contains("catalog_project");
    }

    private static void pause(Path folder, String sql) {
        try {
            Files.createDirectories(folder);
            Path marker = Files.writeString(folder.resolve(PAUSED + ".tmp"), sql);
            Files.move(marker, folder.resolve(PAUSED), StandardCopyOption.ATOMIC_MOVE);
            Instant deadline = Instant.now().plus(LONGEST_PAUSE);
            while (!Files.exists(folder.resolve(RELEASE)) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a proxied call returns, given the method, the real result and the arguments. */
    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object result, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, result, args);
        };
        Class<?>[] interfaces = type == DataSource.class
                ? new Class<?>[] {DataSource.class, AutoCloseable.class}
                : new Class<?>[] {type};
        return type.cast(Proxy.newProxyInstance(PublishPause.class.getClassLoader(), interfaces, handler));
    }
}
