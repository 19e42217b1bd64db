package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sql/README.md} documents every catalog table, view and column, and its example queries run. */
class SchemaDocumentationIntegrationTests {

    private static final Path README = Path.of("sql", "README.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readmeNamesEveryCatalogTableViewAndColumn(Engine engine) throws IOException {
        try (TestDatabase db = engine.create()) {
            // given
            String readme = Files.readString(README);
            // when
            List<Map<String, Object>> columns = rows(db.dataSource(), """
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                    """);
            // then
            List<String> undocumented = new ArrayList<>();
            for (Map<String, Object> column : columns) {
                String table = ((String) column.get("table_name")).toLowerCase(Locale.ROOT);
                String name = ((String) column.get("column_name")).toLowerCase(Locale.ROOT);
                if ((table.startsWith("catalog_") || table.equals("ingestion_run"))
                        && (!readme.contains("`" + table + "`") || !documents(readme, name))) {
                    undocumented.add(table + "." + name);
                }
            }
            assertThat(undocumented).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readmeExampleQueriesRun(Engine engine) throws IOException {
        try (TestDatabase db = engine.create()) {
            // given
            new CatalogStore(db.dataSource()).publish(PROJECT, shop("run-1", T1).build(), Instant.now());
            Matcher blocks = SQL_BLOCK.matcher(Files.readString(README));
            int ran = 0;
            // when / then
            while (blocks.find()) {
                String sql = blocks.group(1).trim().replaceAll(";$", "").replace("jaffle_shop", "shop");
                assertThat(rows(db.dataSource(), sql)).as(sql).isNotNull();
                ran++;
            }
            assertThat(ran).isGreaterThanOrEqualTo(6);
        }
    }

    private static boolean documents(String readme, String column) {
        return readme.contains("`" + column + "`")
                || readme.contains("`" + column.replaceAll("_[a-z]+$", "_added") + "` …")
                || readme.contains("`" + column.replaceAll("_[a-z]+$", "") + "_added` …");
    }
}
