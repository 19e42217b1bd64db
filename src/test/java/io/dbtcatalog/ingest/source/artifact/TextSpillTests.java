package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.TextValue;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spill file keeps long texts off the heap and gives every one back exactly, from any thread; a snapshot read
 * with it is the snapshot read with every text on the heap.
 */
class TextSpillTests {

    static Stream<String> sets() {
        return SharedReference.setNames().stream();
    }

    @TempDir
    Path dir;

    @Test
    void aLongTextIsWrittenToTheFileAndReadBackExactly() {
        // given: SQL with quotes, tabs, a NUL, accents, an emoji (a surrogate pair) and a line break
        String text = "select 'a\tb', \"x\" -- café \u0000 😀\n" + "from {{ ref('orders') }} where id > 1;".repeat(5);
        try (TextSpill spill = TextSpill.create(dir)) {
            // when
            TextValue spilled = spill.text(text);
            // then
            assertThat(spilled).isInstanceOf(TextSpill.Spilled.class);
            assertThat(spilled.value()).isEqualTo(text);
            assertThat(spilled).isEqualTo(TextValue.of(text)).hasSameHashCodeAs(TextValue.of(text));
            assertThat(TextValue.of(text)).isEqualTo(spilled);
        }
    }

    @Test
    void shortTextsAndTextsUtf8CannotCarryStayOnTheHeap() {
        try (TextSpill spill = TextSpill.create(dir)) {
            // given
            String shortText = "a short description";
            String loneSurrogate = "x".repeat(TextSpill.MIN_SPILLED) + "\ud800" + "y";
            // when / then
            assertThat(spill.text(null)).isNull();
            assertThat(spill.text(shortText)).isEqualTo(new TextValue.Held(shortText));
            assertThat(spill.text(loneSurrogate))
                    .isInstanceOf(TextValue.Held.class)
                    .extracting(TextValue::value)
                    .isEqualTo(loneSurrogate);
        }
    }

    @Test
    void textsThatDoNotFitTheRestOfASegmentStartTheNextOneAndAllReadBack() {
        // given: texts of 3 MB, 23 of them overflow the first 64 MB segment
        List<String> texts = IntStream.range(0, 23)
                .mapToObj(i -> Character.toString('a' + i).repeat(3_000_000) + i)
                .toList();
        try (TextSpill spill = TextSpill.create(dir)) {
            // when
            List<TextValue> spilled = texts.stream().map(spill::text).toList();
            // then
            for (int i = 0; i < texts.size(); i++) {
                assertThat(spilled.get(i)).isInstanceOf(TextSpill.Spilled.class);
                assertThat(spilled.get(i).value()).isEqualTo(texts.get(i));
            }
            assertThat(spill.describe()).startsWith("23 text(s), ");
        }
    }

    @Test
    void theFileHasNoNameWhileInUseAndItsTextsCannotBeReadOnceClosed() throws IOException {
        // given
        TextSpill spill = TextSpill.create(dir);
        TextValue spilled = spill.text("x".repeat(1_000));
        // then: nothing to clean up even if the process were killed now
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // when
        spill.close();
        // then
        assertThatThrownBy(spilled::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("texts were released")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void manyThreadsReadTheirTextsBackAtOnce() throws Exception {
        // given
        List<String> texts = IntStream.range(0, 2_000)
                .mapToObj(i -> ("model " + i + " selects from upstream " + (i * 7) + "; ").repeat(1 + i % 9))
                .toList();
        try (TextSpill spill = TextSpill.create(dir)) {
            List<TextValue> spilled = texts.stream().map(spill::text).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // when
                List<Future<Boolean>> checks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    checks.add(pool.submit(() -> IntStream.range(0, texts.size())
                            .map(i -> (i + offset * 500) % texts.size())
                            .allMatch(i -> spilled.get(i).value().equals(texts.get(i)))));
                }
                // then
                for (Future<Boolean> check : checks) {
                    assertThat(check.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aSnapshotReadWithTheSpillEqualsTheOneReadWithItsTextsOnTheHeap(String set) {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(SharedReference.set(set));
        RunRef run = TestRuns.run("spill", "inv-" + set, null, null, null, set);
        // when
        CatalogSnapshot spilled = new ArtifactSnapshotReader(true).read(files, run);
        CatalogSnapshot held = new ArtifactSnapshotReader(false).read(files, run);
        // then: the same rows, and the long texts of the first are handles to its spill file
        assertThat(spilled).isEqualTo(held);
        assertThat(spilled.nodes().stream()
                        .map(CatalogNode::rawCodeText)
                        .filter(text -> text != null && text.value().length() >= TextSpill.MIN_SPILLED))
                .isNotEmpty()
                .allMatch(TextSpill.Spilled.class::isInstance);
        assertThat(held.nodes().stream().map(CatalogNode::rawCodeText)).noneMatch(TextSpill.Spilled.class::isInstance);
    }
}
