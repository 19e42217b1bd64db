package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.TestTargets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps manifest test entries to {@link TestDefinition}s: data tests ({@code nodes} entries of resource type
 * {@code test}, generic when they carry {@code test_metadata}) and unit tests ({@code unit_tests} entries).
 */
final class TestDefinitionMapper {

    /** What a unit test names as its model, resolved against the model nodes once the whole manifest is read. */
    record UnitTestTarget(NodeId testId, String name, String packageName, String model, String version) {}

    private TestDefinitionMapper() {}

    static TestDefinition dataTest(NodeId id, JsonNode entry) {
        JsonNode metadata = JsonValues.object(entry.path("test_metadata"));
        boolean generic = metadata != null;
        JsonNode kwargs = generic ? metadata.path("kwargs") : MissingNode.getInstance();
        String column = nonBlank(entry.path("column_name"));
        return new TestDefinition(
                id,
                generic
                        ? TestTargets.genericTestName(
                                nonBlank(metadata.path("namespace")), nonBlank(metadata.path("name")))
                        : nonBlank(entry.path("name")),
                generic ? TestKind.GENERIC : TestKind.SINGULAR,
                TestTargets.attachedNode(
                        nonBlank(entry.path("attached_node")),
                        ManifestEntryMapper.parents(entry),
                        nonBlank(kwargs.path("model"))),
                column != null ? column : nonBlank(kwargs.path("column_name")),
                nonBlank(entry.path("config").path("severity")),
                JsonValues.objectJson(kwargs));
    }

    static UnitTestTarget unitTestTarget(NodeId id, JsonNode entry) {
        return new UnitTestTarget(
                id,
                nonBlank(entry.path("name")),
                nonBlank(entry.path("package_name")),
                nonBlank(entry.path("model")),
                nonBlank(entry.path("version")));
    }

    static TestDefinition unitTest(UnitTestTarget target, NodeId model) {
        return new TestDefinition(target.testId(), target.name(), TestKind.UNIT, model, null, null, "{}");
    }
}
