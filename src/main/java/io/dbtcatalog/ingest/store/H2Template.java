package io.dbtcatalog.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a new embedded H2 file catalog as a copy of the template the build migrated with this build's migrations
 * ({@link H2TemplateBuild}, packaged as {@value #RESOURCE}), instead of letting Flyway migrate an empty file: the
 * copy is then current, so {@link CatalogMigrations#migrateWhenBehind} finds nothing to do and Flyway is not started.
 * docs/decisions/0024-h2-template-catalog.md has the measurements and the rules.
 *
 * <p>Only when it is provably the same catalog ({@link H2FileTarget}: an embedded file URL with neutral settings, a
 * user name), when no data file, old-format file or lock file exists, and when the template holds exactly the
 * migrations {@link SchemaStatus} finds packaged. The copy is made in a new file beside the catalog, made the
 * configured user's (H2's creator, renamed, with the configured password set by H2 itself) and its Flyway history
 * dated now, then linked to the catalog's name, which fails rather than replaces when another process created the
 * catalog meanwhile (theirs is used). Anything else, or any failure, leaves the catalog to Flyway as before (a debug
 * line says why); the switch {@value #SWITCH}{@code =false} turns it off.
 */
public final class H2Template {

    /** System property: {@code false} leaves every new catalog to Flyway. */
    public static final String SWITCH = "dbt-catalog.store.h2-template";
    /** The migrated template on the class path. */
    static final String RESOURCE = "db/template/catalog-h2" + H2FileTarget.DATA_FILE;
    /** The template's creator, as the build connects: H2's own default administrator. */
    static final String TEMPLATE_USER = "SA";

    static final String TEMPLATE_PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(H2Template.class);

    private static final String DATE_HISTORY = """
            UPDATE "flyway_schema_history"
            SET "installed_on" = DEFAULT, "installed_by" = CURRENT_USER
            """;
    private static final String LATEST_VERSION = """
            SELECT "version" FROM "flyway_schema_history"
            WHERE "version" IS NOT NULL
            ORDER BY "installed_rank" DESC
            FETCH FIRST ROW ONLY
            """;

    private H2Template() {}

    /**
     * Creates the catalog {@code url} names from the template when it is a new H2 file catalog the template can
     * provably stand for; returns true when this call created it. Never throws for a catalog it cannot or need not
     * create: it returns false and the caller opens (and migrates) the database as before.
     *
     * @param url the configured URL, for the log line
     * @param connectionUrl the URL the catalog is opened with
     * @throws IllegalArgumentException when {@value #SWITCH} is neither {@code true} nor {@code false}
     */
    public static boolean createIfNew(String url, String connectionUrl, String user, String password) {
        if (!StoreOptions.flag(System::getProperty, SWITCH)) {
            log.debug("{}=false: a new catalog is migrated by Flyway", SWITCH);
            return false;
        }
        H2FileTarget.Eligibility eligibility = H2FileTarget.check(connectionUrl, user, password);
        if (!eligibility.eligible()) {
            log.debug("catalog {} not created from the packaged template: {}", url, eligibility.refusal());
            return false;
        }
        H2FileTarget target = eligibility.target();
        try {
            String version = create(target);
            if (version != null) {
                log.info("created the catalog database {} from the packaged schema V{}", url, version);
                return true;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            log.debug("catalog {} not created from the packaged template: {}", url, e.toString());
        }
        return false;
    }

    /** The copy itself: the template's latest version when this call created the catalog, null when it did not. */
    static String create(H2FileTarget target) throws IOException, SQLException {
        return create(target, () -> H2Template.class.getClassLoader().getResourceAsStream(RESOURCE));
    }

    /** {@link #create(H2FileTarget)} from the template {@code template} opens (null: there is none). */
    static String create(H2FileTarget target, Supplier<InputStream> template) throws IOException, SQLException {
        if (exists(target)) {
            return null;
        }
        Files.createDirectories(target.folder());
        Path scratch = target.folder().resolve(target.database().getFileName() + "." + UUID.randomUUID() + ".new");
        Path scratchFile = scratch.resolveSibling(scratch.getFileName() + H2FileTarget.DATA_FILE);
        try {
            try (InputStream packaged = template.get()) {
                if (packaged == null) {
                    log.debug("no packaged template {} on the class path", RESOURCE);
                    return null;
                }
                Files.copy(packaged, scratchFile);
            }
            String version = adopt(scratch, target);
            if (version == null || exists(target)) {
                return null;
            }
            try {
                // a hard link fails, where a rename would replace, when the catalog appeared meanwhile
                Files.createLink(target.dataFile(), scratchFile);
            } catch (FileAlreadyExistsException e) {
                log.debug("catalog {} was created by another process meanwhile; using it", target.dataFile());
                return null;
            }
            return version;
        } finally {
            Files.deleteIfExists(scratchFile);
            Files.deleteIfExists(scratch.resolveSibling(scratch.getFileName() + ".trace.db"));
        }
    }

    private static boolean exists(H2FileTarget target) {
        return Files.exists(target.dataFile())
                || Files.exists(target.sibling(H2FileTarget.OLD_DATA_FILE))
                || Files.exists(target.sibling(H2FileTarget.LOCK_FILE));
    }

    /**
     * Makes the copy at {@code scratch} the target's: checks it holds this build's migrations, gives H2's creator the
     * configured name and password (so the stored password hash is H2's own, salted, as for a creator), dates the
     * Flyway history now, by the configured user, as Flyway records it; then connects as that user to prove it can.
     * Returns the template's latest version, or null when the template does not hold this build's migrations.
     */
    private static String adopt(Path scratch, H2FileTarget target) throws SQLException {
        // no compaction on close: the copy is already compact, and closing must not take H2's default 200 ms
        String url = "jdbc:h2:file:" + scratch + ";MAX_COMPACT_TIME=0";
        try (Connection creator = connect(url, TEMPLATE_USER, TEMPLATE_PASSWORD)) {
            SchemaStatus status = SchemaStatus.read(creator);
            if (status.empty() || !status.current()) {
                log.debug("the packaged template does not hold this build's migrations: {}", status);
                return null;
            }
            if (!target.user().equals(TEMPLATE_USER)) {
                try (Statement statement = creator.createStatement()) {
                    statement.execute("ALTER USER " + TEMPLATE_USER + " RENAME TO " + quoted(target.user()));
                }
            }
            if (!target.user().equals(TEMPLATE_USER) || !target.password().equals(TEMPLATE_PASSWORD)) {
                // a bind parameter: the password is never part of a statement's text, so never in a trace
                try (PreparedStatement statement =
                        creator.prepareStatement("ALTER USER " + quoted(target.user()) + " SET PASSWORD ?")) {
                    statement.setString(1, target.password());
                    statement.execute();
                }
            }
            try (Statement statement = creator.createStatement()) {
                statement.executeUpdate(DATE_HISTORY);
            }
            try (Connection configured = connect(url, target.user(), target.password())) {
                return latestVersion(configured);
            }
        }
    }

    private static String latestVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(LATEST_VERSION)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** A connection straight from H2's driver, as the catalog's pool gets them (no driver search). */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new Driver().connect(url, properties);
    }

    /** A quoted SQL identifier. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
