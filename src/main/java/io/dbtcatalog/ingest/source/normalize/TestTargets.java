package io.dbtcatalog.ingest.source.normalize;

import io.dbtcatalog.ingest.model.NodeId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalization rules for tests that every source applies alike, so both paths store the same values: the name of
 * a generic test and the node a test is attached to when dbt did not say.
 */
public final class TestTargets {

    private static final Pattern REF =
            Pattern.compile("\\bref\\(\\s*(?:['\"][^'\"]+['\"]\\s*,\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern SOURCE =
            Pattern.compile("\\bsource\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]");

    private TestTargets() {}

    /** {@code namespace.name} for package tests ({@code dbt_utils.unique_combination}), else the name. */
    public static String genericTestName(String namespace, String name) {
        return namespace == null || name == null ? name : namespace + "." + name;
    }

    /**
     * The node a test is attached to: the one dbt declared; otherwise (older dbt, source tests) the only parent, or
     * the parent that the generic test's {@code model} argument names ({@code ref('x')} / {@code source('s', 't')}).
     */
    public static NodeId attachedNode(String declared, List<String> parents, String modelArgument) {
        if (declared != null) {
            return NodeId.of(declared);
        }
        if (parents.size() == 1) {
            return NodeId.of(parents.get(0));
        }
        return modelArgument == null ? null : parentNamedBy(modelArgument, parents);
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
            if (parent.toLowerCase(Locale.ROOT).replaceFirst("\\.v\\d+$", "").endsWith(wanted)) {
                return NodeId.of(parent);
            }
        }
        return null;
    }
}
