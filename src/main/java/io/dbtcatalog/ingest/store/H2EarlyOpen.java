package io.dbtcatalog.ingest.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an existing embedded H2 file catalog on a thread of its own while a command's application is still starting.
 * H2 opens a database once per JVM: it reads the file, replays the schema's DDL and takes the file lock (with a
 * sleep), about 0.2 s on two cores, and a second connection to a database already open attaches at once. Started
 * as soon as the configuration is read, the open runs beside the context's refresh instead of after it, when the
 * command asks the pool for its first connection; the connection this opens is never used and is closed when the
 * command ends, after the pool's. docs/decisions/0037-open-the-h2-catalog-while-starting.md has the measurements.
 *
 * <p>Only for a catalog that exists: the URL must be one {@link H2FileTarget} recognises and its data file must be
 * there, so this never creates a database (an empty file would also stop {@link H2Template} from creating a new
 * catalog). Anything else, and any failure (a wrong password, a locked file), is left to the pool, which reports it
 * as before: this thread says nothing but a debug line. The system property {@value #SWITCH}{@code =false} turns it
 * off.
 */
public final class H2EarlyOpen implements AutoCloseable {

    /** System property: {@code false} leaves the catalog's first open to the pool, after the application started. */
    public static final String SWITCH = "dbt-catalog.store.h2-early-open";

    /** Nothing opened early: closing does nothing. */
    public static final H2EarlyOpen NONE = new H2EarlyOpen();

    /** How long {@link #close()} waits for an open still going before it leaves the thread to close its own. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(H2EarlyOpen.class);

    private final Thread thread;
    private Connection connection;
    private boolean closed;

    private H2EarlyOpen() {
        this.thread = null;
    }

    private H2EarlyOpen(String url, String user, String password) {
        this.thread = new Thread(() -> open(url, user, password), "catalog-early-open");
        thread.setDaemon(true);
    }

    /**
     * Starts opening the catalog when it is an existing embedded H2 file database; otherwise returns {@link #NONE}.
     *
     * @param connectionUrl the URL the catalog's pool connects with (the same, so the pool attaches to this open)
     * @param user the configured user name
     * @param password the configured password (null: none)
     * @throws IllegalArgumentException when {@value #SWITCH} is neither {@code true} nor {@code false}
     */
    public static H2EarlyOpen start(String connectionUrl, String user, String password) {
        if (!StoreOptions.flag(System::getProperty, SWITCH)) {
            return NONE;
        }
        H2FileTarget.Eligibility eligibility = H2FileTarget.check(connectionUrl, user, password);
        if (!eligibility.eligible() || !Files.isRegularFile(eligibility.target().dataFile())) {
            return NONE;
        }
        H2EarlyOpen early = new H2EarlyOpen(connectionUrl, user, password == null ? "" : password);
        early.thread.start();
        return early;
    }

    private void open(String url, String user, String password) {
        Connection opened;
        try {
            opened = H2Template.connect(url, user, password);
        } catch (SQLException | RuntimeException e) {
            log.debug("the catalog was not opened early, the pool will open it: {}", e.toString());
            return;
        }
        synchronized (this) {
            if (!closed) {
                connection = opened;
                return;
            }
        }
        closeQuietly(opened);
    }

    /** True while this holds an open connection to the catalog (for tests). */
    synchronized boolean holdsConnection() {
        return connection != null;
    }

    /**
     * Closes the early connection once the command is done with the catalog: waits for an open still going (at most
     * ten seconds; a later open closes its own connection), so that H2 closes the database here, when no other
     * connection is left. Never throws.
     */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        try {
            TimeUnit.SECONDS.timedJoin(thread, CLOSE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection open;
        synchronized (this) {
            closed = true;
            open = connection;
            connection = null;
        }
        if (open != null) {
            closeQuietly(open);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the early connection to the catalog failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return thread == null ? "H2EarlyOpen[none]" : "H2EarlyOpen[" + thread.getName() + "]";
    }
}
