package io.dbtcatalog.ingest.lineage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The SHA-256 of everything a model's analysis reads: analyzer version, dialect, language, compiled SQL, the
 * model's own known columns (which name its output) and the columns of every node it depends on.
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(String analyzerVersion, LineageModel model, ModelContext context) {
        MessageDigest digest = sha256();
        update(digest, analyzerVersion);
        update(digest, context.dialect().name());
        update(digest, model.python() ? "python" : "sql");
        String sql = model.compiledSql();
        update(digest, sql == null ? "\u0000none" : sql);
        update(digest, columns(context.ownColumns(model.uniqueId())));
        for (String parent : new TreeSet<>(model.dependsOn())) {
            update(digest, parent);
            update(digest, columns(context.columns(parent)));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String columns(Optional<List<String>> columns) {
        return columns.map(names -> String.join("\u0001", names)).orElse("\u0000unknown");
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
