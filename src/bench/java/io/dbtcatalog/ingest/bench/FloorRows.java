package io.dbtcatalog.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders, ahead of the timed bulk load, the rows a first ingestion of a synthetic project writes into each catalog
 * table, as PostgreSQL {@code COPY} text files: same row counts and same text (descriptions, code, ids) as the
 * artifacts, so the floor loads realistic widths.
 */
final class FloorRows {

    /** The floor tables, each shaped like the catalog table it mirrors, and the columns the floor fills. */
    enum Table {
        NODE(
                "catalog_node",
                "project_key, unique_id, resource_type, package_name, name, database_name, schema_name,"
                        + " identifier, relation_name, materialization, language, description, owner, tags, meta, access,"
                        + " group_name, version, contract_enforced, file_path, raw_code, compiled_code, checksum, content_hash,"
                        + " first_seen_at, seen_at, last_changed_at, deleted_at, last_ingestion_run_id"),
        COLUMN(
                "catalog_column",
                "project_key, node_unique_id, column_name, data_type, ordinal, description, tags,"
                        + " meta, documented, in_warehouse, content_hash, first_seen_at, seen_at, last_changed_at,"
                        + " deleted_at, last_ingestion_run_id"),
        LINEAGE(
                "catalog_lineage",
                "project_key, parent_unique_id, child_unique_id, first_seen_at, seen_at,"
                        + " last_changed_at, deleted_at, last_ingestion_run_id"),
        TEST(
                "catalog_test",
                "project_key, unique_id, test_name, kind, attached_node_unique_id, column_name,"
                        + " severity, kwargs, content_hash, first_seen_at, seen_at, last_changed_at, deleted_at,"
                        + " last_ingestion_run_id"),
        TEST_RESULT(
                "catalog_test_result",
                "project_key, test_unique_id, invocation_id, status, failures, message,"
                        + " execution_time_s, started_at, completed_at, generated_at, dbt_run_id, ingestion_run_id"),
        RUN_RESULT(
                "catalog_run_result",
                "project_key, node_unique_id, invocation_id, status, message,"
                        + " execution_time_s, started_at, completed_at, rows_affected, generated_at, dbt_run_id,"
                        + " ingestion_run_id");

        final String catalogTable;
        final String columns;

        Table(String catalogTable, String columns) {
            this.catalogTable = catalogTable;
            this.columns = columns;
        }

        /** An append-only history table: the only rows the next run of an unchanged project writes. */
        boolean history() {
            return this == TEST_RESULT || this == RUN_RESULT;
        }

        String floorTable() {
            return "floor_" + catalogTable.substring("catalog_".length());
        }
    }

    static final String PROJECT_KEY = "bench";
    private static final String SEEN = "2026-03-02 06:30:00+00";

    private final SpecFactory specs;
    private final DagLayout layout;
    private final String invocationId;
    private final Map<Table, CopyText> out = new EnumMap<>(Table.class);
    private long hashCounter;

    private FloorRows(SyntheticDbtProject project, Path folder) {
        this.specs = project.specs();
        this.layout = specs.layout();
        this.invocationId = project.metadata().invocationId();
        for (Table table : Table.values()) {
            out.put(table, new CopyText(open(folder.resolve(table.floorTable() + ".copy"))));
        }
    }

    /** Writes one COPY file per table into {@code folder}; returns the row count per table. */
    static Map<Table, Long> render(SyntheticDbtProject project, Path folder) {
        FloorRows rows = new FloorRows(project, folder);
        try {
            rows.renderAll();
        } finally {
            rows.out.values().forEach(CopyText::close);
        }
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        rows.out.forEach((table, text) -> counts.put(table, text.rows()));
        return counts;
    }

    static Path file(Path folder, Table table) {
        return folder.resolve(table.floorTable() + ".copy");
    }

    private static BufferedWriter open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    private void renderAll() {
        for (int k = 0; k < layout.seeds; k++) {
            Specs.Seed seed = specs.seed(k);
            node(
                    seed.id(),
                    "seed",
                    seed.name(),
                    "seeds",
                    Specs.relation("seeds", seed.name()),
                    "seed",
                    seed.description(),
                    null,
                    "[]",
                    "{}",
                    "seeds/" + seed.name() + ".csv",
                    "",
                    null,
                    seed.checksum());
            columns(seed.id(), seed.columns(), true, false);
            runResult(seed.id(), null);
        }
        for (int s = 0; s < layout.sources; s++) {
            Specs.Source source = specs.source(s);
            node(
                    source.id(),
                    "source",
                    source.table(),
                    source.schema(),
                    Specs.relation(source.schema(), source.table()),
                    null,
                    source.description(),
                    source.owner(),
                    Specs.jsonArray(source.tags()),
                    "{\"owner\":\"" + source.owner() + "\"}",
                    "models/staging/_sources.yml",
                    null,
                    null,
                    null);
            columns(source.id(), source.columns(), true, false);
        }
        for (int i = 0; i < layout.models; i++) {
            model(specs.model(i));
            for (int t = 0; t < layout.testsOf(i); t++) {
                test(specs.test(i, t));
            }
        }
        for (int e = 0; e < layout.exposures; e++) {
            Specs.Exposure exposure = specs.exposure(e);
            node(
                    exposure.id(),
                    "exposure",
                    exposure.name(),
                    null,
                    null,
                    null,
                    exposure.description(),
                    exposure.ownerName(),
                    "[]",
                    "{}",
                    "models/marts/_exposures.yml",
                    null,
                    null,
                    null);
            exposure.parentIds().forEach(parent -> edge(parent, exposure.id()));
        }
    }

    private void model(Specs.Model m) {
        boolean inWarehouse = !"ephemeral".equals(m.materialization());
        node(
                m.id(),
                "model",
                m.name(),
                m.schema(),
                m.relationName(),
                m.materialization(),
                m.description(),
                m.owner(),
                Specs.jsonArray(m.tags()),
                Specs.json(m.meta()),
                m.filePath(),
                m.rawCode(),
                m.compiledCode(),
                m.checksum());
        columns(m.id(), m.columns(), inWarehouse, inWarehouse);
        m.parentIds().forEach(parent -> edge(parent, m.id()));
        if (inWarehouse) {
            runResult(m.id(), "SUCCESS 1234");
        }
    }

    private void node(
            String id,
            String type,
            String name,
            String schema,
            String relation,
            String materialization,
            String description,
            String owner,
            String tags,
            String meta,
            String filePath,
            String raw,
            String compiled,
            String checksum) {
        out.get(Table.NODE)
                .row(
                        PROJECT_KEY,
                        id,
                        type,
                        BenchNames.PROJECT,
                        name,
                        BenchNames.DATABASE,
                        schema,
                        name,
                        relation,
                        materialization,
                        "sql",
                        description,
                        owner,
                        tags,
                        meta,
                        "protected",
                        null,
                        null,
                        "f",
                        filePath,
                        raw,
                        compiled,
                        checksum,
                        contentHash(),
                        SEEN,
                        SEEN,
                        SEEN,
                        null,
                        "1");
    }

    private void columns(String nodeId, List<Specs.Column> columns, boolean inWarehouse, boolean undocumented) {
        int ordinal = 1;
        for (Specs.Column column : columns) {
            out.get(Table.COLUMN)
                    .row(
                            PROJECT_KEY,
                            nodeId,
                            column.name(),
                            column.warehouseType(),
                            Integer.toString(ordinal++),
                            column.description(),
                            "[]",
                            "{}",
                            "t",
                            inWarehouse ? "t" : "f",
                            contentHash(),
                            SEEN,
                            SEEN,
                            SEEN,
                            null,
                            "1");
        }
        if (undocumented) {
            out.get(Table.COLUMN)
                    .row(
                            PROJECT_KEY,
                            nodeId,
                            BenchNames.UNDOCUMENTED_COLUMN,
                            "TIMESTAMP_NTZ",
                            Integer.toString(ordinal),
                            null,
                            "[]",
                            "{}",
                            "f",
                            "t",
                            contentHash(),
                            SEEN,
                            SEEN,
                            SEEN,
                            null,
                            "1");
        }
    }

    private void edge(String parent, String child) {
        out.get(Table.LINEAGE).row(PROJECT_KEY, parent, child, SEEN, SEEN, SEEN, null, "1");
    }

    private void test(Specs.Test t) {
        node(
                t.id(),
                "test",
                t.name(),
                "dbt_test__audit",
                null,
                "test",
                "",
                null,
                "[]",
                "{}",
                t.schemaFilePath(),
                t.rawCode(),
                t.compiledCode(),
                null);
        t.parentIds().forEach(parent -> edge(parent, t.id()));
        out.get(Table.TEST)
                .row(
                        PROJECT_KEY,
                        t.id(),
                        t.testName(),
                        "generic",
                        t.attachedId(),
                        t.columnName(),
                        t.severity(),
                        Specs.json(t.kwargs()),
                        contentHash(),
                        SEEN,
                        SEEN,
                        SEEN,
                        null,
                        "1");
        out.get(Table.TEST_RESULT)
                .row(PROJECT_KEY, t.id(), invocationId, "pass", "0", null, "1.234", SEEN, SEEN, SEEN, null, "1");
    }

    private void runResult(String nodeId, String message) {
        out.get(Table.RUN_RESULT)
                .row(
                        PROJECT_KEY,
                        nodeId,
                        invocationId,
                        "success",
                        message,
                        "12.5",
                        SEEN,
                        SEEN,
                        "1234",
                        SEEN,
                        null,
                        "1");
    }

    private String contentHash() {
        return BenchNames.hex(hashCounter++, 64);
    }
}
