"""plan_run and manifest_rows with code fingerprints: a page whose rows other code (or options) made is
extracted again, a page made by this code is skipped, and the manifest records which code made a page."""
from __future__ import annotations

import pyarrow as pa

from cityclips.transforms.records import InputFile, Reject
from cityclips.warehouse.incremental import UNRECORDED_CODE, manifest_rows, plan_run
from cityclips.warehouse.schemas import MANIFEST

OLD, NEW = "0.1.0:00000000000000aa", "0.1.0:00000000000000bb"


def _file(path: str, size: int = 100, mtime_ns: int = 1) -> InputFile:
    return InputFile(f"/in/{path}", path, "text", size, mtime_ns)


def _manifest(rows: list[tuple[str, str | None]], status: str = "document") -> pa.Table:
    """Manifest rows (source_path, code_fingerprint), every page of size 100 and mtime 1."""
    return pa.Table.from_pylist([{"source_path": path, "content_sha256": f"sha-{path}", "size": 100, "mtime_ns": 1,
                                  "status": status, "template_group": "g", "signatures": [], "run_id": "run-1",
                                  "fingerprint": path.encode(), "code_fingerprint": code} for path, code in rows],
                                schema=MANIFEST)


def _paths(items: list[InputFile]) -> list[str]:
    return [item.source_path for item in items]


def test_pages_made_by_this_code_are_skipped_and_pages_made_by_other_code_are_extracted_again():
    manifest = _manifest([("a.txt", NEW), ("b.txt", OLD), ("c.txt", OLD)])
    files = [_file("a.txt"), _file("b.txt"), _file("c.txt")]
    same = plan_run(files, manifest, code=NEW)
    assert _paths(same.unchanged) == ["a.txt"] and _paths(same.to_process) == ["b.txt", "c.txt"]
    assert same.other_code == ["b.txt", "c.txt"] and same.other_code_counts == {OLD: 2}
    older = plan_run(files, manifest, code=OLD)  # going back to the old code: a.txt was made by the newer
    assert _paths(older.unchanged) == ["b.txt", "c.txt"] and older.other_code == ["a.txt"]
    assert older.other_code_counts == {NEW: 1}


def test_an_unchanged_rerun_with_the_same_code_processes_nothing():
    manifest = _manifest([("a.txt", NEW), ("b.txt", NEW)])
    plan = plan_run([_file("a.txt"), _file("b.txt")], manifest, code=NEW)
    assert plan.to_process == [] and plan.other_code == [] and plan.other_code_counts == {}
    assert _paths(plan.unchanged) == ["a.txt", "b.txt"]


def test_a_manifest_written_before_fingerprints_counts_as_older_code():
    """Rows with a null code_fingerprint, or a manifest without the column (an older warehouse's parts)."""
    files = [_file("a.txt"), _file("b.txt")]
    nulls = plan_run(files, _manifest([("a.txt", None), ("b.txt", NEW)]), code=NEW)
    assert nulls.other_code == ["a.txt"] and nulls.other_code_counts == {UNRECORDED_CODE: 1}
    old_schema = _manifest([("a.txt", None), ("b.txt", None)]).drop_columns(["code_fingerprint"])
    plan = plan_run(files, old_schema, code=NEW)
    assert _paths(plan.to_process) == ["a.txt", "b.txt"] and plan.unchanged == []
    assert plan.other_code_counts == {UNRECORDED_CODE: 2}


def test_changed_new_and_removed_pages_are_not_counted_as_other_code():
    manifest = _manifest([("changed.txt", OLD), ("same.txt", OLD), ("gone.txt", OLD)])
    plan = plan_run([_file("changed.txt", mtime_ns=2), _file("same.txt"), _file("new.txt")], manifest, code=NEW)
    assert _paths(plan.to_process) == ["changed.txt", "same.txt", "new.txt"]
    assert plan.other_code == ["same.txt"] and plan.other_code_counts == {OLD: 1}
    assert plan.removed == ["gone.txt"]


def test_a_reject_made_by_other_code_is_tried_again():
    """A page an older version rejected (a lower size limit, a rule that removed every line) may pass now."""
    plan = plan_run([_file("r.txt")], _manifest([("r.txt", OLD)], status="reject"), code=NEW)
    assert plan.other_code == ["r.txt"] and _paths(plan.to_process) == ["r.txt"]


def test_full_reprocesses_everything_without_calling_it_other_code_and_no_code_compares_nothing():
    manifest = _manifest([("a.txt", OLD)])
    full = plan_run([_file("a.txt")], manifest, full=True, code=NEW)
    assert _paths(full.to_process) == ["a.txt"] and full.other_code == []
    assert _paths(plan_run([_file("a.txt")], manifest).unchanged) == ["a.txt"]  # code=None: no comparison


def test_manifest_rows_record_the_code_that_made_them():
    items = [_file("a.txt"), _file("b.txt")]
    rejects = [Reject("a.txt", "empty", "empty", 0, ""), Reject("b.txt", "empty", "empty", 0, "")]
    rows = manifest_rows(items, rejects, "run-2", NEW)
    assert rows.schema == MANIFEST and rows.column("code_fingerprint").to_pylist() == [NEW, NEW]
    assert plan_run(items, rows, code=NEW).to_process == []  # what a run writes, the next run skips
    assert manifest_rows(items, rejects, "run-2").column("code_fingerprint").null_count == 2
