package io.dbtcatalog.ingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.store.publish.CatalogTables;
import io.dbtcatalog.ingest.store.publish.HistoryTable;
import io.dbtcatalog.ingest.store.publish.StateTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk path's statements are written out as text beside the batch path's; these checks keep the columns each
 * {@code COPY} and staging table takes in the order the same binding code feeds them.
 */
class StagedSqlTests {

    @Test
    void copyIntoAStateTableTakesTheColumnsOfItsBatchInsert() {
        for (StateTable<?> table : CatalogTables.state()) {
            // given
            StagedSql sql = StagedSql.of(table.shape().table());
            // when / then
            assertThat(columns(sql.copyInsert()))
                    .as(table.shape().table())
                    .isEqualTo(columns(table.sql().insert()));
            assertThat(flat(sql.copyInsert()))
                    .startsWith("COPY " + table.shape().table() + " (")
                    .endsWith("FROM STDIN");
        }
    }

    @Test
    void stagingTablesHoldKeyContentAndHashOrOnlyTheKey() {
        for (StateTable<?> table : CatalogTables.state()) {
            // given
            StateTable.Shape shape = table.shape();
            StagedSql sql = StagedSql.of(shape.table());
            List<String> changes = new ArrayList<>(shape.keyColumns());
            changes.addAll(shape.contentColumns());
            if (shape.hashed()) {
                changes.add("content_hash");
            }
            // when / then
            assertThat(columns(sql.copyChanges())).as(shape.table()).isEqualTo(changes);
            assertThat(selected(sql.createChanges())).as(shape.table()).isEqualTo(changes);
            assertThat(columns(sql.copyKeys())).as(shape.table()).isEqualTo(shape.keyColumns());
            assertThat(selected(sql.createKeys())).as(shape.table()).isEqualTo(shape.keyColumns());
            assertThat(flat(sql.createChanges())).contains("FROM " + shape.table() + " WITH NO DATA");
        }
    }

    @Test
    void copyIntoAHistoryTableTakesTheColumnsOfItsBatchInsert() {
        for (HistoryTable<?> table : CatalogTables.history()) {
            // given
            String copy = HistoryCopies.of(table.shape().table());
            // when / then
            assertThat(columns(copy)).as(table.shape().table()).isEqualTo(columns(table.insert()));
            assertThat(flat(copy))
                    .startsWith("COPY " + table.shape().table() + " (")
                    .endsWith("FROM STDIN");
        }
    }

    private static List<String> columns(String sql) {
        String flat = flat(sql);
        return split(flat.substring(flat.indexOf('(') + 1, flat.indexOf(')')));
    }

    private static List<String> selected(String create) {
        String flat = flat(create);
        return split(flat.substring(flat.indexOf(" SELECT ") + 8, flat.indexOf(" FROM ")));
    }

    private static String flat(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }
}
