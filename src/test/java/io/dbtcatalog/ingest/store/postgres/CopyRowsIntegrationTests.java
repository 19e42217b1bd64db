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
 * What {@link CopyRows} sends through PostgreSQL's COPY is stored exactly as the same values bound with
 * {@link Binder} through JDBC: hostile text, extreme numbers and times, nulls.
 */
class CopyRowsIntegrationTests {

    private static final String COLUMNS = "id, t, i, l, d, b, ts";
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
