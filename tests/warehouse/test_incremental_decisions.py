"""Incremental re-run decisions (warehouse/incremental.py) on small hand-made manifests: which unchanged
pages a template change or a duplicate change sends back to processing, which manifest rows count as
they are, and what a re-run carries over. Written to kill the mutants `make mutation` found surviving
(docs/testing.md); every test goes through the module's public functions.
"""
from __future__ import annotations

import pyarrow as pa

from cityclips.transforms.dedup import Assignment
from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.records import InputFile
from cityclips.transforms.template import template_threshold
from cityclips.warehouse.incremental import (CorpusPass, Plan, affected_by_duplicates, affected_by_templates, carry_over, plan_run, template_sets,
                                             unchanged_manifest)
from cityclips.warehouse.schemas import MANIFEST, TABLES
from cityclips.warehouse.store import Warehouse


def _file(path: str, size: int = 100, mtime_ns: int = 1) -> InputFile:
    return InputFile(f"/in/{path}", path, "text", size, mtime_ns)


def _row(path: str, group: str, signatures: list[int], sha: str | None = None, **columns) -> dict:
    row = {"source_path": path, "content_sha256": sha or f"sha-{path}", "size": 100, "mtime_ns": 1,
           "status": "document", "template_group": group, "signatures": signatures, "run_id": "run-1",
           "fingerprint": (sha or path).encode()}
    row.update(columns)
    return row


def _manifest(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=MANIFEST)


def _paths(items) -> list[str]:
    return [f.source_path for f in items]


# templates -------------------------------------------------------------------------------------------

TEMPLATE_PAGES = _manifest([
    _row("a.txt", "g1", [2, 9]),      # holds 2, which stops being a template line of g1
    _row("b.txt", "g1", [1, 9]),      # 1 stays a template line, 9 never was: untouched
    _row("c.txt", "g2", [3]),         # 3 flips in g1, not in g2: untouched
    _row("d.txt", "g1", [3]),         # 3 becomes a template line of g1
    _row("e.txt", "g3", [7]),         # g3 has templates only in the new count
    _row("f.txt", "g4", [8]),         # g4 had templates only in the old count
    _row("gone.txt", "g1", [2]),      # removed from the input: never moved anywhere
])
OLD = {"g1": frozenset({1, 2}), "g2": frozenset({5}), "g4": frozenset({8})}
NEW = {"g1": frozenset({1, 3}), "g2": frozenset({5}), "g3": frozenset({7})}


def test_unchanged_pages_holding_a_line_whose_template_status_flipped_are_processed_again():
    unchanged = [_file(p) for p in ("f.txt", "a.txt", "b.txt", "c.txt", "d.txt", "e.txt")]
    plan = Plan(to_process=[_file("new.txt"), _file("z.txt")], unchanged=list(unchanged), removed=["gone.txt"])
    affected = affected_by_templates(plan, TEMPLATE_PAGES, OLD, NEW)
    assert _paths(affected) == ["f.txt", "a.txt", "d.txt", "e.txt"]  # in the plan's order
    assert _paths(plan.unchanged) == ["b.txt", "c.txt"]
    assert _paths(plan.to_process) == ["a.txt", "d.txt", "e.txt", "f.txt", "new.txt", "z.txt"]  # sorted by path
    assert plan.removed == ["gone.txt"]


def test_no_template_change_leaves_the_plan_as_it_was():
    plan = Plan(to_process=[_file("z.txt"), _file("a.txt")], unchanged=[_file("a.txt"), _file("b.txt")])
    assert affected_by_templates(plan, TEMPLATE_PAGES, OLD, dict(OLD)) == []
    assert _paths(plan.to_process) == ["z.txt", "a.txt"] and _paths(plan.unchanged) == ["a.txt", "b.txt"]
    empty = {"g1": frozenset(), "g9": frozenset()}  # groups without templates flip nothing either
    assert affected_by_templates(plan, TEMPLATE_PAGES, empty, {}) == []
    assert _paths(plan.to_process) == ["z.txt", "a.txt"]


def test_a_template_change_with_no_unchanged_page_moves_nothing():
    plan = Plan(to_process=[_file("z.txt"), _file("a.txt")])
    assert affected_by_templates(plan, TEMPLATE_PAGES, OLD, NEW) == []
    assert _paths(plan.to_process) == ["z.txt", "a.txt"] and plan.unchanged == []


def test_the_unchanged_pages_manifest_rows_count_as_they_are():
    plan = Plan(to_process=[_file("a.txt")], unchanged=[_file("d.txt"), _file("b.txt")], removed=["gone.txt"])
    kept = unchanged_manifest(TEMPLATE_PAGES, plan)
    assert kept.schema == TEMPLATE_PAGES.schema
    assert kept.column("source_path").to_pylist() == ["b.txt", "d.txt"]  # the manifest's own order
    assert kept.column("signatures").to_pylist() == [[1, 9], [3]]
    assert unchanged_manifest(TEMPLATE_PAGES, Plan(to_process=[_file("a.txt")])).num_rows == 0


# plan_run: pages written before duplicate detection ----------------------------------------------------

def test_a_document_row_without_a_fingerprint_is_processed_once_more_and_a_reject_is_not():
    manifest = _manifest([_row("old.txt", "g", [], fingerprint=None),
                          _row("rej.txt", "", [], status="reject", fingerprint=None),
                          _row("new.txt", "g", [])])
    plan = plan_run([_file("old.txt"), _file("rej.txt"), _file("new.txt")], manifest)
    assert _paths(plan.to_process) == ["old.txt"]  # same size and mtime, but later copies must find it
    assert _paths(plan.unchanged) == ["rej.txt", "new.txt"]
    assert plan.removed == []


def test_a_page_without_a_fingerprint_that_disappeared_is_removed():
    manifest = _manifest([_row("old.txt", "g", [], fingerprint=None), _row("kept.txt", "g", [])])
    plan = plan_run([_file("kept.txt")], manifest)
    assert plan.removed == ["old.txt"] and _paths(plan.unchanged) == ["kept.txt"]


def test_a_manifest_from_before_status_and_fingerprints_reprocesses_every_page_once():
    manifest = pa.table({"source_path": ["a.txt", "gone.txt"], "size": [100, 100], "mtime_ns": [1, 1]})
    plan = plan_run([_file("a.txt")], manifest)
    assert _paths(plan.to_process) == ["a.txt"] and plan.unchanged == []
    assert plan.removed == ["gone.txt"]


# template_sets over an old manifest ---------------------------------------------------------------------

def test_template_sets_of_a_manifest_without_duplicate_groups_count_each_content_hash_once():
    pages = 6
    floor = template_threshold(pages)
    rows = [_row(f"p{i}.txt", "g", [1000] + ([2000] if i < floor - 1 else []), sha=f"s{i}") for i in range(pages)]
    # copies of p0 under other paths: the same content hash, so they count once
    rows += [_row(f"copy{i}.txt", "g", [1000, 2000], sha="s0") for i in range(3)]
    old = _manifest(rows).drop_columns(["duplicate_group", "canonical_doc_id"])
    assert template_sets([old]) == {"g": frozenset({1000})}
    with_groups = _manifest([{**r, "duplicate_group": r["source_path"]} for r in rows])  # every path its own group
    assert template_sets([with_groups]) == {"g": frozenset({1000, 2000})}


# carry_over with several part files ---------------------------------------------------------------------

def _lines(doc_ids: list[str]) -> pa.Table:
    return pa.Table.from_pylist([{"doc_id": d, "line_no": 0, "text": f"menu of {d}", "rule": "skip_link"}
                                 for d in doc_ids], schema=TABLES["boilerplate"])


def _published(out, parts: list[list[str]]) -> Warehouse:
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for n, paths in enumerate(parts):
            writer.write("boilerplate", _lines([doc_id_for(p) for p in paths]), f"p{n}")
        writer.publish()
    return warehouse


def _carry(warehouse: Warehouse, plan: Plan) -> dict[str, int]:
    with warehouse.lock():
        writer = warehouse.begin()
        carried = carry_over(warehouse, writer, plan)
        writer.publish()
    return carried


def _boilerplate_docs(warehouse: Warehouse) -> list[str]:
    return sorted(warehouse.read_table("boilerplate", ["doc_id"]).column("doc_id").to_pylist())


def test_carry_over_counts_the_rows_of_every_linked_part(tmp_path):
    warehouse = _published(tmp_path / "out", [["a.txt", "b.txt"], ["c.txt", "d.txt", "e.txt"]])
    carried = _carry(warehouse, Plan(unchanged=[_file(p) for p in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")]))
    assert carried["boilerplate"] == 5 and len(_boilerplate_docs(warehouse)) == 5


def test_carry_over_rewrites_each_partly_replaced_part_into_its_own_file(tmp_path):
    warehouse = _published(tmp_path / "out", [["a.txt", "b.txt"], ["c.txt", "d.txt", "e.txt"], ["f.txt"]])
    plan = Plan(to_process=[_file("b.txt"), _file("f.txt")], unchanged=[_file(p) for p in ("a.txt", "c.txt", "e.txt")],
                removed=["d.txt"])
    carried = _carry(warehouse, plan)
    assert carried["boilerplate"] == 3
    assert _boilerplate_docs(warehouse) == sorted(doc_id_for(p) for p in ("a.txt", "c.txt", "e.txt"))
    assert len(warehouse.table_files("boilerplate")) == 2  # two rewritten parts; the wholly replaced one is gone


# duplicates -------------------------------------------------------------------------------------------

def test_unchanged_pages_whose_duplicate_group_changed_are_processed_again_and_the_others_stay():
    a, c = doc_id_for("a.txt"), doc_id_for("c.txt")
    manifest = _manifest([
        _row("0-rejected.txt", "", [], status="reject"),                                 # a reject: no documents row
        _row("a.txt", "g", [], duplicate_group=a, canonical_doc_id=a),                   # canonical of a group, still
        _row("b.txt", "g", [], duplicate_group=a, canonical_doc_id=a),                   # a copy of a, still
        _row("c.txt", "g", [], duplicate_group=c, canonical_doc_id=c),                   # alone, now copied by new.txt
        _row("d.txt", "g", [], duplicate_group=a, canonical_doc_id=a),                   # was a copy of a, now alone
    ])
    corpus = CorpusPass({}, {"a.txt": Assignment(a, a, 2), "b.txt": Assignment(a, a, 2),
                             "c.txt": Assignment(c, doc_id_for("new.txt"), 2), "new.txt": Assignment(c, doc_id_for("new.txt"), 2)})
    unchanged = [_file(p) for p in ("0-rejected.txt", "d.txt", "a.txt", "b.txt", "c.txt")]
    plan = Plan(to_process=[_file("new.txt"), _file("b0.txt")], unchanged=list(unchanged))
    affected = affected_by_duplicates(plan, manifest, corpus)
    assert _paths(affected) == ["d.txt", "c.txt"]  # in the plan's order
    assert _paths(plan.unchanged) == ["0-rejected.txt", "a.txt", "b.txt"]
    assert _paths(plan.to_process) == ["b0.txt", "c.txt", "d.txt", "new.txt"]


def test_template_flips_are_found_for_signatures_in_the_upper_half_of_uint64():
    """Line signatures are 64-bit hashes: half of them do not fit a signed int64."""
    high = 2**64 - 5
    manifest = _manifest([_row("a.txt", "g", [3, high]), _row("b.txt", "g", [3])])
    plan = Plan(unchanged=[_file("a.txt"), _file("b.txt")])
    affected = affected_by_templates(plan, manifest, {"g": frozenset({3})}, {"g": frozenset({3, high})})
    assert _paths(affected) == ["a.txt"] and _paths(plan.unchanged) == ["b.txt"]
