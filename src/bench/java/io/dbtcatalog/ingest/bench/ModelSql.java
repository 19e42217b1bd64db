package io.dbtcatalog.ingest.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a model's Jinja SQL and its compiled form side by side (1–3 KB each): a comment header, one CTE per
 * upstream relation, a final CTE selecting every column through a few typical expressions.
 */
final class ModelSql {

    /** One upstream relation: how the raw SQL refers to it and what it compiles to. */
    record Upstream(String rawReference, String compiledRelation) {}

    /** The pair of codes of one model. */
    record Code(String raw, String compiled) {}

    private final StringBuilder raw = new StringBuilder(3072);
    private final StringBuilder compiled = new StringBuilder(3072);

    private ModelSql() {}

    static Code build(
            SplittableRandom random,
            String materialization,
            List<String> tags,
            List<Upstream> upstreams,
            List<String> columns) {
        ModelSql sql = new ModelSql();
        sql.raw
                .append("{{ config(materialized='")
                .append(materialization)
                .append("', tags=")
                .append(tags.toString().replace("[", "['").replace("]", "']").replace(", ", "', '"))
                .append(") }}\n\n");
        sql.comment(random);
        sql.both("with\n\n");
        for (int u = 0; u < upstreams.size(); u++) {
            Upstream upstream = upstreams.get(u);
            sql.both("upstream_" + u + " as (\n\n    select * from ");
            sql.raw.append(upstream.rawReference());
            sql.compiled.append(upstream.compiledRelation());
            sql.both("\n\n),\n\n");
        }
        sql.finalCte(random, upstreams.size(), columns, materialization);
        sql.both("select * from final\n");
        return new Code(sql.raw.toString(), sql.compiled.toString());
    }

    private void comment(SplittableRandom random) {
        String text = Prose.text(random, 100, 1300);
        int start = 0;
        while (start < text.length()) {
            int end = text.length() - start <= 100 ? text.length() : text.lastIndexOf(' ', start + 100);
            end = end <= start ? Math.min(text.length(), start + 100) : end;
            both("-- " + text.substring(start, end).strip() + "\n");
            start = end;
        }
        both("\n");
    }

    private void finalCte(SplittableRandom random, int upstreamCount, List<String> columns, String materialization) {
        both("final as (\n\n    select\n");
        for (int c = 0; c < columns.size(); c++) {
            String alias = "u" + random.nextInt(upstreamCount);
            both("        " + expression(random, alias, columns.get(c)) + (c + 1 < columns.size() ? ",\n" : "\n"));
        }
        both("    from upstream_0 as u0\n");
        for (int u = 1; u < upstreamCount; u++) {
            both("    left join upstream_" + u + " as u" + u + " on u0." + columns.get(0) + " = u" + u + "."
                    + columns.get(0) + "\n");
        }
        both("    where u0." + columns.get(0) + " is not null\n");
        if ("incremental".equals(materialization)) {
            raw.append("    {% if is_incremental() %}\n    and u0.updated_at > (select max(updated_at) from {{ this }})"
                    + "\n    {% endif %}\n");
            compiled.append("    and u0.updated_at > (select max(updated_at) from this_relation)\n");
        }
        both("\n)\n\n");
    }

    private static String expression(SplittableRandom random, String alias, String column) {
        return switch (random.nextInt(5)) {
            case 0 -> alias + "." + column;
            case 1 -> "cast(" + alias + "." + column + " as varchar) as " + column;
            case 2 -> "coalesce(" + alias + "." + column + ", 'unknown') as " + column;
            case 3 -> "nullif(trim(" + alias + "." + column + "), '') as " + column;
            default -> "case when " + alias + "." + column + " is null then 0 else 1 end as " + column;
        };
    }

    private void both(String text) {
        raw.append(text);
        compiled.append(text);
    }
}
