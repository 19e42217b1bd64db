package io.dbtcatalog.ingest.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} and records the text of every SQL statement sent through it (prepared, called,
 * executed or batched as a string), so a test can prove that values only ever travel as bind parameters: a value
 * concatenated into SQL would show up in {@link #statements()}.
 */
public final class SqlRecorder {

    private final DataSource target;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    public SqlRecorder(DataSource target) {
        this.target = target;
    }

    public DataSource dataSource() {
        return proxy(DataSource.class, target);
    }

    /** Every SQL text seen so far, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    private <T> T proxy(Class<T> type, T delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null
                    && args.length > 0
                    && args[0] instanceof String sql
                    && (method.getName().startsWith("prepare")
                            || method.getName().startsWith("execute")
                            || method.getName().equals("addBatch"))) {
                statements.add(sql);
            }
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && !method.getName().equals("unwrap")) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && method.getReturnType().isInterface()) {
                @SuppressWarnings("unchecked")
                Class<Object> returned = (Class<Object>) method.getReturnType();
                return proxy(returned, statement);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
