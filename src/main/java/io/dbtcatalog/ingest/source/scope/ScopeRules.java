package io.dbtcatalog.ingest.source.scope;

import io.dbtcatalog.ingest.model.CatalogNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One side of a scope ({@code include} or {@code exclude}): lists of resource types, packages, tags, file path globs
 * and database, schema and name patterns. Names, packages, databases and schemas are matched case-insensitively with
 * {@code *} (any characters) and {@code ?} (one character); paths with file globs ({@code models/staging/**}); tags
 * and resource types exactly (case-insensitively). Bound from {@code sources[].scope.include} / {@code .exclude}.
 */
public record ScopeRules(
        List<String> resourceTypes,
        List<String> packages,
        List<String> tags,
        List<String> paths,
        List<String> databases,
        List<String> schemas,
        List<String> names) {

    /** No rule. */
    public static final ScopeRules NONE = new ScopeRules(null, null, null, null, null, null, null);

    public ScopeRules {
        resourceTypes = copy(resourceTypes);
        packages = copy(packages);
        tags = copy(tags);
        paths = copy(paths);
        databases = copy(databases);
        schemas = copy(schemas);
        names = copy(names);
    }

    /** True when no list holds a value. */
    public boolean isEmpty() {
        return resourceTypes.isEmpty()
                && packages.isEmpty()
                && tags.isEmpty()
                && paths.isEmpty()
                && databases.isEmpty()
                && schemas.isEmpty()
                && names.isEmpty();
    }

    /** Every list with its key as written in the configuration, in a stable order. */
    public List<Entry> entries() {
        return List.of(
                new Entry("resource-types", resourceTypes),
                new Entry("packages", packages),
                new Entry("tags", tags),
                new Entry("paths", paths),
                new Entry("databases", databases),
                new Entry("schemas", schemas),
                new Entry("names", names));
    }

    /** One configured list and its key. */
    public record Entry(String key, List<String> values) {}

    /** True when every non-empty list has a value matching the node (an include side). */
    boolean admits(CatalogNode node) {
        return (resourceTypes.isEmpty()
                        || anyEquals(resourceTypes, node.resourceType().value()))
                && (packages.isEmpty() || anyLike(packages, node.packageName()))
                && (tags.isEmpty() || node.tags().stream().anyMatch(tag -> anyEquals(tags, tag)))
                && (paths.isEmpty() || anyPath(paths, node.filePath()))
                && (databases.isEmpty() || node.database() == null || anyLike(databases, node.database()))
                && (schemas.isEmpty() || node.schema() == null || anyLike(schemas, node.schema()))
                && (names.isEmpty() || anyLike(names, node.name()));
    }

    /** True when any value of any list matches the node (an exclude side). */
    boolean catches(CatalogNode node) {
        return anyEquals(resourceTypes, node.resourceType().value())
                || anyLike(packages, node.packageName())
                || node.tags().stream().anyMatch(tag -> anyEquals(tags, tag))
                || anyPath(paths, node.filePath())
                || anyLike(databases, node.database())
                || anyLike(schemas, node.schema())
                || anyLike(names, node.name());
    }

    private static boolean anyEquals(List<String> values, String value) {
        return value != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    private static boolean anyLike(List<String> patterns, String value) {
        return value != null
                && patterns.stream().anyMatch(p -> like(p).matcher(value).matches());
    }

    private static boolean anyPath(List<String> globs, String path) {
        if (path == null) {
            return false;
        }
        Path file = Path.of(path.replace('\\', '/'));
        for (String glob : globs) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (matcher.matches(file)) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} and {@code ?} as wildcards, everything else literal, case-insensitive. */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> copy(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>();
        values.forEach(value -> copy.add(value == null ? null : value.trim()));
        return copy.stream().map(v -> v == null ? "" : v).toList();
    }

    /** The lists as canonical text, for the scope's fingerprint. */
    String canonical() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries()) {
            text.append(entry.key()).append('=');
            entry.values().stream()
                    .map(v -> v.toLowerCase(Locale.ROOT))
                    .sorted()
                    .forEach(v -> text.append(v).append('\u0000'));
            text.append('\n');
        }
        return text.toString();
    }
}
