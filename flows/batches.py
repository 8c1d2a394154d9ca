"""Batch work the flow's tasks call: read a batch of pages, run the pure pipeline, write its part files.

These are plain functions (no Prefect, no API) so they run the same in this process, a process
pool worker, a Dask worker, or a test: the execution engine (flows/engine.py) calls them.
"""
from __future__ import annotations

import os
import pickle
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

import pyarrow as pa

from cityclips.flows.code_version import code_fingerprint
from cityclips.flows.inputs import Unreadable, read_page
from cityclips.transforms.dedup import Assignment
from cityclips.transforms.pipeline import PageParts, PageSettings, process_pages, scan_page
from cityclips.transforms.records import Document, InputFile, Reject
from cityclips.transforms.paths import sha256_of
from cityclips.warehouse.incremental import manifest_rows, scan_table
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.store import VersionWriter

SLOWEST_KEPT = 10  # slowest pages reported per batch (and per run)


@dataclass
class BatchSummary:
    """What one batch did: counts and timings, small enough to send back from a worker."""

    pages: int = 0
    documents: int = 0
    rejects_by_reason: Counter = field(default_factory=Counter)
    removed_by_rule: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)  # stage -> seconds
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (ms, source_path)

    def merge(self, other: "BatchSummary") -> None:
        self.pages += other.pages
        self.documents += other.documents
        for name in ("rejects_by_reason", "removed_by_rule", "languages", "rows", "seconds"):
            getattr(self, name).update(getattr(other, name))
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:SLOWEST_KEPT]


def _unreadable_reject(problem: Unreadable) -> Reject:
    return Reject(problem.source_path, problem.reason, problem.detail, -1, "")


def scan_batch(items: list[InputFile], settings: PageSettings, keep: str | None = None) -> pa.Table:
    """Corpus-pass view of the readable pages of a batch: fingerprints and signatures (SCAN_COLUMNS).

    keep: a file to keep the pages' parts in (decoded text, blocks, what the DOM said), so that the
    process stage does not read and parse them again (see keep_parts); None keeps nothing.
    """
    found, kept = [], {}
    for item in items:
        raw = read_page(item, settings.max_page_bytes)
        if isinstance(raw, Unreadable):
            continue
        lines, parts = scan_page(raw, settings)
        if lines:
            found.append(lines)
            kept[item.source_path] = (lines.content_sha256, parts)
    if keep is not None:
        keep_parts(keep, kept)
    return scan_table(found)


def keep_parts(path: str, parts: Mapping[str, tuple[str, PageParts]]) -> bool:
    """Write {source_path: (content sha256, parts)} to path; False (and nothing left) if it cannot be written.

    The kept parts are a saving, never a need: a full disk costs the process stage a second read.
    """
    try:
        with open(f"{path}.tmp", "wb") as file:
            pickle.dump(dict(parts), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f"{path}.tmp", path)
        return True
    except OSError:
        for name in (f"{path}.tmp", path):
            try:
                os.unlink(name)
            except OSError:
                pass
        return False


def kept_parts(paths: Sequence[str], raws: Sequence) -> dict[str, PageParts]:
    """The parts the template pass kept for these pages, where their bytes are still the ones it read."""
    kept: dict[str, tuple[str, PageParts]] = {}
    for path in paths:
        try:
            with open(path, "rb") as file:
                kept.update(pickle.load(file))
        except (OSError, pickle.UnpicklingError, EOFError):
            continue  # missing or cut short: those pages are read again
    found = {}
    for raw in raws:
        entry = kept.get(raw.source_path)
        if entry is not None and entry[0] == sha256_of(raw.data):
            found[raw.source_path] = entry[1]
    return found


def with_duplicates(items: list[InputFile], results: list[Document | Reject],
                    duplicates: Mapping[str, Assignment]) -> list[Document | Reject]:
    """Documents with their duplicate group and canonical copy (their own doc_id when they have no copy)
    and when their file was seen."""
    marked: list[Document | Reject] = []
    for item, result in zip(items, results):
        if isinstance(result, Document):
            group = duplicates.get(item.source_path)
            result = replace(result, seen_ns=item.mtime_ns,
                             duplicate_group=group.duplicate_group if group else result.doc_id,
                             canonical_doc_id=group.canonical_doc_id if group else result.doc_id)
        marked.append(result)
    return marked


def process_batch(items: list[InputFile], templates: dict[str, frozenset[int]], writer: VersionWriter, part: str,
                  run_id: str, settings: PageSettings,
                  duplicates: Mapping[str, Assignment] | None = None, kept: Sequence[str] = (),
                  code: str | None = None) -> BatchSummary:
    """Read, process and write one batch of pages; never raises for a bad page.

    duplicates: the corpus pass's groups for this batch's pages that have copies (see CorpusPass);
    kept: files of parts the template pass kept for these pages (scan_batch's keep);
    code: the run's code fingerprint, recorded in the manifest rows (default: this process's code's).
    """
    summary = BatchSummary(pages=len(items))
    started = time.perf_counter()
    raws = [read_page(item, settings.max_page_bytes) for item in items]
    summary.seconds["read"] += time.perf_counter() - started
    started = time.perf_counter()
    readable = [r for r in raws if not isinstance(r, Unreadable)]
    processed = iter(process_pages(readable, templates, settings, kept_parts(kept, readable) if kept else None))
    results: list[Document | Reject] = [_unreadable_reject(r) if isinstance(r, Unreadable) else next(processed)
                                        for r in raws]
    results = with_duplicates(items, results, duplicates or {})
    summary.seconds["transform"] += time.perf_counter() - started
    started = time.perf_counter()
    processed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    tables = tables_for(results, run_id, processed_at)
    tables["manifest"] = manifest_rows(items, results, run_id, code or code_fingerprint(settings))
    for table, data in tables.items():
        writer.write(table, data, part)
        summary.rows[table] += data.num_rows
    summary.seconds["write"] += time.perf_counter() - started
    for result in results:
        if isinstance(result, Reject):
            summary.rejects_by_reason[result.reason] += 1
            continue
        summary.documents += 1
        summary.languages[result.language] += 1
        summary.removed_by_rule.update(r.rule for r in result.removed)
        summary.slowest.append((round(result.parse_ms, 2), result.source_path))
    summary.slowest = sorted(summary.slowest, reverse=True)[:SLOWEST_KEPT]
    return summary



def discard_part(writer: VersionWriter, part: str) -> None:
    """Remove whatever a failed batch wrote under its part name (VersionWriter.write names files so)."""
    for table in TABLES:
        (writer.root / table / f"part-{part}.parquet").unlink(missing_ok=True)
