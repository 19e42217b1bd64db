"""Builds run_results.json (simulated `dbt build` on 4 threads), catalog.json and sources.json of the sample."""
import re
from datetime import timedelta

import jaffle_project as P
from jaffle_story import (BUILD_ARGS, BUILD_START, CATALOG_AT, DBT_VERSION, EXPECTED_SKIPPED, FRESHNESS,
                          INVOCATION_ID, INVOCATION_STARTED_AT, NODE_RESULTS, ROWS_AFFECTED, SNAPSHOT_TESTS,
                          SOURCES_AT, TESTS, UNIT_TESTS)
from sample_common import PKG, SOURCE_IDS, iso_offset, iso_z, md5, query_id, render
from sample_tests import test_naming


# -------------------------------------------------------------------------------------------- run_results
THREADS = ["Thread-%d (worker)" % i for i in range(1, 5)]
EXEC_RANGES = {"seed": (0.9, 2.4), "view": (0.45, 0.95), "table": (2.2, 4.8), "incremental": (3.1, 5.2),
               "snapshot": (5.5, 7.0), "test": (0.35, 1.2), "unit_test": (0.8, 1.6)}


def spread(uid, lo, hi, salt="exec"):
    return round(lo + (int(md5(salt + ":" + uid)[:6], 16) / float(0xFFFFFF)) * (hi - lo), 6)


def story_for(uid, node):
    """The explicit outcome the story gives a node: status, failures, message, execute seconds."""
    if uid in NODE_RESULTS:
        r = NODE_RESULTS[uid]
        return r["status"], None, r["message"], r.get("execute_s")
    if node["resource_type"] == "test" and node.get("test_metadata"):
        for t in TESTS + SNAPSHOT_TESTS:
            if test_naming(t)[0] == node["name"] and "result" in t:
                status, failures = t["result"]
                return status, failures, t.get("message"), t.get("execute_s")
    return None


def ancestors(uid, parent_map, memo):
    if uid not in memo:
        found = set()
        for p in parent_map.get(uid, []):
            found.add(p)
            found |= ancestors(p, parent_map, memo)
        memo[uid] = found
    return memo[uid]


def build_graph(manifest):
    """Execution graph of `dbt build`: ephemerals inlined, sources dropped, plus dbt's test edges."""
    nodes, parent_map = manifest["nodes"], manifest["parent_map"]
    ephemeral = {u for u, n in nodes.items() if n["config"].get("materialized") == "ephemeral"}

    def expand(parents):
        out = set()
        for p in parents:
            if p in ephemeral:
                out |= expand(parent_map[p])
            elif p in nodes:
                out.add(p)
        return out

    memo = {}
    tests = [u for u, n in nodes.items() if n["resource_type"] == "test"]
    graph = {}
    for uid in nodes:
        if uid in ephemeral:
            continue
        graph[uid] = expand(parent_map[uid])
        if nodes[uid]["resource_type"] != "test":
            upstream = ancestors(uid, parent_map, memo)
            graph[uid] |= {t for t in tests if set(parent_map[t]) <= upstream}
    return graph


def fixture_sql(manifest, given):
    if given["format"] == "sql":
        return given["rows"]
    rows = given["rows"]
    if not rows:
        src = re.match(r"source\('([a-z_]+)', '([a-z_]+)'\)", given["input"])
        cols = manifest["sources"][SOURCE_IDS[(src.group(1), src.group(2))]]["columns"]
        return "select\n" + ",\n".join("    null as %s" % c for c in cols) + "\nlimit 0"

    def literal(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        return "'%s'" % v if isinstance(v, str) else repr(v)

    return "\nunion all\n".join("select " + ", ".join("%s as %s" % (literal(v), k) for k, v in row.items())
                                for row in rows)


def unit_test_sql(manifest, u):
    model = P.MODELS_BY_NAME[u["model"]]
    overrides, ctes = {}, []
    for g in u["given"]:
        mt = re.match(r"ref\('([a-z_]+)'\)", g["input"])
        name = mt.group(1) if mt else re.match(r"source\('[a-z_]+', '([a-z_]+)'\)", g["input"]).group(1)
        cte = "__dbt__cte__" + name
        overrides[mt.group(1) if mt else g["input"]] = cte
        ctes.append("%s as (\n-- fixture for %s\n%s\n)" % (cte, name, fixture_sql(manifest, g)))
    sql = model["sql"]
    for key, cte in overrides.items():
        if key.startswith("source("):
            sql = sql.replace("{{ %s }}" % key, cte)
        else:
            sql = sql.replace("{{ ref('%s') }}" % key, cte)
    body = render(sql)
    return "with " + ", ".join(ctes) + ", " + body.lstrip()[len("with "):]


def result_record(uid, node, status, thread, start, compile_s, exec_s, adapter_response, message, failures,
                  compiled_code=None):
    compile_end = start + timedelta(seconds=compile_s)
    exec_start = compile_end + timedelta(seconds=0.002137)
    end = exec_start + timedelta(seconds=exec_s)
    if status == "skipped":
        timing, execution_time, end = [], 0, start + timedelta(seconds=0.0011)
    else:
        timing = [{"name": "compile", "started_at": iso_z(start), "completed_at": iso_z(compile_end)}]
        if status != "error":
            timing.append({"name": "execute", "started_at": iso_z(exec_start), "completed_at": iso_z(end)})
        execution_time = round((end - start).total_seconds() + 0.0142, 6)
    rtype = node["resource_type"]
    compiled_node = rtype in ("model", "test", "snapshot", "unit_test")
    if compiled_node and status == "skipped":
        compiled, code = False, None
    elif compiled_node:
        compiled, code = True, compiled_code if rtype == "unit_test" else node.get("compiled_code")
    else:
        compiled, code = None, None
    relation_name = node.get("relation_name") if compiled_node and rtype != "unit_test" else None
    return end, {"status": status, "timing": timing, "thread_id": thread, "execution_time": execution_time,
                 "adapter_response": adapter_response, "message": message, "failures": failures, "unique_id": uid,
                 "compiled": compiled, "compiled_code": code, "relation_name": relation_name,
                 "batch_results": None}


def success_response(uid, node, rows=1):
    if node["resource_type"] == "seed":
        n = P.SEEDS[node["name"]]["rows"]
        return {"_message": "INSERT %d" % n, "code": "INSERT", "rows_affected": n}, "INSERT %d" % n
    response = {"_message": "SUCCESS %d" % rows, "code": "SUCCESS", "rows_affected": rows, "query_id": query_id(uid)}
    return response, ("SUCCESS %d" % rows if node["resource_type"] in ("model", "snapshot") else None)


def run_one(manifest, uid, status, thread, start, failures=None, message=None, execute_s=None):
    node = manifest["nodes"].get(uid) or manifest["unit_tests"][uid]
    rtype = node["resource_type"]
    kind = node["config"].get("materialized") if rtype == "model" else rtype
    exec_s = execute_s or spread(uid, *EXEC_RANGES[kind])
    compile_s = spread(uid, 0.004, 0.009) if rtype == "seed" else spread(uid, 0.012, 0.061, "compile")
    if status in ("error", "skipped"):
        response = {}
    else:
        rows = ROWS_AFFECTED.get(uid, 2 if rtype == "unit_test" else 1)
        response, default_message = success_response(uid, node, rows)
        message = message or default_message
    if status == "pass":
        failures = 0
    elif status in ("warn", "fail"):
        verb = "warn" if status == "warn" else "fail"
        message = message or "Got %d results, configured to %s if != 0" % (failures, verb)
    code = unit_test_sql(manifest, next(u for u in UNIT_TESTS if uid.startswith(
        "unit_test.%s.%s.%s" % (PKG, u["model"], u["name"])))) if rtype == "unit_test" else None
    return result_record(uid, node, status, thread, start, compile_s, exec_s, response, message, failures, code)


def schedule_build(manifest):
    """Simulates `dbt build` on 4 threads and returns (results in completion order, elapsed_time, generated_at)."""
    nodes = manifest["nodes"]
    graph = build_graph(manifest)
    order = list(graph)
    units_of = {}
    for uid, u in manifest["unit_tests"].items():
        units_of.setdefault(u["depends_on"]["nodes"][0], []).append(uid)
    done, outcome, results = {}, {}, []
    free = [BUILD_START for _ in THREADS]
    gap = timedelta(seconds=0.0031)
    while len(done) < len(graph):
        ready = [u for u in order if u not in done and graph[u] <= done.keys()]
        uid = min(ready, key=lambda u: (max([done[p] for p in graph[u]] or [BUILD_START]), order.index(u)))
        ready_at = max([done[p] for p in graph[uid]] or [BUILD_START])
        slot = min(range(len(THREADS)), key=lambda i: free[i])
        start = max(ready_at, free[slot]) + gap
        upstream_failed = any(outcome[p] in ("error", "fail", "skipped") for p in graph[uid])
        for ut in sorted(units_of.get(uid, [])):
            spec = next(u for u in UNIT_TESTS if ut.startswith("unit_test.%s.%s.%s" % (PKG, u["model"], u["name"])))
            ut_status, ut_failures = ("skipped", None) if upstream_failed else spec["result"]
            end, record = run_one(manifest, ut, ut_status, THREADS[slot], start, ut_failures, spec.get("message"))
            results.append((end, record))
            upstream_failed = upstream_failed or ut_status in ("fail", "error")
            start = end + gap
        explicit = story_for(uid, nodes[uid])
        if upstream_failed:
            status, failures, message, execute_s = "skipped", None, None, None
        elif explicit:
            status, failures, message, execute_s = explicit
        else:
            status = "pass" if nodes[uid]["resource_type"] == "test" else "success"
            failures, message, execute_s = None, None, None
        end, record = run_one(manifest, uid, status, THREADS[slot], start, failures, message, execute_s)
        results.append((end, record))
        done[uid], outcome[uid], free[slot] = end, status, end
    skipped = {r["unique_id"] for _, r in results if r["status"] == "skipped"}
    named = {nodes[u]["name"] if nodes[u]["resource_type"] == "test" else u for u in skipped if u in nodes}
    if named != EXPECTED_SKIPPED:
        raise SystemExit("skipped set differs from the story: %s" % sorted(named ^ EXPECTED_SKIPPED))
    results.sort(key=lambda pair: pair[0])
    last = results[-1][0]
    elapsed = round((last - BUILD_START).total_seconds() + 0.8731, 6)
    return [r for _, r in results], elapsed, last + timedelta(seconds=0.0917)


def build_run_results(manifest):
    results, elapsed, generated_at = schedule_build(manifest)
    metadata = {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
                "dbt_version": DBT_VERSION, "generated_at": iso_z(generated_at), "invocation_id": INVOCATION_ID,
                "invocation_started_at": iso_z(INVOCATION_STARTED_AT), "env": {}}
    return {"metadata": metadata, "results": results, "elapsed_time": elapsed, "args": BUILD_ARGS}


# ------------------------------------------------------------------------------------------------ catalog
def catalog_stats(stats):
    has = {"id": "has_stats", "label": "Has Stats?", "value": stats is not None, "include": False,
           "description": "Indicates whether there are statistics for this table"}
    if stats is None:
        return {"has_stats": has}
    rows, size, modified = stats
    return {
        "bytes": {"id": "bytes", "label": "Approximate Size", "value": float(size), "include": True,
                  "description": "Approximate size of the table as reported by Snowflake"},
        "last_modified": {"id": "last_modified", "label": "Last Modified", "value": modified, "include": True,
                          "description": "The timestamp for last update/change"},
        "row_count": {"id": "row_count", "label": "Row Count", "value": float(rows), "include": True,
                      "description": "An approximate count of rows in this table"},
        "has_stats": has}


def build_catalog(manifest):
    nodes, sources = {}, {}
    for key, (db, schema, name, ttype, owner, persist, cols, stats) in P.WAREHOUSE.items():
        kind, rest = key.split(".", 1)
        if kind == "source":
            uid = "source.%s.%s" % (PKG, rest)
            entry = manifest["sources"][uid]
        else:
            uid = "%s.%s.%s" % (kind, PKG, rest)
            entry = manifest["nodes"][uid]
        documented = {c["name"]: c["description"] for c in entry["columns"].values()}
        columns = {}
        for index, (cname, ctype) in enumerate(cols, start=1):
            comment = documented.get(cname.lower()) if persist else None
            columns[cname] = {"type": ctype, "index": index, "name": cname, "comment": comment or None}
        table = {"metadata": {"type": ttype, "schema": schema, "name": name, "database": db,
                              "comment": entry["description"] if persist else None, "owner": owner},
                 "columns": columns, "stats": catalog_stats(stats), "unique_id": uid}
        (sources if kind == "source" else nodes)[uid] = table
    metadata = {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json", "dbt_version": DBT_VERSION,
                "generated_at": iso_z(CATALOG_AT), "invocation_id": INVOCATION_ID,
                "invocation_started_at": iso_z(INVOCATION_STARTED_AT), "env": {}}
    return {"metadata": metadata, "nodes": nodes, "sources": sources, "errors": None}


# ------------------------------------------------------------------------------------------------ sources
def build_freshness(manifest):
    results = []
    for f in FRESHNESS:
        uid = SOURCE_IDS[f["source"]]
        if f["status"] == "runtime error":
            results.append({"unique_id": uid, "error": f["error"], "status": "runtime error"})
            continue
        started = SOURCES_AT + timedelta(seconds=f["start"])
        compile_end = started + timedelta(seconds=0.0042)
        exec_start = compile_end + timedelta(seconds=0.0011)
        snapshotted = exec_start + timedelta(seconds=f["duration"] * 0.6)
        exec_end = exec_start + timedelta(seconds=f["duration"])
        loaded = f["max_loaded_at"]
        results.append({
            "unique_id": uid, "max_loaded_at": iso_offset(loaded), "snapshotted_at": iso_offset(snapshotted),
            "max_loaded_at_time_ago_in_s": (snapshotted - loaded).total_seconds(), "status": f["status"],
            "criteria": manifest["sources"][uid]["freshness"],
            "adapter_response": {"_message": "SUCCESS 1", "code": "SUCCESS", "rows_affected": 1,
                                 "query_id": query_id(uid)},
            "timing": [{"name": "compile", "started_at": iso_z(started), "completed_at": iso_z(compile_end)},
                       {"name": "execute", "started_at": iso_z(exec_start), "completed_at": iso_z(exec_end)}],
            "thread_id": f["thread"], "execution_time": round((exec_end - started).total_seconds() + 0.0123, 6)})
    last = max(f["start"] + f["duration"] for f in FRESHNESS)
    generated = SOURCES_AT + timedelta(seconds=last + 0.21)
    metadata = {"dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json", "dbt_version": DBT_VERSION,
                "generated_at": iso_z(generated), "invocation_id": INVOCATION_ID,
                "invocation_started_at": iso_z(INVOCATION_STARTED_AT), "env": {}}
    return {"metadata": metadata, "results": results, "elapsed_time": round(last + 1.317, 6)}
