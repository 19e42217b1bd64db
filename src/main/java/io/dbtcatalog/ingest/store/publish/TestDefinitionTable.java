package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link TestDefinition} to {@code catalog_test}, keyed by the test's dbt {@code unique_id}. */
final class TestDefinitionTable implements StateTable<TestDefinition> {

    private static final Shape SHAPE = new Shape("catalog_test", List.of("unique_id"), List.of(
            "test_name", "kind", "attached_node_unique_id", "column_name", "severity", "kwargs"), true);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public List<String> key(TestDefinition test) {
        return List.of(test.id().value());
    }

    @Override
    public void bindContent(RowSink sink, TestDefinition test) {
        sink.text(test.testName()).text(test.kind().dbValue())
                .text(test.attachedNode() == null ? null : test.attachedNode().value())
                .text(test.columnName()).text(test.severity()).text(test.kwargsJson());
    }
}
