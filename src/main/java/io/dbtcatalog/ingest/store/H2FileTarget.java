package io.dbtcatalog.ingest.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A catalog database the packaged H2 template ({@link H2Template}) may create: an embedded H2 file database whose URL
 * changes nothing about what the migrations' DDL creates or how the file is stored, and credentials H2 can give the
 * template's creator. Decided from the URL and the credentials alone, conservatively: anything this does not
 * recognise is left to Flyway, which behaves as it always did (docs/decisions/0024-h2-template-catalog.md).
 *
 * @param database the database's path without H2's {@code .mv.db} suffix, absolute and normalised
 * @param user the user name as H2 stores it (upper case, as H2 upper-cases a user name from a connection)
 * @param password the password, never null (an absent one is empty, as H2 takes it)
 */
record H2FileTarget(Path database, String user, String password) {

    /** H2's file name suffix of a database in its MVStore format. */
    static final String DATA_FILE = ".mv.db";
    /** H2's file name suffix of a database in the old PageStore format, which H2 2.x refuses to open. */
    static final String OLD_DATA_FILE = ".h2.db";
    /** The lock file of H2's {@code FILE_LOCK=FILE} (and of an {@code AUTO_SERVER} database being opened). */
    static final String LOCK_FILE = ".lock.db";

    /**
     * URL settings that only change how a session connects, waits, closes or traces: with them the template's file
     * is the file H2 would have created. Anything else ({@code CIPHER}, {@code MODE}, {@code IGNORECASE},
     * {@code COMPRESS}, {@code PAGE_SIZE}, {@code DATABASE_TO_*}, {@code INIT}, {@code IFEXISTS},
     * {@code ACCESS_MODE_DATA}, {@code USER}/{@code PASSWORD} in the URL, ...) leaves the catalog to Flyway.
     */
    static final Set<String> NEUTRAL_SETTINGS = Set.of(
            "AUTO_SERVER",
            "AUTO_SERVER_PORT",
            "AUTO_RECONNECT",
            "DB_CLOSE_DELAY",
            "DB_CLOSE_ON_EXIT",
            "LOCK_TIMEOUT",
            "TRACE_LEVEL_FILE",
            "TRACE_LEVEL_SYSTEM_OUT",
            "TRACE_MAX_FILE_SIZE");

    private static final String PREFIX = "jdbc:h2:";
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:[/\\\\].*");

    H2FileTarget {
        password = password == null ? "" : password;
    }

    /** Names the database and the user; never the password. */
    @Override
    public String toString() {
        return "H2FileTarget[database=" + database + ", user=" + user + ", password="
                + (password.isEmpty() ? "<unset>" : "<redacted>") + "]";
    }

    /** The database's data file, {@code <database>.mv.db}. */
    Path dataFile() {
        return sibling(DATA_FILE);
    }

    /** The folder H2 creates the data file in. */
    Path folder() {
        return database.getParent();
    }

    /** {@code <database><suffix>}, e.g. {@code catalog.lock.db}. */
    Path sibling(String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }

    /**
     * What the URL and credentials allow: the target, or why the template cannot create it.
     *
     * @param url the JDBC URL the catalog is opened with
     * @param user the configured user name (null: none)
     * @param password the configured password (null: none)
     */
    static Eligibility check(String url, String user, String password) {
        return check(url, user, password, System.getProperty("h2.baseDir"), Path.of(System.getProperty("user.home")));
    }

    /**
     * {@link #check(String, String, String)} with H2's base folder and the user's home given.
     *
     * @param baseDir H2's {@code h2.baseDir} system property (null: unset), which moves relative paths
     * @param home the user's home folder, which H2 puts for a leading {@code ~}
     */
    static Eligibility check(String url, String user, String password, String baseDir, Path home) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Eligibility.refused("not an H2 URL");
        }
        String[] parts = url.substring(PREFIX.length()).split(";");
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i].strip();
            if (setting.isEmpty()) {
                continue;
            }
            int equals = setting.indexOf('=');
            String key = (equals < 0 ? setting : setting.substring(0, equals))
                    .strip()
                    .toUpperCase(Locale.ROOT);
            if (!NEUTRAL_SETTINGS.contains(key)) {
                return Eligibility.refused("the URL sets " + key);
            }
        }
        String name = parts[0].strip();
        if (name.regionMatches(true, 0, "file:", 0, "file:".length())) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty()
                || (name.contains(":") && !WINDOWS_DRIVE.matcher(name).matches())) {
            return Eligibility.refused("not an embedded file database");
        }
        if (baseDir != null && !baseDir.isBlank()) {
            return Eligibility.refused("h2.baseDir is set");
        }
        if (name.equals("~") || name.startsWith("~/") || name.startsWith("~\\")) {
            name = home + name.substring(1);
        }
        Path path = Path.of(name);
        if (!path.isAbsolute() && !name.contains("./") && !name.contains(".\\")) {
            return Eligibility.refused("a path H2 takes as implicitly relative, which it refuses");
        }
        path = path.toAbsolutePath().normalize();
        if (path.getParent() == null || path.getFileName() == null) {
            return Eligibility.refused("no database name in the path");
        }
        if (user == null || user.isBlank()) {
            return Eligibility.refused("no user name");
        }
        return new Eligibility(new H2FileTarget(path, h2UserName(user), password), null);
    }

    /** A user name as H2 stores a connection's user: upper case in English rules. */
    static String h2UserName(String user) {
        return user.toUpperCase(Locale.ENGLISH);
    }

    /** Either a target, or the reason (for a debug line) the template cannot create the database. */
    record Eligibility(H2FileTarget target, String refusal) {
        static Eligibility refused(String reason) {
            return new Eligibility(null, reason);
        }

        boolean eligible() {
            return target != null;
        }
    }
}
