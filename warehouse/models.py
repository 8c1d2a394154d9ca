"""Build <out>/cityclips.duckdb: load the published Parquet tables, create the SQL models, run data tests.

The database holds its own copy of the tables (schema raw), so its views work from any working
directory and after the data folder is moved (a view over read_parquet('relative/path') resolves
against the working directory at query time: see FACTS.md). It is built into a temporary file and
renamed into place, so a reader never sees a half-built database and no reader lock blocks the build.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.schemas import TABLES
from warehouse.store import Warehouse

DATABASE_NAME = "cityclips.duckdb"
SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
LAYERS = ("staging", "marts")
MAX_DEPENDENCY_PASSES = 10
BUILD_MEMORY_LIMIT = "1GB"  # DuckDB spills past this; keeps a 100,000-page build under the memory target  # models are retried in passes until their dependencies exist


@dataclass(frozen=True)
class DataTestResult:
    name: str
    failing_rows: int
    sample: list[tuple]


@dataclass(frozen=True)
class ModelsReport:
    database: Path
    models: list[str]
    tests: list[DataTestResult]

    @property
    def failed(self) -> list[DataTestResult]:
        return [t for t in self.tests if t.failing_rows]


def database_path(out: Path) -> Path:
    return Path(out) / DATABASE_NAME


def create_raw_table(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """An empty raw.<name> table with exactly the contract's schema."""
    con.execute("create schema if not exists raw")
    con.register("empty_source", TABLES[name].empty_table())
    con.execute(f"create table raw.{name} as select * from empty_source")
    con.unregister("empty_source")


def load_raw(con: duckdb.DuckDBPyConnection, warehouse: Warehouse) -> None:
    """Copy every published table into schema raw (an empty table with the schema when none)."""
    con.execute("create schema if not exists raw")
    for name in TABLES:
        files = warehouse.table_files(name)
        if files:
            listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
            con.execute(f"create table raw.{name} as select * from read_parquet([{listing}], union_by_name = true)")
        else:
            create_raw_table(con, name)


def _sql_files(sql_dir: Path, layer: str) -> list[Path]:
    return sorted((sql_dir / layer).glob("*.sql"))


def create_models(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Create every staging and mart view of sql_dir on con (raw.* tables must exist); return their names."""
    built: list[str] = []
    for layer in LAYERS:
        pending = _sql_files(sql_dir, layer)
        for _ in range(MAX_DEPENDENCY_PASSES):
            failed: list[tuple[Path, Exception]] = []
            for path in pending:
                try:
                    con.execute(path.read_text(encoding="utf-8"))
                    built.append(f"{layer}/{path.stem}")
                except duckdb.CatalogException as error:
                    failed.append((path, error))
            if not failed:
                break
            if len(failed) == len(pending):
                path, error = failed[0]
                raise RuntimeError(f"model {layer}/{path.stem} failed: {error}")
            pending = [p for p, _ in failed]
    return built


def run_data_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[DataTestResult]:
    """Run every sql/tests/*.sql query; each returns the failing rows (zero rows passes)."""
    results = []
    for path in sorted((sql_dir / "tests").glob("*.sql")):
        rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
        results.append(DataTestResult(path.stem, len(rows), rows[:5]))
    return results


def build_database(out: Path, sql_dir: Path = SQL_DIR) -> ModelsReport:
    """Rebuild <out>/cityclips.duckdb from the published tables and sql/, and run the data tests."""
    out = Path(out)
    final = database_path(out)
    for stale in out.glob(f".{DATABASE_NAME}.*.tmp"):  # left by a build that was killed (we hold the lock)
        stale.unlink(missing_ok=True)
    tmp = out / f".{DATABASE_NAME}.{os.getpid()}.tmp"
    con = duckdb.connect(str(tmp))
    try:
        # Loading 800 MB of Parquet in one go held ~2 GB by default; spill to disk past the limit instead.
        con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
        con.execute("set preserve_insertion_order = false")
        con.execute("set enable_progress_bar = false")  # a run's log is not a terminal
        load_raw(con, Warehouse(out))
        models = create_models(con, sql_dir)
        tests = run_data_tests(con, sql_dir)
        con.execute("checkpoint")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, final)
    return ModelsReport(final, models, tests)


def connect_read_only(out: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database (raises FileNotFoundError if there is none)."""
    path = database_path(out)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path}: run 'cityclips run --out {out}' first")
    return duckdb.connect(str(path), read_only=True)
