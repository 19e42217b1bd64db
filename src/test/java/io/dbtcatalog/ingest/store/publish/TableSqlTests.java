package io.dbtcatalog.ingest.store.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog tables' statements are written out as text; these checks keep their columns in the order the rows'
 * values are bound ({@link Pending#bindInsert}, {@link StateTable#bindContent}, {@link HistoryTable#bindContent}).
 */
class TableSqlTests {

    private static final List<String> SEEN =
            List.of("first_seen_at", "seen_at", "last_changed_at", "last_ingestion_run_id");

    @Test
    void stateInsertsNameTheBoundColumnsInBindingOrder() {
        for (StateTable<?> table : CatalogTables.state()) {
            // given
            List<String> expected = new ArrayList<>(List.of("project_key"));
            expected.addAll(contentWithKey(table.shape()));
            expected.addAll(SEEN);
            // when
            String insert = table.sql().insert();
            // then
            assertThat(columns(insert)).as(table.shape().table()).isEqualTo(expected);
            assertThat(placeholders(insert)).as(table.shape().table()).isEqualTo(expected.size());
        }
    }

    @Test
    void stateUpdatesAssignTheContentAndMatchTheKeyInBindingOrder() {
        for (StateTable<?> table : CatalogTables.state()) {
            // given
            StateTable.Shape shape = table.shape();
            List<String> content = new ArrayList<>(shape.contentColumns());
            if (shape.hashed()) {
                content.add("content_hash");
            }
            content.addAll(List.of("seen_at", "last_changed_at", "deleted_at", "last_ingestion_run_id"));
            List<String> key = new ArrayList<>(List.of("project_key"));
            key.addAll(shape.keyColumns());
            // when
            String update = flat(table.sql().update());
            // then
            assertThat(assigned(update)).as(shape.table()).isEqualTo(content);
            assertThat(matched(update)).as(shape.table()).isEqualTo(key);
            assertThat(matched(flat(table.sql().softDelete())))
                    .as(shape.table())
                    .isEqualTo(key);
            assertThat(flat(table.sql().touch()))
                    .as(shape.table())
                    .contains("WHERE project_key = ? AND " + String.join(" = ? AND ", shape.keyColumns()) + " = ?");
            assertThat(flat(table.sql().selectStored()))
                    .as(shape.table())
                    .startsWith("SELECT " + String.join(", ", shape.keyColumns()) + ", ");
        }
    }

    @Test
    void historyInsertsNameTheBoundColumnsInBindingOrder() {
        for (HistoryTable<?> table : CatalogTables.history()) {
            // given
            List<String> expected = new ArrayList<>(List.of("project_key"));
            expected.addAll(table.shape().keyColumns());
            expected.addAll(table.shape().contentColumns());
            expected.add("ingestion_run_id");
            // when
            String insert = table.insert();
            // then
            assertThat(columns(insert)).as(table.shape().table()).isEqualTo(expected);
            assertThat(placeholders(insert)).as(table.shape().table()).isEqualTo(expected.size());
            assertThat(flat(table.selectStoredKeys()))
                    .as(table.shape().table())
                    .startsWith("SELECT " + String.join(", ", table.shape().keyColumns()) + " FROM ");
        }
    }

    /** Key, content and content hash (tables with one): the columns of a changed row, as staged and hashed. */
    static List<String> contentWithKey(StateTable.Shape shape) {
        List<String> columns = new ArrayList<>(shape.keyColumns());
        columns.addAll(shape.contentColumns());
        if (shape.hashed()) {
            columns.add("content_hash");
        }
        return columns;
    }

    /** The column list in the first parentheses of an INSERT or COPY. */
    static List<String> columns(String sql) {
        String flat = flat(sql);
        return split(flat.substring(flat.indexOf('(') + 1, flat.indexOf(')')));
    }

    static String flat(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    private static List<String> assigned(String update) {
        String set = update.substring(update.indexOf(" SET ") + 5, update.indexOf(" WHERE "));
        return split(set).stream().map(a -> a.substring(0, a.indexOf(" = "))).toList();
    }

    private static List<String> matched(String update) {
        Matcher m = Pattern.compile("(\\w+) = \\?").matcher(update.substring(update.indexOf(" WHERE ")));
        List<String> columns = new ArrayList<>();
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }
}
