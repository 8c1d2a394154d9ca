"""A table without rows is a zero-row Parquet file with its schema: pandas, polars and DuckDB read its
columns, where an empty folder gave pandas 0 x 0 and made polars and DuckDB fail on 'No files found'.
"""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from reliability_helpers import ARTICLE_TEXT, PROJECT, run_cli

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.schemas import REJECTS, TABLES
from cityclips.warehouse import store
from cityclips.warehouse.store import Warehouse


def _read_all_three(folder: Path) -> dict[str, tuple[int, list[str]]]:
    """(rows, columns) of one table folder as pandas, polars and DuckDB read it."""
    frame = pd.read_parquet(folder)
    polars_frame = pl.read_parquet(str(folder / "*.parquet"))
    con = duckdb.connect()
    try:
        relation = con.sql(f"select * from read_parquet('{folder}/*.parquet')")
        duck = (len(relation.fetchall()), relation.columns)
    finally:
        con.close()
    return {"pandas": (len(frame), list(frame.columns)), "polars": (polars_frame.height, polars_frame.columns),
            "duckdb": duck}


def test_publishing_writes_a_zero_row_file_for_every_empty_table(tmp_path):
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        writer = warehouse.begin()
        document = process_page(RawPage("a.txt", ARTICLE_TEXT.encode(), "text"))
        writer.write("documents", tables_for([document], "run", datetime.now())["documents"],
                     "p0")
        writer.publish()
    for table in TABLES:
        assert warehouse.table_files(table), f"{table} has no file"
    assert warehouse.table_files("rejects")[0].name.endswith(store.EMPTY_PART_SUFFIX)
    for reader, (rows, columns) in _read_all_three(tmp_path / "out" / "rejects").items():
        assert (rows, columns) == (0, REJECTS.names), reader


def test_the_zero_row_file_goes_once_the_table_has_rows(tmp_path):
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        warehouse.begin().publish()  # nothing at all: every table is one zero-row file
        writer = warehouse.begin()
        for table in TABLES:
            for part in warehouse.table_files(table):
                writer.carry(table, part)
        reject = process_page(RawPage("empty.txt", b"", "text"))
        writer.write("rejects", tables_for([reject], "run", datetime.now())["rejects"], "p1")
        writer.publish()
    assert [p.name.endswith(store.EMPTY_PART_SUFFIX) for p in warehouse.table_files("rejects")] == [False]
    assert len(warehouse.table_files("documents")) == 1


@pytest.fixture(scope="module")
def seeds_run(cli_env, tmp_path_factory):
    """A real run on a copy of seeds/, whose pages are all documents (no rejects)."""
    base = tmp_path_factory.mktemp("seeds-run")
    shutil.copytree(PROJECT / "seeds", base / "seeds")
    completed = run_cli(["run", str(base / "seeds"), "--out", str(base / "out")], cli_env, base / "log")
    assert completed.returncode == 0, completed.stderr[-3000:]
    return base / "out"


def test_rejects_of_a_run_without_rejects_read_as_zero_rows_with_columns(seeds_run):
    for reader, (rows, columns) in _read_all_three(seeds_run / "rejects").items():
        assert (rows, columns) == (0, REJECTS.names), reader


def test_every_table_of_a_run_has_a_readable_file(seeds_run):
    for table, schema in TABLES.items():
        frame = pd.read_parquet(seeds_run / table)
        assert list(frame.columns) == schema.names, table
