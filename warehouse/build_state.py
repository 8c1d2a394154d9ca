"""Which version of the tables the DuckDB database was built from, and cleaning up after a failed build.

A build that fails after the tables were published (a full disk, say) leaves the previous database
in place: it still answers queries, but from older tables. Each database records the version it
was built from (cityclips_meta.build), so the next run sees that the database is stale and rebuilds
it instead of updating it, and `cityclips query` can say so. A failed build removes its temporary
file, DuckDB's write-ahead log and its spill folder, so a full disk is not kept full by the failure.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

META_SCHEMA = "cityclips_meta"
# DuckDB keeps a write-ahead log beside a database file and spills to '<file>.tmp' past its memory limit.
_BUILD_FILE_SUFFIXES = ("", ".wal", ".tmp")


def stamp(con: duckdb.DuckDBPyConnection, version: str | None) -> None:
    """Record in the database the version of the tables it now holds."""
    con.execute(f"create schema if not exists {META_SCHEMA}")
    con.execute(f"create or replace table {META_SCHEMA}.build as select ?::varchar as version, "
                "current_timestamp as built_at", [version])


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
