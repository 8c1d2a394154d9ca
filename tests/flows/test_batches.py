"""Batch functions: the parts the template pass keeps give the process stage the rows it gets by
reading the pages again, and kept parts that no longer fit a page are never used."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq

from cityclips.flows.batches import keep_parts, kept_parts, process_batch, scan_batch
from cityclips.flows.inputs import discover, read_page
from cityclips.transforms.pipeline import PageSettings
from cityclips.warehouse.store import Warehouse
from tests.conftest import SEEDS

RUN_COLUMNS = ("processed_at", "run_id", "parse_ms")


def _written(writer, part: str, table: str) -> list[dict]:
    rows = pq.read_table(writer.root / table / f"part-{part}.parquet").to_pylist()
    return [{k: v for k, v in row.items() if k not in RUN_COLUMNS} for row in rows]


def test_kept_parts_give_the_rows_of_a_second_read(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "pages")
    items, _ = discover([tmp_path / "pages"], False)
    settings = PageSettings()
    kept = str(tmp_path / "scan.pickle")
    scanned = scan_batch(items, settings, kept)
    assert Path(kept).exists() and scanned.num_rows == len(items)
    raws = [read_page(item, settings.max_page_bytes) for item in items]
    assert set(kept_parts([kept], raws)) == {item.source_path for item in items}
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        writer = warehouse.begin()
        process_batch(items, {}, writer, "read", "run", settings)
        process_batch(items, {}, writer, "kept", "run", settings, None, (kept,))
        for table in ("documents", "segments", "boilerplate", "manifest"):
            assert _written(writer, "kept", table) == _written(writer, "read", table), table
        writer.abort()


def test_kept_parts_of_changed_bytes_or_a_lost_file_are_not_used(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "pages")
    items, _ = discover([tmp_path / "pages"], False)
    settings = PageSettings()
    kept = str(tmp_path / "scan.pickle")
    scan_batch(items, settings, kept)
    changed = tmp_path / "pages" / items[0].source_path
    changed.write_bytes(changed.read_bytes() + b"\nA line added after the scan.\n")
    raws = [read_page(item, settings.max_page_bytes) for item in discover([tmp_path / "pages"], False)[0]]
    found = kept_parts([kept, str(tmp_path / "missing.pickle")], raws)
    assert items[0].source_path not in found and len(found) == len(items) - 1


def test_an_unwritable_keep_file_keeps_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    assert not keep_parts(str(tmp_path / "no-such-folder" / "scan.pickle"), {})
    assert list(tmp_path.iterdir()) == []
