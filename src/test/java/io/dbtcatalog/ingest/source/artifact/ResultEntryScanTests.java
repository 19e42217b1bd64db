package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import io.dbtcatalog.ingest.support.SharedReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ResultEntryScan} against the reading it replaced (decision 0026): every entry bound through a tree to the
 * former wire shape, here {@link Former}. Each field of an entry is given every JSON type and spelling, with the
 * {@code unique_id} before and after it; the scan must keep the same values, or skip the entry with the same id and
 * message. The one intended difference: a {@code null} timing step is passed over (the former reading failed the
 * whole file on it), so the former reading is given the entry without it.
 */
class ResultEntryScanTests {

    private static final ObjectMapper MAPPER = StateDigest.MAPPER;

    static final String ENTRY = """
            {"status": "success",
             "timing": [{"name": "compile", "started_at": "2026-03-03T06:00:05.123456Z",
                         "completed_at": "2026-03-03T06:00:05.138456Z"},
                        {"name": "execute", "started_at": "2026-03-03T06:00:05.139456Z",
                         "completed_at": "2026-03-03T06:00:25.028456Z"}],
             "thread_id": "Thread-5 (worker)", "execution_time": 19.89,
             "adapter_response": {"_message": "SUCCESS 120", "code": "SUCCESS", "rows_affected": 120},
             "message": "SUCCESS 120", "failures": 0, "unique_id": "model.shop.orders", "compiled": true,
             "compiled_code": "select 1", "relation_name": "\\"analytics\\".\\"orders\\"", "batch_results": null}
            """;

    static final List<String> FIELDS = List.of(
            "unique_id",
            "status",
            "timing",
            "timing/0",
            "timing/0/name",
            "timing/1",
            "timing/1/name",
            "timing/1/started_at",
            "timing/1/completed_at",
            "execution_time",
            "adapter_response",
            "adapter_response/rows_affected",
            "message",
            "failures");

    private static final List<String> VALUES = JsonEdits.valuesOfEveryType(
            "\" 7 \"",
            "\"-3\"",
            "\"1e3\"",
            "\"NaN\"",
            "\"Infinity\"",
            "\"2026-03-03T06:00:05Z\"",
            "\"execute\"",
            "-0.0",
            "1e400",
            "{\"rows_affected\": 5, \"name\": \"execute\"}",
            "[{\"name\": \"execute\", \"started_at\": \"2026-01-01T00:00:00Z\"}]");

    private final ResultEntryScan scan = new ResultEntryScan(MAPPER);

    @Test
    void everyFieldOfEveryJsonTypeReadsAsTheFormerBindingReadIt() {
        List<Reading> readings = new ArrayList<>();
        for (boolean idFirst : new boolean[] {false, true}) {
            for (String field : FIELDS) {
                for (String value : VALUES) {
                    readings.add(assertSameReading(
                            JsonEdits.withValue(entry(idFirst), field, value), field + " = " + value));
                }
                ObjectNode without = entry(idFirst);
                JsonEdits.remove(without, field);
                readings.add(assertSameReading(without.toString(), field + " left out"));
            }
        }
        // the matrix reaches both outcomes of one value: kept, or the entry skipped; no single value fails the file
        // (a field given twice does: aFieldTheScanReadsGivenTwiceFailsTheFile)
        assertThat(readings).anyMatch(reading -> reading.kept().isPresent());
        assertThat(readings).anyMatch(reading -> !reading.skipped().isEmpty());
        assertThat(readings).allMatch(reading -> reading.failure() == null);
    }

    @Test
    void anEntryOfTheWrongShapeIsSkippedNamingItsIdAndTheFirstFieldThatDidNotBind() {
        ObjectNode entry = entry(false);
        entry.set("status", MAPPER.readTree("{\"a\": 1}"));
        entry.set("execution_time", MAPPER.readTree("\"soon\""));
        List<SkippedEntry> skipped = new ArrayList<>();

        assertThat(scan(entry.toString(), skipped)).isEmpty();

        assertThat(skipped).containsExactly(new SkippedEntry(1, "model.shop.orders", "field status is an object"));
    }

    @Test
    void aFractionalOrOversizedCountReadsAsUnknownAndKeepsTheEntry() {
        for (String count : List.of("1.5", "1e300", "9223372036854775808")) {
            ObjectNode entry = entry(false);
            entry.set("failures", MAPPER.readTree(count));
            JsonEdits.set(entry, "adapter_response/rows_affected", MAPPER.readTree(count));

            Reading reading = assertSameReading(entry.toString(), "failures and rows_affected " + count);

            assertThat(reading.failure()).as(count).isNull();
            assertThat(reading.kept()).as(count).hasValueSatisfying(kept -> {
                assertThat(kept.failures()).isNull();
                assertThat(kept.rowsAffected()).isNull();
                assertThat(kept.status()).isEqualTo("success");
            });
        }
    }

    @Test
    void theUsualEntryKeepsItsValues() {
        Optional<RunResultsReader.Kept> kept = scan(ENTRY, new ArrayList<>());

        assertThat(kept)
                .contains(new RunResultsReader.Kept(
                        "model.shop.orders",
                        "success",
                        0L,
                        "SUCCESS 120",
                        19.89,
                        Timestamps.parse("2026-03-03T06:00:05.139456Z"),
                        Timestamps.parse("2026-03-03T06:00:25.028456Z"),
                        120L));
    }

    @Test
    void aFieldTheScanReadsGivenTwiceFailsTheFile() {
        for (String twice : List.of(
                "{\"status\": \"pass\", \"status\": \"fail\"}",
                "{\"timing\": [{\"name\": \"execute\", \"name\": \"compile\"}]}",
                "{\"adapter_response\": {\"rows_affected\": 1, \"rows_affected\": 2}}")) {
            assertThatThrownBy(() -> scan(twice, new ArrayList<>()))
                    .as(twice)
                    .isInstanceOf(ShapeException.class)
                    .hasMessageContaining("Duplicate Object property \"");
        }
    }

    @Test
    void aKeyTheScanSkipsIsNotCheckedForDuplicates() {
        String entry = "{\"unique_id\": \"test.shop.t\", \"status\": \"pass\", \"compiled_code\": \"a\","
                + " \"compiled_code\": \"b\", \"adapter_response\": {\"code\": 1, \"code\": 2}}";

        assertThat(scan(entry, new ArrayList<>()))
                .map(RunResultsReader.Kept::status)
                .contains("pass");
    }

    @Test
    void everyEntryOfTheReferenceRunResultsReadsAsTheFormerBindingReadIt() throws Exception {
        List<Path> files = SharedReference.files("run_results");
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        int entries = 0;
        for (Path file : files) {
            JsonNode results = MAPPER.readTree(file.toFile()).path("results");
            for (JsonNode entry : results) {
                assertSameReading(entry.toString(), file.toString());
                entries++;
            }
        }
        assertThat(entries).isGreaterThan(500);
    }

    /**
     * Both readings of the same text (a value such as {@code 1e400} has no tree that writes it back as it was): the
     * same values kept, or the same entry skipped, or the same failure of the whole file.
     */
    private Reading assertSameReading(String entry, String what) {
        Reading scanned = reading(skipped -> scan(entry, skipped));
        Reading former = reading(skipped -> former(withoutNullSteps((ObjectNode) MAPPER.readTree(entry)), skipped));
        assertThat(scanned).as(what).isEqualTo(former);
        return scanned;
    }

    /** What one reading of an entry gave: the values kept, the entry skipped, or the file's failure. */
    private record Reading(Optional<RunResultsReader.Kept> kept, List<SkippedEntry> skipped, String failure) {}

    private static Reading reading(Function<List<SkippedEntry>, Optional<RunResultsReader.Kept>> read) {
        List<SkippedEntry> skipped = new ArrayList<>();
        try {
            return new Reading(read.apply(skipped), skipped, null);
        } catch (RuntimeException e) {
            return new Reading(Optional.empty(), skipped, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Optional<RunResultsReader.Kept> scan(String entry, List<SkippedEntry> skipped) {
        try (JsonParser parser = MAPPER.createParser(entry)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Optional<RunResultsReader.Kept> kept = scan.entry(parser, 1, skipped::add);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isNull();
            return kept;
        }
    }

    /** The former reading: the entry's tree bound to the former wire shape, then reduced to what is kept. */
    private static Optional<RunResultsReader.Kept> former(JsonNode tree, List<SkippedEntry> skipped) {
        Former entry;
        try {
            entry = MAPPER.treeToValue(tree, Former.class);
        } catch (DatabindException e) {
            skipped.add(new SkippedEntry(
                    1, JsonValues.nonBlank(tree.path("unique_id")), JsonProblems.mismatch(null, tree, e)));
            return Optional.empty();
        }
        ResultEntries.Timing execute = entry.timing() == null
                ? null
                : entry.timing().stream()
                        .filter(step -> "execute".equals(step.name()))
                        .findFirst()
                        .orElse(null);
        return Optional.of(new RunResultsReader.Kept(
                entry.uniqueId(),
                entry.status(),
                JsonValues.whole(entry.failures()),
                JsonValues.text(entry.message()),
                entry.executionTime(),
                execute == null ? null : Timestamps.parse(execute.startedAt()),
                execute == null ? null : Timestamps.parse(execute.completedAt()),
                entry.adapterResponse() == null
                        ? null
                        : JsonValues.whole(entry.adapterResponse().path("rows_affected"))));
    }

    /** The wire shape of a run result before decision 0026. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Former(
            @JsonProperty("unique_id") String uniqueId,
            String status,
            List<ResultEntries.Timing> timing,
            @JsonProperty("execution_time") Double executionTime,
            @JsonProperty("adapter_response") JsonNode adapterResponse,
            JsonNode message,
            JsonNode failures) {}

    private static ObjectNode entry(boolean idFirst) {
        ObjectNode entry = (ObjectNode) MAPPER.readTree(ENTRY);
        if (!idFirst) {
            return entry;
        }
        ObjectNode first = MAPPER.createObjectNode();
        first.set("unique_id", entry.get("unique_id"));
        entry.properties().forEach(property -> first.set(property.getKey(), property.getValue()));
        return first;
    }

    private static JsonNode withoutNullSteps(ObjectNode entry) {
        ObjectNode copy = entry.deepCopy();
        if (copy.get("timing") instanceof ArrayNode steps) {
            ArrayNode kept = MAPPER.createArrayNode();
            steps.forEach(step -> {
                if (!step.isNull()) {
                    kept.add(step);
                }
            });
            copy.set("timing", kept);
        }
        return copy;
    }
}
