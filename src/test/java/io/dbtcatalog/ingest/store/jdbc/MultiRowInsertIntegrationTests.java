package io.dbtcatalog.ingest.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link MultiRowInsert} stores exactly what a {@link Batch} of the single-row insert stores, whatever the number of
 * rows (full statements, full JDBC batches, a shorter last statement, none), and counts them.
 */
class MultiRowInsertIntegrationTests {

    private static final String COLUMNS = "id, t, i, l, d, b, ts";
    private static final Instant AT = Instant.parse("2024-03-05T10:00:00.123456789Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storesTheSameRowsAsSingleRowBatchesForEveryRowCount(Engine engine) throws SQLException {
        try (TestDatabase db = engine.create();
                Connection connection = db.dataSource().getConnection()) {
            for (int count : new int[] {0, 1, 6, 7, 2_345}) {
                // given
                create(connection, "via_batch");
                create(connection, "via_multi");
                // when
                long batched;
                try (Batch batch = new Batch(connection, insert("via_batch"))) {
                    for (int i = 0; i < count; i++) {
                        bind(batch.row(), i);
                        batch.add();
                    }
                    batched = batch.finish();
                }
                long inserted;
                try (MultiRowInsert multi = new MultiRowInsert(connection, insert("via_multi"), 7)) {
                    for (int i = 0; i < count; i++) {
                        bind(multi.row(), i);
                        multi.add();
                    }
                    inserted = multi.finish();
                }
                // then
                assertThat(inserted).as("%d rows", count).isEqualTo(batched).isEqualTo(count);
                assertThat(read(connection, "via_multi")).hasSize(count).isEqualTo(read(connection, "via_batch"));
                drop(connection, "via_batch");
                drop(connection, "via_multi");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRowWithTooFewOrTooManyValuesFailsBeforeItIsSent(Engine engine) throws SQLException {
        try (TestDatabase db = engine.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "target");
            try (MultiRowInsert multi = new MultiRowInsert(connection, insert("target"), 3)) {
                // when / then
                multi.row().integer(1).text("only two values");
                assertThatThrownBy(multi::add)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("a row of 2 values for an insert of 7 columns");
                bind(multi.row(), 2);
                assertThatThrownBy(() -> multi.text("an eighth value"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("more than 7 values in a row");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void repeatsTheRowOfPlaceholders(Engine engine) throws SQLException {
        try (TestDatabase db = engine.create();
                Connection connection = db.dataSource().getConnection()) {
            // given
            create(connection, "target");
            // when
            try (MultiRowInsert multi = new MultiRowInsert(connection, insert("target"), 2)) {
                // then
                assertThat(multi.statement(3))
                        .isEqualTo("INSERT INTO target (" + COLUMNS + ")\nVALUES (?, ?, ?, ?, ?, ?, ?), "
                                + "(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)");
            }
        }
    }

    private static void bind(RowSink sink, int i) {
        boolean nulls = i % 5 == 4;
        sink.integer(i)
                .text(nulls ? null : i % 3 == 0 ? "nul a\0b " + i : "text é😀 " + i)
                .integer(nulls ? null : -i)
                .bigint(nulls ? null : Long.MAX_VALUE - i)
                .decimal(nulls ? null : i / 8.0)
                .bool(nulls ? null : i % 2 == 0)
                .time(nulls ? null : AT.plusSeconds(i / 3));
    }

    private static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ")\nVALUES (?, ?, ?, ?, ?, ?, ?)\n";
    }

    private static void create(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, t VARCHAR(100), i INTEGER,"
                    + " l BIGINT, d DOUBLE PRECISION, b BOOLEAN, ts TIMESTAMP WITH TIME ZONE)");
        }
    }

    private static void drop(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + table);
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
