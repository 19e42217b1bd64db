package io.dbtcatalog.ingest.lineage;

import java.util.List;
import java.util.Optional;

/** What an analyzer may ask about the world outside one statement: the dialect and the relations it reads. */
public interface AnalysisContext {

    /** The SQL dialect of the statement. */
    Dialect dialect();

    /** The node a relation name in FROM or JOIN stands for, with its columns when known. */
    Optional<UpstreamRelation> relation(List<Identifier> name);

    /** The columns the warehouse reported for the model being analysed, in order (empty when unknown). */
    List<String> modelColumns();

    /** The ephemeral node a CTE named {@code __dbt__cte__<name>} inlines, with its columns when known. */
    Optional<UpstreamRelation> ephemeral(String cteName);
}
