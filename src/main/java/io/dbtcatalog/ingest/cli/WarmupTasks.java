package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.ConfigurationValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link StartWarmup} runs on its thread: each task loads a library's classes (all but picocli's also
 * initialised, on throw-away inputs), reads no catalog or configuration, and writes nothing; only
 * {@link #validator()} returns what it built, for the refresh to use. A task may throw; the warm-up swallows it.
 */
final class WarmupTasks {

    private WarmupTasks() {}

    /**
     * picocli's command-line classes ({@code CommandLine} and its nested classes, not the shell completion), loaded
     * and linked (verified) but not initialised, last first: the main thread builds its
     * command line from them at the same moment, from the first. They are Java 5 class files, which Java 17's
     * class-data sharing cannot archive, so every start reads and verifies them (with the old, type-inferring
     * verifier); two threads share that work, and a class one of them is loading is never loaded twice. Nothing is
     * initialised here, so no class initialiser of picocli's ever runs on this thread.
     */
    static void picocli() {
        ClassLoader loader = WarmupTasks.class.getClassLoader();
        URL commandLine = loader.getResource("picocli/CommandLine.class");
        if (commandLine == null || !"jar".equals(commandLine.getProtocol())) {
            return;
        }
        String file = commandLine.getPath().substring(0, commandLine.getPath().indexOf("!/"));
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(Path.of(URI.create(file)).toFile())) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("picocli/CommandLine") && name.endsWith(".class"))
                    .forEach(name -> names.add(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.reverse(names);
        for (String name : names) {
            try {
                // asking for its constructors links the class: it is verified, not initialised
                Class.forName(name, false, loader).getDeclaredConstructors();
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load here is left to the main thread, as without the warm-up
            }
        }
    }

    /** H2's engine: a private in-memory database created, written and queried. */
    static void h2() {
        JdbcDataSource dataSource = inMemory("queries");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE warm (id BIGINT PRIMARY KEY, name VARCHAR(100), seen TIMESTAMP)");
            statement.execute("INSERT INTO warm VALUES (1, 'a', CURRENT_TIMESTAMP)");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT name, COUNT(*) FROM warm WHERE id > 0 GROUP BY name ORDER BY name")) {
                while (rows.next()) {
                    rows.getString(1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's tree model. */
    static void json() {
        JsonMapper.builder().build().readTree("{\"metadata\":{\"dbt_version\":\"1.8.0\"},\"nodes\":{\"a\":[1,2.5]}}");
    }

    /** JSqlParser's fast grammar on a query with a CTE, joins, an aggregate and a CASE. */
    static void sqlParser() {
        try {
            CCJSqlParserUtil.newParser("with orders as (select o.id, o.customer_id, sum(p.amount) as total"
                            + " from raw.orders o left join raw.payments p on p.order_id = o.id group by 1, 2)"
                            + " select c.id, case when t.total > 0 then t.total else 0 end as amount"
                            + " from raw.customers c join orders t on t.customer_id = c.id where c.id is not null")
                    .withAllowComplexParsing(false)
                    .Statements();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hibernate Validator's bootstrap and the constraints of every configuration record: the validator the context's
     * refresh then validates the configuration with ({@link ConfigurationValidator#prepare()}, configured as the
     * refresh would configure its own).
     */
    static LocalValidatorFactoryBean validator() {
        return ConfigurationValidator.prepare();
    }

    /**
     * Flyway's configuration and plugin classes. Not a migration of an in-memory database: that took about 1 s of
     * CPU for ~0.1 s less on the main thread (0017); nor {@code load()}, Flyway's whole set-up during the context
     * refresh until a migration starts, which paid nothing on a quiet machine (0022).
     */
    static void flyway() {
        Flyway.configure();
    }

    /** A private in-memory database, gone when its last connection closes. */
    private static JdbcDataSource inMemory(String purpose) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(
                "jdbc:h2:mem:dbt-catalog-ingest-warmup-" + purpose + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=0");
        return dataSource;
    }
}
