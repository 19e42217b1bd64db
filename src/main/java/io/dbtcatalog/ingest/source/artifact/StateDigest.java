package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One streaming pass over {@code manifest.json} and {@code catalog.json} (a byte scan of our own, values skipped
 * undecoded, {@link StateScan}, decision 0020; or Jackson's byte parser, {@link StateWalk}, its reference) that sends
 * every byte of the files, once, to one of two SHA-256 digests (decision 0014):
 * <ul>
 *   <li>the <b>state digest</b>: the bytes of the sections the reader maps into state (the manifest's resource
 *       sections, the catalog's {@code nodes} and {@code sources}) except what changes between two invocations of
 *       an unchanged project without being catalog state: each manifest entry's {@code created_at} and each catalog
 *       table's {@code stats} (history, {@code catalog_relation_stats}), each up to the next token. Of the top-level
 *       {@code metadata} objects only what the state can depend on is added back (schema versions, dbt version,
 *       project, adapter). Sections the reader skips ({@code macros}, {@code docs}, {@code disabled}, the maps, the
 *       catalog's {@code errors}…) are not state, and their {@code created_at} changes each run too;</li>
 *   <li>the other digest: every byte left out, with its position; with the state digest and the bytes of every
 *       results file it makes the <b>fingerprint</b> of the files ({@link ArtifactDigest#combined}), so the files are
 *       read once for both.</li>
 * </ul>
 * Along the way it keeps what a history-only read needs ({@link HistoryIndex}): the metadata, every entry's id and
 * resource type, every table's included statistics. The state digest is null when a left-out part could change the
 * state after all: a catalog table that is not an object or whose {@code stats} do not bind (the catalog reader then
 * drops the whole table). A pass that fails for any reason (not JSON, not an object, a top-level key twice) gives no
 * result: the caller falls back to the raw digest, and the full read reports the problem naming the file, line and
 * column.
 *
 * <p>{@link #of} spreads the pass over three threads (decision 0018): the calling thread walks the manifest, a
 * helper walks the catalog, another hashes the byte ranges both record ({@link RangeQueue}), manifest first, in
 * file order; the digests are byte for byte those of {@link #sequential}, which does it all on the calling thread,
 * and the same whether the files are scanned or walked.
 */
final class StateDigest {

    private static final Logger log = LoggerFactory.getLogger(StateDigest.class);

    /** Configured as the artifact reader's: duplicate keys fail, property names are not canonicalized. */
    static final JsonMapper MAPPER = mapper(JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build());

    /**
     * The pass's own: Jackson parses bytes (and knows each token's byte offset) only with canonicalized property
     * names; the per-parse symbol table stays bounded (Jackson drops a child table too large to merge).
     */
    static final JsonMapper BYTES = mapper(JsonFactory.builder().build());

    /**
     * The fingerprint, the state digest (null when the state cannot be vouched for) and the history index (null when
     * the pass was asked not to keep it).
     */
    record Result(String fingerprint, String state, HistoryIndex history) {}

    private final MessageDigest state = ArtifactDigest.sha256();
    private final MessageDigest excluded = ArtifactDigest.sha256();
    private final ArtifactFiles files;
    private final boolean catalog;
    private final boolean jackson;

    private StateDigest(ArtifactFiles files, boolean jackson) {
        this.files = files;
        this.catalog = files.catalog() != null && Files.isRegularFile(files.catalog());
        this.jackson = jackson;
    }

    /** The pass over {@code files} on three threads, keeping the history index; null when it failed. */
    static Result of(ArtifactFiles files) {
        return of(files, true, false);
    }

    /**
     * The pass over {@code files} on three threads; {@code keepHistory} false leaves out the history index (a full
     * read does not need it); {@code jackson} walks the files with Jackson instead of scanning their bytes. Null when
     * it failed (the full read will name the problem).
     */
    static Result of(ArtifactFiles files, boolean keepHistory, boolean jackson) {
        try (ReadThreads threads = new ReadThreads()) {
            return new StateDigest(files, jackson).parallel(threads, keepHistory);
        } catch (IOException | RuntimeException e) {
            log.debug("state digest pass over {} failed; reading in full: {}", files.manifest(), e.toString());
            return null;
        }
    }

    /** The byte scan on the calling thread alone (what the three threads must equal); null when it failed. */
    static Result sequential(ArtifactFiles files) {
        return sequential(files, false);
    }

    /**
     * The pass on the calling thread alone, scanning the bytes or, with {@code jackson}, walking the files with
     * Jackson (the reference of decision 0020); null when it failed.
     */
    static Result sequential(ArtifactFiles files, boolean jackson) {
        try {
            return new StateDigest(files, jackson).sequential();
        } catch (IOException | RuntimeException e) {
            log.debug("state digest pass over {} failed; reading in full: {}", files.manifest(), e.toString());
            return null;
        }
    }

    private Result sequential() throws IOException {
        text("dbt-catalog-ingest state " + ArtifactDigest.NORMALIZATION_VERSION);
        FilePass manifest;
        try (ByteRanges ranges = new ByteRanges(files.manifest(), state, excluded)) {
            manifest = FilePass.over(files.manifest(), true, true, ranges, jackson);
        }
        state.update((byte) (catalog ? 1 : 0));
        FilePass tables = null;
        if (catalog) {
            try (ByteRanges ranges = new ByteRanges(files.catalog(), state, excluded)) {
                tables = FilePass.over(files.catalog(), false, true, ranges, jackson);
            }
        }
        return result(manifest, tables, true);
    }

    private Result parallel(ReadThreads threads, boolean keepHistory) throws IOException {
        RangeQueue manifestCuts = new RangeQueue();
        RangeQueue catalogCuts = catalog ? new RangeQueue() : null;
        Future<Void> hashing = threads.start("state-digest-hash", () -> {
            hash(manifestCuts, catalogCuts);
            return null;
        });
        Future<FilePass> tables = catalog
                ? threads.start(
                        "state-digest-catalog",
                        () -> FilePass.over(files.catalog(), false, keepHistory, catalogCuts, jackson))
                : null;
        FilePass manifest = FilePass.over(files.manifest(), true, keepHistory, manifestCuts, jackson);
        FilePass catalogWalk = tables == null ? null : ReadThreads.join(tables);
        ReadThreads.join(hashing);
        return result(manifest, catalogWalk, keepHistory);
    }

    /** The hashing thread: the manifest's ranges as its walk records them, then the catalog's, as in one pass. */
    private void hash(RangeQueue manifestCuts, RangeQueue catalogCuts) throws IOException, InterruptedException {
        try {
            replay(manifestCuts, catalogCuts);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            manifestCuts.abandon();
            if (catalogCuts != null) {
                catalogCuts.abandon();
            }
            throw e;
        }
    }

    private void replay(RangeQueue manifestCuts, RangeQueue catalogCuts) throws IOException, InterruptedException {
        text("dbt-catalog-ingest state " + ArtifactDigest.NORMALIZATION_VERSION);
        try (ByteRanges ranges = new ByteRanges(files.manifest(), state, excluded)) {
            manifestCuts.replay(ranges);
        }
        state.update((byte) (catalog ? 1 : 0));
        if (catalogCuts != null) {
            try (ByteRanges ranges = new ByteRanges(files.catalog(), state, excluded)) {
                catalogCuts.replay(ranges);
            }
        }
    }

    /** Adds the metadata the state depends on and finishes both digests (after every range was hashed). */
    private Result result(FilePass manifest, FilePass tables, boolean keepHistory) {
        ArtifactMetadata manifestMetadata = manifest.metadata();
        ArtifactMetadata catalogMetadata = tables == null ? null : tables.metadata();
        if (manifestMetadata == null || (catalog && catalogMetadata == null)) {
            throw new IllegalStateException("no metadata object");
        }
        text(manifestMetadata.dbtSchemaVersion());
        text(manifestMetadata.dbtVersion());
        text(manifestMetadata.projectName());
        text(manifestMetadata.projectId());
        text(manifestMetadata.adapterType());
        text(catalog ? catalogMetadata.dbtSchemaVersion() : null);
        byte[] stateBytes = state.digest();
        String fingerprint = ArtifactDigest.combined(stateBytes, excluded.digest(), files);
        HistoryIndex index = keepHistory
                ? new HistoryIndex(
                        manifestMetadata,
                        catalogMetadata,
                        manifest.resourceTypes(),
                        tables == null ? Map.of() : tables.stats())
                : null;
        boolean irregular = tables != null && tables.irregular();
        return new Result(
                fingerprint, irregular ? null : "sha256:" + HexFormat.of().formatHex(stateBytes), index);
    }

    /** Adds a text of the pass's own to the state digest, length first (null as -1). */
    private void text(String value) {
        byte[] utf8 = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        state.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : utf8.length)
                .array());
        state.update(utf8);
    }

    private static JsonMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}
