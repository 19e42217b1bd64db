package io.dbtcatalog.ingest.store;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Reads, without changing anything, which catalog schema migrations of {@code sql/} a database still lacks; used by
 * {@code validate}, which must not migrate.
 */
public final class SchemaStatus {

    private SchemaStatus() {}

    /** The pending migrations, e.g. {@code ["V1 catalog schema"]}; empty when the schema is current. */
    public static List<String> pendingMigrations(DataSource dataSource) {
        MigrationInfo[] pending = CatalogMigrations.flyway(dataSource).info().pending();
        return Arrays.stream(pending)
                .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                .toList();
    }
}
