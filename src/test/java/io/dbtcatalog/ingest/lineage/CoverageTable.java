package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.Level;
import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The per-set and per-dialect coverage table of the reference sets, as markdown (test support). */
final class CoverageTable {

    /**
     * Coverage of one set (or a total): models with compiled SQL, how many full and partial, reason counts, and
     * of the fully analysed models the warehouse reported columns for, how many derived exactly those columns.
     */
    record SetCoverage(
            String set,
            String dialect,
            int models,
            int withSql,
            int full,
            int partial,
            Map<ReasonKind, Integer> reasons,
            int checked,
            int agreeing) {

        static SetCoverage of(String set, String dialect, LineageResult result, SchemaProvider schemas) {
            int withSql = 0;
            int full = 0;
            int partial = 0;
            int checked = 0;
            int agreeing = 0;
            Map<ReasonKind, Integer> reasons = new EnumMap<>(ReasonKind.class);
            for (ModelLineage model : result.models()) {
                Optional<List<String>> warehouse = schemas.observed(model.uniqueId());
                if (model.coverage().level() == Level.FULL && warehouse.isPresent()) {
                    checked++;
                    agreeing += lowerCase(warehouse.get()).equals(lowerCase(model.outputColumns())) ? 1 : 0;
                }
                boolean skipped = model.coverage().reasons().stream()
                        .anyMatch(reason -> reason.kind() == ReasonKind.NO_COMPILED_SQL
                                || reason.kind() == ReasonKind.PYTHON_MODEL);
                withSql += skipped ? 0 : 1;
                full += model.coverage().level() == Level.FULL ? 1 : 0;
                partial += model.coverage().level() == Level.PARTIAL ? 1 : 0;
                model.coverage().reasons().stream()
                        .map(Coverage.Reason::kind)
                        .distinct()
                        .forEach(kind -> reasons.merge(kind, 1, Integer::sum));
            }
            return new SetCoverage(
                    set, dialect, result.models().size(), withSql, full, partial, reasons, checked, agreeing);
        }

        private static Set<String> lowerCase(List<String> names) {
            return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }

        SetCoverage plus(SetCoverage other, String name, String dialectName) {
            Map<ReasonKind, Integer> sum = new EnumMap<>(ReasonKind.class);
            sum.putAll(reasons);
            other.reasons.forEach((kind, count) -> sum.merge(kind, count, Integer::sum));
            return new SetCoverage(
                    name,
                    dialectName,
                    models + other.models,
                    withSql + other.withSql,
                    full + other.full,
                    partial + other.partial,
                    sum,
                    checked + other.checked,
                    agreeing + other.agreeing);
        }

        String percent() {
            return withSql == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * full / withSql);
        }

        String topReasons() {
            return reasons.entrySet().stream()
                    .filter(entry ->
                            entry.getKey() != ReasonKind.NO_COMPILED_SQL && entry.getKey() != ReasonKind.PYTHON_MODEL)
                    .sorted(Map.Entry.<ReasonKind, Integer>comparingByValue().reversed())
                    .limit(3)
                    .map(entry -> entry.getKey().name().toLowerCase(Locale.ROOT) + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    private CoverageTable() {}

    static SetCoverage total(List<SetCoverage> sets) {
        SetCoverage total = new SetCoverage("all sets", "all", 0, 0, 0, 0, Map.of(), 0, 0);
        for (SetCoverage set : sets) {
            total = total.plus(set, "all sets", "all");
        }
        return total;
    }

    static String markdown(List<SetCoverage> sets) {
        StringBuilder text = new StringBuilder();
        text.append("| set | dialect | models | with compiled SQL | full | partial | none | full %"
                + " | output = warehouse | top reasons (models) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        sets.forEach(set -> row(text, set));
        text.append("\n| dialect | sets | models | with compiled SQL | full | partial | none | full %"
                + " | output = warehouse | top reasons (models) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<SetCoverage>> byDialect = new LinkedHashMap<>();
        sets.stream().sorted((a, b) -> a.dialect().compareTo(b.dialect())).forEach(set -> byDialect
                .computeIfAbsent(set.dialect(), d -> new ArrayList<>())
                .add(set));
        byDialect.forEach((dialect, members) -> {
            SetCoverage sum = total(members);
            row(
                    text,
                    new SetCoverage(
                            String.valueOf(members.size()),
                            dialect,
                            sum.models(),
                            sum.withSql(),
                            sum.full(),
                            sum.partial(),
                            sum.reasons(),
                            sum.checked(),
                            sum.agreeing()),
                    dialect);
        });
        SetCoverage all = total(sets);
        row(
                text,
                new SetCoverage(
                        String.valueOf(sets.size()),
                        "all",
                        all.models(),
                        all.withSql(),
                        all.full(),
                        all.partial(),
                        all.reasons(),
                        all.checked(),
                        all.agreeing()),
                "**all**");
        return text.toString();
    }

    private static void row(StringBuilder text, SetCoverage set) {
        text.append("| ").append(set.set()).append(" | ").append(set.dialect());
        cells(text, set);
    }

    private static void row(StringBuilder text, SetCoverage set, String dialect) {
        text.append("| ").append(dialect).append(" | ").append(set.set());
        cells(text, set);
    }

    private static void cells(StringBuilder text, SetCoverage set) {
        text.append(" | ")
                .append(set.models())
                .append(" | ")
                .append(set.withSql())
                .append(" | ")
                .append(set.full())
                .append(" | ")
                .append(set.partial())
                .append(" | ")
                .append(set.withSql() - set.full() - set.partial())
                .append(" | ")
                .append(set.percent())
                .append(" | ")
                .append(set.checked() == 0 ? "–" : set.agreeing() + " / " + set.checked())
                .append(" | ")
                .append(set.topReasons())
                .append(" |\n");
    }
}
