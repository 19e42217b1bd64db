package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SharedReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine over every reference set in {@code ../shared/reference/artifacts}: at least 95 % of the models
 * that carry compiled SQL are analysed fully, 99 % of those the warehouse reported derive exactly its columns, and
 * the coverage table in {@code docs/column-lineage.md} is the one this run produces (also in {@code target/lineage/}).
 */
class ReferenceSetLineageTests {

    private static final Path OUTPUT = Path.of("target", "lineage");
    private static final Path DOC = Path.of("docs", "column-lineage.md");

    private final ColumnLineageEngine engine = new ColumnLineageEngine();

    @Test
    void atLeastNinetyFivePercentOfModelsWithCompiledSqlAreAnalysedFully() throws IOException {
        // given
        List<CoverageTable.SetCoverage> sets = new ArrayList<>();
        StringBuilder details = new StringBuilder();

        // when
        for (String set : SharedReference.setNames()) {
            ReferenceArtifacts artifacts = ReferenceArtifacts.read(set);
            LineageResult result = engine.analyse(artifacts.input());
            sets.add(CoverageTable.SetCoverage.of(
                    set, artifacts.adapterType(), result, artifacts.input().schemas()));
            result.models().stream()
                    .filter(model -> model.coverage().level() != Coverage.Level.FULL)
                    .forEach(model -> details.append(set)
                            .append(' ')
                            .append(model.uniqueId())
                            .append(' ')
                            .append(model.coverage())
                            .append('\n'));
        }
        String table = CoverageTable.markdown(sets);
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("coverage.md"), table);
        Files.writeString(OUTPUT.resolve("not-full.txt"), details);
        System.out.println(table);

        // then
        CoverageTable.SetCoverage total = CoverageTable.total(sets);
        assertThat(total.full())
                .as("models analysed fully of %d with compiled SQL", total.withSql())
                .isGreaterThanOrEqualTo((int) Math.ceil(total.withSql() * 0.95));
        assertThat(total.agreeing())
                .as("fully analysed models whose output is the warehouse's columns, of %d", total.checked())
                .isGreaterThanOrEqualTo((int) Math.ceil(total.checked() * 0.99));
        assertThat(Files.readString(DOC))
                .as("the coverage table in %s (regenerate from %s)", DOC, OUTPUT)
                .contains(table);
    }

    @Test
    void anUnchangedSecondRunAnalysesNothingAgain() {
        // given
        ReferenceArtifacts artifacts = ReferenceArtifacts.read("hubspot-dbt1.8");
        LineageResult first = engine.analyse(artifacts.input());
        Map<String, ModelLineage> previous = new HashMap<>();
        first.models().forEach(model -> previous.put(model.uniqueId(), model));

        // when
        LineageResult second = engine.analyse(artifacts.input(), previous);

        // then
        assertThat(second.analysed()).isZero();
        assertThat(second.reused()).isEqualTo(first.models().size());
        assertThat(second.models()).isEqualTo(first.models());
    }
}
