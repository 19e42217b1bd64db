package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scan of run results (decision 0028) is never less strict than Jackson's reading of the strictly decoded
 * text: on the sample's run results cut short, with a stray byte, with every kind of malformed UTF-8 in a string the
 * scan skips or one it decodes, it gives no result wherever the reading fails, and the reading's result wherever it
 * gives one.
 */
class RunResultsScanStrictnessTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop/run_results.json");
    private static final byte[] STRAYS = StateScanStrictnessTests.STRAYS;

    /** Sequences Java's strict decoder refuses: overlong forms, surrogates, beyond U+10FFFF, broken sequences. */
    private static final List<String> MALFORMED = List.of(
            "C080",
            "C1BF",
            "E08080",
            "E09FBF",
            "EDA080",
            "EDBFBF",
            "F0808080",
            "F08FBFBF",
            "F4908080",
            "F5808080",
            "F7BFBFBF",
            "F8888080",
            "FF",
            "80",
            "C3",
            "E282",
            "F09F98",
            "C328",
            "E228A1");

    /** Well-formed sequences at the edges of each length. */
    private static final List<String> WELL_FORMED = List.of(
            "C280",
            "C3A9",
            "DFBF",
            "E0A080",
            "E282AC",
            "ED9FBF",
            "EE8080",
            "EFBFBF",
            "F0908080",
            "F09F9880",
            "F48FBFBF");

    @TempDir
    Path dir;

    private final RunResultsScan scan = new RunResultsScan(StateDigest.MAPPER);
    private final RunResultsReader reader = new RunResultsReader(new ArtifactStream(StateDigest.MAPPER), false);
    private byte[] sample;
    private int cases;
    private int refused;

    @BeforeEach
    void readSample() throws IOException {
        sample = Files.readAllBytes(SAMPLE);
    }

    @Test
    void aFileCutShortAnywhereGivesNoResult() throws IOException {
        for (int cut = 0; cut < sample.length - 2; cut += Math.max(1, sample.length / 500)) {
            compare("cut at " + cut, java.util.Arrays.copyOf(sample, cut));
        }
        assertThat(refused).isEqualTo(cases);
        assertThat(cases).isGreaterThan(400);
    }

    @Test
    void aStrayByteAnywhereGivesNoResultWhereJacksonsReadingFailsAndItsResultElsewhere() throws IOException {
        Random random = new Random(28);
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            places.add(random.nextInt(sample.length));
        }
        for (int i = 0; i < sample.length && places.size() < 80; i++) {
            if ("{}[],:\"\\".indexOf(sample[i]) >= 0 && random.nextInt(20) == 0) {
                places.add(i);
            }
        }
        for (byte stray : STRAYS) {
            for (int at : places) {
                compare("byte " + stray + " inserted at " + at, splice(sample, at, 0, new byte[] {stray}));
                compare("byte " + stray + " put at " + at, splice(sample, at, 1, new byte[] {stray}));
            }
        }
        assertThat(refused).isGreaterThan(cases / 4);
        assertThat(cases - refused).isGreaterThan(cases / 20);
    }

    @Test
    void malformedUtf8InAnyStringGivesNoResultAndWellFormedUtf8IsScanned() throws IOException {
        String text = new String(sample, StandardCharsets.UTF_8);
        // a string the scan skips (compiled code), one it decodes (a message), a top-level one (metadata)
        List<Integer> places = List.of(
                text.indexOf("\"compiled_code\": \"") + 18,
                text.indexOf("\"message\": \"") + 12,
                text.indexOf("\"dbt_version\": \"") + 16);
        assertThat(places).allMatch(at -> at > 20);
        for (int at : places) {
            int offset = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
            for (String bytes : MALFORMED) {
                assertThat(compare(
                                bytes + " at " + at,
                                splice(sample, offset, 0, HexFormat.of().parseHex(bytes))))
                        .as(bytes)
                        .isFalse();
            }
            for (String bytes : WELL_FORMED) {
                assertThat(compare(
                                bytes + " at " + at,
                                splice(sample, offset, 0, HexFormat.of().parseHex(bytes))))
                        .as(bytes)
                        .isTrue();
            }
        }
    }

    @Test
    void aBrokenEscapeGivesNoResult() throws IOException {
        String text = new String(sample, StandardCharsets.UTF_8);
        int message = text.indexOf("\"message\": \"") + 12;
        for (String escape : List.of("\\x", "\\u12", "\\u12G4", "\\", "\\'", "\\U0041")) {
            assertThat(compare(
                            escape,
                            (text.substring(0, message) + escape + text.substring(message))
                                    .getBytes(StandardCharsets.UTF_8)))
                    .as(escape)
                    .isFalse();
        }
        for (String escape : List.of("\\n", "\\/", "\\u0041", "\\ud83d\\ude00", "\\ud83d", "\\u0000")) {
            assertThat(compare(
                            escape,
                            (text.substring(0, message) + escape + text.substring(message))
                                    .getBytes(StandardCharsets.UTF_8)))
                    .as(escape)
                    .isTrue();
        }
    }

    /** Scans and reads {@code bytes}: no result where the reading fails, else none or the same. True for a result. */
    private boolean compare(String what, byte[] bytes) throws IOException {
        Path file = dir.resolve("run_results-" + cases++ + ".json");
        Files.write(file, bytes);
        RunResultsReader.Parsed scanned = scan.parse(file);
        try {
            RunResultsReader.Parsed walked = reader.walk(file);
            if (scanned != null) {
                assertThat(scanned).as(what).isEqualTo(walked);
            }
        } catch (ArtifactException e) {
            assertThat(scanned).as(what + " (Jackson: " + e.getMessage() + ")").isNull();
        }
        if (scanned == null) {
            refused++;
        }
        Files.delete(file);
        return scanned != null;
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] result = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
        return result;
    }
}
