"""Builds manifest.json (v12) of the sample from jaffle_project.py and jaffle_story.py."""
import json

import jaffle_project as P
from jaffle_story import (DBT_VERSION, INVOCATION_ID, INVOCATION_STARTED_AT, MACROS, MANIFEST_AT, SINGULAR_TESTS,
                          SNAPSHOT_TESTS, STORY, TESTS, UNIT_TESTS, USER_ID)
from sample_common import (CLOCK, MODEL_IDS, MODEL_REL, PKG, REF_ID, SEED_IDS, SNAPSHOT_ID, SNAPSHOT_REL, SOURCE_IDS,
                           SOURCE_REL, base_config, columns_map, inject_cte, iso_offset, iso_z, md5, ref_args,
                           relation, render, schema_of, sha256)
from sample_tests import generic_test_node, singular_test_node


# ----------------------------------------------------------------------------------------------- manifest
def build_sources():
    out = {}
    for src in P.SOURCES:
        for t in src["tables"]:
            key = (src["source_name"], t["name"])
            freshness = t.get("freshness", src["default_freshness"])
            cols = [P.col(n, d) for n, d in t["columns"]]
            tags = t.get("tags", [])
            meta = dict(src["source_meta"])
            config = {"enabled": True, "event_time": None, "freshness": freshness,
                      "loaded_at_field": src["loaded_at_field"], "loaded_at_query": None, "meta": meta,
                      "tags": tags}
            unrendered = {"freshness": freshness, "loaded_at_field": src["loaded_at_field"]}
            if meta:
                unrendered["meta"] = meta
            out[SOURCE_IDS[key]] = {
                "database": P.RAW_DATABASE, "schema": src["schema"], "name": t["name"], "resource_type": "source",
                "package_name": PKG, "path": src["yml"], "original_file_path": src["yml"],
                "unique_id": SOURCE_IDS[key], "fqn": [PKG, "staging", src["source_name"], t["name"]],
                "source_name": src["source_name"], "source_description": src["source_description"],
                "loader": src["loader"], "identifier": t["name"],
                "quoting": {"database": None, "schema": None, "identifier": None, "column": None},
                "loaded_at_field": src["loaded_at_field"], "loaded_at_query": None, "freshness": freshness,
                "external": None, "description": t["description"], "columns": columns_map(cols), "meta": meta,
                "source_meta": src["source_meta"], "tags": tags, "config": config, "patch_path": None,
                "unrendered_config": unrendered, "relation_name": SOURCE_REL[key], "created_at": CLOCK.next(),
                "unrendered_database": P.RAW_DATABASE, "unrendered_schema": src["schema"], "doc_blocks": []}
    return out


def build_seeds():
    out = {}
    for name, s in P.SEEDS.items():
        uid = SEED_IDS[name]
        config = base_config("seed", "seeds", column_types=s["column_types"], delimiter=",", quote_columns=None)
        unrendered = {"schema": "seeds"}
        if s["column_types"]:
            unrendered["column_types"] = s["column_types"]
        cols = [P.col(n, d, t) for n, d, t in s["columns"]]
        out[uid] = {
            "database": P.DATABASE, "schema": schema_of("seeds"), "name": name, "resource_type": "seed",
            "package_name": PKG, "path": name + ".csv", "original_file_path": "seeds/%s.csv" % name,
            "unique_id": uid, "fqn": [PKG, name], "alias": name,
            "checksum": {"name": "sha256", "checksum": sha256("seed %s %d rows" % (name, s["rows"]))},
            "config": config, "tags": [], "description": s["description"], "columns": columns_map(cols),
            "meta": {}, "group": None, "docs": {"show": True, "node_color": None},
            "patch_path": PKG + "://seeds/_seeds.yml", "build_path": None, "unrendered_config": unrendered,
            "created_at": CLOCK.next(), "relation_name": relation(P.DATABASE, schema_of("seeds"), name),
            "raw_code": "", "doc_blocks": [], "root_path": "/usr/app/dbt/jaffle_shop", "depends_on": {"macros": []}}
    return out


def model_parents(m):
    nodes = [REF_ID[r] for r in m["refs"]] + [SOURCE_IDS[s] for s in m["sources"]]
    return sorted(set(nodes))


def compiled_model_code(m):
    if m["name"] in STORY["not_compiled"]:
        return None, []
    this_rel = MODEL_REL[m["name"]]
    code = render(m["sql"], this_rel, incremental=(m["materialized"] == "incremental"))
    if "int_order_payments" in m["refs"]:
        parent = next(x for x in P.MODELS if x["name"] == "int_order_payments")
        code, cte = inject_cte(render(parent["sql"]), code)
        return code, [{"id": MODEL_IDS["int_order_payments"], "sql": cte}]
    return code, []


def build_models():
    out = {}
    for m in P.MODELS:
        uid = MODEL_IDS[m["name"]]
        version = m.get("version")
        alias = m["name"] + ("_v%d" % version if version else "")
        file_name = m.get("file", m["name"] + ".sql")
        enforced = bool(m.get("contract"))
        extra = {"access": m["access"], "freshness": None, "tags": m["tags"], "meta": m.get("meta", {}),
                 "group": m.get("group"), "contract": {"enforced": enforced, "alias_types": True}}
        extra.update(m.get("incremental", {}))
        if m["dir"] == "marts":
            extra["persist_docs"] = {"relation": True, "columns": True}
        config = base_config(m["materialized"], None if m["dir"] == "intermediate" else m["dir"], **extra)
        unrendered = {"materialized": m["materialized"]}
        if m["dir"] != "intermediate":
            unrendered["schema"] = m["dir"]
        if m["dir"] == "marts":
            unrendered["persist_docs"] = {"relation": True, "columns": True}
        unrendered.update(m.get("incremental", {}))
        if m["access"] != "protected":
            unrendered["access"] = m["access"]
        if m.get("group"):
            unrendered["group"] = m["group"]
        if m["tags"]:
            unrendered["tags"] = m["tags"]
        if m.get("meta"):
            unrendered["meta"] = m["meta"]
        if enforced:
            unrendered["contract"] = {"enforced": True}
        node = {
            "database": P.DATABASE, "schema": schema_of(m["dir"]) if m["dir"] != "intermediate" else P.TARGET_SCHEMA,
            "name": m["name"], "resource_type": "model", "package_name": PKG,
            "path": "%s/%s" % (m["dir"], file_name), "original_file_path": "models/%s/%s" % (m["dir"], file_name),
            "unique_id": uid, "fqn": [PKG, m["dir"], m["name"]] + (["v%d" % version] if version else []),
            "alias": alias, "checksum": {"name": "sha256", "checksum": sha256(m["sql"])}, "config": config,
            "tags": m["tags"], "description": m["description"], "columns": columns_map(m["columns"]),
            "meta": m.get("meta", {}), "group": m.get("group"), "docs": {"show": True, "node_color": None},
            "patch_path": PKG + "://" + m["yml"], "build_path": None, "unrendered_config": unrendered,
            "created_at": CLOCK.next(), "relation_name": MODEL_REL[m["name"]], "raw_code": m["sql"],
            "doc_blocks": [], "language": "sql", "refs": [ref_args(r) for r in m["refs"]],
            "sources": [list(s) for s in m["sources"]], "metrics": [],
            "depends_on": {"macros": m["macros"], "nodes": model_parents(m)},
            "compiled_path": "target/compiled/%s/models/%s/%s" % (PKG, m["dir"], file_name)}
        code, ctes = compiled_model_code(m)
        if code is not None:
            node.update({"compiled": True, "compiled_code": code, "extra_ctes_injected": True, "extra_ctes": ctes})
        else:
            node["compiled_path"] = None
        contract_checksum = sha256(json.dumps([[c["name"], c["data_type"]] for c in m["columns"]])) if enforced \
            else None
        constraints = []
        node.update({"contract": {"enforced": enforced, "alias_types": True, "checksum": contract_checksum},
                     "access": m["access"], "constraints": constraints, "version": version,
                     "latest_version": m.get("latest_version"), "deprecation_date": None,
                     "primary_key": m["primary_key"], "time_spine": None})
        out[uid] = node
    return out


def build_snapshot():
    s = P.SNAPSHOT
    raw = "select * from {{ source('%s', '%s') }}" % s["source"]
    config = base_config("snapshot", "snapshots", unique_key=s["unique_key"], strategy="timestamp",
                         target_schema=None, target_database=None, updated_at=s["updated_at"], check_cols=None,
                         snapshot_meta_column_names={"dbt_valid_to": None, "dbt_valid_from": None,
                                                     "dbt_scd_id": None, "dbt_updated_at": None,
                                                     "dbt_is_deleted": None},
                         dbt_valid_to_current=None)
    return {SNAPSHOT_ID: {
        "database": P.DATABASE, "schema": schema_of("snapshots"), "name": s["name"], "resource_type": "snapshot",
        "package_name": PKG, "path": "customers_snapshot.yml/customers_snapshot.sql",
        "original_file_path": s["yml"], "unique_id": SNAPSHOT_ID, "fqn": [PKG, s["name"]], "alias": s["name"],
        "checksum": {"name": "sha256", "checksum": sha256(raw + s["yml"])}, "config": config, "tags": [],
        "description": s["description"], "columns": columns_map(s["columns"]), "meta": {}, "group": None,
        "docs": {"show": True, "node_color": None}, "patch_path": PKG + "://" + s["yml"], "build_path": None,
        "unrendered_config": {"schema": "snapshots", "unique_key": s["unique_key"], "strategy": "timestamp",
                              "updated_at": s["updated_at"]},
        "created_at": CLOCK.next(), "relation_name": SNAPSHOT_REL, "raw_code": raw, "doc_blocks": [],
        "language": "sql", "refs": [], "sources": [list(s["source"])], "metrics": [],
        "depends_on": {"macros": [], "nodes": [SOURCE_IDS[s["source"]]]}, "compiled_path": None, "compiled": True,
        "compiled_code": render(raw), "extra_ctes_injected": True, "extra_ctes": [],
        "contract": {"enforced": False, "alias_types": True, "checksum": None}}}


def build_unit_tests():
    out = {}
    for u in UNIT_TESTS:
        model = P.MODELS_BY_NAME[u["model"]]
        version = model.get("version")
        uid = "unit_test.%s.%s.%s" % (PKG, u["model"], u["name"] + ("_v%d" % version if version else ""))
        given = [{"input": g["input"], "rows": g["rows"], "format": g["format"], "fixture": None}
                 for g in u["given"]]
        out[uid] = {
            "model": u["model"], "given": given, "expect": {"rows": u["expect"], "format": "dict", "fixture": None},
            "name": u["name"], "resource_type": "unit_test", "package_name": PKG,
            "path": "marts/_marts__unit_tests.yml", "original_file_path": "models/marts/_marts__unit_tests.yml",
            "unique_id": uid, "fqn": [PKG, "marts", u["model"], u["name"]], "description": u["description"],
            "overrides": None, "depends_on": {"macros": [], "nodes": [MODEL_IDS[u["model"]]]},
            "config": {"tags": u.get("tags", []), "meta": {}, "enabled": True},
            "checksum": sha256(json.dumps(u, sort_keys=True)), "schema": schema_of("marts"),
            "created_at": CLOCK.next(), "versions": None, "version": version}
    return out


def build_exposures():
    uid = "exposure.%s.weekly_revenue_dashboard" % PKG
    meta = {"tool": "looker", "refresh": "weekly"}
    return {uid: {
        "name": "weekly_revenue_dashboard", "resource_type": "exposure", "package_name": PKG,
        "path": "marts/_exposures.yml", "original_file_path": "models/marts/_exposures.yml", "unique_id": uid,
        "fqn": [PKG, "marts", "weekly_revenue_dashboard"], "type": "dashboard", "owner": P.FINANCE_OWNER,
        "description": "Revenue, order count and ad spend per week, with customer counts by region.\n"
                       "Reviewed every Monday by the finance leadership team.",
        "label": "Weekly revenue", "maturity": "high", "meta": meta, "tags": ["finance"],
        "config": {"enabled": True, "tags": ["finance"], "meta": meta},
        "unrendered_config": {"meta": meta, "tags": ["finance"]},
        "url": "https://bi.example.com/dashboards/weekly-revenue",
        "depends_on": {"macros": [], "nodes": sorted([MODEL_IDS["customers"], MODEL_IDS["fct_daily_revenue"]])},
        "refs": [ref_args("customers"), ref_args("fct_daily_revenue")], "sources": [], "metrics": [],
        "created_at": CLOCK.next()}}


def build_groups():
    uid = "group.%s.finance" % PKG
    return {uid: {"name": "finance", "resource_type": "group", "package_name": PKG, "path": "marts/_groups.yml",
                  "original_file_path": "models/marts/_groups.yml", "unique_id": uid, "owner": P.FINANCE_OWNER,
                  "description": "Owns revenue and customer reporting.", "config": {"meta": {}}}}


def build_macros():
    out = {}
    for name, m in MACROS.items():
        package = m.get("package", "dbt")
        uid = "macro.%s.%s" % (package, name)
        out[uid] = {"name": name, "resource_type": "macro", "package_name": package, "path": m["path"],
                    "original_file_path": m["path"], "unique_id": uid, "macro_sql": m["sql"],
                    "depends_on": {"macros": m.get("depends", [])}, "description": m.get("description", ""),
                    "meta": {}, "docs": {"show": True, "node_color": None}, "patch_path": m.get("patch_path"),
                    "arguments": m.get("arguments", []), "created_at": CLOCK.next(), "supported_languages": None}
    return out


def build_docs():
    uid = "doc.%s.order_status" % PKG
    return {uid: {"name": "order_status", "resource_type": "doc", "package_name": PKG, "path": "docs.md",
                  "original_file_path": "models/docs.md", "unique_id": uid, "block_contents": P.ORDER_STATUS_DOC}}


def edge_maps(sections):
    members = {}
    for section in sections:
        for uid, entry in section.items():
            members[uid] = list((entry.get("depends_on") or {}).get("nodes") or [])
    parent_map = {uid: sorted(parents) for uid, parents in members.items()}
    child_map = {uid: [] for uid in members}
    for uid, parents in members.items():
        for p in parents:
            if p in child_map:
                child_map[p].append(uid)
    return parent_map, {k: sorted(v) for k, v in child_map.items()}


def build_manifest():
    # parse order as dbt does it: sources and seeds, models, snapshots, tests, unit tests, exposures
    seeds = build_seeds()
    models = build_models()
    snapshot = build_snapshot()
    sources = build_sources()
    tests = {}
    for t in TESTS + SNAPSHOT_TESTS:
        uid, node = generic_test_node(t)
        tests[uid] = node
    for t in SINGULAR_TESTS:
        uid, node = singular_test_node(t)
        tests[uid] = node
    nodes = {}
    for part in (seeds, models, snapshot, tests):
        nodes.update(part)
    unit_tests = build_unit_tests()
    exposures = build_exposures()
    groups = build_groups()
    parent_map, child_map = edge_maps([nodes, sources, exposures, {}, {}, {}, unit_tests])
    group_map = {"finance": sorted(uid for uid, n in nodes.items() if n.get("group") == "finance")}
    metadata = {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                "dbt_version": DBT_VERSION, "generated_at": iso_z(MANIFEST_AT), "invocation_id": INVOCATION_ID,
                "invocation_started_at": iso_offset(INVOCATION_STARTED_AT), "env": {}, "project_name": PKG,
                "project_id": md5(PKG), "user_id": USER_ID, "send_anonymous_usage_stats": True,
                "adapter_type": "snowflake",
                "quoting": {"database": False, "schema": False, "identifier": False, "column": None}}
    return {"metadata": metadata, "nodes": nodes, "sources": sources, "macros": build_macros(),
            "docs": build_docs(), "exposures": exposures, "metrics": {}, "groups": groups, "selectors": {},
            "disabled": {}, "parent_map": parent_map, "child_map": child_map, "group_map": group_map,
            "saved_queries": {}, "semantic_models": {}, "unit_tests": unit_tests}
