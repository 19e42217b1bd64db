package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.artifact.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps manifest test entries to {@link TestDefinition}s: data tests ({@code nodes} entries of resource type
 * {@code test}, generic when they carry {@code test_metadata}) and unit tests ({@code unit_tests} entries).
 */
final class TestDefinitionMapper {

    private static final Pattern REF = Pattern.compile("\\bref\\(\\s*(?:['\"][^'\"]+['\"]\\s*,\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern SOURCE =
            Pattern.compile("\\bsource\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]");

    /** What a unit test names as its model, resolved against the model nodes once the whole manifest is read. */
    record UnitTestTarget(NodeId testId, String name, String packageName, String model, String version) {
    }

    private TestDefinitionMapper() {
    }

    static TestDefinition dataTest(NodeId id, JsonNode entry) {
        JsonNode metadata = JsonValues.object(entry.path("test_metadata"));
        boolean generic = metadata != null;
        JsonNode kwargs = generic ? metadata.path("kwargs") : MissingNode.getInstance();
        String column = nonBlank(entry.path("column_name"));
        return new TestDefinition(
                id,
                generic ? genericName(metadata) : nonBlank(entry.path("name")),
                generic ? TestKind.GENERIC : TestKind.SINGULAR,
                attachedNode(entry, kwargs),
                column != null ? column : nonBlank(kwargs.path("column_name")),
                nonBlank(entry.path("config").path("severity")),
                JsonValues.objectJson(kwargs));
    }

    static UnitTestTarget unitTestTarget(NodeId id, JsonNode entry) {
        return new UnitTestTarget(id,
                nonBlank(entry.path("name")),
                nonBlank(entry.path("package_name")),
                nonBlank(entry.path("model")),
                nonBlank(entry.path("version")));
    }

    static TestDefinition unitTest(UnitTestTarget target, NodeId model) {
        return new TestDefinition(target.testId(), target.name(), TestKind.UNIT, model, null, null, "{}");
    }

    private static String genericName(JsonNode metadata) {
        String name = nonBlank(metadata.path("name"));
        String namespace = nonBlank(metadata.path("namespace"));
        return namespace == null || name == null ? name : namespace + "." + name;
    }

    /**
     * {@code attached_node} when dbt set it; otherwise (older dbt, source tests) the only parent, or the parent that
     * the generic test's {@code model} argument refers to ({@code ref('x')} / {@code source('s', 't')}).
     */
    private static NodeId attachedNode(JsonNode entry, JsonNode kwargs) {
        String attached = nonBlank(entry.path("attached_node"));
        if (attached != null) {
            return NodeId.of(attached);
        }
        List<String> parents = ManifestEntryMapper.parents(entry);
        if (parents.size() == 1) {
            return NodeId.of(parents.get(0));
        }
        String target = nonBlank(kwargs.path("model"));
        return target == null ? null : parentNamedBy(target, parents);
    }

    private static NodeId parentNamedBy(String target, List<String> parents) {
        Matcher source = SOURCE.matcher(target);
        Matcher ref = REF.matcher(target);
        String suffix;
        if (source.find()) {
            suffix = "." + source.group(1) + "." + source.group(2);
        } else if (ref.find()) {
            suffix = "." + ref.group(1);
        } else {
            return null;
        }
        String wanted = suffix.toLowerCase(Locale.ROOT);
        for (String parent : parents) {
            String unversioned = parent.toLowerCase(Locale.ROOT).replaceFirst("\\.v\\d+$", "");
            if (unversioned.endsWith(wanted)) {
                return NodeId.of(parent);
            }
        }
        return null;
    }
}
