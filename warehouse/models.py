"""Build <out>/cityclips.duckdb: load the published Parquet tables, create the SQL models, run data tests.

The database holds its own copy of the tables (schema raw), so its views work from any working
directory and after the data folder is moved (a view over read_parquet('relative/path') resolves
against the working directory at query time: see FACTS.md). It is built into a temporary file and
renamed into place, so a reader never sees a half-built database and no reader lock blocks the build.
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from cityclips.warehouse.affected import affected_by, definitions_fingerprint
from cityclips.warehouse.build_state import (remove_build_files, save_test_results, saved_test_results, stamp,
                                             stamped_definitions, stamped_version)
from cityclips.warehouse.checks import DataTest, contract_tests, grain_tests, sql_tests
from cityclips.warehouse.contract import Contract, analyst_tables, empty_table
from cityclips.warehouse.lineage import Model, ModelError, build_order, materialized_sql, references
from cityclips.warehouse.runs import RunEnd, complete_run
from cityclips.warehouse.schemas import PAGE_TABLES, TABLES
from cityclips.warehouse.staging import ACCEPTED_VALUES_TABLE, create_staging, staging_name
from cityclips.warehouse.store import Warehouse

DATABASE_NAME = "cityclips.duckdb"
SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
LAYERS = ("staging", "marts")  # staging is generated from the contract (staging.py); marts are sql/marts/*.sql
PAGE_KEYED = frozenset(PAGE_TABLES)  # rows replaced by doc_id
PATH_KEYED = frozenset({"rejects", "manifest"})  # rows replaced by source_path
# DuckDB 2.0 writes storage version 69 by default; the newest DuckDB CLI on the package index
# (duckdb-cli 1.5.6) reads 64-68 only. Writing the 1.4 format keeps the database open in both.
STORAGE_COMPATIBILITY = "v1.4.0"
# DuckDB spills to disk past this. The build runs in the run's own process (~450 MB by then at 100,000 pages, the
# Prefect server beside it ~200 MB): at 1GB the 100,000-page build peaked at 1.2 GB alone and the run's tree at
# 1.61 GB; at 600MB at 0.8 GB, in the same wall time (BENCHMARKS.md, "Round 6 (orch6)").
BUILD_MEMORY_LIMIT = "600MB"
SAMPLE_ROWS = 5  # failing rows kept per data test; the count is exact
RUNS_TABLE = "runs"  # completed by every run's build (warehouse/runs.py): always changed when run_end is given


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
    mode: str = "rebuilt"  # 'updated' when a run's changes were applied to the previous database
    rerun_tests: int | None = None  # data tests run by this build (the others' results were carried)

    @property
    def failed(self) -> list[DataTestResult]:
        return [t for t in self.tests if t.failing_rows]


def database_path(out: Path) -> Path:
    return Path(out) / DATABASE_NAME


def create_raw_table(con: duckdb.DuckDBPyConnection, name: str, contract: Contract = TABLES) -> None:
    """An empty raw.<name> table with exactly the contract's schema."""
    con.execute("create schema if not exists raw")
    con.register("empty_source", empty_table(contract[name]))
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


def mart_files(sql_dir: Path = SQL_DIR) -> list[Path]:
    return sorted((sql_dir / "marts").glob("*.sql"))


def marts(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Every mart of sql_dir with what it reads (lineage.references).

    Raises ModelError when sql_dir has no marts: a database without its models (an install that
    lost sql/) must fail, not report "0 data tests, 0 failed".
    """
    files = mart_files(sql_dir)
    if not files:
        raise ModelError(f"no SQL models found in {sql_dir / 'marts'}: the installation has lost its sql/ "
                         "folder; reinstall cityclips (pip install --force-reinstall cityclips)")
    return [Model(path.stem, sql, frozenset(references(sql)))
            for path in files for sql in [path.read_text(encoding="utf-8")]]


def create_models(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR, contract: Contract = TABLES,
                  current: frozenset[str] = frozenset()) -> list[str]:
    """Create the staging views (from the contract) and the marts (in dependency order) on con.

    The raw.* tables must exist. Returns 'layer/name' of every model. current: marts con already
    holds as they must be (an update's, warehouse/affected.py): not created again. Raises
    ModelError, before creating any mart, when a mart reads something that no model creates.
    """
    staging = [staging_name(table) for table in analyst_tables(contract)]
    order = build_order(marts(sql_dir), set(staging) | {f"raw.{name}" for name in contract} | {ACCEPTED_VALUES_TABLE})
    create_staging(con, contract)
    for model in order:
        if model.name not in current:
            con.execute(materialized_sql(model.sql))
    return [f"staging/{name}" for name in staging] + [f"marts/{model.name}" for model in order]


def data_tests(sql_dir: Path = SQL_DIR, contract: Contract = TABLES) -> list[DataTest]:
    """Every data test: the contract's generic tests, the marts' grain tests, then sql/tests."""
    return contract_tests(contract) + grain_tests(mart_files(sql_dir)) + sql_tests(sql_dir / "tests")


def run_data_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR, contract: Contract = TABLES,
                   carried: Mapping[str, DataTestResult] | None = None,
                   tests: list[DataTest] | None = None) -> list[DataTestResult]:
    """Run every data test (tests: data_tests(sql_dir, contract) when not given); each query returns the
    failing rows (zero rows passes).

    carried: results that still hold (an update's tests that read no changed table): used, not run.
    """
    results = []
    for test in data_tests(sql_dir, contract) if tests is None else tests:
        if carried and test.name in carried:
            results.append(carried[test.name])
            continue
        query = test.sql.strip().rstrip(";")
        rows = con.execute(f"select * from ({query}) limit {SAMPLE_ROWS}").fetchall()
        failing = len(rows)
        if failing == SAMPLE_ROWS:
            failing = con.execute(f"select count(*) from ({query})").fetchall()[0][0]
        results.append(DataTestResult(test.name, failing, rows))
    return results


@dataclass(frozen=True)
class DatabaseChanges:
    """What a run changed, so the database can be updated instead of rebuilt.

    dropped_doc_ids / dropped_paths: rows to delete (pages reprocessed or gone); new_parts: the
    part files this run wrote with new rows (not the carried-over parts it rewrote).
    """

    dropped_doc_ids: frozenset[str]
    dropped_paths: frozenset[str]
    new_parts: frozenset[str]  # file names


def _configure(con: duckdb.DuckDBPyConnection) -> None:
    # Loading 800 MB of Parquet in one go held ~2 GB by default; spill to disk past the limit instead.
    con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
    con.execute("set preserve_insertion_order = false")
    con.execute("set enable_progress_bar = false")  # a run's log is not a terminal


def _sql_list(paths: list[Path]) -> str:
    return ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)


def _update_raw(con: duckdb.DuckDBPyConnection, warehouse: Warehouse,
                changes: DatabaseChanges) -> frozenset[str] | None:
    """Apply a run's changes to a copy of the previous database: the tables whose rows changed, or None
    when it does not add up."""
    ids, paths = sorted(changes.dropped_doc_ids), sorted(changes.dropped_paths)
    changed = set()
    for name, schema in TABLES.items():
        deleted = 0
        if name in PAGE_KEYED and ids:
            deleted = con.execute(f"delete from raw.{name} where doc_id in (select unnest(?::varchar[]))",
                                  [ids]).fetchall()[0][0]
        elif name in PATH_KEYED and paths:
            deleted = con.execute(f"delete from raw.{name} where source_path in (select unnest(?::varchar[]))",
                                  [paths]).fetchall()[0][0]
        files = warehouse.table_files(name)
        new = [f for f in files if f.name in changes.new_parts]
        if new:
            con.execute(f"insert into raw.{name} by name select * from read_parquet([{_sql_list(new)}], "
                        "union_by_name = true)")
        if deleted or new:
            changed.add(name)
        expected = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        if con.execute(f"select count(*) from raw.{name}").fetchall()[0][0] != expected:
            return None
    return frozenset(changed)


def _connect_for_build(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection for building the database, in a storage format older CLIs read."""
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


def build_database(out: Path, sql_dir: Path = SQL_DIR, changes: DatabaseChanges | None = None,
                   run_end: RunEnd | None = None) -> ModelsReport:
    """Build <out>/cityclips.duckdb from the published tables and sql/, and run the data tests.

    With changes, the previous database is copied and updated (O(changed pages)); if anything
    does not add up (row counts, a schema change, a database built from other tables than the
    previous version: a failed build), it is rebuilt from the Parquet tables instead. Whatever
    happens, the temporary files of the build are gone when it returns or raises.
    With run_end, the run's row gets the seconds of this build and its finish time (warehouse/runs.py).
    """
    started = time.perf_counter()
    out = Path(out)
    final = database_path(out)
    for stale in out.glob(f".{DATABASE_NAME}.*.tmp"):  # left by a build that was killed (we hold the lock)
        remove_build_files(stale)
    tmp = out / f".{DATABASE_NAME}.{os.getpid()}.tmp"
    warehouse = Warehouse(out)
    current = warehouse.current_dir()
    version = current.name if current else None
    try:
        return _build(out, final, tmp, warehouse, version, sql_dir, changes, run_end, started)
    finally:
        remove_build_files(tmp)  # nothing left once renamed into place; a failed build's files go


def _build(out: Path, final: Path, tmp: Path, warehouse: Warehouse, version: str | None, sql_dir: Path,
           changes: DatabaseChanges | None, run_end: RunEnd | None, started: float) -> ModelsReport:
    if changes is not None and final.exists():
        shutil.copy2(final, tmp)
        con = _connect_for_build(tmp)
        try:
            _configure(con)
            # the copy must hold the tables this run started from (or already the current ones)
            base = stamped_version(con)
            changed = _update_raw(con, warehouse, changes) if base in (warehouse.previous_version(), version) \
                else None
        except duckdb.Error:
            changed = None
        if changed is not None:
            return _finish(con, tmp, final, sql_dir, version, "updated", run_end, started,
                           changed | ({RUNS_TABLE} if run_end is not None else set()))
        con.close()
        remove_build_files(tmp)
    con = _connect_for_build(tmp)
    try:
        _configure(con)
        load_raw(con, warehouse)
    except BaseException:
        con.close()
        raise
    return _finish(con, tmp, final, sql_dir, version, "rebuilt", run_end, started)


def _still_current(con: duckdb.DuckDBPyConnection, models: list[Model], tests: list[DataTest], definitions: str,
                   changed: frozenset[str] | None) -> tuple[frozenset[str], dict[str, DataTestResult]]:
    """The marts an update leaves as they are, and the data test results it carries (warehouse/affected.py):
    none unless the database was built from the same definitions."""
    if changed is None or stamped_definitions(con) != definitions:
        return frozenset(), {}
    affected = affected_by(changed, models, tests, TABLES)
    saved = saved_test_results(con)
    carried = {name: DataTestResult(name, failing, sample) for name, (failing, sample) in saved.items()
               if name not in affected.tests}
    return frozenset(m.name for m in models if m.name not in affected.models), carried


def _finish(con: duckdb.DuckDBPyConnection, tmp: Path, final: Path, sql_dir: Path, version: str | None,
            mode: str, run_end: RunEnd | None, started: float,
            changed: frozenset[str] | None = None) -> ModelsReport:
    """Create the models and run the data tests (on an update, only those a changed table reaches), stamp, rename."""
    try:
        tests_to_run, mart_models = data_tests(sql_dir), marts(sql_dir)  # each read and parsed once a build
        definitions = definitions_fingerprint(mart_models, tests_to_run, TABLES)
        current, carried = _still_current(con, mart_models, tests_to_run, definitions, changed)
        models = create_models(con, sql_dir, current=current)
        tests = run_data_tests(con, sql_dir, carried=carried, tests=tests_to_run)
        save_test_results(con, [(t.name, t.failing_rows, t.sample) for t in tests])
        if run_end is not None:
            complete_run(con, Warehouse(final.parent), run_end, time.perf_counter() - started)
        stamp(con, version, definitions)
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(tmp, final)
    return ModelsReport(final, models, tests, mode, rerun_tests=len(tests) - len(carried))


def connect_read_only(out: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database (raises FileNotFoundError if there is none)."""
    path = database_path(out)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path}: run 'cityclips run --out {out}' first")
    return duckdb.connect(str(path), read_only=True)
