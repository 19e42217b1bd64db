package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.T3;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The speed seams are only faster: with every switch of {@link StoreOptions} off (JDBC batches instead of COPY on
 * PostgreSQL, snapshot order instead of key order, artifact files parsed even when unchanged) the same publishes
 * report the same counts and leave the same catalog.
 */
class WriteSwitchesIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final StoreOptions ALL_OFF = new StoreOptions(false, false, false, false, false);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everySwitchOffWritesTheSameRowsAsTheDefaults(Engine engine) {
        assertSameCatalog(engine, StoreOptions.defaults(), ALL_OFF);
    }

    @Test
    void binaryCopyWritesTheSameRowsAsTextCopyOnPostgresql() {
        // every COPY (new state rows, staged changes and keys, history rows) in one format or the other
        assertSameCatalog(Engine.POSTGRESQL, StoreOptions.defaults(), new StoreOptions(true, true, true, true, false));
    }

    /** The same lifecycle published with {@code fast} and with {@code plain}: the same counts and the same catalog. */
    private static void assertSameCatalog(Engine engine, StoreOptions fastOptions, StoreOptions plainOptions) {
        try (TestDatabase fast = engine.create();
                TestDatabase plain = engine.create()) {
            // given
            CatalogStore defaults = new CatalogStore(fast.dataSource(), fastOptions);
            CatalogStore switchedOff = new CatalogStore(plain.dataSource(), plainOptions);
            // when
            List<PublishResult> fastResults = publishLifecycle(defaults);
            List<PublishResult> plainResults = publishLifecycle(switchedOff);
            // then
            assertThat(plainResults).isEqualTo(fastResults);
            CatalogDump expected = CatalogDump.of(fast.dataSource());
            CatalogDump actual = CatalogDump.of(plain.dataSource());
            assertThat(expected.differences(actual)).isEmpty();
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** Inserts, a republish, a refresh of unchanged rows, soft deletes, an incomplete snapshot, revivals, changes. */
    private static List<PublishResult> publishLifecycle(CatalogStore store) {
        List<PublishResult> results = new ArrayList<>();
        results.add(store.publish(PROJECT, shop("run-1", T1).build(), STARTED));
        results.add(store.publish(PROJECT, shop("run-1", T1).build(), STARTED));
        results.add(store.publish(PROJECT, shop("run-2", T2).build(), STARTED));
        results.add(store.publish(PROJECT, shop("run-3", T3, false).build(), STARTED));
        results.add(store.publish(
                PROJECT, shop("run-4", T3.plusSeconds(60), false).incomplete().build(), STARTED));
        results.add(store.publish(
                PROJECT,
                shop("run-5", T3.plusSeconds(120))
                        .model("returns", m -> m.columns("id", "amount").description("new model"))
                        .build(),
                STARTED));
        results.add(store.publish(
                PROJECT,
                shop("run-6", T3.plusSeconds(180))
                        .model("returns", m -> m.columns("id").description("changed"))
                        .build(),
                STARTED));
        return results;
    }
}
