package io.dbtcatalog.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.store.CatalogMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's own floor loads every rendered floor row, with the values the COPY files hold, into keyless tables. */
class H2FloorTests {

    @TempDir
    Path folder;

    @Test
    void shouldLoadEveryFloorRowIntoKeylessTablesOfAMigratedH2() throws SQLException {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), 60, 11);
        Map<FloorRows.Table, Long> rendered = FloorRows.render(project, folder.resolve("floor"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("h2/catalog").toAbsolutePath());
        h2.setUser("sa");
        CatalogMigrations.migrate(h2);

        // when
        double seconds = H2Floor.bulkLoad(h2, folder.resolve("floor"), EnumSet.allOf(FloorRows.Table.class));

        // then
        assertThat(seconds).isPositive();
        try (Connection connection = h2.getConnection();
                Statement statement = connection.createStatement()) {
            for (FloorRows.Table table : FloorRows.Table.values()) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.floorTable())) {
                    count.next();
                    assertThat(count.getLong(1)).as(table.floorTable()).isEqualTo(rendered.get(table));
                }
                try (ResultSet keys = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_NAME = '" + table.floorTable().toUpperCase() + "'")) {
                    keys.next();
                    assertThat(keys.getLong(1))
                            .as(table.floorTable() + " indexes")
                            .isZero();
                }
            }
            try (ResultSet seen = statement.executeQuery(
                    "SELECT COUNT(*) FROM floor_node WHERE seen_at = TIMESTAMP WITH TIME ZONE '2026-03-02 06:30:00+00'")) {
                seen.next();
                assertThat(seen.getLong(1)).isEqualTo(rendered.get(FloorRows.Table.NODE));
            }
        }
    }

    @Test
    void shouldUndoTheCopyTextEscapes() {
        assertThat(H2Floor.unescape("\\N")).isNull();
        assertThat(H2Floor.unescape("plain")).isEqualTo("plain");
        assertThat(H2Floor.unescape("a\\tb\\nc\\rd\\\\e")).isEqualTo("a\tb\nc\rd\\e");
    }

    @Test
    void shouldConvertEachColumnTypeAndRefuseAnUnknownOne() {
        assertThat(H2Floor.value("2026-03-02 06:30:00.123456+00", Types.TIMESTAMP_WITH_TIMEZONE))
                .isEqualTo(OffsetDateTime.parse("2026-03-02T06:30:00.123456Z"));
        assertThat(H2Floor.value("2026-03-02 06:30:00+00", Types.TIMESTAMP_WITH_TIMEZONE))
                .isEqualTo(OffsetDateTime.parse("2026-03-02T06:30:00Z"));
        assertThat(H2Floor.value("42", Types.BIGINT)).isEqualTo(42L);
        assertThat(H2Floor.value("7", Types.INTEGER)).isEqualTo(7);
        assertThat(H2Floor.value("0.5", Types.DOUBLE)).isEqualTo(0.5);
        assertThat(H2Floor.value("t", Types.BOOLEAN)).isEqualTo(true);
        assertThat(H2Floor.value("f", Types.BOOLEAN)).isEqualTo(false);
        assertThat(H2Floor.value(null, Types.BIGINT)).isNull();
        assertThatThrownBy(() -> H2Floor.value("x", Types.BLOB)).hasMessageContaining("JDBC type");
        assertThatThrownBy(() -> H2Floor.value("yes", Types.BOOLEAN)).hasMessageContaining("not a COPY boolean");
    }
}
