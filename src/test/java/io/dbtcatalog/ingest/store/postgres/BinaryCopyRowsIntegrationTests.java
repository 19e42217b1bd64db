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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link BinaryCopyRows} sends through PostgreSQL's binary COPY is stored exactly as the same values bound with
 * {@link Binder} through JDBC (and as {@link CopyRows} stores them): hostile text, extreme numbers and times, nulls.
 */
class BinaryCopyRowsIntegrationTests {

    /** The rows are sent this often, so the copy spans several 64 KB chunks. */
    private static final int REPEATS = 40;

    @Test
    void copiedRowsEqualTheSameRowsBoundThroughJdbc() throws SQLException {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "via_jdbc");
            create(connection, "via_copy");
            List<Object[]> rows = rows();
            // when
            List<Object[]> repeated = new ArrayList<>();
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                for (Object[] row : rows) {
                    repeated.add(renumbered(row, repeat));
                }
            }
            insertWithJdbc(connection, repeated);
            long copied;
            try (BinaryCopyRows copy =
                    BinaryCopyRows.start(connection, "COPY via_copy (" + COLUMNS + ") FROM STDIN (FORMAT binary)")) {
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    for (Object[] row : rows) {
                        bind(copy.row(), renumbered(row, repeat));
                        copy.add();
                    }
                }
                copied = copy.finish();
            }
            // then
            assertThat(copied).isEqualTo(repeated.size());
            List<List<String>> expected = read(connection, "via_jdbc");
            assertThat(read(connection, "via_copy")).hasSize(repeated.size()).isEqualTo(expected);
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
                        try (BinaryCopyRows copy =
                                BinaryCopyRows.start(connection, "COPY target (id, t) FROM STDIN (FORMAT binary)")) {
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
    void aValueOfAnotherTypeThanItsColumnFailsNamingTheColumn() throws SQLException {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "target");
            // when / then: a bigint sent for the integer column i
            assertThatThrownBy(() -> {
                        try (BinaryCopyRows copy =
                                BinaryCopyRows.start(connection, "COPY target (id, i) FROM STDIN (FORMAT binary)")) {
                            copy.row().integer(1).bigint(2L);
                            copy.add();
                            copy.finish();
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("column i");
        }
    }

    @Test
    void timesCountMicrosecondsFromTheYear2000() {
        // given / when / then
        assertThat(BinaryCopyRows.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00Z")))
                .isZero();
        assertThat(BinaryCopyRows.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:01.0000019Z")))
                .isEqualTo(1_000_001L);
        assertThat(BinaryCopyRows.microsSincePostgresEpoch(Instant.parse("1999-12-31T23:59:59.999999Z")))
                .isEqualTo(-1L);
    }

    private static Object[] renumbered(Object[] row, int repeat) {
        Object[] copy = row.clone();
        copy[0] = (Integer) row[0] + repeat * 1_000;
        return copy;
    }
}
