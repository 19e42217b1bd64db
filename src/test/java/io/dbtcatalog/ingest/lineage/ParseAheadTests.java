package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.SharedReference;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine parses statements ahead on worker threads ({@link ParseAhead}) and analyses them in DAG order on its
 * own: the result does not depend on the number of threads, only models sure to be analysed are parsed ahead, the
 * statements waiting for the analysis stay within a window, an interrupt fails the whole analysis, and no worker
 * outlives the analysis.
 */
class ParseAheadTests {

    @Test
    void everyReferenceSetGetsTheSameLineageOnOneThreadAndOnThree() {
        for (String set : SharedReference.setNames()) {
            // given
            LineageInput input = ReferenceArtifacts.read(set).input();

            // when
            LineageResult alone = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 1).analyse(input);
            LineageResult ahead = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 3).analyse(input);

            // then
            assertThat(ahead.models()).as(set).isEqualTo(alone.models());
            assertThat(ahead.analysed()).as(set).isEqualTo(alone.analysed());
        }
    }

    @Test
    void aStatementThatDoesNotParseGetsTheSameCoverageOnAnyNumberOfThreads() {
        // given
        LineageInput input = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("good", "select id from db.raw.orders")
                .model("bad", "select id from from db.analytics.good")
                .model("after", "select id from db.analytics.good")
                .input();

        // when
        LineageResult alone = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 1).analyse(input);
        LineageResult ahead = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 2).analyse(input);

        // then
        assertThat(ahead.models()).isEqualTo(alone.models());
        ModelLineage bad = ahead.models().get(1);
        assertThat(bad.coverage().level()).isEqualTo(Coverage.Level.NONE);
        assertThat(bad.coverage().reasons()).singleElement().satisfies(reason -> assertThat(reason.kind())
                .isEqualTo(Coverage.ReasonKind.PARSE_ERROR));
    }

    @Test
    void onlyModelsWithoutAnUnchangedEarlierResultAreParsedAndAllOnWorkers() {
        // given
        TestProject before = project("select id from db.raw.orders");
        LineageResult first = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 2).analyse(before.input());
        Counting unchanged = new Counting(0);
        Counting oneChanged = new Counting(0);

        // when
        new ColumnLineageEngine(unchanged, 2).analyse(before.input(), byId(first));
        LineageResult second = new ColumnLineageEngine(oneChanged, 2)
                .analyse(project("select id, 1 as one from db.raw.orders").input(), byId(first));

        // then
        assertThat(unchanged.prepared.get()).isZero();
        assertThat(second.analysed()).isEqualTo(1);
        assertThat(oneChanged.prepared.get()).isEqualTo(1);
        assertThat(oneChanged.threads).allSatisfy(name -> assertThat(name).startsWith("lineage-parse-"));
    }

    @Test
    void atMostAWindowOfParsedStatementsWaitsForTheAnalysis() {
        // given: 200 models; the analysis is slower than the two workers
        TestProject project = TestProject.on(Dialect.POSTGRES).source("orders", "id");
        for (int i = 0; i < 200; i++) {
            project.model("m" + i, "select id from db.raw.orders");
        }
        Counting analyzer = new Counting(1);

        // when
        LineageResult result = new ColumnLineageEngine(analyzer, 2).analyse(project.input());

        // then: the window is four statements a thread, plus the one the analysis waits for
        assertThat(result.analysed()).isEqualTo(200);
        assertThat(analyzer.prepared.get()).isEqualTo(200);
        assertThat(analyzer.mostWaiting.get()).isBetween(2, 2 * 4 + 1);
    }

    @Test
    void anInterruptedAnalysisFailsAsAWholeInsteadOfRecordingCoverage() {
        // given: the engine's thread is interrupted while workers parse ahead
        TestProject project = TestProject.on(Dialect.POSTGRES).source("orders", "id");
        for (int i = 0; i < 20; i++) {
            project.model("m" + i, "select id from db.raw.orders");
        }
        ColumnLineageEngine engine = new ColumnLineageEngine(new JsqlLineageAnalyzer(), 2);

        // when / then
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.analyse(project.input()))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void noWorkerThreadOutlivesTheAnalysis() {
        // given
        TestProject project = TestProject.on(Dialect.POSTGRES).source("orders", "id");
        for (int i = 0; i < 20; i++) {
            project.model("m" + i, "select id from db.raw.orders");
        }

        // when
        new ColumnLineageEngine(new JsqlLineageAnalyzer(), 2).analyse(project.input());

        // then
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("lineage-parse-") && thread.isAlive());
    }

    private static TestProject project(String bSql) {
        return TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("a", "select id from db.raw.orders")
                .model("b", bSql)
                .model("c", "select id from db.analytics.a");
    }

    private static Map<String, ModelLineage> byId(LineageResult result) {
        return result.models().stream().collect(Collectors.toMap(ModelLineage::uniqueId, Function.identity()));
    }

    /** The real analyzer, counting what it prepares, on which threads, and how many prepared statements wait. */
    private static final class Counting implements SqlLineageAnalyzer {

        private final JsqlLineageAnalyzer real = new JsqlLineageAnalyzer();
        private final long analysisMillis;
        private final AtomicInteger prepared = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicInteger mostWaiting = new AtomicInteger();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();

        Counting(long analysisMillis) {
            this.analysisMillis = analysisMillis;
        }

        @Override
        public StatementLineage analyse(String sql, AnalysisContext context) {
            return analyse(prepare(sql, context.dialect()), context);
        }

        @Override
        public String version() {
            return real.version();
        }

        @Override
        public Prepared prepare(String sql, Dialect dialect) {
            Prepared statement = real.prepare(sql, dialect);
            threads.add(Thread.currentThread().getName());
            prepared.incrementAndGet();
            mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
            return statement;
        }

        @Override
        public StatementLineage analyse(Prepared prepared, AnalysisContext context) {
            waiting.decrementAndGet();
            try {
                Thread.sleep(analysisMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.analyse(prepared, context);
        }
    }
}
