package io.dbtcatalog.ingest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The floor's bulk load on H2, the embedded engine's own: the rows {@link Floor#bulkLoad} copies into PostgreSQL,
 * inserted into new H2 tables shaped like the catalog's but without keys or indexes ({@code CREATE TABLE ... AS
 * SELECT ... WITH NO DATA}), in one transaction, as JDBC batches of a prepared single-row insert with every value
 * bound with its column's type. Reading the COPY files and decoding their values is not timed: each batch of rows is
 * decoded first, then bound and executed under the clock, so no more than one batch is held at a time (the floor
 * runs at the benchmark's smallest heaps too); the commit is timed. H2 runs inside the JVM that loads it, so in a
 * cold JVM this also times compiling H2's insert path, which PostgreSQL's {@code COPY}, native code in another
 * process, never pays.
 */
final class H2Floor {

    private static final int BATCH = 1_000;

    /** PostgreSQL's text form of a {@code timestamptz}, as {@link FloorRows} writes it: {@code 2026-03-02 06:30:00+00}. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:mm", "+00")
            .toFormatter();

    private H2Floor() {}

    /**
     * Times one bare load of {@code tables}' rows rendered in {@code copyFolder} into new keyless tables of the H2
     * database {@code database}, on which the catalog migrations ran; returns its seconds.
     */
    static double bulkLoad(DataSource database, Path copyFolder, Set<FloorRows.Table> tables) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            Map<FloorRows.Table, int[]> types = new EnumMap<>(FloorRows.Table.class);
            for (FloorRows.Table table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table.floorTable());
                statement.execute("CREATE TABLE " + table.floorTable() + " AS SELECT " + table.columns + " FROM "
                        + table.catalogTable + " WITH NO DATA");
                types.put(table, columnTypes(statement, table));
            }
            connection.setAutoCommit(false);
            long nanos = 0;
            for (FloorRows.Table table : tables) {
                nanos += insert(connection, table, types.get(table), FloorRows.file(copyFolder, table));
            }
            long start = System.nanoTime();
            connection.commit();
            return (nanos + System.nanoTime() - start) / 1e9;
        } catch (SQLException e) {
            throw new IllegalStateException("floor bulk load into H2 failed: " + e.getMessage(), e);
        }
    }

    private static int[] columnTypes(Statement statement, FloorRows.Table table) throws SQLException {
        try (var result = statement.executeQuery("SELECT * FROM " + table.floorTable() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = result.getMetaData();
            int[] types = new int[meta.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = meta.getColumnType(i + 1);
            }
            return types;
        }
    }

    /** Inserts the rows of {@code file} a batch at a time; returns the nanoseconds spent binding and executing. */
    private static long insert(Connection connection, FloorRows.Table table, int[] types, Path file)
            throws SQLException {
        String placeholders = "?" + ", ?".repeat(types.length - 1);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.floorTable() + " ("
                        + table.columns + ") VALUES (" + placeholders + ")");
                BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long nanos = 0;
            List<Object[]> batch = new ArrayList<>(BATCH);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                batch.add(decode(file, line, types));
                if (batch.size() == BATCH) {
                    nanos += execute(insert, types, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                nanos += execute(insert, types, batch);
            }
            return nanos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the floor COPY file " + file, e);
        }
    }

    private static long execute(PreparedStatement insert, int[] types, List<Object[]> batch) throws SQLException {
        long start = System.nanoTime();
        for (Object[] row : batch) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    insert.setNull(i + 1, types[i]);
                } else {
                    insert.setObject(i + 1, row[i]);
                }
            }
            insert.addBatch();
        }
        insert.executeBatch();
        return System.nanoTime() - start;
    }

    /** One COPY line of {@code file}, each value converted to the Java type of its column. */
    static Object[] decode(Path file, String line, int[] types) {
        String[] fields = line.split("\t", -1);
        if (fields.length != types.length) {
            throw new IllegalStateException(
                    file + ": a row of " + fields.length + " values for " + types.length + " columns");
        }
        Object[] row = new Object[types.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(unescape(fields[i]), types[i]);
        }
        return row;
    }

    /** A COPY text field's value: null for {@code \N}, else its text with {@link CopyText}'s escapes undone. */
    static String unescape(String field) {
        if (field.equals("\\N")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                text.append(c);
                continue;
            }
            char next = field.charAt(++i);
            text.append(
                    switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
        }
        return text.toString();
    }

    static Object value(String text, int type) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> text;
            case Types.BIGINT -> Long.parseLong(text);
            case Types.INTEGER -> Integer.parseInt(text);
            case Types.DOUBLE, Types.FLOAT -> Double.parseDouble(text);
            case Types.BOOLEAN ->
                switch (text) {
                    case "t" -> Boolean.TRUE;
                    case "f" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not a COPY boolean: " + text);
                };
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text, TIMESTAMP);
            default -> throw new IllegalArgumentException("no floor conversion for JDBC type " + type);
        };
    }
}
