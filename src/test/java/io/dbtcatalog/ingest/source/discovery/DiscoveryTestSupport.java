package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.HttpSettings;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import java.time.Duration;

/** Test code: a Discovery source wired to a stand-in, with test-sized timeouts and a fake clock for backoff. */
final class DiscoveryTestSupport {

    static final long ENVIRONMENT = 70021L;
    static final HttpSettings FAST_HTTP = new HttpSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofMinutes(2),
            450);

    private DiscoveryTestSupport() {}

    static DiscoverySettings settings(DiscoveryStandIn standIn, int pageSize) {
        return new DiscoverySettings(
                "discovery-test", standIn.url(), ENVIRONMENT, DiscoveryStandIn.TOKEN, pageSize, FAST_HTTP);
    }

    static DiscoverySource source(DiscoverySettings settings, FakeTime time) {
        return new DiscoverySource(settings, TestHttpClients.with(time.timing()));
    }
}
