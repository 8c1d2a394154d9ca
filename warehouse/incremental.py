"""Incremental runs: decide what to reprocess, and carry unchanged rows into the new version.

A page is unchanged when its size and modification time match the manifest of the last run. Its
rows are carried over (hard-linked part files). Template statistics are recounted exactly from the
manifest's stored line signatures plus the new pages', and unchanged pages that contain a line
whose template status flipped are reprocessed too, so a few changed pages keep the corpus-level
statistics correct without reading the whole corpus again.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.pipeline import PageLines, doc_id_for
from transforms.records import InputFile
from transforms.template import TemplateStats
from warehouse.schemas import MANIFEST, PAGE_TABLES
from warehouse.store import VersionWriter, Warehouse


@dataclass
class Plan:
    """What a run does with each discovered page."""

    to_process: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # source paths no longer in the input
    previous: dict[str, dict] = field(default_factory=dict)  # source_path -> manifest row


def plan_run(files: Sequence[InputFile], manifest: pa.Table, full: bool = False) -> Plan:
    """Split discovered files into new-or-changed and unchanged, and list the pages that disappeared."""
    previous = {row["source_path"]: row for row in manifest.to_pylist()}
    plan = Plan(previous=previous)
    present = set()
    for item in files:
        present.add(item.source_path)
        row = previous.get(item.source_path)
        if not full and row and row["size"] == item.size and row["mtime_ns"] == item.mtime_ns:
            plan.unchanged.append(item)
        else:
            plan.to_process.append(item)
    plan.removed = sorted(set(previous) - present)
    return plan


def template_stats(manifest_rows: Iterable[dict], new_pages: Iterable[PageLines]) -> TemplateStats:
    """Template statistics over the unchanged pages (from the manifest) and the new pages."""
    stats = TemplateStats()
    for row in manifest_rows:
        if row["status"] == "document" or row["signatures"]:
            stats.add(row["template_group"], row["content_sha256"], row["signatures"])
    for page in new_pages:
        stats.add(page.group, page.content_sha256, page.signatures)
    return stats


def affected_by_templates(plan: Plan, old: dict[str, frozenset[str]], new: dict[str, frozenset[str]]) -> list[InputFile]:
    """Unchanged pages holding a line whose template status changed; move them to to_process."""
    flipped = {group: old.get(group, frozenset()) ^ new.get(group, frozenset()) for group in set(old) | set(new)}
    affected, still = [], []
    for item in plan.unchanged:
        row = plan.previous[item.source_path]
        changed = flipped.get(row["template_group"], frozenset())
        (affected if changed and changed.intersection(row["signatures"]) else still).append(item)
    plan.unchanged = still
    plan.to_process.extend(affected)
    plan.to_process.sort(key=lambda f: f.source_path)
    return affected


def carry_over(warehouse: Warehouse, writer: VersionWriter, plan: Plan) -> dict[str, int]:
    """Put the previous version's rows for unchanged pages into the new version; return rows carried.

    Part files with no replaced page are hard-linked; the others are rewritten without those rows.
    """
    dropped_paths = {f.source_path for f in plan.to_process} | set(plan.removed)
    dropped_ids = pa.array(sorted(doc_id_for(p) for p in dropped_paths), pa.string())
    dropped_path_array = pa.array(sorted(dropped_paths), pa.string())
    carried: dict[str, int] = {}
    keys = {name: ("doc_id", dropped_ids) for name in PAGE_TABLES}
    keys.update({"rejects": ("source_path", dropped_path_array), "manifest": ("source_path", dropped_path_array)})
    keys["runs"] = ("run_id", pa.array([], pa.string()))
    for table, (column, dropped) in keys.items():
        carried[table] = 0
        for index, part in enumerate(warehouse.table_files(table)):
            values = pq.read_table(part, columns=[column]).column(column)
            mask = pc.is_in(values, value_set=dropped)
            hits = pc.sum(mask).as_py() or 0
            if hits == 0:
                writer.carry(table, part)
                carried[table] += len(values)
            elif hits < len(values):
                kept = pq.read_table(part).filter(pc.invert(mask))
                writer.write(table, kept, f"{writer.name}-carried-{index:05d}")
                carried[table] += kept.num_rows
    return carried


def manifest_rows(items: Sequence[InputFile], results: Sequence, lines: dict[str, PageLines], run_id: str) -> pa.Table:
    """Manifest rows for processed pages: what was seen, and the signatures it counted."""
    rows = []
    for item, result in zip(items, results):
        page = lines.get(item.source_path)
        rows.append({"source_path": item.source_path, "content_sha256": result.content_sha256, "size": item.size,
                     "mtime_ns": item.mtime_ns,
                     "status": "reject" if type(result).__name__ == "Reject" else "document",
                     "template_group": page.group if page else "",
                     "signatures": sorted(page.signatures) if page else [], "run_id": run_id})
    return pa.Table.from_pylist(rows, schema=MANIFEST)
