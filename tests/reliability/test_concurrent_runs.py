"""Two runs on one --out at once: one of them fails fast naming the lock, the other completes alone.

Both are started half a second apart. Which one takes the lock first depends on how the two start-ups
(Python, Prefect) go on a loaded machine, so the tests look at the one that lost, not at the one
started second. Starting them together keeps both start-ups inside the winner's hold on the lock
(seconds of work), however slow the machine is.
"""
from __future__ import annotations

import time

import pytest
from reliability_helpers import assert_consistent, finish_cli, read_tables, snapshot, start_cli

STAGGER_S = 0.5
RUN_LIMIT_S = 240


@pytest.fixture(scope="module")
def two_runs(corpus, cli_env, tmp_path_factory):
    """(out, winner, loser, loser ended while the winner was still running)."""
    base = tmp_path_factory.mktemp("concurrent")
    out = base / "out"
    processes = [start_cli(["run", str(corpus), "--out", str(out)], cli_env, base / "first")]
    time.sleep(STAGGER_S)
    processes.append(start_cli(["run", str(corpus), "--out", str(out)], cli_env, base / "second"))
    ended: dict[int, float] = {}
    deadline = time.monotonic() + RUN_LIMIT_S
    while len(ended) < 2 and time.monotonic() < deadline:
        for process in processes:
            if process.pid not in ended and process.poll() is not None:
                ended[process.pid] = time.monotonic()
        time.sleep(0.01)
    first, second = (finish_cli(p, timeout=1) for p in processes)
    if (first.returncode == 0) == (second.returncode == 0):
        pytest.fail(f"expected exactly one run to succeed, got {first.returncode} and {second.returncode}:\n"
                    f"{first.stderr[-1500:]}\n{second.stderr[-1500:]}")
    (winner, winner_pid), (loser, loser_pid) = sorted(
        [(first, processes[0].pid), (second, processes[1].pid)], key=lambda pair: pair[0].returncode != 0)
    return out, winner, loser, ended[loser_pid] < ended[winner_pid]


def test_the_losing_run_fails_fast_naming_the_lock(two_runs):
    out, _, loser, ended_first = two_runs
    assert loser.returncode != 0
    errors = [line for line in loser.stderr.splitlines() if line.startswith("cityclips: ")]
    assert len(errors) == 1, loser.stderr[-2000:]
    assert "another cityclips run" in errors[0] and str(out / ".lock") in errors[0]
    assert ended_first, "the losing run should give up while the other is still working"


def test_the_winning_run_completes_alone(two_runs, reference_run):
    out, winner, _, _ = two_runs
    assert winner.returncode == 0, winner.stderr[-3000:]
    assert snapshot(out) == reference_run[1]  # exactly the rows of a run with nobody else around
    assert_consistent(out)
    runs = read_tables(out, ["runs", "documents"])
    (run_id,) = runs["runs"].column("run_id").to_pylist()  # one run wrote here, once
    assert runs["documents"].column("run_id").unique().to_pylist() == [run_id]
    versions = [p.name for p in (out / ".versions").iterdir() if p.name != "current"]
    assert len(versions) == 1 and not versions[0].endswith(".tmp"), versions


def test_the_losing_run_prints_no_traceback(two_runs):
    assert "Traceback" not in two_runs[2].stderr
