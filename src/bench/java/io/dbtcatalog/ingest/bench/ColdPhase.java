package io.dbtcatalog.ingest.bench;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * One ingestion in a JVM of its own, started for it as a user's {@code java -jar ... run} starts one (the issue's
 * "cold JVM as a user runs it", {@code -Dbench.cold=true}): nothing of it is compiled or loaded before, and it gets
 * the JIT option the jar's relaunch gives a {@code run} ({@code -XX:CompileThresholdScaling=5}, decision 0012) ahead
 * of the benchmark's own heap and {@code -D} options. The catalog is the parent's: the embedded PostgreSQL by its URL,
 * or the H2 file the parent closed before. The child times its read and publish exactly as {@link BenchIngestion}
 * does in-process, with a {@link HeapMeter} of its own, and prints one line the parent parses; the JVM's start and
 * Spring's are not in it (the start benchmark measures those).
 */
public final class ColdPhase {

    /** What every child's result line holds; such lines are parsed, never echoed. */
    static final String RESULT_MARK = "-result\t";

    private static final String RESULT = "cold-phase" + RESULT_MARK;

    /**
     * What the child measured: the ingestion, its heap, and during it the JIT's compilation time (the compiler
     * threads' elapsed time, {@link CompilationMXBean}) and the whole process's CPU time, which show how much of a cold
     * ingestion is the compiler's.
     */
    record Result(
            BenchIngestion.Outcome outcome,
            long peakBytes,
            long afterGcBytes,
            double gcSeconds,
            double jitSeconds,
            double cpuSeconds) {}

    private ColdPhase() {}

    /**
     * Trains the class-data-sharing archive the cold JVMs start from, as {@code mvn package} trains the jar's (decision
     * 0012): one JVM ingests a small project and then its next invocation into a throw-away H2 catalog and writes
     * the classes it loaded to {@code archive} at exit. Returns the archive.
     */
    static Path train(Path folder, PrintStream out) {
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), 200, 7L);
        SyntheticDbtProject next = project.nextInvocation(folder.resolve("next/target"));
        Path archive = folder.resolve("cold.jsa");
        String url = "jdbc:h2:file:" + folder.resolve("h2/catalog").toAbsolutePath();
        try (HikariDataSource database = pool(url, "sa")) {
            new BenchIngestion(database).prepare();
        }
        // interpreted only, as the build trains the jar's archive (pom.xml): Java 17 archives the "queued for
        // compilation" mark of the methods in the compile queue at exit, and such a method is never compiled in a JVM
        // started on the archive (JDK-8306460, fixed in Java 21; docs/decisions/0033-archive-trained-interpreted.md)
        List<String> options =
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xint", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        launch(classPath(folder), options, ColdPhase.class, arguments(url, "sa", false, List.of(project, next)), out);
        return archive;
    }

    /**
     * Ingests {@code invocation} into the catalog at {@code url} in a new JVM started on {@code archive}; its other
     * output goes to {@code out}.
     */
    static Result run(
            Path archive,
            String url,
            String user,
            SyntheticDbtProject invocation,
            boolean parseAlways,
            PrintStream out) {
        String line = child(archive, ColdPhase.class, arguments(url, user, parseAlways, List.of(invocation)), out);
        if (!line.startsWith(RESULT)) {
            throw new IllegalStateException("the cold ingestion of " + invocation.directory() + " printed no result");
        }
        return parse(line.substring(RESULT.length()));
    }

    /**
     * Runs {@code main} with {@code arguments} in a new JVM started as a cold ingestion is (on {@code archive}, with
     * the relaunch's JIT option and this JVM's heap, {@code -XX} and {@code -D} options) and returns the last line it
     * printed; the other lines go to {@code out}. Fails when the child exits with an error.
     */
    static String child(Path archive, Class<?> main, List<String> arguments, PrintStream out) {
        List<String> options = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        return launch(classPath(archive.getParent()), options, main, arguments, out);
    }

    private static List<String> arguments(
            String url, String user, boolean parseAlways, List<SyntheticDbtProject> invocations) {
        List<String> arguments = new ArrayList<>(List.of(url, user, Boolean.toString(parseAlways)));
        for (SyntheticDbtProject invocation : invocations) {
            arguments.addAll(List.of(
                    invocation.directory().toString(),
                    invocation.metadata().invocationId(),
                    invocation.metadata().generatedAt().toString()));
        }
        return arguments;
    }

    private static String launch(
            String classPath, List<String> options, Class<?> main, List<String> arguments, PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-XX:CompileThresholdScaling=5");
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xm") || option.startsWith("-XX:") || option.startsWith("-D")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String last = "";
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!last.isEmpty() && !last.contains(RESULT_MARK)) {
                        out.println(last);
                    }
                    last = line;
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                out.println(last);
                throw new IllegalStateException(
                        "the cold JVM running " + main.getSimpleName() + " " + arguments + " exited with " + exit);
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the cold JVM for " + main.getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the cold JVM running " + main.getSimpleName(), e);
        }
    }

    /**
     * This JVM's class path with every folder on it (the compiled classes) replaced by a jar of it in {@code folder}
     * (made once): class-data sharing archives classes from jars only, as the jar's own archive does.
     */
    private static String classPath(Path folder) {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = folder.resolve(path.getFileName() + ".jar");
            if (!Files.exists(jar)) {
                zip(path, jar);
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void zip(Path directory, Path jar) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    private static Result parse(String line) {
        String[] fields = line.split("\t", 9);
        return new Result(
                new BenchIngestion.Outcome(
                        Long.parseLong(fields[0]),
                        Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2]),
                        fields[8]),
                Long.parseLong(fields[3]),
                Long.parseLong(fields[4]),
                Double.parseDouble(fields[5]),
                Double.parseDouble(fields[6]),
                Double.parseDouble(fields[7]));
    }

    /** The JIT's compilation time so far; 0 in an interpreted-only JVM (the archive's training), which has no JIT. */
    private static long compiledMillis(CompilationMXBean jit) {
        return jit == null ? 0 : jit.getTotalCompilationTime();
    }

    /** The child: url, user, parse-always, then per invocation its artifacts folder, invocation id, generated-at. */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        try (HikariDataSource database = pool(args[0], args[1]);
                HeapMeter heap = new HeapMeter()) {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
            for (int i = 3; i + 2 < args.length; i += 3) {
                heap.reset();
                long jitStart = compiledMillis(jit);
                long cpuStart = system.getProcessCpuTime();
                BenchIngestion.Outcome outcome = new BenchIngestion(database)
                        .run(Path.of(args[i]), args[i + 1], Instant.parse(args[i + 2]), Boolean.parseBoolean(args[2]));
                double jitSeconds = (compiledMillis(jit) - jitStart) / 1e3;
                double cpuSeconds = (system.getProcessCpuTime() - cpuStart) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "%s%d\t%.6f\t%.6f\t%d\t%d\t%.6f\t%.3f\t%.3f\t%s%n",
                        RESULT,
                        outcome.rowsWritten(),
                        outcome.readSeconds(),
                        outcome.publishSeconds(),
                        heap.peakBytes(),
                        heap.afterGcBytes(),
                        heap.gcSeconds(),
                        jitSeconds,
                        cpuSeconds,
                        outcome.summary().replace('\n', ' ').replace('\t', ' '));
            }
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-cold");
        return new HikariDataSource(config);
    }
}
