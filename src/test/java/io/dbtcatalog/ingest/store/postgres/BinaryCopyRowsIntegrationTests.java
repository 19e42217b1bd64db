package io.dbtcatalog.ingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    private static final String COLUMNS = "id, t, i, l, d, b, ts";
    /** The rows are sent this often, so the copy spans several 64 KB chunks. */
    private static final int REPEATS = 40;

    private static final List<String> TEXTS = List.of(
            "",
            "plain",
            "\\",
            "\\.",
            "\\N",
            "a\tb\nc\rd\\e",
            "\n",
            "\t",
            "nul a\0b",
            "lone \uD800 surrogate \uDC00",
            "emoji 😀🏳️‍🌈",
            "cjk 漢字 e\u0301",
            "\u007f\u0001\u001b",
            "trailing backslash \\",
            "x".repeat(200_000) + "\\\t",
            "\u00e9\u00ff\u0100\u07ff\u0800\uffff");
    private static final List<Double> DOUBLES = List.of(
            0.0,
            -0.0,
            0.1,
            -1.5e-300,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            1e21,
            123456789.125);
    private static final List<Instant> TIMES = List.of(
            Instant.EPOCH,
            Instant.parse("2024-03-05T10:00:00Z"),
            Instant.parse("2024-03-05T10:00:00.123456789Z"),
            Instant.parse("2024-03-05T10:00:00.000001Z"),
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("-0100-06-30T12:34:56.5Z"),
            Instant.parse("+12345-12-31T23:59:59.999999Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"));

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

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        int rowCount = Math.max(TEXTS.size(), Math.max(DOUBLES.size(), TIMES.size())) + 1;
        for (int i = 0; i < rowCount; i++) {
            boolean last = i == rowCount - 1;
            rows.add(new Object[] {
                i,
                last ? null : TEXTS.get(i % TEXTS.size()),
                last ? null : i % 2 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i,
                last ? null : i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i,
                last ? null : DOUBLES.get(i % DOUBLES.size()),
                last ? null : i % 2 == 0,
                last ? null : TIMES.get(i % TIMES.size())
            });
        }
        return rows;
    }

    private static void bind(RowSink sink, Object[] row) {
        sink.integer((Integer) row[0])
                .text((String) row[1])
                .integer((Integer) row[2])
                .bigint((Long) row[3])
                .decimal((Double) row[4])
                .bool((Boolean) row[5])
                .time((Instant) row[6]);
    }

    private static void insertWithJdbc(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO via_jdbc (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Binder binder = new Binder(statement);
            for (Object[] row : rows) {
                bind(binder.reset(), row);
                statement.executeUpdate();
            }
        }
    }

    private static void create(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, t TEXT, i INTEGER, l BIGINT,"
                    + " d DOUBLE PRECISION, b BOOLEAN, ts TIMESTAMP WITH TIME ZONE)");
        }
    }

    private static List<List<String>> read(Connection connection, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 7; column++) {
                    row.add(rs.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
