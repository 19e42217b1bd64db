#!/usr/bin/env python3
"""Writes samples/jaffle-shop/{manifest,run_results,catalog,sources}.json from jaffle_project.py + jaffle_story.py.

Our own generator (standard library only, deterministic): re-run it after editing the project definition, then
re-run expected_facts_sample.py --write. Usage: python3 samples/tools/build_jaffle_sample.py [output_dir]
"""
import json
import os
import sys

sys.dont_write_bytecode = True
from sample_manifest import build_manifest  # noqa: E402  (modules next to this file)
from sample_results import build_catalog, build_freshness, build_run_results  # noqa: E402


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "jaffle-shop")
    manifest = build_manifest()
    files = {"manifest.json": manifest, "run_results.json": build_run_results(manifest),
             "catalog.json": build_catalog(manifest), "sources.json": build_freshness(manifest)}
    for name, doc in files.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            # one line with json's default separators, as dbt writes its artifacts
            json.dump(doc, fh, ensure_ascii=False)
        print("wrote", name)


if __name__ == "__main__":
    main()
