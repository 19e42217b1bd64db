package io.dbtcatalog.ingest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;

/**
 * The build's step that makes {@link H2Template}'s template (pom.xml, {@code process-classes}, before the tests and
 * the jar): migrates a fresh H2 file with exactly the production Flyway configuration ({@link CatalogMigrations}) as
 * H2's default administrator, checks that Flyway validates it and that {@link SchemaStatus} finds every packaged
 * migration applied, compacts it, and writes it as {@code <folder>/catalog-h2.mv.db}. Fails the build (exit 1)
 * otherwise. {@code java ... H2TemplateBuild <classes folder>}.
 */
public final class H2TemplateBuild {

    private H2TemplateBuild() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: H2TemplateBuild <classes folder>");
            System.exit(2);
        }
        quietLogging();
        Path output = Path.of(args[0]).resolve(H2Template.RESOURCE).toAbsolutePath();
        long bytes = build(output);
        System.out.println("[h2-template] " + output + ": " + bytes + " bytes");
    }

    /** Builds the template at {@code output} (replacing an earlier one); returns its size. */
    static long build(Path output) throws IOException, SQLException {
        Files.createDirectories(output.getParent());
        Path work = Files.createTempDirectory(output.getParent(), "h2-template-");
        try {
            Path database = work.resolve("catalog-h2");
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + database);
            dataSource.setUser(H2Template.TEMPLATE_USER);
            dataSource.setPassword(H2Template.TEMPLATE_PASSWORD);
            try (Connection open = dataSource.getConnection()) {
                CatalogMigrations.migrate(dataSource);
                ValidateResult validation = CatalogMigrations.flyway(dataSource).validateWithResult();
                if (!validation.validationSuccessful) {
                    throw new IllegalStateException(
                            "the migrated template does not validate: " + validation.getAllErrorMessages());
                }
                SchemaStatus status = SchemaStatus.read(open);
                if (status.empty() || !status.current()) {
                    throw new IllegalStateException("the migrated template is not current: " + status);
                }
                try (Statement statement = open.createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                }
            }
            Path file = work.resolve("catalog-h2" + H2FileTarget.DATA_FILE);
            Files.move(file, output, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(output);
        } finally {
            try (var leftovers = Files.list(work)) {
                for (Path leftover : leftovers.toList()) {
                    Files.delete(leftover);
                }
            }
            Files.delete(work);
        }
    }

    /** Flyway's lines at WARN, its H2-version notice off (as application.yaml has them): the build prints one line. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (LoggerFactory.getLogger("org.flywaydb.core.internal.database.base.Database")
                instanceof ch.qos.logback.classic.Logger database) {
            database.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
