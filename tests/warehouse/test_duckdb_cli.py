"""The database opens in the DuckDB command-line tool users install from the package index.

duckdb-cli 1.5.6 (the newest on the index) reads storage versions 64-68; DuckDB 2.0 writes 69
unless told otherwise (warehouse/models.py: STORAGE_COMPATIBILITY).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cityclips.warehouse.models import database_path
from tests.sql.test_real_database import build_seeds

CLI = Path(sys.executable).with_name("duckdb")  # installed by the test extra (duckdb-cli)


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "data"
    build_seeds(out)
    return database_path(out)


def _cli() -> str:
    found = str(CLI) if CLI.exists() else shutil.which("duckdb")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("the DuckDB CLI (duckdb-cli, in the test extra) is not installed")
        pytest.skip("the DuckDB CLI is not installed (pip install duckdb-cli)")
    return found


def test_the_cli_opens_the_database_and_reads_every_view(database):
    with duckdb.connect(str(database), read_only=True) as con:
        views = [name for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
        expected = {name: con.execute(f'select count(*) from "{name}"').fetchone()[0] for name in views}
    assert "articles" in views and "quotes" in views
    script = "\n".join(f"select '{name}', count(*) from \"{name}\";" for name in views)
    result = subprocess.run([_cli(), "-readonly", "-csv", "-noheader", str(database)], input=script,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    counted = dict(line.rsplit(",", 1) for line in result.stdout.splitlines() if line.strip())
    assert {name: int(n) for name, n in counted.items()} == expected
