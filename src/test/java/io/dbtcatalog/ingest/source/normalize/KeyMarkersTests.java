package io.dbtcatalog.ingest.source.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.ColumnMarkers;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMarkersTests {

    private static final NodeId ORDERS = new NodeId("model.shop.orders");
    private static final NodeId CUSTOMERS = new NodeId("model.shop.customers");

    @Test
    void uniqueAndNotNullTestsMarkTheirColumnAndMakeTheOnlyCandidateThePrimaryKey() {
        List<CatalogColumn> marked = KeyMarkers.withTestMarkers(
                List.of(column(ORDERS, "order_id"), column(ORDERS, "amount")),
                List.of(test("unique", ORDERS, "order_id"), test("not_null", ORDERS, "order_id")));

        assertThat(marked).extracting(CatalogColumn::name).containsExactly("order_id", "amount");
        assertThat(marked.get(0).markers()).isEqualTo(ColumnMarkers.of("[]", true, true, true));
        assertThat(marked.get(1).markers()).isEqualTo(ColumnMarkers.NONE);
    }

    @Test
    void columnNamesMatchTheirTestsWhateverTheCase() {
        List<CatalogColumn> marked = KeyMarkers.withTestMarkers(
                List.of(column(ORDERS, "ORDER_ID")), List.of(test("not_null", ORDERS, "Order_Id")));

        assertThat(marked.get(0).markers()).isEqualTo(ColumnMarkers.of("[]", false, true, false));
    }

    @Test
    void twoUniqueNotNullColumnsLeaveTheKeyUndecided() {
        List<CatalogColumn> marked = KeyMarkers.withTestMarkers(
                List.of(column(ORDERS, "order_id"), column(ORDERS, "order_number")),
                List.of(
                        test("unique", ORDERS, "order_id"),
                        test("not_null", ORDERS, "order_id"),
                        test("unique", ORDERS, "order_number"),
                        test("not_null", ORDERS, "order_number")));

        assertThat(marked).extracting(CatalogColumn::markers).containsOnly(ColumnMarkers.of("[]", true, true, false));
    }

    @Test
    void aDeclaredPrimaryKeyIsNotSecondGuessedByTests() {
        ColumnMarkers declared = ColumnMarkers.of("[{\"type\":\"primary_key\"}]", false, true, true);
        List<CatalogColumn> marked = KeyMarkers.withTestMarkers(
                List.of(column(ORDERS, "order_id").withMarkers(declared), column(ORDERS, "order_number")),
                List.of(test("unique", ORDERS, "order_number"), test("not_null", ORDERS, "order_number")));

        assertThat(marked.get(0).markers()).isEqualTo(declared);
        assertThat(marked.get(1).markers()).isEqualTo(ColumnMarkers.of("[]", true, true, false));
    }

    @Test
    void testsApplyToTheirOwnNodeOnlyWhateverOrderTheColumnsComeIn() {
        List<CatalogColumn> marked = KeyMarkers.withTestMarkers(
                List.of(
                        column(ORDERS, "id"),
                        column(CUSTOMERS, "id"),
                        column(ORDERS, "customer_id"),
                        column(CUSTOMERS, "name")),
                List.of(
                        test("unique", CUSTOMERS, "id"),
                        test("not_null", CUSTOMERS, "id"),
                        test("not_null", ORDERS, "customer_id"),
                        test("accepted_values", ORDERS, "id"),
                        test("unique", null, "id"),
                        test("unique", ORDERS, null)));

        assertThat(marked)
                .extracting(CatalogColumn::markers)
                .containsExactly(
                        ColumnMarkers.NONE,
                        ColumnMarkers.of("[]", true, true, true),
                        ColumnMarkers.of("[]", false, true, false),
                        ColumnMarkers.NONE);
    }

    private static CatalogColumn column(NodeId node, String name) {
        return new CatalogColumn(node, name, "text", 1, null, List.of(), "{}", true, true, ColumnMarkers.NONE);
    }

    private static TestDefinition test(String name, NodeId attached, String column) {
        return new TestDefinition(
                new NodeId("test.shop." + name + "_" + column),
                name,
                TestKind.GENERIC,
                attached,
                column,
                "error",
                "{}");
    }
}
