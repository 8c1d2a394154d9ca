"""`cityclips.run(...)` (flows/api.py): the run of `cityclips run`, from Python.

The two-runs test is a fresh interpreter (as a notebook is): Prefect not imported before the
first call, no PREFECT_API_URL, so each call with work to do starts and stops a temporary server of
its own; the second call must not find the first one's stopped URL, and the third, with nothing to do,
starts none.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cityclips
from cityclips.flows.api import CannotRun, run

PROJECT = Path(__file__).resolve().parents[2]

TWO_RUNS = """
import json, os, sys
import cityclips
seeds, out = sys.argv[1], sys.argv[2]
lines = []
first = cityclips.run([seeds], out, on_api=lines.append)
assert "PREFECT_API_URL" not in os.environ, "the temporary server's URL outlived the run"
second = cityclips.run([seeds], out, full=True, on_api=lines.append)
third = cityclips.run([seeds], out, on_api=lines.append)
con = cityclips.connect(out)
documents = con.execute("select count(*) from articles").fetchone()[0]
print(json.dumps({"first": [first.pages_processed, first.pages_unchanged, len(first.data_tests_failed)],
                  "second": [second.pages_processed, second.pages_unchanged, len(second.data_tests_failed)],
                  "third": [third.pages_processed, third.pages_unchanged, len(third.data_tests_failed)],
                  "documents": documents, "lines": lines}))
"""


@pytest.mark.slow
def test_two_runs_in_one_interpreter_each_with_its_own_temporary_server(tmp_path, prefect_server) -> None:
    env = prefect_server.env(PREFECT_HOME=str(tmp_path / "home"))  # no cityclips server here: temporary ones
    result = subprocess.run([sys.executable, "-c", TWO_RUNS, str(PROJECT / "seeds"), str(tmp_path / "out")],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["first"] == [5, 0, 0]
    assert figures["second"] == [5, 0, 0]  # --full: every page again, on a temporary server of its own
    assert figures["third"] == [0, 5, 0]  # the third run found the tables before it
    assert figures["documents"] == 5  # the articles mart of the database the runs built
    first, second, third = figures["lines"]
    assert "temporary Prefect server" in first and "temporary Prefect server" in second
    assert third.startswith("cityclips: nothing changed since the last run")  # and so no server at all


def test_the_package_exports_run() -> None:
    assert cityclips.run is run
    assert "run" in cityclips.__all__


@pytest.mark.parametrize("kwargs, says", [
    ({"inputs": ["no-such-folder"]}, "input not found: no-such-folder"),
    ({"inputs": ["seeds"], "base_url": "www.gwangju.go.kr"}, "must start with http:// or https://"),
    ({"inputs": ["seeds"], "dask_address": "tcp://127.0.0.1:9", "engine": "processes"}, "leave --engine out"),
    ({"inputs": ["seeds"], "dask_address": "tcp://127.0.0.1:9"}, "no Dask scheduler answers at tcp://127.0.0.1:9"),
])
def test_a_run_that_cannot_start_says_why_before_anything_starts(tmp_path, monkeypatch, kwargs, says) -> None:
    monkeypatch.chdir(PROJECT)
    with pytest.raises(CannotRun, match=says.replace("+", r"\+").replace(".", r"\.").replace("/", "/")):
        run(out=tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()  # no lock, no version, no server was started
