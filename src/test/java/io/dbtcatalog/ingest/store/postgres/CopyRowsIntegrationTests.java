package io.dbtcatalog.ingest.store.postgres;

import static io.dbtcatalog.ingest.store.postgres.CopyFixture.COLUMNS;
import static io.dbtcatalog.ingest.store.postgres.CopyFixture.bind;
import static io.dbtcatalog.ingest.store.postgres.CopyFixture.create;
import static io.dbtcatalog.ingest.store.postgres.CopyFixture.insertWithJdbc;
import static io.dbtcatalog.ingest.store.postgres.CopyFixture.read;
import static io.dbtcatalog.ingest.store.postgres.CopyFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CopyRows} sends through PostgreSQL's COPY is stored exactly as the same values bound with
 * {@link Binder} through JDBC: hostile text, extreme numbers and times, nulls.
 */
class CopyRowsIntegrationTests {

    @Test
    void copiedRowsEqualTheSameRowsBoundThroughJdbc() throws SQLException {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "via_jdbc");
            create(connection, "via_copy");
            List<Object[]> rows = rows();
            // when
            insertWithJdbc(connection, rows);
            long copied;
            try (CopyRows copy = CopyRows.start(connection, "via_copy", List.of(COLUMNS.split(", ")))) {
                rows.forEach(row -> {
                    bind(copy, row);
                    copy.add();
                });
                copied = copy.finish();
            }
            // then
            assertThat(copied).isEqualTo(rows.size());
            List<List<String>> expected = read(connection, "via_jdbc");
            assertThat(read(connection, "via_copy")).hasSize(rows.size()).isEqualTo(expected);
            assertThat(expected.get(0).get(1)).isEqualTo("");
        }
    }

    @Test
    void abandonedCopyLeavesTheConnectionUsable() throws SQLException {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "target");
            // when: rendering fails half-way through a row, and the copy is closed unfinished
            assertThatThrownBy(() -> {
                        try (CopyRows copy = CopyRows.start(connection, "target", List.of("id", "t"))) {
                            copy.integer(1).text("half");
                            throw new IllegalStateException("failed while rendering a row");
                        }
                    })
                    .isInstanceOf(IllegalStateException.class);
            // then
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM target")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void timestampsAreWrittenInTheDriversSpelling() {
        // given / when / then
        assertThat(CopyRows.timestamp(Instant.parse("2024-03-05T10:00:00Z"))).isEqualTo("2024-03-05 10:00:00+00");
        assertThat(CopyRows.timestamp(Instant.parse("2024-03-05T10:00:00.1234569Z")))
                .isEqualTo("2024-03-05 10:00:00.123456+00");
        assertThat(CopyRows.timestamp(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0001-01-01 00:00:00+00 BC");
    }
}
