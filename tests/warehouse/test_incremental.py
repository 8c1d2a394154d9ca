"""The warehouse's incremental logic on small hand-made inputs: plan_run, template_sets, carry_over."""
from __future__ import annotations

import pyarrow as pa
import pytest

from tests.sql.sql_rows import document
from cityclips.transforms.pipeline import doc_id_for
from cityclips.transforms.records import InputFile
from cityclips.transforms.template import TemplateStats, template_threshold
from cityclips.warehouse.incremental import Plan, carry_over, plan_run, template_sets
from cityclips.warehouse.schemas import MANIFEST, TABLES
from cityclips.warehouse.store import Warehouse


def _file(path: str, size: int = 100, mtime_ns: int = 1) -> InputFile:
    return InputFile(f"/in/{path}", path, "text", size, mtime_ns)


def _manifest(rows: list[tuple[str, int, int, str, str, list[int]]]) -> pa.Table:
    return pa.Table.from_pylist([{"source_path": path, "content_sha256": sha, "size": size, "mtime_ns": mtime,
                                  "status": "document", "template_group": group, "signatures": signatures,
                                  # a fingerprint, as every manifest row written since duplicate detection has
                                  "run_id": "run-1", "fingerprint": sha.encode()}
                                 for path, size, mtime, group, sha, signatures in rows],
                                schema=MANIFEST)


def test_plan_run_splits_new_changed_unchanged_and_removed():
    manifest = _manifest([("a.txt", 100, 1, "g", "sa", []), ("b.txt", 100, 1, "g", "sb", []),
                          ("gone.txt", 100, 1, "g", "sg", [])])
    files = [_file("a.txt"), _file("b.txt", mtime_ns=2), _file("new.txt")]
    plan = plan_run(files, manifest)
    assert [f.source_path for f in plan.to_process] == ["b.txt", "new.txt"]
    assert [f.source_path for f in plan.unchanged] == ["a.txt"]
    assert plan.removed == ["gone.txt"]


def test_plan_run_full_reprocesses_everything_and_a_size_change_counts():
    manifest = _manifest([("a.txt", 100, 1, "g", "sa", [])])
    assert [f.source_path for f in plan_run([_file("a.txt")], manifest, full=True).to_process] == ["a.txt"]
    assert [f.source_path for f in plan_run([_file("a.txt", size=101)], manifest).to_process] == ["a.txt"]
    assert plan_run([], manifest.schema.empty_table()).removed == []


def _scan(pages: list[tuple[str, str, list[int]]]) -> pa.Table:
    return _manifest([(f"p{i}", 1, 1, group, sha, sigs) for i, (group, sha, sigs) in enumerate(pages)])


def test_template_sets_count_each_distinct_page_once_per_group():
    pages = 10
    floor = template_threshold(pages)  # 1000 is on every page, 2000 on floor pages, 3000 on one fewer
    rows = [("site|ko", f"sha{i}", [1000] + ([2000] if i < floor else []) + ([3000] if i < floor - 1 else []))
            for i in range(pages)]
    rows += [("site|ko", "sha0", [3000, 4000])] * 5  # copies of page 0: its content counts once
    rows += [("other|en", "x", [1000])]
    result = template_sets([_scan(rows)])
    assert result["site|ko"] == frozenset({1000, 2000})
    assert result["other|en"] == frozenset()  # one page is below any threshold


def test_template_sets_agree_with_template_stats_over_split_tables():
    rows = [("g", f"s{i % 7}", [i % 3, 10 + i % 2, 99]) for i in range(30)]
    stats = TemplateStats()
    for group, sha, sigs in rows:
        stats.add(group, sha, sigs)
    assert template_sets([_scan(rows[:11]), _scan(rows[11:])]) == stats.templates()
    assert template_sets([]) == {}


def _publish(out, tables: dict[str, pa.Table]) -> None:
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for name, data in tables.items():
            writer.write(name, data, "p0")
        writer.publish()


def _documents(paths: list[str]) -> pa.Table:
    return pa.Table.from_pylist([document(doc_id_for(p), p, source_path=p) for p in paths], schema=TABLES["documents"])


@pytest.fixture
def published(tmp_path):
    out = tmp_path / "out"
    _publish(out, {"documents": _documents(["a.txt", "b.txt"]), "manifest": _manifest(
        [("a.txt", 1, 1, "g", "sa", []), ("b.txt", 1, 1, "g", "sb", [])])})
    return out


def test_carry_over_keeps_the_unchanged_pages_rows_and_drops_the_others(published):
    warehouse = Warehouse(published)
    plan = Plan(to_process=[_file("b.txt")], unchanged=[_file("a.txt")], removed=[])
    with warehouse.lock():
        writer = warehouse.begin()
        carried = carry_over(warehouse, writer, plan)
        writer.publish()
    assert carried["documents"] == 1 and carried["manifest"] == 1
    assert warehouse.read_table("documents", ["source_path"])["source_path"].to_pylist() == ["a.txt"]
    assert warehouse.read_table("manifest", ["source_path"])["source_path"].to_pylist() == ["a.txt"]


def test_carry_over_links_untouched_parts_without_rewriting_them(published):
    warehouse = Warehouse(published)
    before = warehouse.table_files("documents")[0].stat().st_ino
    plan = Plan(unchanged=[_file("a.txt"), _file("b.txt")])
    with warehouse.lock():
        writer = warehouse.begin()
        assert carry_over(warehouse, writer, plan)["documents"] == 2
        writer.publish()
    assert warehouse.table_files("documents")[0].stat().st_ino == before


def test_carry_over_drops_removed_pages(published):
    warehouse = Warehouse(published)
    with warehouse.lock():
        writer = warehouse.begin()
        carried = carry_over(warehouse, writer, Plan(unchanged=[_file("b.txt")], removed=["a.txt"]))
        writer.publish()
    assert carried["documents"] == 1
    assert warehouse.read_table("documents", ["source_path"])["source_path"].to_pylist() == ["b.txt"]
