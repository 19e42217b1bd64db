package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SmartDataSource;

/**
 * Spring's {@link JdbcClient} on a connection the store already holds, so its statements run in the store's own
 * transaction (the client neither commits nor closes it), and reading values back. Failures arrive as Spring's
 * {@code DataAccessException}; {@link SqlErrors#sqlException} recovers the driver's exception.
 */
public final class Jdbc {

    private Jdbc() {}

    /** A client whose statements run on {@code connection}. */
    public static JdbcClient client(Connection connection) {
        return JdbcClient.create(new HeldConnection(connection));
    }

    /** A client whose statements run on {@code connection} and read {@code fetchSize} rows per round trip. */
    public static JdbcClient client(Connection connection, int fetchSize) {
        JdbcTemplate template = new JdbcTemplate(new HeldConnection(connection));
        template.setFetchSize(fetchSize);
        return JdbcClient.create(template);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Hands out the one held connection and tells Spring never to close it. */
    private static final class HeldConnection extends AbstractDataSource implements SmartDataSource {

        private final Connection connection;

        HeldConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return connection;
        }

        @Override
        public boolean shouldClose(Connection con) {
            return false;
        }
    }
}
