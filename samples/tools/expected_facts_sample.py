#!/usr/bin/env python3
"""Counts the facts of a dbt artifact set (expected.json) and checks the set's consistency.

Our own script, standard library only (jsonschema is used for schema validation when it is installed).
Follows the `definitions` below, which are the ones of the shared reference expected.json files; the keys
marked "sample" in DEFINITIONS are additions for sources.json and the column union.

  python3 samples/tools/expected_facts_sample.py samples/jaffle-shop            # check expected.json is current
  python3 samples/tools/expected_facts_sample.py samples/jaffle-shop --write    # (re)write expected.json
  python3 samples/tools/expected_facts_sample.py --reference ../shared/reference/artifacts   # self-test
  add --schemas ../shared/reference/schemas to validate every file against the official JSON Schemas
"""
import json
import os
import re
import sys
from collections import Counter

DEFINITIONS = {
    "resource_type_counts": "entries of nodes+sources+exposures+metrics+semantic_models+unit_tests+saved_queries+groups, keyed by entry.resource_type (section singular if absent); functions/disabled/macros/docs excluded",
    "lineage_edges": "distinct (parent, child): child in nodes|exposures|metrics, parent in child.depends_on.nodes; both ids must be keys of one of the 8 resource sections or of functions",
    "lineage_edges_all_sections": "as lineage_edges but child may be in any resource section carrying depends_on.nodes (adds semantic_models, saved_queries, unit_tests, functions)",
    "tests": "nodes entries with resource_type == 'test'; with_* = field present, not null, not ''",
    "catalog_columns": "sum of len(columns) over catalog nodes and sources",
    "run_results_by_status": "Counter of results[].status",
    "cross_file": "*_ids_missing_from_manifest = entries of catalog nodes+sources / run_results / sources results whose unique_id is not a key of any manifest resource section (incl. functions); same_invocation_id = all files of the set share metadata.invocation_id",
}
SAMPLE_DEFINITIONS = {
    "sources": "sample: sources.json (freshness); by_status = Counter of results[].status",
    "columns": "sample: union of manifest columns (nodes+sources) and catalog columns (nodes+sources) per unique_id, names compared case-insensitively; documented = in the manifest, in_warehouse = in the catalog; documented_missing_from_catalog_table = documented columns of a relation the catalog has, absent from that relation",
    "run_results_by_resource_prefix_and_status": "sample: Counter of (unique_id prefix before the first '.', status)",
}

RESOURCE_SECTIONS = ["nodes", "sources", "exposures", "metrics", "semantic_models", "unit_tests", "saved_queries",
                     "groups"]
SECTION_ORDER = ["nodes", "sources", "exposures", "metrics", "semantic_models", "unit_tests", "saved_queries",
                 "groups", "functions"]
SINGULAR = {"nodes": "node", "sources": "source", "exposures": "exposure", "metrics": "metric",
            "semantic_models": "semantic_model", "unit_tests": "unit_test", "saved_queries": "saved_query",
            "groups": "group", "functions": "function"}
ARTIFACTS = ["manifest.json", "run_results.json", "catalog.json", "sources.json"]
SCHEMA_FILES = {"manifest.json": "manifest", "run_results.json": "run-results", "catalog.json": "catalog",
                "sources.json": "sources"}
ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|\+00:00)$")


def present(value):
    return value is not None and value != ""


def counted(counter):
    return {k: counter[k] for k in sorted(counter)}


def load(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


# ------------------------------------------------------------------------------------------------ manifest
def section(manifest, name):
    return manifest.get(name) or {}


def all_resource_ids(manifest):
    ids = set()
    for name in RESOURCE_SECTIONS + ["functions"]:
        ids |= set(section(manifest, name))
    return ids


def type_of(uid):
    """Lineage edges are typed by the unique_id prefix (cross-project stubs may carry another resource_type)."""
    return uid.split(".", 1)[0]


def lineage(manifest, child_sections):
    known = all_resource_ids(manifest)
    edges, dropped = set(), set()
    for name in child_sections:
        for uid, entry in section(manifest, name).items():
            for parent in ((entry.get("depends_on") or {}).get("nodes") or []):
                (edges if parent in known and uid in known else dropped).add((parent, uid))
    return edges, dropped


def manifest_facts(manifest):
    meta = manifest["metadata"]
    types = Counter()
    for name in RESOURCE_SECTIONS:
        for entry in section(manifest, name).values():
            types[entry.get("resource_type") or SINGULAR[name]] += 1
    edges, dropped = lineage(manifest, ["nodes", "exposures", "metrics"])
    all_edges, all_dropped = lineage(manifest, ["nodes", "exposures", "metrics", "semantic_models",
                                                "saved_queries", "unit_tests", "functions"])
    nodes = section(manifest, "nodes")
    tests = [n for n in nodes.values() if n.get("resource_type") == "test"]
    models = [n for n in nodes.values() if n.get("resource_type") == "model"]
    return {
        "metadata": {k: meta.get(k) for k in ("dbt_schema_version", "dbt_version", "adapter_type", "project_name",
                                              "invocation_id", "generated_at")},
        "section_counts": {name: len(section(manifest, name)) for name in SECTION_ORDER},
        "resource_type_counts": counted(types),
        "resource_total": sum(types.values()),
        "lineage_edges": len(edges),
        "lineage_edges_dropped_dangling": len(dropped),
        "lineage_edges_all_sections": len(all_edges),
        "lineage_edges_all_sections_dropped_dangling": len(all_dropped),
        "lineage_edges_by_child_type": counted(Counter(type_of(c) for _, c in edges)),
        "lineage_edges_by_parent_type": counted(Counter(type_of(p) for p, _ in edges)),
        "tests": {"count": len(tests),
                  "with_attached_node": sum(1 for t in tests if present(t.get("attached_node"))),
                  "with_column_name": sum(1 for t in tests if present(t.get("column_name"))),
                  "generic_with_test_metadata": sum(1 for t in tests if present(t.get("test_metadata")))},
        "extras": model_extras(manifest, models),
    }


def model_extras(manifest, models):
    nodes, sources = section(manifest, "nodes"), section(manifest, "sources")
    materialized = Counter((m.get("config") or {}).get("materialized") for m in models)
    code = [len(n.get(k) or "") for n in nodes.values() for k in ("raw_code", "compiled_code", "raw_sql",
                                                                   "compiled_sql")]
    return {
        "macros": len(section(manifest, "macros")),
        "docs": len(section(manifest, "docs")),
        "disabled_ids": len(section(manifest, "disabled")),
        "packages_in_nodes_and_sources": len({e.get("package_name") for e in list(nodes.values())
                                              + list(sources.values())}),
        "models_ephemeral": materialized.get("ephemeral", 0),
        "models_materialized": counted(materialized),
        "models_contract_enforced": sum(1 for m in models if ((m.get("config") or {}).get("contract") or {})
                                        .get("enforced")),
        "models_versioned": sum(1 for m in models if m.get("version") is not None),
        "models_with_group": sum(1 for m in models if present(m.get("group"))),
        "models_language": counted(Counter(m.get("language") or "sql" for m in models)),
        "node_columns_documented": sum(len(e.get("columns") or {}) for e in list(nodes.values())
                                       + list(sources.values())),
        "max_code_chars": max(code or [0]),
        "parent_map_keys": len(manifest.get("parent_map") or {}),
        "child_map_keys": len(manifest.get("child_map") or {}),
    }


# --------------------------------------------------------------------------------------------- other files
def catalog_facts(catalog):
    meta = catalog["metadata"]
    col_nodes = sum(len(t.get("columns") or {}) for t in catalog["nodes"].values())
    col_sources = sum(len(t.get("columns") or {}) for t in catalog["sources"].values())
    return {"dbt_schema_version": meta.get("dbt_schema_version"), "dbt_version": meta.get("dbt_version"),
            "invocation_id": meta.get("invocation_id"), "nodes": len(catalog["nodes"]),
            "sources": len(catalog["sources"]), "catalog_columns": col_nodes + col_sources,
            "catalog_columns_nodes": col_nodes, "catalog_columns_sources": col_sources,
            "errors": catalog.get("errors")}


def run_results_facts(run_results, with_sample_keys):
    meta = run_results["metadata"]
    results = run_results["results"]
    facts = {"dbt_schema_version": meta.get("dbt_schema_version"), "dbt_version": meta.get("dbt_version"),
             "invocation_id": meta.get("invocation_id"), "count": len(results),
             "by_status": counted(Counter(r["status"] for r in results)),
             "by_resource_prefix": counted(Counter(r["unique_id"].split(".")[0] for r in results)),
             "elapsed_time": run_results.get("elapsed_time")}
    if with_sample_keys:
        pairs = Counter("%s:%s" % (r["unique_id"].split(".")[0], r["status"]) for r in results)
        facts["by_resource_prefix_and_status"] = counted(pairs)
    return facts


def sources_facts(freshness):
    meta = freshness["metadata"]
    results = freshness["results"]
    return {"dbt_schema_version": meta.get("dbt_schema_version"), "dbt_version": meta.get("dbt_version"),
            "invocation_id": meta.get("invocation_id"), "count": len(results),
            "by_status": counted(Counter(r["status"] for r in results)),
            "elapsed_time": freshness.get("elapsed_time")}


def column_facts(manifest, catalog):
    documented, observed = {}, {}
    for name in ("nodes", "sources"):
        for uid, entry in section(manifest, name).items():
            for col in (entry.get("columns") or {}):
                documented.setdefault(uid, set()).add(col.lower())
        for uid, table in catalog[name].items():
            for col in (table.get("columns") or {}):
                observed.setdefault(uid, set()).add(col.lower())
    doc_pairs = {(u, c) for u, cols in documented.items() for c in cols}
    obs_pairs = {(u, c) for u, cols in observed.items() for c in cols}
    return {"documented": len(doc_pairs), "in_warehouse": len(obs_pairs), "both": len(doc_pairs & obs_pairs),
            "documented_only": len(doc_pairs - obs_pairs), "in_warehouse_only": len(obs_pairs - doc_pairs),
            "union": len(doc_pairs | obs_pairs),
            "documented_missing_from_catalog_table": sorted("%s.%s" % p for p in doc_pairs - obs_pairs
                                          if p[0] in observed)}


def facts(folder, set_name, sample):
    docs = {name: load(folder, name) for name in ARTIFACTS}
    manifest = docs["manifest.json"]
    out = {"set": set_name, "definitions": dict(DEFINITIONS, **(SAMPLE_DEFINITIONS if sample else {})),
           "files": {n: os.path.getsize(os.path.join(folder, n)) for n in ARTIFACTS if docs[n] is not None},
           "manifest": manifest_facts(manifest)}
    if docs["catalog.json"] is not None:
        out["catalog"] = catalog_facts(docs["catalog.json"])
    if docs["run_results.json"] is not None:
        out["run_results"] = run_results_facts(docs["run_results.json"], sample)
    if docs["sources.json"] is not None:
        out["sources"] = sources_facts(docs["sources.json"])
    if sample and docs["catalog.json"] is not None:
        out["columns"] = column_facts(manifest, docs["catalog.json"])
    out["dbt_schema_versions"] = {n: docs[n]["metadata"].get("dbt_schema_version") for n in ARTIFACTS
                                  if docs[n] is not None}
    known = all_resource_ids(manifest)
    cross = {}
    if docs["catalog.json"] is not None:
        ids = list(docs["catalog.json"]["nodes"]) + list(docs["catalog.json"]["sources"])
        cross["catalog_ids_missing_from_manifest"] = sum(1 for i in ids if i not in known)
    if docs["run_results.json"] is not None:
        cross["run_results_ids_missing_from_manifest"] = sum(
            1 for r in docs["run_results.json"]["results"] if r["unique_id"] not in known)
    if docs["sources.json"] is not None:
        cross["sources_ids_missing_from_manifest"] = sum(
            1 for r in docs["sources.json"]["results"] if r["unique_id"] not in known)
    cross["same_invocation_id"] = len({d["metadata"].get("invocation_id") for d in docs.values()
                                       if d is not None}) == 1
    out["cross_file"] = cross
    return out


# ----------------------------------------------------------------------------------------------- checks
def schema_problems(folder, schemas_dir):
    try:
        import jsonschema
    except ImportError:
        return ["jsonschema is not installed: schema validation skipped"], False
    problems = []
    for name, kind in SCHEMA_FILES.items():
        doc = load(folder, name)
        if doc is None:
            continue
        version = doc["metadata"]["dbt_schema_version"].rsplit("/", 1)[-1]
        for origin in ("schemas.getdbt.com/dbt", "dbt-core/schemas/dbt"):
            path = os.path.join(schemas_dir, origin, kind, version)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as fh:
                validator = jsonschema.Draft202012Validator(json.load(fh))
            for error in validator.iter_errors(doc):
                problems.append("%s vs %s: %s at %s" % (name, origin, error.message[:200], list(error.path)[:6]))
    return problems, True


def consistency_problems(folder):
    """The sample's own promises: lineage maps agree with depends_on, one invocation, ISO dates, casing."""
    problems = []
    manifest = load(folder, "manifest.json")
    members = {}
    for name in ("nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests"):
        for uid, entry in section(manifest, name).items():
            members[uid] = sorted((entry.get("depends_on") or {}).get("nodes") or [])
    children = {uid: sorted(c for c, ps in members.items() if uid in ps) for uid in members}
    if manifest["parent_map"] != members:
        problems.append("parent_map differs from depends_on.nodes")
    if manifest["child_map"] != children:
        problems.append("child_map differs from the inverse of depends_on.nodes")
    known = all_resource_ids(manifest)
    for uid, parents in members.items():
        problems += ["%s depends on unknown %s" % (uid, p) for p in parents if p not in known]
    for name in ("nodes", "sources"):
        for uid, entry in section(manifest, name).items():
            problems += ["%s column %s is not lower-case" % (uid, c) for c in entry.get("columns", {})
                         if c != c.lower()]
    problems += reference_problems(manifest)
    catalog = load(folder, "catalog.json")
    for uid in catalog["nodes"]:
        node = manifest["nodes"].get(uid) or {}
        if node.get("resource_type") == "test" or (node.get("config") or {}).get("materialized") == "ephemeral":
            problems.append("catalog holds %s, which has no relation" % uid)
    for name in ARTIFACTS:
        doc = load(folder, name)
        for key in ("generated_at", "invocation_started_at"):
            value = doc["metadata"].get(key)
            if value is not None and not ISO_Z.match(value):
                problems.append("%s metadata.%s is not ISO-8601 UTC: %s" % (name, key, value))
    for result in load(folder, "run_results.json")["results"]:
        for timing in result["timing"]:
            for key in ("started_at", "completed_at"):
                if not ISO_Z.match(timing[key]) or not timing[key].endswith("Z"):
                    problems.append("%s timing %s is not ISO-8601 with Z" % (result["unique_id"], key))
    return problems


def reference_problems(manifest):
    """Every id the manifest points at (macros, doc blocks, groups, attached nodes) exists in it."""
    problems = []
    macros, docs = section(manifest, "macros"), section(manifest, "docs")
    groups = {g["name"] for g in section(manifest, "groups").values()}
    entries = [e for name in RESOURCE_SECTIONS for e in section(manifest, name).values()] + list(macros.values())
    for e in entries:
        uid = e["unique_id"]
        problems += ["%s uses unknown macro %s" % (uid, m) for m in (e.get("depends_on") or {}).get("macros") or []
                     if m not in macros]
        blocks = list(e.get("doc_blocks") or []) + [b for c in (e.get("columns") or {}).values()
                                                    for b in c.get("doc_blocks") or []]
        problems += ["%s uses unknown doc %s" % (uid, b) for b in blocks if b not in docs]
        if e.get("group") and e["group"] not in groups:
            problems.append("%s is in unknown group %s" % (uid, e["group"]))
        if e.get("attached_node") and e["attached_node"] not in section(manifest, "nodes"):
            problems.append("%s is attached to unknown %s" % (uid, e["attached_node"]))
    for group, members in (manifest.get("group_map") or {}).items():
        expected = sorted(u for u, n in section(manifest, "nodes").items() if n.get("group") == group)
        if sorted(members) != expected:
            problems.append("group_map[%s] differs from the nodes' group" % group)
    return problems


def self_test(reference_dir):
    """Recomputes every shared expected.json: proves the counting follows the shared definitions."""
    bad = 0
    for set_name in sorted(os.listdir(reference_dir)):
        folder = os.path.join(reference_dir, set_name)
        expected = load(folder, "expected.json") if os.path.isdir(folder) else None
        if expected is None:
            continue
        mine = facts(folder, set_name, sample=False)
        diff = [k for k in expected if expected[k] != mine.get(k)]
        extra = [k for k in mine if k not in expected]
        if diff or extra:
            bad += 1
            print("MISMATCH", set_name, "keys:", diff, "extra:", extra)
            for k in diff:
                if isinstance(expected[k], dict):
                    for kk in expected[k]:
                        if expected[k][kk] != (mine.get(k) or {}).get(kk):
                            print("   ", k, kk, "expected", expected[k][kk], "got", (mine.get(k) or {}).get(kk))
        else:
            print("ok", set_name)
    return bad


def main(argv):
    if "--reference" in argv:
        return 1 if self_test(argv[argv.index("--reference") + 1]) else 0
    folder = argv[1]
    schemas_dir = argv[argv.index("--schemas") + 1] if "--schemas" in argv else None
    problems = consistency_problems(folder)
    if schemas_dir:
        schema_issues, ran = schema_problems(folder, schemas_dir)
        problems += schema_issues if ran else []
        print("schema validation:", "done" if ran else schema_issues[0])
    result = facts(folder, os.path.basename(os.path.normpath(folder)), sample=True)
    target = os.path.join(folder, "expected.json")
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if "--write" in argv:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
        print("wrote", target)
    elif not os.path.exists(target) or open(target, encoding="utf-8").read() != text:
        problems.append("expected.json is missing or stale: re-run with --write")
    for p in problems:
        print("PROBLEM:", p)
    print("checked", folder, "-", len(problems), "problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
