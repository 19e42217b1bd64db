package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows both COPY formats are checked with ({@link CopyRowsIntegrationTests}, {@link BinaryCopyRowsIntegrationTests}):
 * hostile texts, extreme numbers and times, a row of nulls; the same rows bound through JDBC with {@link Binder} are
 * the reference, read back as the server's text.
 */
final class CopyFixture {
    static final String COLUMNS = "id, t, i, l, d, b, ts";
    static final List<String> TEXTS = List.of(
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
    static final List<Double> DOUBLES = List.of(
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
    static final List<Instant> TIMES = List.of(
            Instant.EPOCH,
            Instant.parse("2024-03-05T10:00:00Z"),
            Instant.parse("2024-03-05T10:00:00.123456789Z"),
            Instant.parse("2024-03-05T10:00:00.000001Z"),
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("-0100-06-30T12:34:56.5Z"),
            Instant.parse("+12345-12-31T23:59:59.999999Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"));

    static List<Object[]> rows() {
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

    static void bind(RowSink sink, Object[] row) {
        sink.integer((Integer) row[0])
                .text((String) row[1])
                .integer((Integer) row[2])
                .bigint((Long) row[3])
                .decimal((Double) row[4])
                .bool((Boolean) row[5])
                .time((Instant) row[6]);
    }

    static void insertWithJdbc(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO via_jdbc (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Binder binder = new Binder(statement);
            for (Object[] row : rows) {
                bind(binder.reset(), row);
                statement.executeUpdate();
            }
        }
    }

    static void create(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, t TEXT, i INTEGER, l BIGINT,"
                    + " d DOUBLE PRECISION, b BOOLEAN, ts TIMESTAMP WITH TIME ZONE)");
        }
    }

    static List<List<String>> read(Connection connection, String table) throws SQLException {
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

    private CopyFixture() {}
}
