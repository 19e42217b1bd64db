package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Every row of every {@code catalog_*} table as comparable values, for asserting that an operation changed no row
 * ({@code assertThat(CatalogDump.of(ds)).isEqualTo(before)}). Column names are lower case, text and CLOBs are
 * Strings, timestamps are {@link java.time.Instant}s; rows are sorted, so two dumps of the same data are equal on
 * either engine. {@link #query} runs any SELECT into the same row shape.
 */
public record CatalogDump(Map<String, List<Map<String, Object>>> tables) {

    /** Dumps all base tables whose name starts with {@code catalog_} ({@code ingestion_run} is not one). */
    public static CatalogDump of(DataSource dataSource) {
        return of(dataSource, name -> name.startsWith("catalog_"));
    }

    /** Dumps the base tables whose lower-case name {@code tables} accepts. */
    public static CatalogDump of(DataSource dataSource, Predicate<String> tables) {
        Map<String, List<Map<String, Object>>> dumped = new TreeMap<>();
        for (Map<String, Object> table : query(dataSource, """
                SELECT table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                """)) {
            String name = ((String) table.get("table_name")).toLowerCase(Locale.ROOT);
            if (tables.test(name)) {
                // sorted by each row's text, computed once per row rather than once per comparison
                dumped.put(
                        name,
                        query(dataSource, "SELECT * FROM " + name).stream()
                                .map(row -> Map.entry(row.toString(), row))
                                .sorted(Map.Entry.comparingByKey())
                                .map(Map.Entry::getValue)
                                .toList());
            }
        }
        return new CatalogDump(Map.copyOf(dumped));
    }

    /** The rows of one table ({@code catalog_node}…), sorted. */
    public List<Map<String, Object>> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /** A readable summary of how {@code other} differs from this dump (empty when equal), for assertion messages. */
    public List<String> differences(CatalogDump other) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(tables.keySet());
        names.addAll(other.tables.keySet());
        for (String name : names) {
            List<Map<String, Object>> mine = rows(name);
            List<Map<String, Object>> theirs = other.rows(name);
            if (mine.equals(theirs)) {
                continue;
            }
            Set<Map<String, Object>> mineSet = new HashSet<>(mine);
            Set<Map<String, Object>> theirSet = new HashSet<>(theirs);
            mine.stream()
                    .filter(row -> !theirSet.contains(row))
                    .limit(3)
                    .forEach(row -> differences.add(name + " lost or changed: " + abbreviate(row)));
            theirs.stream()
                    .filter(row -> !mineSet.contains(row))
                    .limit(3)
                    .forEach(row -> differences.add(name + " gained or changed: " + abbreviate(row)));
        }
        return differences;
    }

    private static String abbreviate(Map<String, Object> row) {
        String text = row.toString();
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** Runs {@code sql} with {@code parameters} bound in order; each row maps lower-case column names to values. */
    public static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), normalize(rs.getObject(c)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Object normalize(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return read(clob);
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }

    private static String read(Clob clob) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = clob.getCharacterStream()) {
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
