package io.dbtcatalog.ingest.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger insert is written out as text; its column list must stay the order its values are bound in. */
class IngestionLedgerTests {

    @Test
    void insertNamesTheBoundColumnsInBindingOrderWithOnePlaceholderEach() {
        // given
        String sql = IngestionLedger.INSERT.replaceAll("\\s+", " ");
        // when
        String columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
        long placeholders = sql.chars().filter(c -> c == '?').count();
        // then
        List<String> named =
                Arrays.stream(columns.split(",")).map(String::strip).toList();
        assertThat(named).isEqualTo(IngestionLedger.COLUMNS);
        assertThat(placeholders).isEqualTo(IngestionLedger.COLUMNS.size());
    }
}
