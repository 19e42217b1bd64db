package io.dbtcatalog.ingest.launch;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The executable jar's {@code Main-Class}. The build copies this package to the root of the fat jar (next to Spring
 * Boot's loader), so {@code java -jar target/dbt-catalog-ingest.jar status} starts here on the JVM's own class path,
 * before Spring Boot's nested-jar launcher has opened a single nested jar: a one-shot command re-executes on the
 * class-data-sharing archive ({@link Relaunch}) about 0.3 s sooner than from {@code cli.IngestCli}, where it did
 * until then. Anything else is handed to Spring Boot's {@code JarLauncher} unchanged, which starts the
 * {@code Start-Class}, {@code cli.IngestCli}. Uses JDK classes only (docs/decisions/0015-start-without-the-launcher.md).
 */
public final class FastStart {

    /** Spring Boot's launcher of the fat jar, found at the jar's root at run time. */
    static final String JAR_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    /** Spring Boot's system property for its jar modes ({@code -Djarmode=tools … extract}): never re-executed. */
    static final String JAR_MODE = "jarmode";

    /**
     * The commands that only query the catalog (each a read-only command of {@code cli}; {@code validate}, also
     * read-only, reads whole artifacts and is not one): they run no loop long enough for the optimising compiler to
     * pay, so their JVM compiles with C1 only (about a fifth less CPU for a {@code status}). Kept equal to the
     * commands by {@code cli.CatalogQueryCommandsTests}.
     */
    public static final Set<String> CATALOG_QUERIES =
            Set.of("status", "describe", "lineage", "impact", "search", "column-lineage");

    private FastStart() {}

    /** Re-executes a one-shot command on the archive, or starts the jar as Spring Boot's launcher does. */
    public static void main(String[] args) throws Exception {
        if (System.getProperty(JAR_MODE) == null) {
            Optional<Relaunch> relaunch = Relaunch.plan(
                    args,
                    System.getProperty("java.class.path"),
                    () -> ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    System.getProperty(Relaunch.SWITCH),
                    Boolean.getBoolean(Relaunch.RELAUNCHED));
            if (relaunch.isPresent()) {
                System.exit(relaunch.get().run());
            }
        }
        handOver(JAR_LAUNCHER, args);
    }

    /** Calls {@code launcher}'s {@code main} with the arguments; what it throws is thrown as it was. */
    static void handOver(String launcher, String[] args) throws Exception {
        try {
            Class.forName(launcher).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
