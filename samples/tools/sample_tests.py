"""Test nodes of the sample manifest: dbt's generic test naming, compiled test SQL, singular tests."""
import re

import jaffle_project as P
from jaffle_story import STORY
from sample_common import (CLOCK, PKG, REF_ID, REF_REL, SOURCE_IDS, SOURCE_REL, md5, ref_args, render, schema_of,
                           sha256)


def flat(value):
    return re.sub(r"[^0-9a-zA-Z_]+", "_", value)


def test_naming(t):
    """dbt's generic test naming: <macro>_<target>_<column>[__<sorted kwargs>], long names get a hashed alias."""
    kind = t["on"][0]
    if kind == "source":
        target = "source_%s_%s_%s" % (t["macro"], t["on"][1], t["on"][2])
        ident = target
    else:
        target_name = t["on"][1] + ("_v%d" % t["version"] if t.get("version") else "")
        ident = "%s_%s" % (t["macro"], target_name)
    suffix = ""
    for key in sorted(t.get("kwargs", {})):
        value = t["kwargs"][key]
        suffix += "__" + ("__".join(value) if isinstance(value, list) else flat(value))
    full = "%s_%s%s" % (ident, t["column"], suffix)
    alias = full if len(full) < 64 else "%s_%s" % (ident[:30], md5(full))
    return full, alias


def test_target_relation(t):
    if t["on"][0] == "source":
        return SOURCE_REL[(t["on"][1], t["on"][2])]
    return REF_REL[t["on"][1]]


def generic_test_sql(t):
    rel, c = test_target_relation(t), t["column"]
    macro = t["macro"]
    if macro == "not_null":
        return "\n\nselect %s\nfrom %s\nwhere %s is null\n\n" % (c, rel, c)
    if macro == "unique":
        return ("\n\nselect\n    %s as unique_field,\n    count(*) as n_records\nfrom %s\nwhere %s is not null\n"
                "group by %s\nhaving count(*) > 1\n\n") % (c, rel, c, c)
    if macro == "accepted_values":
        values = ", ".join("'%s'" % v for v in t["kwargs"]["values"])
        return ("\n\nwith observed as (\n    select %s as value_field, count(*) as n_records\n    from %s\n"
                "    group by %s\n)\n\nselect *\nfrom observed\nwhere value_field not in (%s)\n\n") % (
                    c, rel, c, values)
    to_rel = REF_REL[re.match(r"ref\('([a-z_]+)'\)", t["kwargs"]["to"]).group(1)]
    field = t["kwargs"]["field"]
    return ("\n\nwith child as (\n    select %s as from_field\n    from %s\n    where %s is not null\n),\n\n"
            "parent as (\n    select %s as to_field\n    from %s\n)\n\nselect child.from_field\nfrom child\n"
            "left join parent\n    on child.from_field = parent.to_field\nwhere parent.to_field is null\n\n") % (
                c, rel, c, field, to_rel)


def generic_test_node(t):
    full, alias = test_naming(t)
    uid = "test.%s.%s.%s" % (PKG, full, md5("generic:" + full)[:10])
    kind = t["on"][0]
    kwargs = {"column_name": t["column"]}
    refs, sources, parents = [], [], []
    if kind == "source":
        kwargs["model"] = "{{ get_where_subquery(source('%s', '%s')) }}" % (t["on"][1], t["on"][2])
        sources.append([t["on"][1], t["on"][2]])
        parents.append(SOURCE_IDS[(t["on"][1], t["on"][2])])
        file_key, attached = "sources." + t["on"][1], None
    else:
        name = t["on"][1]
        version = t.get("version")
        ref_call = "ref('%s'%s)" % (name, ", version='%d'" % version if version else "")
        kwargs["model"] = "{{ get_where_subquery(%s) }}" % ref_call
        parents.append(REF_ID[name])
        refs.append(ref_args(name, str(version) if version else None))
        file_key = ("snapshots." if kind == "snapshot" else "models.") + name
        attached = REF_ID[name]
    for key, value in t.get("kwargs", {}).items():
        kwargs[key] = value
        if key == "to":
            to_name = re.match(r"ref\('([a-z_]+)'\)", value).group(1)
            refs.insert(0, ref_args(to_name))
            parents.insert(0, REF_ID[to_name])
    group = P.MODELS_BY_NAME.get(t["on"][1], {}).get("group") if kind == "model" else None
    severity = t.get("severity", "ERROR")
    config = {"enabled": True, "alias": None if alias == full else alias, "schema": "dbt_test__audit",
              "database": None, "tags": [], "meta": {}, "group": None, "materialized": "test",
              "severity": severity, "store_failures": None, "store_failures_as": None, "where": None,
              "limit": None, "fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0"}
    raw = "{{ test_%s(**_dbt_generic_test_kwargs) }}" % t["macro"]
    if alias != full:
        raw += '{{ config(alias="%s") }}' % alias
    yml = t["yml"]
    node = {
        "database": P.DATABASE, "schema": schema_of("tests"), "name": full, "resource_type": "test",
        "package_name": PKG, "path": alias + ".sql", "original_file_path": yml, "unique_id": uid,
        "fqn": [PKG] + yml.split("/")[1:-1] + [full], "alias": alias, "checksum": {"name": "none", "checksum": ""},
        "config": config, "tags": [], "description": "", "columns": {}, "meta": {}, "group": group,
        "docs": {"show": True, "node_color": None}, "patch_path": None, "build_path": None,
        "unrendered_config": {"severity": severity} if "severity" in t else {}, "created_at": CLOCK.next(),
        "relation_name": None, "raw_code": raw, "doc_blocks": [], "language": "sql", "refs": refs,
        "sources": sources, "metrics": [],
        "depends_on": {"macros": ["macro.dbt.test_%s" % t["macro"], "macro.dbt.get_where_subquery"],
                       "nodes": parents},
        "compiled_path": "target/compiled/%s/%s/%s.sql" % (PKG, yml, alias)}
    if full not in STORY["not_compiled_tests"]:
        node.update({"compiled": True, "compiled_code": generic_test_sql(t), "extra_ctes_injected": True,
                     "extra_ctes": []})
    else:
        node["compiled_path"] = None
    node.update({"contract": {"enforced": False, "alias_types": True, "checksum": None}, "column_name": t["column"],
                 "file_key_name": file_key, "attached_node": attached,
                 "test_metadata": {"name": t["macro"], "kwargs": kwargs, "namespace": None}})
    return uid, node


def singular_test_node(t):
    uid = "test.%s.%s" % (PKG, t["name"])
    refs = re.findall(r"\{\{ ref\('([a-z_]+)'\) \}\}", t["sql"])
    node = {
        "database": P.DATABASE, "schema": schema_of("tests"), "name": t["name"], "resource_type": "test",
        "package_name": PKG, "path": t["name"] + ".sql", "original_file_path": "tests/%s.sql" % t["name"],
        "unique_id": uid, "fqn": [PKG, t["name"]], "alias": t["name"],
        "checksum": {"name": "sha256", "checksum": sha256(t["sql"])},
        "config": {"enabled": True, "alias": None, "schema": "dbt_test__audit", "database": None,
                   "tags": t.get("tags", []), "meta": t.get("meta", {}), "group": None, "materialized": "test",
                   "severity": "ERROR", "store_failures": None, "store_failures_as": None, "where": None,
                   "limit": None, "fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0"},
        "tags": t.get("tags", []), "description": t.get("description", ""), "columns": {}, "meta": t.get("meta", {}),
        "group": None, "docs": {"show": True, "node_color": None}, "patch_path": t.get("patch_path"),
        "build_path": None, "unrendered_config": {"tags": t["tags"]} if t.get("tags") else {},
        "created_at": CLOCK.next(), "relation_name": None, "raw_code": t["sql"], "doc_blocks": [],
        "language": "sql", "refs": [ref_args(r) for r in refs], "sources": [], "metrics": [],
        "depends_on": {"macros": [], "nodes": sorted(REF_ID[r] for r in refs)},
        "compiled_path": "target/compiled/%s/tests/%s.sql" % (PKG, t["name"]), "compiled": True,
        "compiled_code": render(t["sql"]), "extra_ctes_injected": True, "extra_ctes": [],
        "contract": {"enforced": False, "alias_types": True, "checksum": None}}
    return uid, node
