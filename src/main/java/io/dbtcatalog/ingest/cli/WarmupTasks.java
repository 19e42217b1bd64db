package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.Dialect;
import io.dbtcatalog.ingest.lineage.LineageInput;
import io.dbtcatalog.ingest.lineage.LineageModel;
import io.dbtcatalog.ingest.lineage.RelationName;
import io.dbtcatalog.ingest.lineage.RelationResolver;
import io.dbtcatalog.ingest.lineage.SchemaProvider;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
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
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link StartWarmup} runs on its thread: each task loads and initialises a library (or the application's own
 * code on top of it) on throw-away inputs, touches no file, catalog or configuration, and writes nothing. A task may
 * throw; the warm-up swallows it.
 */
final class WarmupTasks {

    private static final String ORDERS = "model.warmup.orders";
    private static final String CUSTOMERS = "model.warmup.customers";
    private static final String RAW_ORDERS = "source.warmup.raw.orders";
    private static final String RAW_PAYMENTS = "source.warmup.raw.payments";

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

    /**
     * Jackson's data binding into records through their canonical constructors, as the artifact readers bind
     * entries: bean deserializers, property-based creators, number and collection deserializers.
     */
    static void jsonBinding() {
        JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build()
                .readValue("""
                        {"unique_id": "model.a.b", "resource_type": "model", "depends_on": ["x", "y"],
                         "config": {"enabled": true, "materialized": "table"}, "columns": {"id": {"name": "id"}},
                         "execution_time": 1.25, "thread_id": "Thread-1", "failures": 0, "tags": []}
                        """, Entry.class);
    }

    /** The shape {@link #jsonBinding()} binds (unknown properties are the default failure, so all are named). */
    record Entry(
            String uniqueId,
            String resourceType,
            List<String> dependsOn,
            Map<String, Object> config,
            Map<String, Map<String, String>> columns,
            double executionTime,
            String threadId,
            Integer failures,
            List<String> tags) {}

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
     * The column-lineage engine (and JSqlParser under it) on two small models, one built on the other: parsing,
     * scopes, CTEs, joins, aggregates, window functions, star expansion from the known schemas.
     */
    static void columnLineage() {
        Dialect dialect = Dialect.fromAdapterType("postgres");
        LineageModel orders = new LineageModel(
                ORDERS,
                "orders",
                new RelationName("warm", "analytics", "orders"),
                "table",
                "sql",
                """
                with payments as (
                    select order_id, sum(amount) as amount, count(*) as payment_count
                    from "warm"."raw"."payments" where status <> 'failed' group by order_id
                )
                select o.id as order_id, o.customer_id, o.order_date, coalesce(p.amount, 0) as amount,
                    case when p.payment_count > 1 then 'split' else 'single' end as payment_kind,
                    row_number() over (partition by o.customer_id order by o.order_date) as order_number
                from "warm"."raw"."orders" as o
                left join payments p on p.order_id = o.id
                """,
                List.of(RAW_ORDERS, RAW_PAYMENTS));
        LineageModel customers = new LineageModel(
                CUSTOMERS,
                "customers",
                new RelationName("warm", "analytics", "customers"),
                "view",
                "sql",
                """
                select customer_id, min(order_date) as first_order, max(order_date) as most_recent_order,
                    count(distinct order_id) as orders, sum(amount)::numeric(18, 2) as lifetime_value
                from "warm"."analytics"."orders" where order_number >= 1 group by 1
                """,
                List.of(ORDERS));
        Map<String, RelationName> relations = Map.of(
                ORDERS,
                orders.relation(),
                CUSTOMERS,
                customers.relation(),
                RAW_ORDERS,
                new RelationName("warm", "raw", "orders"),
                RAW_PAYMENTS,
                new RelationName("warm", "raw", "payments"));
        Map<String, List<String>> columns = Map.of(
                RAW_ORDERS, List.of("id", "customer_id", "order_date", "status"),
                RAW_PAYMENTS, List.of("id", "order_id", "amount", "status"));
        new ColumnLineageEngine()
                .analyse(new LineageInput(
                        dialect,
                        List.of(customers, orders),
                        RelationResolver.index(dialect, relations),
                        SchemaProvider.of(columns, Map.of())));
    }

    /** Hibernate Validator's bootstrap and the constraints of the configuration. */
    static void validator() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            factory.getValidator().getConstraintsForClass(IngestionProperties.class);
        }
    }

    /**
     * Flyway set up as the migration sets it up: its configuration, the plugins (database types, configuration
     * extensions) and the Jackson 2 mapper that copies their settings. Not a migration of an in-memory database:
     * that took about 1 s of CPU for ~0.1 s less on the main thread (0017).
     */
    static void flyway() {
        Flyway.configure().load();
    }

    /** A private in-memory database, gone when its last connection closes. */
    private static JdbcDataSource inMemory(String purpose) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(
                "jdbc:h2:mem:dbt-catalog-ingest-warmup-" + purpose + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=0");
        return dataSource;
    }
}
