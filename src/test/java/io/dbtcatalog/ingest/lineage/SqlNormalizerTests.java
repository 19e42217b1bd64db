package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lexical fixes applied before parsing keep every line in place and never touch strings or comments. */
class SqlNormalizerTests {

    @Test
    void blankLinesBecomeCommentLinesKeepingLineNumbers() {
        String sql = "select a\n\n   \nfrom t";

        String normalized = SqlNormalizer.normalize(sql, Dialect.POSTGRES);

        assertThat(normalized).isEqualTo("select a\n--\n--   \nfrom t");
        assertThat(normalized.lines()).hasSameSizeAs(sql.lines().toList());
    }

    @Test
    void finalUsedAsANameIsBackQuoted() {
        assertThat(SqlNormalizer.normalize("with final as (select 1) select * from final", Dialect.SNOWFLAKE))
                .isEqualTo("with `final` as (select 1) select * from `final`");
    }

    @Test
    void trailingCommaBeforeFromIsDropped() {
        assertThat(SqlNormalizer.normalize("select a, b, -- last\n from t", Dialect.BIGQUERY))
                .isEqualTo("select a, b  -- last\n from t");
    }

    @Test
    void stringsQuotedNamesAndCommentsAreLeftAlone() {
        String sql = "select 'final,\n\nfrom' as s, \"final\", $$a\n\nb$$ /* x\n\n*/ from t";

        assertThat(SqlNormalizer.normalize(sql, Dialect.POSTGRES)).isEqualTo(sql);
    }

    @Test
    void backslashEscapesAreHonouredWhereTheDialectHasThem() {
        String sql = "select 'it\\'s, from' as s, from t";

        assertThat(SqlNormalizer.normalize(sql, Dialect.BIGQUERY)).isEqualTo("select 'it\\'s, from' as s  from t");
    }
}
