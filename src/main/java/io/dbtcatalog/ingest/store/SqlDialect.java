package io.dbtcatalog.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/**
 * The few statements that differ between H2 and PostgreSQL, all in one place: inserting the project row when it is
 * absent, safely under concurrent publishes. Everything else the store runs is portable SQL.
 */
enum SqlDialect {

    /** H2 2.x: standard {@code MERGE ... WHEN NOT MATCHED}; a concurrent insert of the same key is tolerated. */
    H2("""
            MERGE INTO catalog_project t
            USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(20)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (project_key, source_kind, created_at)
            ON t.project_key = s.project_key
            WHEN NOT MATCHED THEN INSERT (project_key, source_kind, created_at)
                                  VALUES (s.project_key, s.source_kind, s.created_at)
            """),

    /** PostgreSQL: {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent insert and then does nothing. */
    POSTGRESQL("""
            INSERT INTO catalog_project (project_key, source_kind, created_at) VALUES (?, ?, ?)
            ON CONFLICT (project_key) DO NOTHING
            """);

    private static final String UNIQUE_VIOLATION = "23505";

    private final String insertProjectIfAbsent;

    SqlDialect(String insertProjectIfAbsent) {
        this.insertProjectIfAbsent = insertProjectIfAbsent;
    }

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported catalog database '" + product + "': use H2 or PostgreSQL");
    }

    /**
     * The length of {@code value} as this engine measures it against a {@code VARCHAR(n)}: H2 counts UTF-16 code
     * units (an emoji is 2), PostgreSQL counts characters (code points).
     */
    int length(String value) {
        return this == H2 ? value.length() : value.codePointCount(0, value.length());
    }

    /** Inserts the project row unless it exists; returns whether it inserted one. */
    boolean insertProjectIfAbsent(Connection connection, ProjectRef project, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertProjectIfAbsent)) {
            new Binder(statement).text(project.projectKey()).text(project.sourceKind()).time(now);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            // H2 reports a concurrently committed insert of the same key as a unique violation. H2 rolls back only
            // the failed statement, and the row now exists, which is all this method promises.
            if (this == H2 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
