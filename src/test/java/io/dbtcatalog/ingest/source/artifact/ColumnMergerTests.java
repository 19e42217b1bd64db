package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How documented and warehouse columns of one node are matched and ordered. */
class ColumnMergerTests {

    private static final NodeId NODE = NodeId.of("model.shop.orders");

    @Test
    void exactNamesMatchBeforeCaseInsensitiveOnesAndWarehouseOrderWins() {
        // given: the warehouse reports ID and id; the manifest documents id and Amount
        List<CatalogColumn> documented = List.of(documented("Amount"), documented("id"), documented("note"));
        List<CatalogEntries.Column> warehouse = List.of(observed("AMOUNT", 3), observed("ID", 1), observed("id", 2));
        // when
        List<CatalogColumn> merged = ColumnMerger.merge(NODE, documented, warehouse);
        // then
        assertThat(merged).extracting(CatalogColumn::name).containsExactly("ID", "id", "AMOUNT", "note");
        assertThat(merged).extracting(CatalogColumn::documented).containsExactly(false, true, true, true);
        assertThat(merged).extracting(CatalogColumn::inWarehouse).containsExactly(true, true, true, false);
        assertThat(merged.get(2).description()).isEqualTo("about Amount");
    }

    @Test
    void aDocumentedNameClaimsOnlyOneWarehouseColumn() {
        // given
        List<CatalogColumn> documented = List.of(documented("id"), documented("ID"));
        List<CatalogEntries.Column> warehouse = List.of(observed("ID", 1));
        // when
        List<CatalogColumn> merged = ColumnMerger.merge(NODE, documented, warehouse);
        // then: the exact match claims the warehouse column, the other stays documented-only
        assertThat(merged).extracting(CatalogColumn::name).containsExactly("ID", "id");
        assertThat(merged.get(0).description()).isEqualTo("about ID");
        assertThat(merged.get(1).inWarehouse()).isFalse();
    }

    private static CatalogColumn documented(String name) {
        return new CatalogColumn(NODE, name, null, null, "about " + name, List.of(), "{}", true, false);
    }

    private static CatalogEntries.Column observed(String name, int index) {
        return new CatalogEntries.Column(name, "integer", index, null);
    }
}
