package io.dbtcatalog.ingest.lineage;

import java.util.Locale;
import java.util.Set;

/** Word lists the analysis needs: aggregate function names and bare words that are not column references. */
final class SqlWords {

    private static final Set<String> AGGREGATES = Set.of(
            "sum", "count", "count_if", "countif", "min", "max", "avg", "mean", "median", "mode",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "corr", "covar_pop",
            "covar_samp", "array_agg", "array_concat_agg", "array_union_agg", "string_agg", "listagg",
            "group_concat", "json_agg", "jsonb_agg", "json_object_agg", "object_agg", "collect_list",
            "collect_set", "list", "any_value", "arbitrary", "bool_and", "bool_or", "bit_and", "bit_or",
            "bit_xor", "every", "logical_and", "logical_or", "approx_count_distinct", "approx_distinct",
            "approx_quantiles", "approx_top_count", "approx_percentile", "percentile_cont", "percentile_disc",
            "min_by", "max_by", "arg_min", "arg_max", "histogram", "product", "kurtosis", "skewness",
            "hll", "hll_count.init", "sum_distinct", "booland_agg", "boolor_agg", "fsum", "favg");

    /** Bare words a parser may read as a column: literals, niladic functions and date parts. */
    private static final Set<String> NOT_COLUMNS = Set.of(
            "true", "false", "null", "current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp", "current_user", "session_user", "user", "current_schema", "current_database",
            "current_role", "sysdate", "systimestamp", "year", "years", "yy", "yyyy", "quarter", "quarters", "qtr",
            "month", "months", "mon", "mm", "week", "weeks", "wk", "isoweek", "weekday", "dayofweek", "dow",
            "dayofyear", "doy", "dayofmonth", "day", "days", "dd", "hour", "hours", "hh", "minute", "minutes", "mi",
            "second", "seconds", "ss", "millisecond", "milliseconds", "ms", "microsecond", "microseconds", "us",
            "nanosecond", "nanoseconds", "ns", "epoch", "epoch_second", "date", "time", "datetime",
            "timestamp", "isoyear", "yearofweek", "weekiso", "yearofweekiso", "dayofweekiso", "julian");

    private SqlWords() {
    }

    static boolean aggregate(String functionName) {
        return AGGREGATES.contains(functionName.toLowerCase(Locale.ROOT));
    }

    static boolean notAColumn(String word) {
        return NOT_COLUMNS.contains(word.toLowerCase(Locale.ROOT));
    }
}
