package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.normalize.KeyMarkers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the artifact files of one run (manifest, and optionally catalog and any number of run results and source
 * freshness files) into one complete {@link CatalogSnapshot}: the state from the manifest and the catalog, the
 * history from every results file. Every file is streamed one entry at a time; a file that is not the dbt artifact
 * it should be fails with an {@link ArtifactException}, a missing optional file only adds a warning. Shared by the
 * local-folder and dbt Cloud sources.
 */
public final class ArtifactSnapshotReader {

    private static final Logger log = LoggerFactory.getLogger(ArtifactSnapshotReader.class);
    private static final ArtifactStream HEADERS = new ArtifactStream(newMapper());

    /** The switch of the text spill file: {@code -Ddbt-catalog.source.text-spill=false} keeps texts on the heap. */
    public static final String TEXT_SPILL = "dbt-catalog.source.text-spill";

    /**
     * The switch of the read on two cores (decision 0018): {@code -Ddbt-catalog.source.parallel-read=false} runs the
     * state-digest pass on the reading thread alone and before the full read, as one pass.
     */
    public static final String PARALLEL_READ = "dbt-catalog.source.parallel-read";

    /**
     * The switch of the byte scan (decision 0020): {@code -Ddbt-catalog.source.byte-scan=false} walks manifest and
     * catalog with Jackson's parser for the state-digest pass instead, as before 0020; the digests are the same.
     */
    public static final String BYTE_SCAN = "dbt-catalog.source.byte-scan";

    private final ManifestReader manifests;
    private final SideArtifacts.Readers optional;
    private final boolean spillTexts;
    private final boolean parallel;
    private final boolean byteScan;
    private final boolean resultsAhead;

    /**
     * The cores from which a next run parses its results files beside the state-digest pass (decision 0030): the
     * pass keeps three threads busy; with fewer cores the results are parsed after it, by code it has compiled.
     */
    static final int RESULTS_AHEAD_CORES = 4;

    /**
     * A reader that keeps long texts in a spill file unless the system property {@value #TEXT_SPILL} is
     * {@code false}, reads on two cores unless {@value #PARALLEL_READ} is {@code false} and scans the bytes for the
     * state-digest pass unless {@value #BYTE_SCAN} is {@code false}; a next run parses its results files beside the
     * pass only with {@value #RESULTS_AHEAD_CORES} cores or more.
     *
     * @throws IllegalArgumentException naming the property when its value is neither {@code true} nor {@code false}
     */
    public ArtifactSnapshotReader() {
        this(
                switchFromSystemProperty(TEXT_SPILL),
                switchFromSystemProperty(PARALLEL_READ),
                switchFromSystemProperty(BYTE_SCAN),
                Runtime.getRuntime().availableProcessors() >= RESULTS_AHEAD_CORES);
    }

    /** A reader that keeps the long texts of its snapshots in a spill file ({@code spillTexts}) or on the heap. */
    public ArtifactSnapshotReader(boolean spillTexts) {
        this(spillTexts, true);
    }

    /**
     * A reader that keeps the long texts of its snapshots in a spill file ({@code spillTexts}) or on the heap, and
     * whose inputs spread the state-digest pass over helper threads ({@code parallel}) or run it on the caller's.
     */
    public ArtifactSnapshotReader(boolean spillTexts, boolean parallel) {
        this(spillTexts, parallel, true);
    }

    /**
     * A reader as {@link #ArtifactSnapshotReader(boolean, boolean)} whose state-digest pass scans the files' bytes
     * ({@code byteScan}, decision 0020) or walks them with Jackson's parser; with {@code parallel} a next run parses
     * its results files beside the pass.
     */
    public ArtifactSnapshotReader(boolean spillTexts, boolean parallel, boolean byteScan) {
        this(spillTexts, parallel, byteScan, parallel);
    }

    /**
     * A reader as {@link #ArtifactSnapshotReader(boolean, boolean, boolean)} whose next runs parse their results files
     * beside the state-digest pass ({@code resultsAhead}, with {@code parallel} only) or after it (decision 0030).
     */
    public ArtifactSnapshotReader(boolean spillTexts, boolean parallel, boolean byteScan, boolean resultsAhead) {
        ArtifactStream stream = new ArtifactStream(newMapper());
        this.manifests = new ManifestReader(stream);
        this.optional = new SideArtifacts.Readers(
                new CatalogReader(stream), new RunResultsReader(stream, byteScan), new SourcesReader(stream));
        this.spillTexts = spillTexts;
        this.parallel = parallel;
        this.byteScan = byteScan;
        this.resultsAhead = parallel && resultsAhead;
    }

    private static boolean switchFromSystemProperty(String property) {
        String value = System.getProperty(property, "true").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("-D" + property + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** Whether inputs read with this reader use helper threads for the state-digest pass (decision 0018). */
    boolean parallel() {
        return parallel;
    }

    /** Whether a next run's results files are parsed beside the state-digest pass (decision 0030). */
    boolean resultsAhead() {
        return resultsAhead;
    }

    /** Whether the state-digest pass of inputs read with this reader scans bytes (decision 0020) or walks tokens. */
    boolean byteScan() {
        return byteScan;
    }

    /** Reads only the {@code metadata} object of any dbt artifact file, stopping right after it. */
    public static ArtifactHeader readHeader(Path file) {
        return HEADERS.header(file).toHeader(file);
    }

    /** What the manifest's header says about the invocation, reading nothing after its {@code metadata}. */
    static SnapshotInfo headerInfo(Path manifest) {
        return HEADERS.header(manifest).toInfo(null);
    }

    /**
     * Reads the files into a complete snapshot of {@code run}; warnings name every optional part left out. The
     * optional files are read on a second thread while this one reads the manifest ({@link SideArtifacts}). The
     * long texts of the snapshot's nodes and columns (description, code, config) are kept in a temporary spill file
     * ({@link TextSpill}), not on the heap, unless this reader keeps them on the heap; the file is freed when the
     * snapshot is unreachable, or at once if the read fails.
     */
    public CatalogSnapshot read(ArtifactFiles files, RunRef run) {
        TextSpill spill = spillTexts ? TextSpill.create() : null;
        try {
            return read(files, run, new Interner(spill));
        } catch (RuntimeException | Error e) {
            if (spill != null) {
                spill.close();
            }
            throw e;
        }
    }

    /**
     * The read itself; the long texts of nodes and columns go to the interner's spill file, which lives as long as
     * the snapshot's rows refer to it.
     */
    private CatalogSnapshot read(ArtifactFiles files, RunRef run, Interner interner) {
        List<String> warnings = new ArrayList<>();
        SideArtifacts side = SideArtifacts.start(files, run, optional);
        ManifestContent manifest;
        try {
            manifest = manifests.read(files.manifest(), interner);
        } catch (RuntimeException | Error e) {
            side.abandon(e);
            throw e;
        }
        side.manifestRead(manifest);
        manifest.warnings().forEach(warning -> warn(warnings, files.manifest() + ": " + warning));
        CatalogContent catalog = side.catalog();
        List<CatalogColumn> columns =
                KeyMarkers.withTestMarkers(columns(files, manifest, catalog, interner, warnings), manifest.tests());
        List<CatalogNode> nodes = WarehouseDetails.nodes(manifest.nodes(), catalog);
        CatalogDepth depth = manifest.depth()
                .withRelationStats(WarehouseDetails.stats(
                        nodes, catalog, manifest.metadata().invocationId()));
        HistoryRows history = new HistoryRows(manifest, files, warning -> warn(warnings, warning)).addAll(side);
        SnapshotInfo info = manifest.metadata().toInfo(history.commands());
        log.debug(
                "Read {}: {} nodes, {} columns, {} edges, {} tests, {} test results, {} run results, {} freshness",
                files.manifest(),
                manifest.nodes().size(),
                columns.size(),
                manifest.edges().size(),
                manifest.tests().size(),
                history.tests().size(),
                history.runs().size(),
                history.freshness().size());
        return new CatalogSnapshot(
                run,
                info,
                nodes,
                columns,
                manifest.edges(),
                manifest.tests(),
                history.tests(),
                history.runs(),
                history.freshness(),
                true,
                warnings,
                null,
                depth);
    }

    /** The merged columns; {@code catalog} holds every table of the file, unknown ones are counted here. */
    private List<CatalogColumn> columns(
            ArtifactFiles files,
            ManifestContent manifest,
            CatalogContent catalog,
            Interner interner,
            List<String> warnings) {
        Map<String, List<CatalogEntries.Column>> warehouse = Map.of();
        if (catalog == null && (files.fromOneFolder() || files.catalog() != null)) {
            Path missing = files.catalog() != null
                    ? files.catalog()
                    : files.manifest().toAbsolutePath().resolveSibling(ArtifactFiles.CATALOG);
            warn(
                    warnings,
                    "optional " + ArtifactFiles.CATALOG + " not found (" + missing + "); columns carry no"
                            + " warehouse type");
        } else if (catalog != null) {
            checkInvocation(files, catalog.metadata(), manifest, warnings);
            long unknown = catalog.unknownEntries()
                    + catalog.columnsByNode().keySet().stream()
                            .filter(id -> !manifest.resourceTypes().containsKey(id))
                            .count();
            if (unknown > 0) {
                warn(warnings, files.catalog() + ": " + unknown + " entr(y/ies) name no manifest node; ignored");
            }
            if (!catalog.skipped().isEmpty()) {
                warn(
                        warnings,
                        files.catalog() + ": "
                                + SkippedEntry.warning(
                                        "table(s)", catalog.skipped(), "their warehouse columns are left out"));
            }
            if (catalog.errors() > 0) {
                warn(
                        warnings,
                        files.catalog() + ": dbt recorded " + catalog.errors()
                                + " error(s) while building the catalog; some warehouse columns may be missing");
            }
            warehouse = catalog.columnsByNode();
        }
        List<CatalogColumn> columns = new ArrayList<>();
        for (CatalogNode node : manifest.nodes()) {
            List<CatalogColumn> documented = manifest.documentedColumns().getOrDefault(node.id(), List.of());
            List<CatalogEntries.Column> observed =
                    warehouse.getOrDefault(node.id().value(), List.of());
            if (!documented.isEmpty() || !observed.isEmpty()) {
                ColumnMerger.merge(node.id(), documented, observed).forEach(c -> columns.add(interner.column(c)));
            }
        }
        return columns;
    }

    /** A folder's catalog is expected from the manifest's invocation; a dbt Cloud run's comes from its docs step. */
    private static void checkInvocation(
            ArtifactFiles files, ArtifactMetadata metadata, ManifestContent manifest, List<String> warnings) {
        String expected = manifest.metadata().invocationId();
        if (files.fromOneFolder()
                && metadata.invocationId() != null
                && expected != null
                && !Objects.equals(metadata.invocationId(), expected)) {
            warn(
                    warnings,
                    files.catalog() + " comes from dbt invocation " + metadata.invocationId() + ", the manifest from "
                            + expected);
        }
    }

    private static void warn(List<String> warnings, String warning) {
        log.warn("{}", warning);
        warnings.add(warning);
    }

    /**
     * Entries are read one at a time from a parser that continues after them, hence no trailing-token check (the
     * stream checks the end of the file itself). A key twice in one object that is read fails the file: dbt never
     * writes one, and which of the two values is meant cannot be known. Trees catch it as they are built (for free,
     * where the parser's own duplicate detection kept a second hash set of every object's names); {@link
     * ArtifactStream} checks the section and entry keys it walks itself; sections that are skipped are not checked.
     * Property names are not canonicalized: dbt keys its sections by unique ids, tens of thousands of distinct names
     * that would only grow Jackson's symbol table.
     */
    private static JsonMapper newMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                        .build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}
