"""Exit statuses of the `cityclips` command, and I/O failures told in one sentence.

A run that cannot write its output (a full disk, a read-only or failing device, a quota) ends
with EXIT_IO and one sentence naming the folder and what was kept: the tables are versioned
(warehouse/store.py), so either the whole run was published or none of it was, and the database
records which version it was built from (warehouse/build_state.py).
"""
from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXIT_OK = 0  # done: the run completed, whatever it rejected
EXIT_DATA_TESTS = 1  # the run completed, but a data test in sql/tests failed
EXIT_USAGE = 2  # refused: bad arguments, a missing input, an unusable --out, another run holding the lock
EXIT_IO = 3  # an I/O or environment error: disk full, read-only file system, device error
EXIT_INTERNAL = 4  # an unexpected error (a bug): the traceback is printed above the one-line message
EXIT_CODES = {EXIT_OK: "done", EXIT_DATA_TESTS: "data tests failed", EXIT_USAGE: "usage error or refused",
              EXIT_IO: "I/O or environment error", EXIT_INTERNAL: "internal error"}

_PLAIN_CAUSES = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
                 errno.EROFS: "the file system is read-only", errno.EIO: "the device reported an I/O error"}


def io_error_in(error: BaseException) -> BaseException | None:
    """The OSError or DuckDB I/O error behind an exception (its causes and contexts included), or None."""
    import duckdb  # here, not at the top: the command line starts without loading DuckDB

    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (OSError, duckdb.IOException)):
            return error
        error = error.__cause__ or error.__context__
    return None


def _cause(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno in _PLAIN_CAUSES:
        return f"{_PLAIN_CAUSES[error.errno]} ({error.strerror})"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return "the disk is full (No space left on device)" if "No space left" in text else text


def _documents(current: Path | None) -> int:
    import pyarrow.parquet as pq

    if current is None:
        return 0
    return sum(pq.ParquetFile(f).metadata.num_rows for f in sorted((current / "documents").glob("*.parquet")))


def describe_io_failure(error: BaseException, out: Path, version_before: str | None) -> str:
    """One sentence: what failed, in which folder, what was kept, and what to do."""
    from cityclips.warehouse.build_state import built_from
    from cityclips.warehouse.models import database_path
    from cityclips.warehouse.store import Warehouse

    warehouse = Warehouse(out)
    current = warehouse.current_dir()
    documents = _documents(current)
    where = f"while writing to {out}: {_cause(error)}"
    if current is None or current.name == version_before:
        kept = ("nothing of this run was kept; the tables and the database still hold the previous run "
                f"({documents:,} documents)" if current else "nothing of this run was kept (no run was published yet)")
    elif database_path(out).exists() and built_from(database_path(out)) == current.name:
        kept = f"this run's tables ({documents:,} documents) and its database were published"
    else:
        kept = (f"this run's tables were published ({documents:,} documents), but the database could not be "
                "built: it still holds an older run and is rebuilt by the next run (or `cityclips models`)")
    return f"{where}; {kept}; free some space (or fix the device) and run again"


class _DropReported(logging.Filter):
    """Drops log records about an I/O error that the command reports itself, in one sentence."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (exc is not None and io_error_in(exc) is not None)


@contextmanager
def io_errors_told_once() -> Iterator[None]:
    """While the flow runs, Prefect's console logs leave out the tracebacks of I/O errors, which the
    command then reports in one sentence (the Prefect server still records them)."""
    drop = _DropReported()
    handlers = {handler for name in ("prefect", "prefect.flow_runs", "prefect.task_runs", "")
                for handler in logging.getLogger(name).handlers
                if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)}
    for handler in handlers:
        handler.addFilter(drop)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(drop)
