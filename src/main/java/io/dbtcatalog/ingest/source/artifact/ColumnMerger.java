package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.TextValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Unions the columns a manifest documents with the columns the warehouse catalog reported for one node. Names match
 * exactly first, then case-insensitively (warehouses upper-case them); a matched column keeps the warehouse
 * spelling, type and position, and the manifest's description, tags and meta.
 */
final class ColumnMerger {

    private ColumnMerger() {}

    /** Warehouse columns in position order, then documented-only columns in manifest order. */
    static List<CatalogColumn> merge(
            NodeId node, List<CatalogColumn> documented, List<CatalogEntries.Column> warehouse) {
        List<CatalogEntries.Column> observed = new ArrayList<>(warehouse);
        observed.sort(
                Comparator.comparing(CatalogEntries.Column::index, Comparator.nullsLast(Comparator.naturalOrder())));
        String[] names = new String[observed.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = observed.get(i).name();
        }
        CatalogColumn[] matches = new CatalogColumn[observed.size()];
        List<CatalogColumn> unmatched = claim(documented, names, matches, false);
        if (!unmatched.isEmpty()) {
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].toLowerCase(Locale.ROOT);
            }
            unmatched = claim(unmatched, names, matches, true);
        }
        List<CatalogColumn> merged = new ArrayList<>(observed.size() + unmatched.size());
        for (int i = 0; i < observed.size(); i++) {
            merged.add(combine(node, observed.get(i), matches[i]));
        }
        merged.addAll(unmatched);
        return merged;
    }

    /**
     * Matches each documented column to the first unmatched observed column of the same name ({@code names}, as
     * given, or lower-cased when {@code ignoreCase}); returns the documented columns left unmatched.
     */
    private static List<CatalogColumn> claim(
            List<CatalogColumn> documented, String[] names, CatalogColumn[] matches, boolean ignoreCase) {
        List<CatalogColumn> unmatched = new ArrayList<>();
        for (CatalogColumn column : documented) {
            int found = find(ignoreCase ? column.name().toLowerCase(Locale.ROOT) : column.name(), names, matches);
            if (found < 0) {
                unmatched.add(column);
            } else {
                matches[found] = column;
            }
        }
        return unmatched;
    }

    private static int find(String name, String[] names, CatalogColumn[] matches) {
        for (int i = 0; i < names.length; i++) {
            if (matches[i] == null && names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static CatalogColumn combine(NodeId node, CatalogEntries.Column observed, CatalogColumn documented) {
        String comment = blankToNull(observed.comment());
        if (documented == null) {
            return new CatalogColumn(
                    node,
                    observed.name(),
                    blankToNull(observed.type()),
                    observed.index(),
                    comment,
                    List.of(),
                    "{}",
                    false,
                    true);
        }
        String type = blankToNull(observed.type());
        return new CatalogColumn(
                node,
                observed.name(),
                type != null ? type : documented.dataType(),
                observed.index(),
                documented.tags(),
                documented.metaJson(),
                true,
                true,
                documented.markers(),
                documented.descriptionText() != null ? documented.descriptionText() : TextValue.of(comment));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
