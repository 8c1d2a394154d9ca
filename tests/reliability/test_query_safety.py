"""`cityclips query` cannot modify data: anything but one read query is refused (exit != 0, one
sentence), and the Parquet tables, the database and the file system are unchanged afterwards."""
from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from reliability_helpers import PROJECT

from cityclips.flows.cli import main
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage
from cityclips.warehouse.models import build_database
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.store import Warehouse


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A published warehouse and its database, built in-process from the seeds (no Prefect needed)."""
    out = tmp_path_factory.mktemp("query") / "out"
    pages = [RawPage(p.name, p.read_bytes(), "text") for p in sorted((PROJECT / "seeds").glob("*.txt"))]
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for name, table in tables_for(process_pages(pages), "run-query", datetime(2026, 1, 1)).items():
            writer.write(name, table, "seeds")
        writer.publish()
    build_database(out)
    return out


def _fingerprint(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under folder (symlinks resolved), and the folder's file list."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


WRITES = {
    "insert": "insert into raw.documents select * from raw.documents",
    "create": "create table raw.stolen as select * from raw.documents",
    "create_view": "create or replace view main.articles as select 1 as x",
    "drop": "drop table raw.documents",
    "delete": "delete from raw.segments",
    "update": "update raw.documents set title = 'changed'",
    "alter": "alter table raw.documents add column x integer",
    "two_statements": "select 1; drop table raw.documents",
    "select_then_insert": "select count(*) from raw.documents; insert into raw.documents select * from raw.documents",
    "copy_to_file": "copy (select * from raw.documents) to '{tmp}/leak.csv'",
    "export": "export database '{tmp}/dump'",
    "attach": "attach '{tmp}/other.duckdb' as other",
    "set": "set threads = 1",
    "checkpoint": "checkpoint",
    "transaction": "begin transaction",
    "install": "install httpfs",
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_write_statements_are_refused_and_change_nothing(name, out, tmp_path, capsys):
    before = _fingerprint(out)
    status = main(["query", WRITES[name].format(tmp=tmp_path), "--out", str(out)])
    captured = capsys.readouterr()
    assert status != 0
    assert captured.err.startswith("cityclips: ") and captured.err.count("\n") == 1, captured.err
    assert "Traceback" not in captured.err
    assert "only read queries" in captured.err or "exactly one query" in captured.err, captured.err
    assert _fingerprint(out) == before
    assert list(tmp_path.iterdir()) == [], "the statement wrote a file"


def test_read_query_still_works_and_changes_nothing(out, capsys):
    before = _fingerprint(out)
    assert main(["query", "select count(*) as documents from raw.documents", "--out", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["documents", str(len(list((PROJECT / "seeds").glob("*.txt"))))]
    assert _fingerprint(out) == before


def test_a_query_error_is_one_sentence(out, capsys):
    assert main(["query", "select no_such_column from raw.documents", "--out", str(out)]) != 0
    err = capsys.readouterr().err
    first, *hints = err.splitlines()
    assert first.startswith("cityclips: query failed:") and "Traceback" not in err
    assert hints and all(line.startswith("  ") for line in hints)  # DuckDB's own hints, under the sentence


@pytest.mark.parametrize("sql", ["select * from query('drop table raw.documents')",
                                 "select * from query('insert into raw.documents select * from raw.documents')"])
def test_a_write_hidden_inside_a_select_fails_and_changes_nothing(sql, out, capsys):
    """The statement type says SELECT; the read-only connection is the second wall."""
    before = _fingerprint(out)
    assert main(["query", sql, "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.startswith("cityclips: ") and "Traceback" not in err
    assert _fingerprint(out) == before
