package io.dbtcatalog.ingest.lineage;

import java.util.List;
import java.util.Map;

/** Finds the nodes a relation name written in SQL (one to three parts, quoted or not) may stand for. */
public interface RelationResolver {

    /**
     * The unique ids of every node named {@code name}: usually one, none for a relation outside the project,
     * several when two nodes share a table (a seed loaded where a source points) or a short name is ambiguous.
     */
    List<String> resolve(List<Identifier> name);

    /**
     * A resolver over the relations of a manifest (models, seeds, snapshots, sources: unique id to relation),
     * applying the dialect's case and quoting rules to one-, two- and three-part names.
     */
    static RelationResolver index(Dialect dialect, Map<String, RelationName> relations) {
        return RelationIndex.of(dialect, relations);
    }
}
