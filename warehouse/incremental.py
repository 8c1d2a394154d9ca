"""Incremental runs: decide what to reprocess, and carry unchanged rows into the new version.

A page is unchanged when its size and modification time match the manifest of the last run. Its
rows are carried over (hard-linked part files). Template statistics are recounted exactly from the
manifest's stored line signatures plus the new pages' (vectorised in Arrow: millions of signatures
in about a second), and unchanged pages that contain a line whose template status flipped are
reprocessed too, so a few changed pages keep the corpus-level statistics correct without reading
the whole corpus again.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.pipeline import PageLines, doc_id_for
from transforms.records import Document, InputFile, Reject
from transforms.template import TemplateStats
from warehouse.schemas import MANIFEST, PAGE_TABLES
from warehouse.store import VersionWriter, Warehouse

PLAN_COLUMNS = ["source_path", "content_sha256", "size", "mtime_ns", "template_group"]


@dataclass
class Plan:
    """What a run does with each discovered page."""

    to_process: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # source paths no longer in the input


def plan_run(files: Sequence[InputFile], manifest: pa.Table, full: bool = False) -> Plan:
    """Split discovered files into new-or-changed and unchanged, and list the pages that disappeared."""
    columns = manifest.select(["source_path", "size", "mtime_ns"]).to_pydict()
    previous = {path: (size, mtime) for path, size, mtime in
                zip(columns["source_path"], columns["size"], columns["mtime_ns"])}
    plan = Plan()
    for item in files:
        seen = previous.pop(item.source_path, None)
        if not full and seen == (item.size, item.mtime_ns):
            plan.unchanged.append(item)
        else:
            plan.to_process.append(item)
    plan.removed = sorted(previous)
    return plan


def _kept_manifest(manifest: pa.Table, paths: Iterable[str]) -> pa.Table:
    return manifest.filter(pc.is_in(manifest.column("source_path"), value_set=pa.array(list(paths), pa.string())))


def _flat_signatures(manifest: pa.Table) -> pa.Table:
    """One row per (page, signature): group, content hash, signature."""
    signatures = manifest.column("signatures").combine_chunks()
    parents = pc.list_parent_indices(signatures)
    return pa.table({"group": pc.take(manifest.column("template_group"), parents),
                     "sha": pc.take(manifest.column("content_sha256"), parents),
                     "sig": pc.list_flatten(signatures)})


def template_stats(manifest: pa.Table, unchanged_paths: Iterable[str], new_pages: Iterable[PageLines]) -> TemplateStats:
    """Exact template statistics over the unchanged pages (from the manifest) and the new pages."""
    stats = TemplateStats()
    kept = _kept_manifest(manifest, unchanged_paths)
    if kept.num_rows:
        # one row per distinct content in a group: duplicate files must not make their lines look like chrome
        indexed = kept.select(["template_group", "content_sha256"]).append_column("row", pa.array(range(kept.num_rows)))
        first = indexed.group_by(["template_group", "content_sha256"]).aggregate([("row", "min")])
        distinct = kept.take(first.column("row_min")).select(["template_group", "content_sha256", "signatures"])
        pages = distinct.group_by("template_group").aggregate([("content_sha256", "count")]).to_pydict()
        flat = _flat_signatures(distinct)
        counts = flat.group_by(["group", "sig"]).aggregate([("sha", "count")]).to_pydict()
        by_group: dict[str, dict[int, int]] = {}
        for group, sig, n in zip(counts["group"], counts["sig"], counts["sha_count"]):
            by_group.setdefault(group, {})[sig] = n
        for group, n in zip(pages["template_group"], pages["content_sha256_count"]):
            stats.add_counts(group, n, by_group.get(group, {}))
        stats.seen.update(distinct.column("content_sha256").to_pylist())
    for page in new_pages:
        stats.add(page.group, page.content_sha256, page.signatures)
    return stats


def affected_by_templates(plan: Plan, manifest: pa.Table, old: dict[str, frozenset[int]],
                          new: dict[str, frozenset[int]]) -> list[InputFile]:
    """Unchanged pages holding a line whose template status changed; move them to to_process."""
    flipped = {group: old.get(group, frozenset()) ^ new.get(group, frozenset()) for group in set(old) | set(new)}
    flipped = {group: sigs for group, sigs in flipped.items() if sigs}
    if not flipped or not plan.unchanged:
        return []
    kept = _kept_manifest(manifest, (f.source_path for f in plan.unchanged))
    flat = _flat_signatures(kept.select(["source_path", "template_group", "content_sha256", "signatures"]))
    signatures = kept.column("signatures").combine_chunks()
    parents = pc.list_parent_indices(signatures)
    paths = pc.take(kept.column("source_path"), parents)
    hit = pa.array([False] * len(flat))
    for group, sigs in flipped.items():
        in_group = pc.equal(flat.column("group"), group)
        in_set = pc.is_in(flat.column("sig"), value_set=pa.array(sorted(sigs), pa.uint64()))
        hit = pc.or_(hit, pc.and_(in_group, in_set))
    affected_paths = set(pc.filter(paths, hit).to_pylist())
    affected = [f for f in plan.unchanged if f.source_path in affected_paths]
    plan.unchanged = [f for f in plan.unchanged if f.source_path not in affected_paths]
    plan.to_process = sorted(plan.to_process + affected, key=lambda f: f.source_path)
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


def manifest_rows(items: Sequence[InputFile], results: Sequence[Document | Reject], run_id: str) -> pa.Table:
    """Manifest rows for processed pages: what was seen, and the line signatures it counted."""
    rows = []
    for item, result in zip(items, results):
        is_document = isinstance(result, Document)
        rows.append({"source_path": item.source_path, "content_sha256": result.content_sha256, "size": item.size,
                     "mtime_ns": item.mtime_ns, "status": "document" if is_document else "reject",
                     "template_group": result.template_group if is_document else "",
                     "signatures": sorted(result.signatures) if is_document else [], "run_id": run_id})
    return pa.Table.from_pylist(rows, schema=MANIFEST)
