package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scan (decision 0020) is exactly as strict as Jackson's walk: on the sample's manifest and catalog cut short
 * at many offsets, with a stray byte at many places, a broken escape, a bad literal or number, it gives no result
 * exactly where the walk gives none, and the same digests and history index where both give one. One exception, on
 * the strict side: Jackson's byte parser takes a name holding invalid UTF-8 for one it has seen before (0xFF inside
 * a {@code child_map} key is read as the key without it); the scan refuses such a file, as the full read does.
 */
class StateScanStrictnessTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    static final byte[] STRAYS = {
        'x',
        '"',
        '\\',
        ',',
        ':',
        '{',
        '}',
        '[',
        ']',
        '0',
        '-',
        '.',
        ' ',
        '/',
        0x01,
        '\t',
        (byte) 0x80,
        (byte) 0xC3,
        (byte) 0xE2,
        (byte) 0xF0,
        (byte) 0xFF
    };

    @TempDir
    Path dir;

    private byte[] manifest;
    private byte[] catalog;
    private int cases;
    private int refused;
    private int laxNames;
    private final List<String> disagreements = new ArrayList<>();

    @BeforeEach
    void readSample() throws IOException {
        manifest = Files.readAllBytes(SAMPLE.resolve("manifest.json"));
        catalog = Files.readAllBytes(SAMPLE.resolve("catalog.json"));
    }

    @Test
    void aFileCutShortAtAnyOffsetGivesNoResultExactlyWhereJacksonsWalkGivesNone() throws IOException {
        // given / when: the manifest and the catalog (a line end after each) cut at ~600 offsets each, the first and
        // last 40 bytes all
        manifest = bytes(new String(manifest, StandardCharsets.UTF_8) + "\n");
        catalog = bytes(new String(catalog, StandardCharsets.UTF_8) + "\r\n");
        for (int cut : offsets(manifest.length, 600)) {
            compare("manifest cut at " + cut, slice(manifest, cut), catalog);
        }
        for (int cut : offsets(catalog.length, 600)) {
            compare("catalog cut at " + cut, manifest, slice(catalog, cut));
        }
        // then
        assertThat(disagreements).isEmpty();
        assertThat(refused).isGreaterThan(1000);
        assertThat(cases - refused).as("cuts in the line end only").isEqualTo(3);
    }

    @Test
    void aStrayByteAnywhereGivesNoResultExactlyWhereJacksonsWalkGivesNone() throws IOException {
        // given: a byte inserted or replacing one, at random places and next to every kind of structural byte
        Random random = new Random(20);
        List<Integer> manifestPlaces = places(manifest, random, 30);
        List<Integer> catalogPlaces = places(catalog, random, 20);
        // when
        for (byte stray : STRAYS) {
            for (int at : manifestPlaces) {
                compare("manifest, byte " + stray + " inserted at " + at, insert(manifest, at, stray), catalog);
                compare("manifest, byte " + stray + " put at " + at, replace(manifest, at, stray), catalog);
            }
            for (int at : catalogPlaces) {
                compare("catalog, byte " + stray + " put at " + at, manifest, replace(catalog, at, stray));
            }
        }
        // then
        assertThat(disagreements).isEmpty();
        assertThat(laxNames).isLessThan(cases / 100);
        assertThat(refused).isGreaterThan(cases / 4);
        assertThat(cases - refused).isGreaterThan(cases / 10);
    }

    @Test
    void aBrokenEscapeGivesNoResultExactlyWhereJacksonsWalkGivesNone() throws IOException {
        // given: every escape of the manifest in turn, its letter replaced; \\u escapes with a bad hex digit
        List<Integer> escapes = new ArrayList<>();
        for (int i = 0; i < manifest.length - 1; i++) {
            if (manifest[i] == '\\') {
                escapes.add(i);
                i++;
            }
        }
        assertThat(escapes).hasSizeGreaterThan(20);
        // when
        for (int at : escapes.subList(0, Math.min(120, escapes.size()))) {
            for (byte letter : new byte[] {'x', 'u', 'U', '0', ' ', '\'', 'n', '/', (byte) 0xC3}) {
                compare("escape at " + at + " made \\" + (char) letter, replace(manifest, at + 1, letter), catalog);
            }
        }
        String text = new String(manifest, StandardCharsets.UTF_8);
        for (String escape : List.of("\\u00g9", "\\u00E9", "\\u12", "\\ud83d\\ude00", "\\ud800", "\\u0000", "\\\"")) {
            String broken =
                    text.replaceFirst("\"description\": \"", "\"description\": \"" + Matcher.quoteReplacement(escape));
            compare("an escape " + escape, bytes(broken), catalog);
        }
        // then
        assertThat(disagreements).isEmpty();
        assertThat(refused).isPositive();
        assertThat(cases - refused).isPositive();
    }

    @Test
    void aBadLiteralOrNumberGivesNoResultExactlyWhereJacksonsWalkGivesNone() throws IOException {
        // given
        String text = new String(manifest, StandardCharsets.UTF_8);
        String tables = new String(catalog, StandardCharsets.UTF_8);
        List<String[]> edits = List.of(
                new String[] {": true", ": tru"},
                new String[] {": true", ": True"},
                new String[] {": true", ": truex"},
                new String[] {": true", ": true1"},
                new String[] {": false", ": fals"},
                new String[] {": null", ": nul"},
                new String[] {": null", ": nulll"},
                new String[] {": null", ": NaN"},
                new String[] {": null", ": -Infinity"},
                new String[] {": null", ": undefined"},
                new String[] {": null", ": 01"},
                new String[] {": null", ": -"},
                new String[] {": null", ": 1."},
                new String[] {": null", ": .5"},
                new String[] {": null", ": +1"},
                new String[] {": null", ": 1e"},
                new String[] {": null", ": 1e+"},
                new String[] {": null", ": -0.0e-0"},
                new String[] {": null", ": 0x1"},
                new String[] {": null", ": 1.5.2"},
                new String[] {": null", ": 'a'"},
                new String[] {": null", ": \"a\"b"},
                new String[] {": null", ": [1,]"},
                new String[] {": null", ": {\"a\":1,}"},
                new String[] {": null", ": [1 2]"},
                new String[] {": null", ": {\"a\" 1}"},
                new String[] {": null", ": {a: 1}"},
                new String[] {": null", ": /* c */ null"},
                new String[] {": null", ": [-0, 1E5, 2.5e-3]"});
        // when: the first, a middle and the last occurrence of each, in the manifest and in the catalog
        for (String[] edit : edits) {
            for (String where : List.of("manifest", "catalog")) {
                String original = where.equals("manifest") ? text : tables;
                for (int at : occurrences(original, edit[0])) {
                    String edited = original.substring(0, at) + edit[1] + original.substring(at + edit[0].length());
                    String label = where + ": '" + edit[0] + "' made '" + edit[1] + "' at " + at;
                    if (where.equals("manifest")) {
                        compare(label, bytes(edited), catalog);
                    } else {
                        compare(label, manifest, bytes(edited));
                    }
                }
            }
        }
        // then
        assertThat(disagreements).isEmpty();
        assertThat(refused).isGreaterThan(cases / 2);
        assertThat(cases - refused).isPositive();
    }

    private List<Integer> occurrences(String text, String what) {
        List<Integer> all = new ArrayList<>();
        for (Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text); m.find(); ) {
            all.add(m.start());
        }
        if (all.size() <= 3) {
            return all;
        }
        return List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1));
    }

    /** Compares the walk's and the scan's results on these files, remembering a disagreement. */
    void compare(String label, byte[] manifestBytes, byte[] catalogBytes) throws IOException {
        Path folder = dir.resolve("case");
        Files.createDirectories(folder);
        Files.write(folder.resolve("manifest.json"), manifestBytes);
        Files.write(folder.resolve("catalog.json"), catalogBytes);
        ArtifactFiles files = ArtifactFiles.inFolder(folder);
        StateDigest.Result walked = StateDigest.sequential(files, true);
        StateDigest.Result scanned = StateDigest.sequential(files, false);
        cases++;
        if (walked == null) {
            refused++;
        }
        if (walked != null && scanned == null && Utf8Text.firstMalformed(folder.resolve("manifest.json")) != null) {
            laxNames++;
            return; // Jackson's lax name lookup (see above); not UTF-8, the full read refuses the file
        }
        if (walked == null ? scanned != null : !walked.equals(scanned)) {
            disagreements.add(label + ": Jackson's walk " + (walked == null ? "gives none" : "gives one")
                    + ", the scan " + (scanned == null ? "none" : walked == null ? "one" : "another"));
        }
    }

    private static List<Integer> offsets(int length, int count) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            offsets.add(i);
            offsets.add(length - 1 - i);
        }
        for (int i = 1; i < count; i++) {
            offsets.add((int) ((long) length * i / count));
        }
        return offsets;
    }

    /** Random places, and the places of the first bytes of each kind (structural bytes, digits, escapes, literals). */
    private static List<Integer> places(byte[] file, Random random, int count) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            places.add(random.nextInt(file.length));
        }
        for (char kind : "{}[]:,\"\\0123456789.-etfn ".toCharArray()) {
            for (int i = 0, found = 0; i < file.length && found < 1; i++) {
                if (file[i] == kind && random.nextInt(4) == 0) {
                    places.add(i);
                    found++;
                }
            }
        }
        return places;
    }

    private static byte[] slice(byte[] file, int length) {
        return java.util.Arrays.copyOf(file, length);
    }

    private static byte[] insert(byte[] file, int at, byte value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1);
        out.write(file, 0, at);
        out.write(value);
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }

    private static byte[] replace(byte[] file, int at, byte value) {
        byte[] copy = file.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
