package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.cli.IngestCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample output in {@code README.md} and {@code docs/} is what the commands really print. On a fresh H2 file
 * database and the shipped {@code ingestion-config.yaml} (only its database moved to a temporary folder), this test
 * runs {@code run}, then {@code status}, then {@code validate} in this JVM, then each read-only question a marker
 * asks ({@code <!-- sample-output:COMMAND [ARGS] -->}, e.g. {@code sample-output:impact [stg_orders]}), and every
 * fenced block placed right after a {@code <!-- sample-output:COMMAND -->} marker (text after the command name and
 * its bracketed arguments is a comment) must equal that command's standard output.
 *
 * <p>Placeholder rule: only what changes from one run to the next is masked, in the document and in the output
 * alike, so a document shows real values: durations ({@code 1.2 s}, {@code 525 ms}) become {@code <duration>}; a
 * wall-clock instant after "at " becomes {@code <time>} (artifact times stay checked); the folders in front of
 * {@code samples/} in an absolute path become {@code <dir>/}; the H2 file of the database becomes
 * {@code jdbc:h2:file:<path>}. Leading and trailing blank lines and trailing spaces are ignored. Log lines, which a
 * console shows above a command's output, are not part of the samples.
 */
class ReadmeSampleOutputIntegrationTests {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path SHIPPED_CONFIG = Path.of("ingestion-config.yaml");
    private static final String SHIPPED_DATABASE = "jdbc:h2:file:./data/catalog";
    private static final Pattern SAMPLE = Pattern.compile(
            "<!--\\s*sample-output:([a-z-]+)(?:\\s*\\[([^\\]]*)\\])?[^>]*-->\\s*\\n```[^\\n]*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void samplesInReadmeAndDocsAreWhatTheCommandsPrintOnTheSample() throws IOException {
        // given
        Path config = shippedConfigOnFreshDatabase();
        Map<String, List<Sample>> samples = samples();

        // when
        Map<String, String> printed = new LinkedHashMap<>();
        for (String command : List.of("run", "status", "validate")) {
            printed.put(command, execute(command, "--config", config.toString()));
        }
        for (String command : samples.keySet()) {
            if (!printed.containsKey(command)) {
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.addAll(List.of("--config", config.toString()));
                printed.put(command, execute(args.toArray(String[]::new)));
            }
        }

        // then
        assertThat(samples.get("run"))
                .as("README.md shows what run prints, after <!-- sample-output:run -->")
                .anySatisfy(sample -> assertThat(sample.file()).isEqualTo(README));
        assertThat(printed.keySet()).as("commands with a checked sample").containsAll(samples.keySet());
        samples.forEach((command, shown) -> shown.forEach(sample -> assertThat(mask(printed.get(command)))
                .as(
                        "%s, sample-output:%s (expected: the document; printed:%n%s)",
                        sample.file(), command, printed.get(command))
                .isEqualTo(mask(sample.text()))));
    }

    @Test
    void readmeTestCommandIsTheOneCiRuns() throws IOException {
        // given
        String ci = Files.readString(Path.of(".ci", "run"));
        String readme = Files.readString(README);

        // when
        String command =
                ci.lines().filter(line -> line.startsWith("mvn ")).findFirst().orElseThrow();

        // then
        assertThat(readme).contains("```bash\n" + command + "\n```");
    }

    private Path shippedConfigOnFreshDatabase() throws IOException {
        String shipped = Files.readString(SHIPPED_CONFIG);
        assertThat(shipped)
                .as("the shipped config's database, which this test moves")
                .contains(SHIPPED_DATABASE);
        Path config = dir.resolve("ingestion-config.yaml");
        Files.writeString(config, shipped.replace(SHIPPED_DATABASE, "jdbc:h2:file:" + dir.resolve("catalog")));
        return config;
    }

    private static String execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IngestCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
        assertThat(code)
                .as("exit code of %s; stderr:%n%s", args[0], err.toString(StandardCharsets.UTF_8))
                .isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every marked block of README.md and docs/**.md, by command. */
    private static Map<String, List<Sample>> samples() throws IOException {
        List<Path> files = new ArrayList<>(List.of(README));
        if (Files.isDirectory(DOCS)) {
            try (Stream<Path> docs = Files.walk(DOCS)) {
                docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (Path file : files) {
            Matcher block = SAMPLE.matcher(Files.readString(file));
            while (block.find()) {
                String command = block.group(2) == null
                        ? block.group(1)
                        : block.group(1) + " " + block.group(2).strip();
                samples.computeIfAbsent(command, c -> new ArrayList<>()).add(new Sample(file, block.group(3)));
            }
        }
        return samples;
    }

    /** The placeholder rule of the class comment. */
    private static String mask(String text) {
        String masked = text.replaceAll("\\b\\d+(\\.\\d+)? (s|ms)\\b", "<duration>")
                .replaceAll("\\bat \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "at <time>")
                .replaceAll("/[^\\s()]*/samples/", "<dir>/samples/")
                .replaceAll("jdbc:h2:file:[^\\s;:]+", "jdbc:h2:file:<path>")
                .replaceAll("(?m)[ \\t]+$", "");
        return masked.replaceAll("^\\n+", "").stripTrailing();
    }

    private record Sample(Path file, String text) {}
}
