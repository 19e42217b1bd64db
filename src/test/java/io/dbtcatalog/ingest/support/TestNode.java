package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A node under construction in {@link TestCatalog}: plausible defaults for every field of {@link CatalogNode}, its
 * columns ({@code columns("id", "amount")}, documented and in the warehouse) and its parents
 * ({@code dependsOn(...)}). Fields are settable one by one; {@code with(...)} edits any of them.
 */
public final class TestNode {

    private final NodeId id;
    private final ResourceType type;
    private CatalogNode node;
    private final Map<String, CatalogColumn> columns = new LinkedHashMap<>();
    private final List<NodeId> parents = new ArrayList<>();

    TestNode(NodeId id, ResourceType type, String name) {
        this.id = id;
        this.type = type;
        this.node = new CatalogNode(
                id,
                type,
                TestCatalog.PACKAGE,
                name,
                "analytics",
                "dbt_prod",
                name,
                "\"analytics\".\"dbt_prod\".\"" + name + "\"",
                type.equals(ResourceType.MODEL) ? "table" : null,
                "sql",
                "The " + name + " " + type,
                null,
                List.of(),
                "{}",
                "protected",
                null,
                null,
                false,
                "models/" + name + ".sql",
                "select 1 as id",
                "select 1 as id",
                "sha256:" + name.hashCode());
    }

    public NodeId id() {
        return id;
    }

    /** Edits the node record (e.g. {@code n -> copy with another description}); see the typed setters too. */
    public TestNode with(UnaryOperator<CatalogNode> edit) {
        node = edit.apply(node);
        return this;
    }

    public TestNode description(String value) {
        CatalogNode n = node;
        node = new CatalogNode(
                n.id(),
                n.resourceType(),
                n.packageName(),
                n.name(),
                n.database(),
                n.schema(),
                n.identifier(),
                n.relationName(),
                n.materialization(),
                n.language(),
                value,
                n.owner(),
                n.tags(),
                n.metaJson(),
                n.access(),
                n.group(),
                n.version(),
                n.contractEnforced(),
                n.filePath(),
                n.rawCode(),
                n.compiledCode(),
                n.checksum());
        return this;
    }

    public TestNode tags(String... values) {
        CatalogNode n = node;
        node = new CatalogNode(
                n.id(),
                n.resourceType(),
                n.packageName(),
                n.name(),
                n.database(),
                n.schema(),
                n.identifier(),
                n.relationName(),
                n.materialization(),
                n.language(),
                n.description(),
                n.owner(),
                List.of(values),
                n.metaJson(),
                n.access(),
                n.group(),
                n.version(),
                n.contractEnforced(),
                n.filePath(),
                n.rawCode(),
                n.compiledCode(),
                n.checksum());
        return this;
    }

    public TestNode meta(String json) {
        CatalogNode n = node;
        node = new CatalogNode(
                n.id(),
                n.resourceType(),
                n.packageName(),
                n.name(),
                n.database(),
                n.schema(),
                n.identifier(),
                n.relationName(),
                n.materialization(),
                n.language(),
                n.description(),
                n.owner(),
                n.tags(),
                json,
                n.access(),
                n.group(),
                n.version(),
                n.contractEnforced(),
                n.filePath(),
                n.rawCode(),
                n.compiledCode(),
                n.checksum());
        return this;
    }

    /** Adds documented, observed columns with type {@code text}, in order. */
    public TestNode columns(String... names) {
        for (String name : names) {
            column(name, c -> {});
        }
        return this;
    }

    /** Adds (or replaces) one column, customised through {@link ColumnSpec}. */
    public TestNode column(String name, Consumer<ColumnSpec> customizer) {
        ColumnSpec spec = new ColumnSpec(name, columns.size() + 1);
        customizer.accept(spec);
        columns.put(name, spec.build(id));
        return this;
    }

    public TestNode dependsOn(NodeId... nodes) {
        parents.addAll(List.of(nodes));
        return this;
    }

    CatalogNode node() {
        return node;
    }

    List<CatalogColumn> columnList() {
        return List.copyOf(columns.values());
    }

    List<NodeId> parents() {
        return List.copyOf(parents);
    }

    /** One column's fields; defaults: type {@code text}, described, documented and in the warehouse. */
    public static final class ColumnSpec {
        private final String name;
        private Integer ordinal;
        private String dataType = "text";
        private String description;
        private List<String> tags = List.of();
        private String metaJson = "{}";
        private boolean documented = true;
        private boolean inWarehouse = true;

        ColumnSpec(String name, int ordinal) {
            this.name = name;
            this.ordinal = ordinal;
            this.description = "The " + name + " column";
        }

        public ColumnSpec type(String value) {
            dataType = value;
            return this;
        }

        public ColumnSpec ordinal(Integer value) {
            ordinal = value;
            return this;
        }

        public ColumnSpec description(String value) {
            description = value;
            return this;
        }

        public ColumnSpec tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public ColumnSpec meta(String json) {
            metaJson = json;
            return this;
        }

        /** Declared in the manifest but not reported by the warehouse catalog. */
        public ColumnSpec documentedOnly() {
            documented = true;
            inWarehouse = false;
            dataType = null;
            ordinal = null;
            return this;
        }

        /** Reported by the warehouse but not declared in the manifest. */
        public ColumnSpec warehouseOnly() {
            documented = false;
            inWarehouse = true;
            description = null;
            return this;
        }

        CatalogColumn build(NodeId node) {
            return new CatalogColumn(
                    node, name, dataType, ordinal, description, tags, metaJson, documented, inWarehouse);
        }
    }
}
