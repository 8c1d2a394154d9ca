"""Atomic publish as a property: readers that keep opening the tables and the database while runs
publish never see a missing table, a mix of two versions or a half-written file.

Version k holds k documents and 2k segments (each table in two part files), every doc_id tagged with
k, so a reader can tell one whole version from a mix. Three readers: a probe that stats the public
table folders (``<out>/<table>``), a table reader that lists those folders and reads every table from
one resolution of ``.versions/current``, and a database reader that opens ``cityclips.duckdb``
read-only and reads its staging views.

Two ways of running them:
- the race: reader processes run concurrently with a writer that publishes for a bounded time and
  rebuilds the database every few publishes (what users do; it samples the states it happens to hit);
- the stepwise reader: every reader runs right after each rename, replace, symlink, unlink, rmdir and
  link a publish or a database build makes (each of those is atomic on its own), so every state a
  concurrent reader could observe is visited, deterministically.

Checked against the non-atomic variant (unlink ``current``, then symlink, no ``os.replace``), by hand
in warehouse/store.py (2026-12, on this 2-core machine at load ~7): the stepwise test fails at once
with "missing table documents"; the race did not catch it in ~15 publishes (the window between the
unlink and the symlink is microseconds), which is why the stepwise reader exists. The last test here
keeps that check: it swaps the variant in and asserts the stepwise reader reports the missing table.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cityclips.warehouse import store
from cityclips.warehouse.models import build_database, connect_read_only
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.store import CURRENT, VERSIONS_DIR, Warehouse
from tests.sql.sql_rows import document, segment

PUBLISH_SECONDS = 3.0  # bounded: the writer stops publishing after this long
STEP_VERSIONS = 4  # versions published by the stepwise test (each step runs every reader once)
MIN_PUBLISHES = 8  # a run that published fewer versions proves little: the test says so
READER_READY_TIMEOUT_S = 120  # spawned readers import pyarrow and duckdb first: slow on a loaded machine
DATABASE_EVERY = 15  # rebuild the database after every 15th publish (a build takes 0.5-1.5 s, a publish ~0.05 s)


def _tables(k: int) -> dict[str, pa.Table]:
    """Version k: k documents and 2k segments, every doc_id tagged ``v<k>-``."""
    docs = [document(f"v{k}-{i}", f"title {i}") for i in range(k)]
    segs = [segment(f"v{k}-{i}", seq, "paragraph", f"text {seq}", "en") for i in range(k) for seq in (0, 1)]
    return {"documents": pa.Table.from_pylist(docs, schema=TABLES["documents"]),
            "segments": pa.Table.from_pylist(segs, schema=TABLES["segments"])}


def _publish(warehouse: Warehouse, k: int) -> None:
    with warehouse.lock():
        writer = warehouse.begin()
        for name, data in _tables(k).items():
            # two part files per table: a reader must see both or neither
            half = data.num_rows // 2
            writer.write(name, data.slice(0, half), f"{k}-a")
            writer.write(name, data.slice(half), f"{k}-b")
        writer.publish()


def _versions_of(doc_ids: list[str]) -> set[int]:
    return {int(doc_id.split("-")[0][1:]) for doc_id in doc_ids}


def _probe_once(out: Path) -> list[str]:
    """The finest-grained read there is: does each public table folder exist?"""
    violations = []
    for name in ("documents", "segments"):
        try:
            os.stat(out / name)
        except FileNotFoundError:
            violations.append(f"missing table {name}")
    return violations


def _tables_once(out: Path) -> list[str]:
    """Read the tables as a user does: the public folders, and all tables from one snapshot of current."""
    versions = out / VERSIONS_DIR
    violations = []
    for name in ("documents", "segments"):
        try:
            files = os.listdir(out / name)
        except FileNotFoundError:
            violations.append(f"missing table {name}")
            continue
        if not any(f.endswith(".parquet") for f in files):
            violations.append(f"table {name} without files")
    try:
        snapshot = versions / os.readlink(versions / CURRENT)
    except FileNotFoundError:
        return violations + ["missing current version"]
    try:
        documents = pq.read_table(snapshot / "documents").column("doc_id").to_pylist()
        segments = pq.read_table(snapshot / "segments").column("doc_id").to_pylist()
    except FileNotFoundError:
        # two publishes since the readlink pruned this snapshot (only KEEP_OLD_VERSIONS old ones stay
        # for readers mid-query): not a violation, but it must be an old version, never the current one
        if snapshot.name == os.readlink(versions / CURRENT):
            violations.append(f"current version {snapshot.name} lost its files")
        return violations
    except pa.ArrowInvalid as error:
        return violations + [f"half-written file in {snapshot.name}: {error}"]
    seen = _versions_of(documents) | _versions_of(segments)
    if len(seen) > 1:
        violations.append(f"versions mixed in one snapshot: {sorted(seen)}")
    elif seen:
        (k,) = seen
        if (len(documents), len(segments)) != (k, 2 * k):
            violations.append(f"version {k} read with {len(documents)} documents, {len(segments)} segments")
    return violations


def _database_once(out: Path) -> list[str]:
    """Open the database read-only; one opening must hold one whole version."""
    try:
        con = connect_read_only(out)
    except FileNotFoundError:
        return ["missing database"]
    except duckdb.Error as error:
        return [f"database does not open: {error}"]
    try:
        doc_ids = [row[0] for row in con.execute("select doc_id from stg_documents").fetchall()]
        seg_ids = [row[0] for row in con.execute("select doc_id from stg_segments").fetchall()]
    except duckdb.Error as error:
        return [f"database does not answer: {error}"]
    finally:
        con.close()
    seen = _versions_of(doc_ids) | _versions_of(seg_ids)
    if len(seen) != 1:
        return [f"database holds versions {sorted(seen)}"]
    (k,) = seen
    if (len(doc_ids), len(seg_ids)) != (k, 2 * k):
        return [f"database version {k} with {len(doc_ids)} documents, {len(seg_ids)} segments"]
    return []


def _loop(read_once):
    def loop(out: Path, stop) -> tuple[list[str], int]:
        violations, reads = [], 0
        while not stop.is_set():
            violations += read_once(out)
            reads += 1
        return violations, reads
    return loop


READ_ONCE = {"probes": _probe_once, "tables": _tables_once, "database": _database_once}
READERS = {kind: _loop(read_once) for kind, read_once in READ_ONCE.items()}


def _reader_process(kind: str, out: str, stop, ready, results) -> None:
    first = READ_ONCE[kind](Path(out))  # one read of version 1 before the race: the imports are done
    ready.release()
    violations, reads = READERS[kind](Path(out), stop)
    violations = first + violations
    results.put((kind, violations[:50], reads))


def _race(out: Path, seconds: float) -> tuple[list[str], Counter, int]:
    """Publish for ``seconds`` while reader processes read; return violations, reads by kind, publishes."""
    warehouse = Warehouse(out)
    _publish(warehouse, 1)
    build_database(out)
    context = multiprocessing.get_context("spawn")  # no fork of a process that holds arrow/duckdb threads
    stop, ready, results = context.Event(), context.Semaphore(0), context.Queue()
    processes = [context.Process(target=_reader_process, args=(kind, str(out), stop, ready, results), daemon=True)
                 for kind in READERS]
    for process in processes:
        process.start()
    for _ in processes:  # a fixed sleep raced the imports under load: readers that never read prove nothing
        assert ready.acquire(timeout=READER_READY_TIMEOUT_S), "a reader process did not start"
    published = 1
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        published += 1
        _publish(warehouse, published)
        if published % DATABASE_EVERY == 0:
            build_database(out)
    stop.set()
    violations, reads = [], Counter()
    for _ in processes:
        kind, found, count = results.get(timeout=60)
        violations += found
        reads[kind] = count
    for process in processes:
        process.join(timeout=30)
    return violations, reads, published


@pytest.mark.slow
# Under mutmut (make mutation) this timing-bound race fails by load, not by a mutant ("only 7 publishes in
# 3.0 s" on the shared machine), and costs a minute a mutant: the stepwise test below visits every state.
@pytest.mark.skipif("MUTANT_UNDER_TEST" in os.environ, reason="timing-bound race: skipped under mutation testing")
def test_readers_never_see_a_missing_table_a_mix_or_a_half_written_file(tmp_path):
    violations, reads, published = _race(tmp_path / "out", PUBLISH_SECONDS)
    assert violations == []
    assert published >= MIN_PUBLISHES, f"only {published} publishes in {PUBLISH_SECONDS} s: the race proves little"
    assert reads["probes"] > published and reads["tables"] > 0 and reads["database"] > 0, reads


STEPPED = ("rename", "replace", "symlink", "unlink", "rmdir", "link")  # every change a publish makes to names


def _publish_stepwise(out: Path, monkeypatch, versions: int = STEP_VERSIONS) -> tuple[list[str], int]:
    """Publish ``versions`` versions (and build the database twice), reading after every file-system step.

    Each rename, replace, symlink, unlink, rmdir and link (also those pathlib and shutil make) is atomic
    on its own; running every reader right after each one visits every state a concurrent reader can
    observe, deterministically, where a race only samples some of them.
    """
    warehouse = Warehouse(out)
    _publish(warehouse, 1)
    build_database(out)
    violations: list[str] = []
    steps = 0
    reading = threading.local()

    def stepped(real):
        def call(*args, **kwargs):
            nonlocal steps
            result = real(*args, **kwargs)
            if not getattr(reading, "busy", False):
                reading.busy = True
                try:
                    steps += 1
                    violations.extend(_probe_once(out) + _tables_once(out) + _database_once(out))
                finally:
                    reading.busy = False
            return result
        return call

    for name in STEPPED:
        monkeypatch.setattr(os, name, stepped(getattr(os, name)))
    try:
        for k in range(2, versions + 2):
            _publish(warehouse, k)
            if k % 2 == 0:
                build_database(out)
    finally:
        monkeypatch.undo()
    return violations, steps


def test_a_reader_at_every_step_of_a_publish_sees_one_whole_version(tmp_path, monkeypatch):
    violations, steps = _publish_stepwise(tmp_path / "out", monkeypatch)
    assert violations == []
    assert steps >= 3 * STEP_VERSIONS  # rename, symlink, replace at least, per publish


def _non_atomic_publish(self: store.VersionWriter) -> Path:
    """VersionWriter.publish with the swap done as unlink + symlink instead of os.replace."""
    self._complete_empty_tables()
    final = self.warehouse.versions / self.name
    os.rename(self.root, final)
    current = self.warehouse.versions / CURRENT
    current.unlink(missing_ok=True)
    os.symlink(self.name, current)
    self._ensure_table_links()
    self._prune(final)
    return final


def test_the_stepwise_reader_catches_a_non_atomic_publish(tmp_path, monkeypatch):
    monkeypatch.setattr(store.VersionWriter, "publish", _non_atomic_publish)
    violations, _ = _publish_stepwise(tmp_path / "out", monkeypatch, versions=2)
    assert "missing table documents" in violations and "missing current version" in violations
