package io.dbtcatalog.ingest.source.scope;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which resources of a source's project the catalog holds ({@code sources[].scope}): a node is in scope when it
 * matches every non-empty list of {@code include} (any value of a list; lists without a value for the node, such as
 * a database for a test, do not exclude it) and no value of {@code exclude}. Tests attached to a node out of scope
 * are out of scope too. The empty scope holds everything.
 */
public record Scope(ScopeRules include, ScopeRules exclude) {

    /** Everything. */
    public static final Scope ALL = new Scope(null, null);

    public Scope {
        include = include == null ? ScopeRules.NONE : include;
        exclude = exclude == null ? ScopeRules.NONE : exclude;
    }

    /** True when the scope holds everything. */
    public boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** True when the node itself is in scope (its attached node is not considered). */
    public boolean holds(CatalogNode node) {
        return include.admits(node) && !exclude.catches(node);
    }

    /** The snapshot without what is out of scope, in every table alike ({@link ScopedSnapshot}). */
    public CatalogSnapshot apply(CatalogSnapshot snapshot) {
        return isAll() ? snapshot : ScopedSnapshot.of(this, snapshot);
    }

    /**
     * The fingerprint of artifacts read under this scope: the files' own for the empty scope, else one that also
     * covers the scope, so that changing the scope makes unchanged files be read (and published) again.
     */
    public String qualify(String fingerprint) {
        if (fingerprint == null || isAll()) {
            return fingerprint;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            digest.update(("\ninclude\n" + include.canonical() + "exclude\n" + exclude.canonical())
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
