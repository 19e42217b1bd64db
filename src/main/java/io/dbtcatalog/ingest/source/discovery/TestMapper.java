package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.TestTargets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps an applied test node ({@code testType} GENERIC_DATA_TEST, SINGULAR_DATA_TEST or UNIT_TEST) to its
 * {@link TestDefinition}, with the artifact path's rules: a generic test is named {@code namespace.name} of its
 * test metadata, its severity comes from its config, and the node it is attached to is {@code testedNodeUniqueId},
 * else its only parent, else the parent its {@code model} argument names.
 */
final class TestMapper {

    private TestMapper() {}

    static TestDefinition definition(Wire.AppliedNode node) {
        NodeId id = NodeId.of(node.uniqueId());
        TestKind kind = kind(node);
        if (kind == TestKind.UNIT) {
            String model = nonBlank(node.testedNodeUniqueId());
            return new TestDefinition(
                    id,
                    nonBlank(node.name()),
                    TestKind.UNIT,
                    model == null ? null : NodeId.of(model),
                    null,
                    null,
                    "{}");
        }
        Wire.TestMetadata metadata = kind == TestKind.GENERIC ? node.testMetadata() : null;
        JsonNode kwargs = metadata == null || JsonValues.object(metadata.kwargs()) == null
                ? MissingNode.getInstance()
                : metadata.kwargs();
        return new TestDefinition(
                id,
                metadata == null
                        ? nonBlank(node.name())
                        : TestTargets.genericTestName(nonBlank(metadata.namespace()), nonBlank(metadata.name())),
                kind,
                TestTargets.attachedNode(
                        nonBlank(node.testedNodeUniqueId()),
                        NodeMapper.parentIds(node),
                        nonBlank(kwargs.path("model"))),
                NodeMapper.first(node.columnName(), nonBlank(kwargs.path("column_name"))),
                nonBlank(NodeMapper.config(node).path("severity")),
                JsonValues.objectJson(kwargs));
    }

    static TestKind kind(Wire.AppliedNode node) {
        String type = node.testType() == null ? "" : node.testType().toUpperCase(Locale.ROOT);
        if (type.equals("UNIT_TEST") || "unit_test".equalsIgnoreCase(node.resourceType())) {
            return TestKind.UNIT;
        }
        if (type.equals("GENERIC_DATA_TEST")) {
            return TestKind.GENERIC;
        }
        if (type.equals("SINGULAR_DATA_TEST")) {
            return TestKind.SINGULAR;
        }
        boolean hasMetadata =
                node.testMetadata() != null && nonBlank(node.testMetadata().name()) != null;
        return hasMetadata ? TestKind.GENERIC : TestKind.SINGULAR;
    }
}
