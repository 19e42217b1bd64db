"""Helpers shared by the sample generator: time and hash formatting, relation names, a tiny SQL renderer."""
import hashlib
import re
from datetime import timedelta, timezone

import jaffle_project as P
from jaffle_story import INVOCATION_STARTED_AT

PKG = P.PROJECT
UTC = timezone.utc


# ----------------------------------------------------------------------------------------------- helpers
def iso_z(dt):
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def iso_offset(dt):
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def md5(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def query_id(seed):
    h = md5("query:" + seed)
    return "01bd%s-0306-%s-0000-%s" % (h[:4], h[4:8], h[8:20])


class Clock:
    """Hands out increasing created_at epochs, as dbt stamps nodes while it parses."""

    def __init__(self, start):
        self.t = start.timestamp()

    def next(self):
        self.t += 0.0031 + (int(md5(str(self.t))[:2], 16) / 25600.0)
        return round(self.t, 7)


CLOCK = Clock(INVOCATION_STARTED_AT + timedelta(seconds=1.4))


def schema_of(kind):
    return P.SCHEMAS[kind]


def relation(database, schema, identifier):
    return "%s.%s.%s" % (database, schema, identifier)


def ref_args(name, version=None):
    return {"name": name, "package": None, "version": version}


def column_entry(c):
    constraints = [{"type": c2["type"], "name": None, "expression": None, "warn_unenforced": True,
                    "warn_unsupported": True, "to": None, "to_columns": []} for c2 in c["constraints"]]
    return {"name": c["name"], "description": c["description"], "meta": c["meta"], "data_type": c["data_type"],
            "constraints": constraints, "quote": None, "config": {"meta": c["meta"], "tags": c["tags"]},
            "tags": c["tags"], "granularity": None, "doc_blocks": c["doc_blocks"]}


def columns_map(cols):
    return {c["name"]: column_entry(c) for c in cols}


def base_config(materialized, schema_key=None, **extra):
    config = {"enabled": True, "alias": None, "schema": schema_key, "database": None, "tags": [], "meta": {},
              "group": None, "materialized": materialized, "incremental_strategy": None, "batch_size": None,
              "lookback": 1, "begin": None, "persist_docs": {}, "post-hook": [], "pre-hook": [], "quoting": {},
              "column_types": {}, "full_refresh": None, "unique_key": None, "on_schema_change": "ignore",
              "on_configuration_change": "apply", "grants": {}, "packages": [],
              "docs": {"show": True, "node_color": None}, "contract": {"enforced": False, "alias_types": True},
              "event_time": None, "concurrent_batches": None}
    config.update(extra)
    return config


# --------------------------------------------------------------------------------------------- relations
SOURCE_IDS = {}
SOURCE_REL = {}
for src in P.SOURCES:
    for t in src["tables"]:
        key = (src["source_name"], t["name"])
        SOURCE_IDS[key] = "source.%s.%s.%s" % (PKG, src["source_name"], t["name"])
        SOURCE_REL[key] = relation(P.RAW_DATABASE, src["schema"], t["name"])

SEED_IDS = {name: "seed.%s.%s" % (PKG, name) for name in P.SEEDS}
MODEL_IDS = {}
MODEL_REL = {}
for m in P.MODELS:
    uid = "model.%s.%s" % (PKG, m["name"]) + (".v%d" % m["version"] if m.get("version") else "")
    MODEL_IDS[m["name"]] = uid
    alias = m["name"] + ("_v%d" % m["version"] if m.get("version") else "")
    MODEL_REL[m["name"]] = None if m["materialized"] == "ephemeral" else relation(
        P.DATABASE, schema_of(m["dir"]), alias)
SNAPSHOT_ID = "snapshot.%s.%s" % (PKG, P.SNAPSHOT["name"])
SNAPSHOT_REL = relation(P.DATABASE, schema_of("snapshots"), P.SNAPSHOT["name"])
REF_ID = dict(MODEL_IDS, **SEED_IDS, **{P.SNAPSHOT["name"]: SNAPSHOT_ID})
REF_REL = dict({k: v for k, v in MODEL_REL.items()},
               **{s: relation(P.DATABASE, schema_of("seeds"), s) for s in P.SEEDS},
               **{P.SNAPSHOT["name"]: SNAPSHOT_REL})
REF_REL["int_order_payments"] = "__dbt__cte__int_order_payments"
MACRO_SQL = {"cents_to_dollars": lambda arg: "round(%s / 100, 2)" % arg}


def render(sql, this_rel=None, incremental=False):
    """A tiny stand-in for Jinja: resolves ref/source/config/cents_to_dollars/is_incremental in our SQL."""
    sql = re.sub(r"\{\{\s*config\((?:.|\n)*?\)\s*\}\}\n*", "", sql)
    sql = re.sub(r"\{\{ ref\('([a-z_]+)'\) \}\}", lambda mt: REF_REL[mt.group(1)], sql)
    sql = re.sub(r"\{\{ source\('([a-z_]+)', '([a-z_]+)'\) \}\}",
                 lambda mt: SOURCE_REL[(mt.group(1), mt.group(2))], sql)
    sql = re.sub(r"\{\{ cents_to_dollars\('([a-z_.]+)'\) \}\}", lambda mt: MACRO_SQL["cents_to_dollars"](mt.group(1)),
                 sql)
    block = re.compile(r"\{% if is_incremental\(\) %\}\n((?:.|\n)*?)\{% endif %\}\n")
    sql = block.sub(lambda mt: mt.group(1) if incremental else "", sql)
    if this_rel:
        sql = sql.replace("{{ this }}", this_rel)
    return sql


def inject_cte(compiled_parent, compiled_child):
    """dbt inlines an ephemeral parent as the first CTE of the child."""
    cte = " __dbt__cte__int_order_payments as (\n%s\n)" % compiled_parent.rstrip("\n")
    if compiled_child.lstrip().startswith("with "):
        return "with" + cte + ", " + compiled_child.lstrip()[len("with "):], cte
    return "with" + cte + "\n" + compiled_child, cte
