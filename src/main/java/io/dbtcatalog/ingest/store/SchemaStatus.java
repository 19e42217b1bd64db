package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where a database's catalog schema stands against the migrations this build ships, read without changing anything
 * and without starting Flyway: one query of Flyway's {@code flyway_schema_history} and the names of the packaged
 * migration files. Used by the read-only commands (which must not migrate) and by {@code run}, which starts Flyway
 * only when something is {@link #pending} or not {@link #clean}.
 *
 * @param empty no {@code flyway_schema_history} table: nothing was ever migrated into this database
 * @param pending the shipped migrations the database lacks, oldest first, e.g. {@code ["V7 whole dbt cloud runs"]}
 * @param clean no failed migration and no applied version this build does not know (a newer build's schema)
 */
public record SchemaStatus(boolean empty, List<String> pending, boolean clean) {

    /** Flyway's table, as Flyway names it on both engines (lower case, quoted). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String APPLIED = """
            SELECT "version", "success" FROM "flyway_schema_history"
            WHERE "version" IS NOT NULL AND "type" IN ('SQL', 'JDBC')
            """;
    private static final Pattern FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    public SchemaStatus {
        pending = List.copyOf(pending);
    }

    /** Reads the schema status of the database behind {@code dataSource}. */
    public static SchemaStatus read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the schema version of the catalog database: " + e.getMessage(), e);
        }
    }

    /** Reads the schema status of the database {@code connection} is open on; the connection stays open. */
    static SchemaStatus read(Connection connection) throws SQLException {
        List<Shipped> shipped = shipped(SqlDialect.of(connection) == SqlDialect.POSTGRESQL);
        if (!historyExists(connection)) {
            return new SchemaStatus(true, shipped.stream().map(Shipped::label).toList(), true);
        }
        Set<List<BigInteger>> applied = new HashSet<>();
        boolean clean = true;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(APPLIED)) {
            while (rows.next()) {
                if (rows.getBoolean(2)) {
                    applied.add(version(rows.getString(1)));
                } else {
                    clean = false;
                }
            }
        }
        Set<List<BigInteger>> known = new HashSet<>();
        List<String> pending = new ArrayList<>();
        for (Shipped migration : shipped) {
            known.add(migration.version());
            if (!applied.contains(migration.version())) {
                pending.add(migration.label());
            }
        }
        return new SchemaStatus(false, pending, clean && known.containsAll(applied));
    }

    /** The pending migrations, e.g. {@code ["V1 catalog schema"]}; empty when the schema is current. */
    public static List<String> pendingMigrations(DataSource dataSource) {
        return read(dataSource).pending();
    }

    /** True when every shipped migration is applied and nothing failed or is unknown: there is nothing to migrate. */
    public boolean current() {
        return pending.isEmpty() && clean;
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), HISTORY_TABLE, null)) {
            return tables.next();
        }
    }

    /** The migrations of this build for the engine, from the packaged file names, oldest first. */
    static List<Shipped> shipped(boolean postgres) {
        List<String> locations = List.of(CatalogMigrations.locations(postgres));
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Shipped> shipped = new ArrayList<>();
        for (String location : locations) {
            String pattern = location.replace("classpath:", "classpath*:") + "/*.sql";
            try {
                Arrays.stream(resolver.getResources(pattern))
                        .map(Resource::getFilename)
                        .map(FILE::matcher)
                        .filter(Matcher::matches)
                        .map(m -> new Shipped(version(m.group(1)), m.group(1).replace('_', '.'), m.group(2)))
                        .forEach(shipped::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the catalog migrations in " + location, e);
            }
        }
        shipped.sort((a, b) -> compare(a.version(), b.version()));
        return shipped;
    }

    /** A version as Flyway compares it: numeric parts, trailing zeros dropped ({@code 5.1}, {@code 5_1}, {@code 05.10}). */
    static List<BigInteger> version(String text) {
        List<BigInteger> parts = new ArrayList<>(
                Arrays.stream(text.split("[._]")).map(BigInteger::new).toList());
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            if (x.compareTo(y) != 0) {
                return x.compareTo(y);
            }
        }
        return 0;
    }

    /** One migration file of this build; its label is what Flyway would print, e.g. {@code V5.1 state table fillfactor}. */
    record Shipped(List<BigInteger> version, String versionText, String description) {
        String label() {
            return "V" + versionText + " " + description.replace('_', ' ');
        }
    }
}
