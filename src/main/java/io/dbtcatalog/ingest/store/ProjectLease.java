package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive, crash-safe claim on one project held by a live process: a PostgreSQL session advisory lock, or on H2
 * a row lock of {@code ingestion_lease} in an open transaction. Either is released when the holder closes it or its
 * connection dies with the process, so a free lease proves that no live process holds it. {@link #held()} is false
 * when another holder has it; closing releases it and the dedicated connection.
 */
public final class ProjectLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectLease.class);

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

    private ProjectLease(String projectKey, Connection connection, SqlDialect dialect) throws SQLException {
        this.projectKey = projectKey;
        this.connection = connection;
        this.dialect = dialect;
        this.held = dialect == SqlDialect.POSTGRESQL ? tryAdvisory() : tryRowLock();
    }

    /** Tries to take the lease on a connection of its own; never waits. */
    static ProjectLease tryAcquire(String projectKey, Connection connection, SqlDialect dialect) throws SQLException {
        try {
            return new ProjectLease(projectKey, connection, dialect);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

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
            if (!"23505".equals(e.getSQLState())) {
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

    @Override
    public void close() {
        try (connection) {
            if (held && dialect == SqlDialect.POSTGRESQL) {
                try (PreparedStatement statement = connection.prepareStatement(RELEASE_ADVISORY)) {
                    statement.setLong(1, advisoryKey(projectKey));
                    statement.execute();
                }
            } else if (dialect == SqlDialect.H2) {
                connection.rollback();
            }
        } catch (SQLException e) {
            log.warn("Releasing the lease of project '{}' failed ({}); it ends with its connection anyway",
                    projectKey, e.getMessage());
        }
    }
}
