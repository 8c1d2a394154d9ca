"""Which version of the tables the DuckDB database was built from, and cleaning up after a failed build.

A build that fails after the tables were published (a full disk, say) leaves the previous database
in place: it still answers queries, but from older tables. Each database records the version it
was built from (cityclips_meta.build), so the next run sees that the database is stale and rebuilds
it instead of updating it, and `cityclips query` can say so. A failed build removes its temporary
file, DuckDB's write-ahead log and its spill folder, so a full disk is not kept full by the failure.

A database also records what its models and data tests were made from (a fingerprint of the SQL
and the contract) and each data test's result, so that an update can leave alone the models and
tests that read none of the tables a run changed (warehouse/models.py): an unchanged re-run then
re-runs the tests of the runs table only.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

META_SCHEMA = "cityclips_meta"
# DuckDB keeps a write-ahead log beside a database file and spills to '<file>.tmp' past its memory limit.
_BUILD_FILE_SUFFIXES = ("", ".wal", ".tmp")


def stamp(con: duckdb.DuckDBPyConnection, version: str | None, definitions: str | None = None) -> None:
    """Record in the database the version of the tables it now holds (and the fingerprint of its models' SQL)."""
    con.execute(f"create schema if not exists {META_SCHEMA}")
    con.execute(f"create or replace table {META_SCHEMA}.build as select ?::varchar as version, "
                "current_timestamp as built_at, ?::varchar as definitions", [version, definitions])


def stamped_definitions(con: duckdb.DuckDBPyConnection) -> str | None:
    """The models' fingerprint a database records (None when it records none: built before fingerprints)."""
    try:
        row = con.execute(f"select definitions from {META_SCHEMA}.build").fetchall()
    except duckdb.Error:  # no stamp, or a stamp from before the column
        return None
    return row[0][0] if row else None


def save_test_results(con: duckdb.DuckDBPyConnection, results: Iterable[tuple[str, int, list]]) -> None:
    """Record each data test's (name, failing rows, sample rows) for the next update to carry."""
    con.execute(f"create schema if not exists {META_SCHEMA}")
    rows = [(name, failing, json.dumps([list(row) for row in sample], ensure_ascii=False, default=str))
            for name, failing, sample in results]
    table = pa.table({"name": pa.array([r[0] for r in rows], pa.string()),
                      "failing_rows": pa.array([r[1] for r in rows], pa.int64()),
                      "sample_json": pa.array([r[2] for r in rows], pa.string())})
    con.register("data_test_rows", table)  # one insert: executemany took 0.4 s for 159 rows
    try:
        con.execute(f"create or replace table {META_SCHEMA}.data_tests as select * from data_test_rows")
    finally:
        con.unregister("data_test_rows")


def saved_test_results(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, list[tuple]]]:
    """The data test results the database recorded: name -> (failing rows, sample rows, values as JSON gives them)."""
    try:
        rows = con.execute(f"select name, failing_rows, sample_json from {META_SCHEMA}.data_tests").fetchall()
    except duckdb.Error:
        return {}
    return {name: (failing, [tuple(row) for row in json.loads(sample)]) for name, failing, sample in rows}


def stamped_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The version a database records (None for a database built before stamps, or never stamped)."""
    try:
        row = con.execute(f"select version from {META_SCHEMA}.build").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def built_from(database: Path) -> str | None:
    """The version of the tables a database file was built from (None when unknown or unreadable)."""
    try:
        con = duckdb.connect(str(database), read_only=True)
    except duckdb.Error:
        return None
    try:
        return stamped_version(con)
    finally:
        con.close()


def remove_build_files(tmp: Path) -> None:
    """Remove a build's temporary database with its write-ahead log and spill folder (if they exist)."""
    for suffix in _BUILD_FILE_SUFFIXES:
        path = tmp.with_name(tmp.name + suffix)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
