package io.dbtcatalog.ingest.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} so that the N-th write ({@code executeBatch}, {@code executeUpdate}, {@code execute}
 * or {@code commit}, counted across all its connections and statements) throws an {@link SQLException} instead of
 * reaching the database: a failure injected half-way through a transaction. {@link #writes()} tells how many writes
 * went through, so a test can first count them on a clean run and then fail at each one. {@link #beforeWrite} runs
 * an action (say, stopping the database server) right before the N-th write instead, and then lets the write go.
 */
public final class FaultyDataSource {

    /** The SQLState of the injected failure, to recognise it in assertions. */
    public static final String SQL_STATE = "XXINJ";

    private static final Set<String> WRITES =
            Set.of("executeBatch", "executeUpdate", "executeLargeUpdate", "executeLargeBatch", "execute", "commit");

    private final DataSource target;
    private final int failAt;
    private final Runnable action;
    private boolean down;
    private final AtomicInteger writes = new AtomicInteger();

    private FaultyDataSource(DataSource target, int failAt, Runnable action) {
        this.target = target;
        this.failAt = failAt;
        this.action = action;
    }

    /** A data source whose {@code failAt}-th write fails (1-based); 0 never fails and only counts. */
    public static FaultyDataSource failingAt(DataSource target, int failAt) {
        return new FaultyDataSource(target, failAt, null);
    }

    /** A data source whose writes all fail from the {@code failFrom}-th on, as if the database had gone away. */
    public static FaultyDataSource downFrom(DataSource target, int failFrom) {
        FaultyDataSource faulty = new FaultyDataSource(target, failFrom, null);
        faulty.down = true;
        return faulty;
    }

    /** A data source that runs {@code action} right before its {@code at}-th write, then attempts the write. */
    public static FaultyDataSource beforeWrite(DataSource target, int at, Runnable action) {
        return new FaultyDataSource(target, at, action);
    }

    /** The wrapped data source to hand to the code under test. */
    public DataSource dataSource() {
        return proxy(DataSource.class, target);
    }

    /** How many writes were attempted so far (the failing one included). */
    public int writes() {
        return writes.get();
    }

    private <T> T proxy(Class<T> type, T delegate) {
        InvocationHandler handler = (proxy, method, args) -> invoke(delegate, method, args);
        return type.cast(
                Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object invoke(Object delegate, Method method, Object[] args) throws Throwable {
        int write = WRITES.contains(method.getName()) ? writes.incrementAndGet() : 0;
        if (write > 0 && (write == failAt || down && write > failAt)) {
            if (action == null) {
                throw new SQLException("injected failure at write " + write + " (" + method.getName() + ")", SQL_STATE);
            }
            action.run();
        }
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return wrap(method.getReturnType(), result);
    }

    private Object wrap(Class<?> returnType, Object result) {
        if (result == null || !returnType.isInterface()) {
            return result;
        }
        if (Connection.class.isAssignableFrom(returnType) || Statement.class.isAssignableFrom(returnType)) {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) returnType;
            return proxy(type, result);
        }
        return result;
    }
}
