"""The Parquet warehouse under --out: versioned, published all at once, locked against concurrent runs.

Layout (readers only need the first line):

    <out>/<table>/part-*.parquet           one dataset per table (a symlink into the current version);
                                           a table without rows holds one zero-row file with its schema
    <out>/.versions/<version>/<table>/     complete versions; 'current' is a symlink to one of them
    <out>/.versions/<version>.tmp/         a version being written (ignored and cleaned up)
    <out>/.lock                            held by the running pipeline

A run writes a whole new version (unchanged part files are hard-linked, not copied), then swaps the
'current' symlink with one atomic rename. A reader, or a run killed at any moment, sees either the
old version or the new one, never a mix. The previous version is kept so that readers that listed
files just before the swap can still open them.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cityclips.warehouse.contract import empty_table
from cityclips.warehouse.schemas import TABLES

VERSIONS_DIR = ".versions"
CURRENT = "current"
COMPRESSION = "zstd"  # 4x smaller than snappy on these text columns at the same write speed (FACTS.md)
ROW_GROUP_ROWS = 128 * 1024  # large enough for good compression, small enough for selective reads
KEEP_OLD_VERSIONS = 1  # the version before the current one stays for readers mid-query
LOCK_FILE = ".lock"
EMPTY_PART_SUFFIX = "-empty.parquet"  # the zero-row file of a table without rows

# Locks this process holds (lock path -> depth): the CLI takes the lock before it starts the flow, so a
# busy or unwritable folder fails before Prefect starts; the flow's own lock() then nests inside it.
_HELD: dict[str, int] = {}
_HELD_GUARD = threading.Lock()


def _read_as(path: Path, schema: pa.Schema) -> pa.Table:
    """One part file with exactly schema's columns (those an older file lacks are null), cast to it.

    Not pyarrow.dataset, which imports pandas (0.5 s of every run's start) for nothing here.
    """
    parquet = pq.ParquetFile(path)
    present = set(parquet.schema_arrow.names)
    table = parquet.read(columns=[name for name in schema.names if name in present])
    columns = [table.column(f.name).cast(f.type) if f.name in present else pa.nulls(table.num_rows, f.type)
               for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


class WarehouseBusy(RuntimeError):
    """Another run holds the lock on this --out folder."""


class WarehouseNotWritable(RuntimeError):
    """The --out folder cannot be created or written."""


def version_name() -> str:
    """A version name that sorts in creation order: UTC second, nanoseconds within it, then the pid.

    >>> version_name()  # doctest: +SKIP
    '20261123T233556.783660123-11066'
    """
    now = time.time_ns()
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9)) + f".{now % 10**9:09d}-{os.getpid()}"


class Warehouse:
    """Read and publish the tables under one output folder."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.versions = self.out / VERSIONS_DIR

    def current_dir(self) -> Path | None:
        link = self.versions / CURRENT
        return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None

    def previous_version(self) -> str | None:
        """The name of the newest complete version before the current one (None when there is none)."""
        current = self.current_dir()
        if current is None or not self.versions.is_dir():
            return None
        older = sorted(p.name for p in self.versions.iterdir() if p.is_dir() and not p.is_symlink()
                       and not p.name.endswith(".tmp") and p.name < current.name)
        return older[-1] if older else None

    def table_files(self, name: str) -> list[Path]:
        current = self.current_dir()
        if current is None or not (current / name).is_dir():
            return []
        return sorted((current / name).glob("*.parquet"))

    def read_table(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """The published table (empty, with its schema, when there is none yet)."""
        files = self.table_files(name)
        schema = TABLES[name]
        if not files:
            return empty_table(schema) if columns is None else empty_table(schema).select(columns)
        wanted = schema if columns is None else pa.schema([schema.field(name) for name in columns])
        return pa.concat_tables([_read_as(f, wanted) for f in files])

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run lock on <out>/.lock; raise WarehouseBusy at once if another process has it.

        Re-entrant within a process: a lock() inside a lock() on the same folder just nests.
        Raises WarehouseNotWritable when the folder cannot be created or the lock file written.
        """
        path = self.out / LOCK_FILE
        key = os.path.realpath(path)
        with _HELD_GUARD:
            nested = _HELD.get(key, 0) > 0
            if nested:
                _HELD[key] += 1
        if nested:
            try:
                yield
            finally:
                with _HELD_GUARD:
                    _HELD[key] -= 1
            return
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+")
        except OSError as error:
            raise WarehouseNotWritable(f"cannot write to the output folder {self.out} ({error.strerror or error}); "
                                       "give --out a folder you can write to") from error
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as error:
                handle.seek(0)
                holder = handle.read().strip()
                owner = f" (pid {holder})" if holder.isdigit() else ""
                raise WarehouseBusy(f"another cityclips run{owner} holds the lock {path}; "
                                    "wait for it to finish, or give another --out") from error
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            with _HELD_GUARD:
                _HELD[key] = 1
            try:
                yield
            finally:
                with _HELD_GUARD:
                    _HELD.pop(key, None)
        finally:
            handle.close()

    def begin(self) -> "VersionWriter":
        """Start writing a new version (call under lock())."""
        self.versions.mkdir(parents=True, exist_ok=True)
        for stale in self.versions.glob("*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in self.versions.glob(f"{CURRENT}.*.link"):  # a publish stopped before its swap
            stale.unlink(missing_ok=True)
        return VersionWriter(self, version_name())


class VersionWriter:
    """Builds one version directory, then publishes it with an atomic symlink swap."""

    def __init__(self, warehouse: Warehouse, name: str):
        self.warehouse = warehouse
        self.name = name
        self.root = warehouse.versions / f"{name}.tmp"
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)

    def write(self, table: str, data: pa.Table, part: str) -> Path | None:
        """Write one part file of a table; empty data writes nothing (publish adds a zero-row file if needed)."""
        if data.num_rows == 0:
            return None
        return self._write_file(table, data, f"part-{part}.parquet")

    def _write_file(self, table: str, data: pa.Table, name: str) -> Path:
        path = self.root / table / name
        try:
            pq.write_table(data.cast(TABLES[table]), path, compression=COMPRESSION, row_group_size=ROW_GROUP_ROWS)
        except BaseException:
            path.unlink(missing_ok=True)  # a part cut short by a full disk must not stay behind
            raise
        return path

    def _complete_empty_tables(self) -> None:
        """Every table gets at least one file: a table without rows gets a zero-row file with its schema,
        so pandas, polars, DuckDB and Spark read its columns instead of failing on an empty folder."""
        for table, schema in TABLES.items():
            files = sorted((self.root / table).glob("*.parquet"))
            empties = [f for f in files if f.name.endswith(EMPTY_PART_SUFFIX)]
            if not files:
                self._write_file(table, empty_table(schema), f"part-{self.name}{EMPTY_PART_SUFFIX}")
            elif len(empties) < len(files):  # rows arrived: the zero-row files carried from before go
                for empty in empties:
                    empty.unlink()

    def carry(self, table: str, source: Path) -> None:
        """Carry an unchanged part file of the previous version over (a hard link, no copy)."""
        target = self.root / table / source.name
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    def publish(self) -> Path:
        """Make this version the current one, atomically; prune older versions."""
        self._complete_empty_tables()
        _fsync_tree(self.root)
        final = self.warehouse.versions / self.name
        os.rename(self.root, final)
        tmp_link = self._tmp_link()
        os.symlink(self.name, tmp_link)
        os.replace(tmp_link, self.warehouse.versions / CURRENT)
        _fsync_dir(self.warehouse.versions)
        self._ensure_table_links()
        self._prune(final)
        return final

    def _tmp_link(self) -> Path:
        return self.warehouse.versions / f"{CURRENT}.{self.name}.link"

    def abort(self) -> None:
        """Remove everything this version wrote, wherever publishing stopped (unless it became current)."""
        shutil.rmtree(self.root, ignore_errors=True)
        self._tmp_link().unlink(missing_ok=True)
        final = self.warehouse.versions / self.name
        current = self.warehouse.current_dir()
        if final.is_dir() and (current is None or current.name != self.name):
            shutil.rmtree(final, ignore_errors=True)

    def _ensure_table_links(self) -> None:
        for table in TABLES:
            link = self.warehouse.out / table
            if not link.is_symlink():
                if link.exists():
                    shutil.rmtree(link)
                os.symlink(Path(VERSIONS_DIR) / CURRENT / table, link)

    def _prune(self, keep: Path) -> None:
        versions = sorted(p for p in self.warehouse.versions.iterdir()
                          if p.is_dir() and not p.is_symlink() and not p.name.endswith(".tmp") and p != keep)
        for old in versions[:-KEEP_OLD_VERSIONS] if KEEP_OLD_VERSIONS else versions:
            shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush the files this version wrote, then its folders (which hold every file's name, linked ones too).

    A carried file (a hard link, st_nlink > 1) holds the bytes an earlier version flushed already;
    fsyncing it again forced a journal commit per file for its changed link count: 0.84 s of an
    unchanged 10,000-page re-run (289 files), for nothing.
    """
    for path in root.rglob("*.parquet"):
        if os.stat(path).st_nlink > 1:
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    for directory in [root, *[p for p in root.iterdir() if p.is_dir()]]:
        _fsync_dir(directory)
