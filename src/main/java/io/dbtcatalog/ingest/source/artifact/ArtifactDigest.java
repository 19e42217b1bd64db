package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of one run's artifact files. Normally {@link #combined}: the two digests of manifest and catalog
 * from the state-digest pass ({@link StateDigest}, decision 0014), then the bytes of every results file. When that
 * pass fails (a file the full read will reject), {@link #of}: SHA-256 over the normalization version, then for the
 * manifest and the catalog whether the file is there, its length and its bytes, then for every results file (each step's
 * run_results or sources, in reading order) its kind, step and step command, its length and its bytes. Equal digests
 * mean the reader would build the same snapshot, so the catalog can recognize a run it already holds the state of.
 */
final class ArtifactDigest {

    /**
     * Raise when a change to the reader or the normalized model makes the same files give a different snapshot, so
     * that digests recorded by an older version no longer match and such runs are parsed again.
     */
    static final int NORMALIZATION_VERSION = 4;

    private static final int BUFFER = 1 << 20;

    private ArtifactDigest() {}

    /** The size and modification time of each named file, to tell whether one was rewritten since. */
    record Stamp(List<String> files) {

        static Stamp of(ArtifactFiles files) {
            List<String> stamps = new ArrayList<>();
            for (Path file : files.paths()) {
                try {
                    stamps.add(file + " " + Files.size(file) + " "
                            + Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    throw new ArtifactException(file, "could not be read: " + e.getMessage(), e);
                }
            }
            return new Stamp(stamps);
        }

        /** Fails when a file was rewritten between this stamp and now: what was read may mix two dbt runs. */
        void requireUnchanged(ArtifactFiles files) {
            if (!equals(of(files))) {
                throw new ArtifactException(
                        files.manifest().getParent(),
                        "the artifact files changed while they"
                                + " were being read (dbt wrote a new run meanwhile?); ingest again");
            }
        }
    }

    /** {@code sha256:<hex>} of the files; a file that cannot be read fails naming it. */
    static String of(ArtifactFiles files) {
        MessageDigest digest = sha256();
        digest.update(("dbt-catalog-ingest normalization " + NORMALIZATION_VERSION).getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[BUFFER];
        add(digest, files.manifest(), buffer);
        add(digest, files.catalog(), buffer);
        addResults(digest, files, buffer);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * {@code sha256:<hex>} of the files from the two digests of manifest and catalog ({@link StateDigest}: the bytes
     * of the state's sections and those left out of them, with their positions) and the bytes of every results
     * file.
     */
    static String combined(byte[] stateTokens, byte[] otherTokens, ArtifactFiles files) {
        MessageDigest digest = sha256();
        digest.update(("dbt-catalog-ingest ranges " + NORMALIZATION_VERSION).getBytes(StandardCharsets.UTF_8));
        digest.update(stateTokens);
        digest.update(otherTokens);
        addResults(digest, files, new byte[BUFFER]);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void addResults(MessageDigest digest, ArtifactFiles files, byte[] buffer) {
        for (ResultsFile file : files.results()) {
            digest.update((file.kind() + " " + file.step() + " " + file.stepCommand() + ":")
                    .getBytes(StandardCharsets.UTF_8));
            add(digest, file.path(), buffer);
        }
    }

    private static void add(MessageDigest digest, Path file, byte[] buffer) {
        if (file == null) {
            digest.update((byte) 0);
            return;
        }
        digest.update((byte) 1);
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            digest.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            long read = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                read += n;
            }
            if (read != size) {
                throw new ArtifactException(
                        file, "changed while it was being read (" + size + " bytes, then " + read + ")");
            }
        } catch (IOException e) {
            throw new ArtifactException(file, "could not be read: " + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
