package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.NodeDetails;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TextValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares one instance per distinct value of the repetitive parts of one read (resource types, packages, schemas,
 * data types, column names, tag lists, test names…), so a 10,000-model snapshot holds one
 * {@code "varchar"} instead of 200,000. Long free text (descriptions, model code, config JSON) goes to the read's
 * {@link TextSpill} instead. One per read; not thread-safe.
 */
final class Interner {

    /** Texts up to this length are shared; longer ones are rarely repeated and costly to hash. */
    private static final int MAX_SHARED = 256;

    private final Map<Object, Object> values = new HashMap<>();
    private final TextSpill spill;

    /** An interner that writes the long texts of nodes and columns to {@code spill} (null: keeps them held). */
    Interner(TextSpill spill) {
        this.spill = spill;
    }

    String text(String value) {
        return value == null || value.length() > MAX_SHARED ? value : shared(value);
    }

    List<String> tags(List<String> tags) {
        return tags.isEmpty()
                ? List.of()
                : shared(List.copyOf(tags.stream().map(this::text).toList()));
    }

    /**
     * The node with its repetitive texts shared, and its description, code and config written to the spill file
     * (short ones shared on the heap).
     */
    CatalogNode node(CatalogNode n) {
        return new CatalogNode(
                n.id(),
                shared(n.resourceType()),
                text(n.packageName()),
                n.name(),
                text(n.database()),
                text(n.schema()),
                n.identifier(),
                n.relationName(),
                text(n.materialization()),
                text(n.language()),
                text(n.owner()),
                tags(n.tags()),
                text(n.metaJson()),
                text(n.access()),
                text(n.group()),
                text(n.version()),
                n.contractEnforced(),
                text(n.filePath()),
                n.checksum(),
                details(n.details()),
                spilled(n.descriptionText()),
                spilled(n.rawCodeText()),
                spilled(n.compiledCodeText()));
    }

    private NodeDetails details(NodeDetails details) {
        TextValue config = spilled(details.config());
        return config == details.config() ? details : details.withConfig(config);
    }

    CatalogColumn column(CatalogColumn c) {
        return new CatalogColumn(
                c.nodeId(),
                text(c.name()),
                text(c.dataType()),
                c.ordinal(),
                tags(c.tags()),
                text(c.metaJson()),
                c.documented(),
                c.inWarehouse(),
                c.markers(),
                spilled(c.descriptionText()));
    }

    /**
     * A text held on the heap, written to the spill file when it is long (a text already there stays as it is);
     * a short one shared like any other repeated value.
     */
    TextValue spilled(TextValue value) {
        if (!(value instanceof TextValue.Held held)) {
            return value;
        }
        if (held.value().length() < TextSpill.MIN_SPILLED) {
            return shared(new TextValue.Held(text(held.value())));
        }
        return spill == null ? held : spill.text(held.value());
    }

    /** The test with its texts shared and {@code attachedNode} (the same id, the snapshot's instance of it). */
    TestDefinition test(TestDefinition t, NodeId attachedNode) {
        return new TestDefinition(
                t.id(),
                text(t.testName()),
                t.kind(),
                attachedNode,
                text(t.columnName()),
                text(t.severity()),
                text(t.kwargsJson()));
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        Object known = values.putIfAbsent(value, value);
        return known != null ? (T) known : value;
    }
}
