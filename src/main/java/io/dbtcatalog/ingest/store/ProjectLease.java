package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.project.LeaseLock;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive, crash-safe claim on one project held by a live process, taken with
 * {@link CatalogStore#tryLease(String)}: a PostgreSQL session advisory lock, or on H2 a row lock of
 * {@code ingestion_lease} in an open transaction. Either is released when the holder closes it or its connection dies
 * with the process, so a free lease proves that no live process holds it. {@link #held()} is false when another
 * holder has it; closing releases it and the dedicated connection.
 */
public final class ProjectLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectLease.class);

    private final LeaseLock lock;

    ProjectLease(LeaseLock lock) {
        this.lock = lock;
    }

    public boolean held() {
        return lock.held();
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (SQLException e) {
            log.warn(
                    "Releasing the lease of project '{}' failed ({}); it ends with its connection anyway",
                    lock.projectKey(),
                    e.getMessage());
        }
    }
}
