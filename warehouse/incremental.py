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

from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.pipeline import PageLines
from cityclips.transforms.records import Document, InputFile, Reject
from cityclips.transforms.template import template_threshold
from cityclips.warehouse.schemas import MANIFEST, PAGE_TABLES
from cityclips.warehouse.store import VersionWriter, Warehouse

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


def unchanged_manifest(manifest: pa.Table, plan: Plan) -> pa.Table:
    """The manifest rows of the pages this run leaves unchanged (their signatures count as they are)."""
    return _kept_manifest(manifest, (f.source_path for f in plan.unchanged))


def _flat_signatures(manifest: pa.Table) -> pa.Table:
    """One row per (page, signature): group, content hash, signature."""
    signatures = manifest.column("signatures").combine_chunks()
    parents = pc.list_parent_indices(signatures)
    return pa.table({"group": pc.take(manifest.column("template_group"), parents),
                     "sha": pc.take(manifest.column("content_sha256"), parents),
                     "sig": pc.list_flatten(signatures)})


SCAN_COLUMNS = ["template_group", "content_sha256", "signatures"]
SCAN_SCHEMA = pa.schema([pa.field(name, MANIFEST.field(name).type) for name in SCAN_COLUMNS])  # nullable: unifies


def scan_table(pages: Iterable[PageLines]) -> pa.Table:
    """Scanned pages as a compact Arrow table (about 600 bytes a page instead of ~5 KB of Python sets)."""
    pages = list(pages)
    return pa.table({"template_group": pa.array([p.group for p in pages], pa.string()),
                     "content_sha256": pa.array([p.content_sha256 for p in pages], pa.string()),
                     "signatures": pa.array([sorted(p.signatures) for p in pages], pa.list_(pa.uint64()))},
                    schema=SCAN_SCHEMA)


def template_sets(tables: Sequence[pa.Table]) -> dict[str, frozenset[int]]:
    """Template lines per group, counted exactly over distinct page contents, all in Arrow.

    tables hold (template_group, content_sha256, signatures) rows: the manifest's unchanged pages
    and the scan of the new ones. Only signatures over the threshold become Python objects, so
    memory follows the number of template lines, not the number of distinct lines in the corpus.
    """
    tables = [t.select(SCAN_COLUMNS).cast(SCAN_SCHEMA) for t in tables if t.num_rows]
    if not tables:
        return {}
    pages = pa.concat_tables(tables).combine_chunks()
    indexed = pages.select(["template_group", "content_sha256"]).append_column("row", pa.array(range(pages.num_rows)))
    first = indexed.group_by(["template_group", "content_sha256"]).aggregate([("row", "min")])
    distinct = pages.take(first.column("row_min"))
    per_group = distinct.group_by("template_group").aggregate([("content_sha256", "count")]).to_pydict()
    counts = _flat_signatures(distinct).group_by(["group", "sig"]).aggregate([("sha", "count")])
    result = {}
    for group, n in zip(per_group["template_group"], per_group["content_sha256_count"]):
        floor = template_threshold(n)
        mask = pc.and_(pc.equal(counts.column("group"), group), pc.greater_equal(counts.column("sha_count"), floor))
        result[group] = frozenset(pc.filter(counts.column("sig"), mask).to_pylist())
    return result


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
