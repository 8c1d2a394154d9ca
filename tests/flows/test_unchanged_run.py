"""A run with nothing to do (flows/steps.py, flows/api.py): without a Prefect server running it imports no
Prefect and leaves no server behind, yet records itself in the runs table and the database; anything
that changed (a page, a page gone, a stale database) makes it a flow run again."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from cityclips.warehouse.store import Warehouse
from tests.conftest import ROOT, SEEDS
from tests.flows.test_cli_run import RUN_S, _left_behind

pytestmark = pytest.mark.slow

NO_PREFECT = "raise ImportError('this run must not import Prefect')\n"


def _options(inputs: Path, out: Path):
    from cityclips.flows.steps import run_options
    return run_options([str(inputs)], str(out), False, 250, 20.0, "one-process", None, None, "test", False, None,
                       None)


@pytest.fixture
def published(tmp_path) -> tuple[Path, Path]:
    """The seeds run through the stages without Prefect, database built."""
    from cityclips.flows.steps import log_only_progress, run_steps
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)
    run_steps(_options(inputs, out), log_only_progress)
    return inputs, out


def test_nothing_to_do_is_only_said_of_unchanged_pages_and_a_current_database(published, tmp_path):
    from cityclips.flows.steps import nothing_to_do
    inputs, out = published
    planned = nothing_to_do(_options(inputs, out))
    assert planned is not None and len(planned.plan.unchanged) == 5
    assert nothing_to_do(_options(inputs, tmp_path / "never-run")) is None
    page = next(inputs.glob("*.txt"))
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))  # a new scrape
    assert nothing_to_do(_options(inputs, out)) is None
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns - 1_000_000_000))
    assert nothing_to_do(_options(inputs, out)) is not None
    with duckdb.connect(str(out / "cityclips.duckdb")) as con:  # a build that failed after the publish
        con.execute("update cityclips_meta.build set version = 'an older version'")
    assert nothing_to_do(_options(inputs, out)) is None
    with duckdb.connect(str(out / "cityclips.duckdb")) as con:
        con.execute("update cityclips_meta.build set version = ?", [Warehouse(out).current_dir().name])
    page.unlink()
    assert nothing_to_do(_options(inputs, out)) is None  # a page gone: its rows go


def test_an_unchanged_rerun_without_a_server_imports_no_prefect_and_leaves_nothing_behind(cli, template_cache,
                                                                                          tmp_path):
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), CITYCLIPS_CACHE_DIR=str(template_cache),
               CITYCLIPS_TEST_RUN=f"unchanged-{os.getpid()}")
    first = subprocess.run([*cli, "run", str(inputs), "--out", str(out)], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=RUN_S)
    assert first.returncode == 0, first.stderr[-3000:]
    shim = tmp_path / "shim" / "prefect"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(NO_PREFECT)
    again = subprocess.run([*cli, "run", str(inputs), "--out", str(out)], env={**env, "PYTHONPATH": str(shim.parent)},
                           cwd=ROOT, capture_output=True, text=True, timeout=RUN_S)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "cityclips: nothing changed since the last run (5 pages as they were)" in again.stderr
    assert "pages seen: 5; processed: 0; unchanged (skipped): 5" in again.stdout
    assert _left_behind(env["CITYCLIPS_TEST_RUN"]) == []  # the temporary server it began to start is gone
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        runs = con.execute("select pages_processed, pages_unchanged from runs order by started_at").fetchall()
        stages = {s for (s,) in con.execute("select stage from run_stages").fetchall()}
    assert runs == [(5, 0), (0, 5)] and {"startup", "models", "publish"} <= stages
    (inputs / "000_b643e6c77853eb5d.txt").unlink()  # work again: a flow run on a temporary server
    third = subprocess.run([*cli, "run", str(inputs), "--out", str(out)], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=RUN_S)
    assert third.returncode == 0, third.stderr[-3000:]
    assert "temporary Prefect server" in third.stderr and "nothing changed" not in third.stderr


def _rejects(out: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The rejects as the Parquet table and as the database hold them, sorted."""
    table = Warehouse(out).read_table("rejects").select(["source_path", "reason"]).to_pylist()
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        rows = con.execute("select source_path, reason from rejects order by all").fetchall()
    return sorted((row["source_path"], row["reason"]) for row in table), rows


def test_a_file_rejected_again_has_one_reject_row_and_a_file_gone_has_none(tmp_path):
    """An unreadable file (no manifest row) is rejected by every run: its old row is replaced, not kept beside
    the new one; a page rejected once (empty) and unchanged keeps its one row; a file gone leaves no row."""
    from cityclips.flows.steps import log_only_progress, run_steps
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)
    os.mkfifo(inputs / "한글-pipe.txt")  # not a regular file: rejected before it is read
    (inputs / "empty.txt").write_bytes(b"")  # rejected when processed: a manifest row, unchanged next run
    expected = [("empty.txt", "empty"), ("한글-pipe.txt", "unreadable")]
    for _ in range(2):
        run_steps(_options(inputs, out), log_only_progress)
        assert _rejects(out) == (expected, expected)
    (inputs / "한글-pipe.txt").unlink()
    run_steps(_options(inputs, out), log_only_progress)
    assert _rejects(out) == ([("empty.txt", "empty")], [("empty.txt", "empty")])
