package io.dbtcatalog.ingest.lineage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The common table expressions visible at one point of a statement, by name (any case), with what they derive. */
record Ctes(Map<String, Derived> byKey) {

    static final Ctes NONE = new Ctes(Map.of());

    Ctes {
        byKey = Map.copyOf(byKey);
    }

    Ctes with(Identifier name, Derived derived) {
        Map<String, Derived> more = new HashMap<>(byKey);
        more.put(name.key(), derived);
        return new Ctes(more);
    }

    Optional<Derived> get(Identifier name) {
        return Optional.ofNullable(byKey.get(name.key()));
    }
}
