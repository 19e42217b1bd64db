package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SharedReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The byte scan of run results (decision 0028) against Jackson's reading of the same file ({@link
 * RunResultsReader#walk}): where the scan gives a result it is the same, where the reading fails the scan gives none,
 * and the files dbt writes are all scanned. Strictness on malformed bytes: {@link RunResultsScanStrictnessTests}.
 */
class RunResultsScanTests {

    private static final ObjectMapper MAPPER = StateDigest.MAPPER;

    private static final String FILE = """
            {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
                          "dbt_version": "1.10.4", "generated_at": "2026-03-03T06:30:00.123456Z",
                          "invocation_id": "8450feaa-220c-39c6-b9ac-b9807b53fbcd", "env": {}},
             "results": [%s, {"unique_id": "test.shop.not_null_orders_id", "status": "pass", "failures": 0,
                          "timing": [], "execution_time": 0.5, "message": null, "adapter_response": {}}],
             "elapsed_time": 21.5,
             "args": {"which": "build", "select": [], "quiet": false}}
            """;

    /** The usual entry, as dbt writes it. */
    private static final String ENTRY = ResultEntryScanTests.ENTRY;

    /** The fields of the entry scan's parity test, and one the scans skip. */
    private static final List<String> FIELDS = Stream.concat(
                    ResultEntryScanTests.FIELDS.stream(), Stream.of("compiled_code"))
            .toList();

    private static final List<String> VALUES = JsonEdits.valuesOfEveryType(
            "\"caf\\u00e9 \\ud83d\\ude00\"",
            "\"tab\\tquote\\\" é €\"",
            "-0",
            "-0.0",
            "1e3",
            "1E-5",
            "1e400",
            "123456789012345678",
            "1234567890123456789",
            "-123456789012345678",
            "{\"rows_affected\": 5, \"name\": \"execute\"}",
            "[{\"name\": \"execute\", \"started_at\": \"2026-01-01T00:00:00Z\"}]",
            "[null, {\"name\": \"execute\", \"completed_at\": \"2026-01-01T00:00:00Z\"}]");

    @TempDir
    Path dir;

    private final RunResultsScan scan = new RunResultsScan(MAPPER);
    private final RunResultsReader reader = new RunResultsReader(new ArtifactStream(MAPPER), false);
    private int files;

    @Test
    void everyRunResultsFileOfTheReferenceProjectsAndTheSampleIsScannedToWhatJacksonReads() throws IOException {
        List<Path> reference = new ArrayList<>(SharedReference.files("run_results"));
        assertThat(reference).hasSizeGreaterThanOrEqualTo(10);
        reference.add(Path.of("samples/jaffle-shop/run_results.json"));
        int executing = 0;
        int results = 0;
        for (Path file : reference) {
            RunResultsReader.Parsed scanned = scan.parse(file);

            assertThat(scanned).as(file.toString()).isNotNull().isEqualTo(reader.walk(file));
            executing += scanned.command().executing() ? 1 : 0;
            // the others are of `dbt docs generate` or `dbt compile`, whose results the catalog does not keep: their
            // results compared too, as if `dbt build` had written them
            ObjectNode tree = (ObjectNode) MAPPER.readTree(file.toFile());
            tree.putObject("args").put("which", "build");
            Path asBuild = write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
            RunResultsReader.Parsed built = scan.parse(asBuild);
            assertThat(built).as(file + " as build").isNotNull().isEqualTo(reader.walk(asBuild));
            results += built.executions().size();
        }
        assertThat(executing).isGreaterThanOrEqualTo(3);
        assertThat(results).isGreaterThan(500);
    }

    @Test
    void everyFieldOfEveryJsonTypeIsScannedAsJacksonReadsItOrLeftToJackson() throws IOException {
        int scanned = 0;
        int leftToJackson = 0;
        for (String field : FIELDS) {
            for (String value : VALUES) {
                String text = JsonEdits.withValue(MAPPER.readTree(ENTRY), field, value);
                if (compare(FILE.formatted(text), field + " = " + value)) {
                    scanned++;
                } else {
                    leftToJackson++;
                }
            }
            ObjectNode without = (ObjectNode) MAPPER.readTree(ENTRY);
            JsonEdits.remove(without, field);
            assertThat(compare(FILE.formatted(without), field + " left out")).isTrue();
        }
        // strings, numbers and nulls where dbt writes them are scanned; objects and lists in their place are not
        assertThat(scanned).isGreaterThan(FIELDS.size() * 5);
        assertThat(leftToJackson).isGreaterThan(FIELDS.size() * 5);
    }

    @Test
    void theUsualSpellingsOfEveryReadValueAreScanned() throws IOException {
        for (String edit : List.of(
                "\"unique_id\": \"model.shop.caf\\u00e9\"",
                "\"status\": null",
                "\"message\": \"Got 3 results, configured to fail if != 0 \\u2014 \\\"é\\\"\"",
                "\"execution_time\": 0",
                "\"execution_time\": -0",
                "\"execution_time\": 2.5E-3",
                "\"failures\": null",
                "\"failures\": -0",
                "\"failures\": 123456789012345678",
                "\"timing\": null",
                "\"timing\": [null]",
                "\"adapter_response\": null",
                "\"adapter_response\": \"SUCCESS\"",
                "\"adapter_response\": {\"rows_affected\": null, \"code\": 1, \"code\": 2}",
                "\"compiled_code\": \"a\", \"compiled_code\": \"b\"")) {
            assertThat(compare(FILE.formatted("{" + edit + "}"), edit)).as(edit).isTrue();
        }
    }

    @Test
    void executionTimesOfEveryLengthAndExponentAreReadAsJacksonReadsThem() throws IOException {
        Random random = new Random(20261205L);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            StringBuilder digits = new StringBuilder();
            int length = 1 + random.nextInt(i % 2 == 0 ? 17 : 25);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(length + 1);
            String number = digits.insert(point, '.').toString().replaceAll("^0+(?=[0-9])", "");
            number = (number.startsWith(".") ? "0" : "") + number + (number.endsWith(".") ? "0" : "");
            if (i % 5 == 0) {
                number += (random.nextBoolean() ? "e" : "E-") + random.nextInt(330);
            }
            entries.add("{\"unique_id\": \"model.shop.m" + i + "\", \"status\": \"success\", \"execution_time\": "
                    + (random.nextBoolean() ? "-" : "") + number + "}");
        }
        Path file = write(FILE.formatted(String.join(", ", entries)));

        RunResultsReader.Parsed scanned = scan.parse(file);

        assertThat(scanned).isNotNull().isEqualTo(reader.walk(file));
        assertThat(scanned.executions()).hasSize(entries.size() + 1);
    }

    @Test
    void whatJacksonRefusesOrReadsSpeciallyIsLeftToIt() throws IOException {
        String usual = FILE.formatted(ENTRY);
        for (String file : List.of(
                usual.replace("\"status\": \"success\"", "\"status\": \"success\", \"status\": \"error\""),
                usual.replace("\"name\": \"compile\"", "\"name\": \"compile\", \"name\": \"x\""),
                usual.replace("\"rows_affected\": 120", "\"rows_affected\": 120, \"rows_affected\": 1"),
                usual.replace("\"elapsed_time\"", "\"results\": [], \"elapsed_time\""),
                usual.replace("run-results/v6", "manifest/v12"),
                usual.replace("\"dbt_schema_version\"", "\"schema\""),
                usual.replace("\"env\": {}", "\"env\": {}, \"env\": {}"),
                usual.replace("\"quiet\": false", "\"quiet\": false, \"quiet\": true"),
                usual.replace("\"failures\": 0,", "\"failures\": 1.5,"),
                usual.replace("\"failures\": 0,", "\"failures\": 9223372036854775807,"),
                usual.replace("[{\"name\": \"compile\"", "[1, {\"name\": \"compile\""),
                usual.replace("\"timing\": [],", "\"timing\": [{},],"),
                usual.replace("\"results\": [", "\"results\": [1, "),
                usual.replace("\"results\": [", "\"results\": \"none\", \"later\": ["),
                usual + "{}",
                usual + "x",
                "[]",
                "",
                "{}",
                "{\"metadata\": null}")) {
            assertThat(compare(file, file)).as(file).isFalse();
        }
    }

    @Test
    void aFileStartingWithAByteOrderMarkOrInAnyWhitespaceIsScanned() throws IOException {
        String usual = FILE.formatted(ENTRY);

        assertThat(compare("\uFEFF" + usual, "byte-order mark")).isTrue();
        assertThat(compare(usual.replace("\n", "\r\n").replace(": ", ":\t").replace(", \"", ",\t\""), "CR LF and tabs"))
                .isTrue();
        assertThat(compare(MAPPER.readTree(usual).toString(), "no whitespace")).isTrue();
    }

    @Test
    void argsOfAnyShapeAreReadAsJacksonReadsThem() throws IOException {
        String usual = FILE.formatted(ENTRY);
        String args = "\"args\": {\"which\": \"build\", \"select\": [], \"quiet\": false}";
        assertThat(usual).contains(args);
        for (String other : List.of(
                "\"args\": null",
                "\"args\": \"build\"",
                "\"args\": []",
                "\"args\": {}",
                "\"args\": {\"which\": null}",
                "\"args\": {\"which\": 7}",
                "\"args\": {\"which\": \"test\", \"select\": [\"a\"]}",
                "\"args\": {\"which\": \"docs\", \"compile\": true}",
                "\"args\": {\"which\": \"run-operation\"}",
                "\"other\": 1")) {
            assertThat(compare(usual.replace(args, other), other)).as(other).isTrue();
        }
    }

    @Test
    void aNonExecutingCommandsResultsAreScannedToNone() throws IOException {
        String compile = FILE.formatted(ENTRY).replace("\"which\": \"build\"", "\"which\": \"compile\"");

        assertThat(compare(compile, "compile")).isTrue();
        assertThat(scan.parse(write(compile)).executions()).isEmpty();
        assertThat(scan.parse(write(FILE.formatted(ENTRY))).executions()).hasSize(2);
    }

    /**
     * Scans and walks {@code text}: the scan must give Jackson's result or none, and none where Jackson fails. True
     * when it gave one.
     */
    private boolean compare(String text, String what) throws IOException {
        Path file = write(text);
        RunResultsReader.Parsed scanned = scan.parse(file);
        RunResultsReader.Parsed walked;
        try {
            walked = reader.walk(file);
        } catch (RuntimeException e) {
            assertThat(scanned).as(what + " (Jackson: " + e.getMessage() + ")").isNull();
            return false;
        }
        if (scanned != null) {
            assertThat(scanned).as(what).isEqualTo(walked);
        }
        return scanned != null;
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("run_results-" + files++ + ".json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
