package io.dbtcatalog.ingest.store.project;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The lock behind a project lease, on a connection of its own: a PostgreSQL session advisory lock, or on H2 a row
 * lock of {@code ingestion_lease} in an open transaction. Either is released when the holder closes it or its
 * connection dies with the process, so a free lease proves that no live process holds it. Plain JDBC: it toggles
 * the dedicated connection's auto-commit and keeps it open for as long as the lease is held.
 */
public final class LeaseLock implements AutoCloseable {

    /** Reads without locking, so it never waits for the holder's row lock (H2's MERGE would). */
    private static final String ENSURE_ROW = """
            INSERT INTO ingestion_lease (project_key)
            SELECT CAST(? AS VARCHAR(200)) FROM (VALUES (1)) AS one (x)
            WHERE NOT EXISTS (SELECT 1 FROM ingestion_lease WHERE project_key = ?)
            """;

    private static final String LOCK_ROW = """
            SELECT project_key FROM ingestion_lease WHERE project_key = ? FOR UPDATE SKIP LOCKED
            """;
    private static final String TRY_ADVISORY = "SELECT pg_try_advisory_lock(?)";
    private static final String RELEASE_ADVISORY = "SELECT pg_advisory_unlock(?)";

    private final String projectKey;
    private final Connection connection;
    private final SqlDialect dialect;
    private final boolean held;

    private LeaseLock(String projectKey, Connection connection, SqlDialect dialect) throws SQLException {
        this.projectKey = projectKey;
        this.connection = connection;
        this.dialect = dialect;
        this.held = dialect == SqlDialect.POSTGRESQL ? tryAdvisory() : tryRowLock();
    }

    /** Tries to take the lock on {@code connection}, which it owns from now on (closed on failure); never waits. */
    public static LeaseLock tryAcquire(String projectKey, Connection connection, SqlDialect dialect)
            throws SQLException {
        try {
            return new LeaseLock(projectKey, connection, dialect);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public String projectKey() {
        return projectKey;
    }

    /** False when another live holder has the lock. */
    public boolean held() {
        return held;
    }

    private boolean tryAdvisory() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_ADVISORY)) {
            statement.setLong(1, advisoryKey(projectKey));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private boolean tryRowLock() throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement statement = connection.prepareStatement(ENSURE_ROW)) {
            statement.setString(1, projectKey);
            statement.setString(2, projectKey);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!SqlDialect.isUniqueViolation(e)) {
                throw e;
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(LOCK_ROW)) {
            statement.setString(1, projectKey);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A stable 64-bit key for the advisory lock: the first 8 bytes of SHA-256 over a prefixed project key. */
    static long advisoryKey(String projectKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("dbt-catalog-ingest:" + projectKey).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Releases the lock and closes its connection (also when the release fails). */
    @Override
    public void close() throws SQLException {
        try (connection) {
            if (held && dialect == SqlDialect.POSTGRESQL) {
                try (PreparedStatement statement = connection.prepareStatement(RELEASE_ADVISORY)) {
                    statement.setLong(1, advisoryKey(projectKey));
                    statement.execute();
                }
            } else if (dialect == SqlDialect.H2) {
                connection.rollback();
            }
        }
    }
}
