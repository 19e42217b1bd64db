package io.dbtcatalog.ingest.lineage;

import static io.dbtcatalog.ingest.lineage.SelectLineageTests.lineage;
import static io.dbtcatalog.ingest.lineage.TestProject.edges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.lineage.Coverage.Level;
import io.dbtcatalog.ingest.lineage.Coverage.Reason;
import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.support.Polling;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model gets a coverage record, and nothing about its SQL makes the engine throw. */
class CoverageTests {

    @Test
    void garbageSqlYieldsNoneWithAParseErrorPositionAndNoException() {
        // given
        TestProject project = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("m", "select id,\nfrom where ((( select")
                .model("after", "select id from db.raw.orders");

        // when
        LineageResult[] result = new LineageResult[1];
        assertThatCode(() -> result[0] = project.analyse()).doesNotThrowAnyException();

        // then
        ModelLineage broken = result[0].models().get(0);
        assertThat(broken.coverage().level()).isEqualTo(Level.NONE);
        assertThat(broken.coverage().reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(ReasonKind.PARSE_ERROR);
            assertThat(reason.detail()).startsWith("line 2, column ");
        });
        assertThat(broken.edges()).isEmpty();
        assertThat(result[0].models().get(1).coverage().level()).isEqualTo(Level.FULL);
    }

    @Test
    void failedParsesLeaveNoParserThreadBehind() {
        // given
        TestProject project = TestProject.on(Dialect.POSTGRES);
        for (int i = 0; i < 20; i++) {
            project.model("broken_" + i, "select from from (");
        }

        int before = Thread.activeCount();

        // when
        project.analyse();

        // then
        Polling.await("parser threads to end", Duration.ofSeconds(5), () -> Thread.activeCount() <= before);
    }

    @Test
    void severalStatementsAreAParseError() {
        // when
        ModelLineage lineage = lineage("select 1; select 2");

        // then
        assertThat(lineage.coverage().reasons())
                .containsExactly(new Reason(ReasonKind.PARSE_ERROR, "expected one statement, found 2"));
    }

    @Test
    void pythonModelIsSkippedWithAReason() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.DATABRICKS).python("py").lineage("py");

        // then
        assertThat(lineage.coverage().level()).isEqualTo(Level.NONE);
        assertThat(lineage.coverage().reasons()).extracting(Reason::kind).containsExactly(ReasonKind.PYTHON_MODEL);
    }

    @Test
    void modelWithoutCompiledSqlIsNone() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES).model("m", null).lineage("m");

        // then
        assertThat(lineage.coverage().reasons()).extracting(Reason::kind).containsExactly(ReasonKind.NO_COMPILED_SQL);
    }

    @Test
    void statementThatIsNotAQueryIsUnsupported() {
        // when
        ModelLineage lineage = lineage("delete from db.raw.orders");

        // then
        assertThat(lineage.coverage().level()).isEqualTo(Level.NONE);
        assertThat(lineage.coverage().reasons())
                .extracting(Reason::kind)
                .containsExactly(ReasonKind.UNSUPPORTED_STATEMENT);
    }

    @Test
    void unresolvedRelationMakesCoveragePartialAndKeepsTheOtherEdges() {
        // when
        ModelLineage lineage =
                lineage("select o.id, x.label from db.raw.orders o join db.other.lookup x " + "on x.id = o.id");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT");
        assertThat(lineage.coverage().reasons())
                .containsExactly(new Reason(ReasonKind.UNRESOLVED_RELATION, "db.other.lookup"));
    }

    @Test
    void unresolvedColumnMakesCoveragePartial() {
        // when
        ModelLineage lineage = lineage("select id, no_such_column from db.raw.orders");

        // then
        assertThat(lineage.coverage().level()).isEqualTo(Level.PARTIAL);
        assertThat(lineage.coverage().reasons())
                .containsExactly(new Reason(ReasonKind.UNRESOLVED_COLUMN, "no_such_column"));
    }

    @Test
    void anAnalyzerFailureBecomesAnAnalysisErrorCoverage() {
        // given
        SqlLineageAnalyzer failing = new SqlLineageAnalyzer() {
            @Override
            public StatementLineage analyse(String sql, AnalysisContext context) {
                throw new IllegalStateException("boom");
            }

            @Override
            public String version() {
                return "failing";
            }
        };
        LineageInput input =
                TestProject.on(Dialect.POSTGRES).model("m", "select 1 as one").input();

        // when
        LineageResult result = new ColumnLineageEngine(failing).analyse(input);

        // then
        assertThat(result.models()).singleElement().satisfies(model -> assertThat(
                        model.coverage().reasons())
                .containsExactly(new Reason(ReasonKind.ANALYSIS_ERROR, "IllegalStateException: boom")));
    }

    @Test
    void coverageHasReasonsExactlyWhenNotFull() {
        assertThatThrownBy(() -> new Coverage(Level.PARTIAL, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coverage(Level.FULL, List.of(new Reason(ReasonKind.UNRESOLVED_COLUMN, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Coverage.of(List.of())).isEqualTo(Coverage.full());
    }
}
