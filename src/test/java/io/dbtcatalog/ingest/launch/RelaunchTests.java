package io.dbtcatalog.ingest.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code java -jar dbt-catalog-ingest.jar} re-executes a command on the build's class-data-sharing archive, and
 * with which command line; and that the second JVM's exit code is the command's.
 */
class RelaunchTests {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<String> OPTIONS = List.of("-Xmx1g", "-Dsome.switch=false");

    @TempDir
    Path target;

    private Path jar;
    private Path folder;

    @BeforeEach
    void buildLikeMaven() throws IOException {
        jar = Files.writeString(target.resolve("dbt-catalog-ingest.jar"), "fat jar");
        folder = Files.createDirectories(target.resolve("dbt-catalog-ingest-cds"));
        Files.writeString(folder.resolve("dbt-catalog-ingest.jar"), "thin jar");
        Files.writeString(folder.resolve(Relaunch.ARCHIVE), "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void aOneShotCommandFromTheBuiltJarRunsOnTheArchiveWithTheSameOptionsAndArguments() {
        // when
        Optional<Relaunch> plan = plan("status", "--config", "x.yaml");

        // then
        assertThat(plan).isPresent();
        List<String> command = plan.get().command();
        assertThat(command.get(0)).isEqualTo(JAVA.toString());
        assertThat(command)
                .contains(
                        "-XX:SharedArchiveFile=" + folder.resolve(Relaunch.ARCHIVE),
                        "-Xshare:auto",
                        "-XX:CompileThresholdScaling=5")
                .containsSubsequence("-Xmx1g", "-Dsome.switch=false", "-D" + Relaunch.RELAUNCHED + "=true")
                .endsWith("-jar", folder.resolve("dbt-catalog-ingest.jar").toString(), "status", "--config", "x.yaml");
        assertThat(command.indexOf("-Xlog:disable")).isLessThan(command.indexOf("-Xmx1g"));
    }

    @Test
    void aCommandThatOnlyQueriesTheCatalogCompilesWithC1OnlyAndAnIngestionKeepsTheOptimisingCompiler() {
        assertThat(plan("status").orElseThrow().command()).contains("-XX:TieredStopAtLevel=1");
        assertThat(plan("lineage", "orders").orElseThrow().command()).contains("-XX:TieredStopAtLevel=1");
        assertThat(plan("run").orElseThrow().command())
                .contains("-XX:CompileThresholdScaling=5")
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(plan("validate").orElseThrow().command()).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void onJava17To21TheArchiveIsMappedWhereItWasBuiltAndOtherVersionsGetNoDiagnosticOption() {
        assertThat(Relaunch.archiveInPlace(17))
                .containsExactly("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        assertThat(Relaunch.archiveInPlace(21)).contains("-XX:ArchiveRelocationMode=0");
        assertThat(Relaunch.archiveInPlace(25)).isEmpty();
        assertThat(plan("status").orElseThrow().command())
                .containsSubsequence("-XX:SharedArchiveFile=" + folder.resolve(Relaunch.ARCHIVE), "-Xmx1g")
                .containsAll(Relaunch.archiveInPlace(Runtime.version().feature()));
    }

    @Test
    void theSchedulerHelpAndVersionRunInThisJvm() {
        assertThat(plan("schedule")).isEmpty();
        assertThat(plan("help", "run")).isEmpty();
        assertThat(plan("run", "--help")).isEmpty();
        assertThat(plan("--version")).isEmpty();
        assertThat(plan()).isEmpty();
    }

    @Test
    void anArchiveOlderThanTheJarOrMissingIsNotUsed() throws IOException {
        // given a jar rebuilt after the archive (e.g. with -Dcds.skip=true)
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        // then
        assertThat(plan("status")).isEmpty();

        // given no archive at all
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Files.delete(folder.resolve(Relaunch.ARCHIVE));

        // then
        assertThat(plan("status")).isEmpty();
    }

    @Test
    void notFromAJarAlreadyRelaunchedSwitchedOffOrWithAnAgentItRunsHere() {
        assertThat(Relaunch.plan(args("status"), "target/classes:lib/a.jar", () -> OPTIONS, JAVA, null, false))
                .isEmpty();
        assertThat(Relaunch.plan(args("status"), jar.toString(), () -> OPTIONS, JAVA, null, true))
                .isEmpty();
        assertThat(Relaunch.plan(args("status"), jar.toString(), () -> OPTIONS, JAVA, "false", false))
                .isEmpty();
        List<String> debugging = new ArrayList<>(OPTIONS);
        debugging.add("-agentlib:jdwp=transport=dt_socket,server=y,address=5005");
        assertThat(Relaunch.plan(args("status"), jar.toString(), () -> debugging, JAVA, null, false))
                .isEmpty();
        assertThat(Relaunch.plan(args("status"), jar.toString(), () -> List.of("-Xshare:off"), JAVA, null, false))
                .isEmpty();
    }

    @Test
    void theSecondJvmsExitCodeIsReturned() throws Exception {
        // given a second JVM that exits with 3
        Relaunch exiting = new Relaunch(
                List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"), ExitWith.class.getName(), "3"));

        // when
        int code = exiting.run();

        // then
        assertThat(code).isEqualTo(3);
    }

    private Optional<Relaunch> plan(String... args) {
        return Relaunch.plan(args, jar.toString(), () -> OPTIONS, JAVA, null, false);
    }

    private static String[] args(String... args) {
        return args;
    }

    /** The second JVM of {@link #theSecondJvmsExitCodeIsReturned}. */
    static final class ExitWith {
        public static void main(String[] args) {
            System.exit(Integer.parseInt(args[0]));
        }
    }
}
