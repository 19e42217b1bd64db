package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.ResourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scan (decision 0020) on the edges of what Jackson reads: escaped and non-ASCII keys, the nesting, name and
 * number limits, a byte-order mark, UTF-8 Jackson accepts or refuses, scalar ids, what may follow the top-level
 * object. Each case must give what Jackson's walk gives, and the verdict stated.
 */
class StateScanEdgeTests {

    private static final String HEAD = "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/"
            + "manifest/v12.json\", \"project_name\": \"p\"}, ";

    @TempDir
    Path dir;

    @Test
    void escapedKeysAreDecodedAsJacksonDecodesThem() throws IOException {
        // created_at, nodes and metadata spelled with escapes; a duplicate top-level key spelled two ways
        assertAccepted(HEAD + "\"nod\\u0065s\": {\"model.p.a\": {\"unique\\u005fid\": \"model.p.\\u0061\", "
                + "\"resource_type\": \"model\", \"created\\u005fat\": 1.5, \"raw_code\": \"select 1\"}}}");
        StateDigest.Result escaped = assertAccepted(HEAD + "\"nodes\": {\"model.p.a\": {\"created\\u005fat\": 1.5}}}");
        StateDigest.Result plain = assertAccepted(HEAD + "\"nodes\": {\"model.p.a\": {\"created_at\": 2.5}}}");
        assertThat(escaped.state()).isNotEqualTo(plain.state()); // the key's bytes differ, the value is left out
        assertRefused(HEAD + "\"nodes\": {}, \"n\\u006fdes\": {}}");
        assertRefused("{\"metadata\": {}, \"metad\\u0061ta\": {}}");
    }

    @Test
    void aSurrogateInANameIsRefusedAsJacksonRefusesItButNotInAValue() throws IOException {
        assertRefused(HEAD + "\"docs\": {\"a\\ud83d\\ude00\": 1}}");
        assertRefused(HEAD + "\"docs\": {\"a\\uDC00\": 1}}");
        assertAccepted(HEAD + "\"docs\": {\"a\\ud7ff\\ue000\": \"\\ud83d\\ude00\\ud800\"}}");
    }

    @Test
    void nonAsciiKeysAndIdsAreKeptAsJacksonDecodesThem() throws IOException {
        StateDigest.Result result = assertAccepted(HEAD + "\"nodes\": {\"model.p.caf\u00e9\": {\"resource_type\": "
                + "\"m\u00f6del\", \"name\": \"\ud83d\ude00\"}, \"model.p.\u4e2d\": {\"unique_id\": 17, "
                + "\"resource_type\": true}}}");
        assertThat(result.history().resourceTypes())
                .containsEntry("model.p.caf\u00e9", ResourceType.of("m\u00f6del"))
                .containsEntry("17", ResourceType.of("true"));
    }

    @Test
    void theNestingLimitIsJacksons() throws IOException {
        // the top-level object, a section and an entry are three levels
        assertAccepted(HEAD + "\"macros\": {\"m\": " + nested(498) + "}}");
        assertRefused(HEAD + "\"macros\": {\"m\": " + nested(499) + "}}");
        assertAccepted(HEAD + "\"nodes\": {\"model.p.a\": {\"config\": " + nested(497) + "}}}");
        assertRefused(HEAD + "\"nodes\": {\"model.p.a\": {\"config\": " + nested(498) + "}}}");
    }

    @Test
    void theNameAndNumberLimitsAreJacksons() throws IOException {
        assertAccepted(HEAD + "\"docs\": {\"" + "k".repeat(50_000) + "\": 1}}");
        assertRefused(HEAD + "\"docs\": {\"" + "k".repeat(50_001) + "\": 1}}");
        assertAccepted(HEAD + "\"docs\": {\"d\": " + "9".repeat(1000) + "}}");
        assertRefused(HEAD + "\"docs\": {\"d\": " + "9".repeat(1001) + "}}");
        assertAccepted(HEAD + "\"docs\": {\"d\": 1." + "5".repeat(998) + "}}");
        assertRefused(HEAD + "\"docs\": {\"d\": 1." + "5".repeat(999) + "e1}}");
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheOffsetsStayTheFiles() throws IOException {
        String text = HEAD + "\"nodes\": {\"model.p.a\": {\"created_at\": 1.5}}}";
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.write(text.getBytes(StandardCharsets.UTF_8));
        assertThat(same(withMark.toByteArray())).isNotNull();
        assertRefused("\uFEFF\uFEFF" + text);
    }

    @Test
    void utf8IsCheckedAsJacksonChecksIt() throws IOException {
        for (int[] sequence : new int[][] {
            {0xC3, 0xA9},
            {0xC0, 0x80},
            {0xED, 0xA0, 0x80},
            {0xF4, 0x8F, 0xBF, 0xBF},
            {0xF7, 0xBF, 0xBF, 0xBF},
            {0x80},
            {0xBF},
            {0xC3},
            {0xE2, 0x82},
            {0xF0, 0x9F, 0x98},
            {0xF8, 0x80, 0x80, 0x80, 0x80},
            {0xFF},
            {0xFE}
        }) {
            for (String template : new String[] {
                HEAD + "\"docs\": {\"d\": \"a%sb\"}}",
                HEAD + "\"docs\": {\"a%sb\": 1}}",
                HEAD + "\"nodes\": {\"model.p.a%sb\": {\"resource_type\": \"model\"}}}",
                HEAD + "\"nodes\": {\"model.p.a\": {\"resource_type\": \"mo%sdel\"}}}",
                HEAD + "\"docs\": {\"d\": 1%s}}"
            }) {
                int split = template.indexOf("%s");
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                file.write(template.substring(0, split).getBytes(StandardCharsets.UTF_8));
                for (int b : sequence) {
                    file.write(b);
                }
                file.write(template.substring(split + 2).getBytes(StandardCharsets.UTF_8));
                same(file.toByteArray());
            }
        }
        assertAccepted(HEAD + "\"docs\": {\"d\": \"caf\u00e9 \ud83d\ude00\"}}");
    }

    @Test
    void onlyWhitespaceMayFollowTheTopLevelObject() throws IOException {
        assertAccepted(HEAD + "\"docs\": {}}\n \t\r\n");
        for (String tail : new String[] {" {}", "x", ",", "}", "\u0000", "/", " 1", " \"a\"", " null"}) {
            assertRefused(HEAD + "\"docs\": {}}" + tail);
        }
        for (String text : new String[] {"", " ", "[]", "\"a\"", "null", "{", "{\"metadata\": {}", "{} {}"}) {
            assertRefused(text);
        }
    }

    @Test
    void controlCharactersAndBadSeparatorsAreRefused() throws IOException {
        assertRefused(HEAD + "\"docs\": {\"d\": \"a\tb\"}}");
        assertRefused(HEAD + "\"docs\": {\"d\": \"a\nb\"}}");
        assertRefused(HEAD + "\"docs\": {\"d\"\u000b: 1}}");
        assertRefused(HEAD + "\"docs\": {\"d\": 1,}}");
        assertRefused(HEAD + "\"docs\": [1,,2]}");
        assertRefused(HEAD + "\"docs\": {\"d\": 1 \"e\": 2}}");
        assertRefused(HEAD + "\"docs\": {\"d\": [1}]}");
        assertRefused(HEAD + "\"docs\": {\"d\": {1: 2}}}");
        assertRefused(HEAD + "\"docs\": {}, }");
        assertAccepted(HEAD
                + "\"docs\": {\"d\": [1, -0, 2.5e+3, true, false, null, {}, [], \"\\\\\\\"\\/\\b\\f\\n\\r\\t\"]}}");
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    private StateDigest.Result assertAccepted(String manifest) throws IOException {
        StateDigest.Result result = same(manifest.getBytes(StandardCharsets.UTF_8));
        assertThat(result).as("accepted: %s", abbreviated(manifest)).isNotNull();
        return result;
    }

    private void assertRefused(String manifest) throws IOException {
        assertThat(same(manifest.getBytes(StandardCharsets.UTF_8)))
                .as("refused: %s", abbreviated(manifest))
                .isNull();
    }

    /** The scan's result on this manifest (no catalog), asserted to be the walk's. */
    private StateDigest.Result same(byte[] manifest) throws IOException {
        Path folder = dir.resolve("case");
        Files.createDirectories(folder);
        Files.write(folder.resolve("manifest.json"), manifest);
        ArtifactFiles files = ArtifactFiles.inFolder(folder);
        StateDigest.Result walked = StateDigest.sequential(files, true);
        StateDigest.Result scanned = StateDigest.sequential(files, false);
        assertThat(scanned)
                .as("the scan as Jackson's walk on %s", abbreviated(new String(manifest, StandardCharsets.UTF_8)))
                .isEqualTo(walked);
        return scanned;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 150) + "…" + text.substring(text.length() - 150) : text;
    }
}
