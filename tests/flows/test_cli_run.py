"""`cityclips run` as a user runs it (subprocesses): what the Prefect UI shows, the first line, a run
with no API, and Ctrl-C / SIGTERM / SIGKILL leaving nothing behind.

An interrupted run's environment carries a marker variable; whatever it starts inherits its
environment (the temporary server and the pool workers too), so what is left after it is found by
that marker.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.flows.api_client import Api

pytestmark = pytest.mark.slow

RUN_S = 240  # one CLI run under load, temporary server start included
STAGES = ["plan", "template pass", "process", "publish", "build models", "report"]
RUN_STAGES = ["startup", "discover", "plan", "templates", "process", "carry_over", "publish", "models"]  # runs table
LEFTOVER_GRACE_S = 10  # pool workers notice a killed run within a second (engine.WATCH_RUN_S)


def _run(cli, args, env, timeout=RUN_S) -> subprocess.CompletedProcess:
    return subprocess.run([*cli, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_the_prefect_ui_shows_one_flow_run_with_its_stages_progress_and_summary(prefect_server, cli, tmp_path):
    """Against a real `prefect server` (the session's, found through PREFECT_HOME, no PREFECT_API_URL)."""
    api = Api(prefect_server.url)
    out = tmp_path / "out"
    before = {r["id"] for r in api.flow_runs()}
    result = _run(cli, ["run", str(SEEDS), "--out", str(out)], prefect_server.env())
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"cityclips uses the cityclips server {prefect_server.url}" in result.stderr
    [run] = [r for r in api.flow_runs() if r["id"] not in before]  # one flow run per `cityclips run`
    assert run["state_type"] == "COMPLETED" and run["parameters"]["out"] == str(out)
    tasks = sorted(api.task_runs(run["id"]), key=lambda t: t["expected_start_time"])
    assert [t["name"].rsplit("-", 1)[0] for t in tasks] == STAGES
    assert {t["state_type"] for t in tasks} == {"COMPLETED"}
    artifacts = {a["type"]: a for a in api.artifacts(run["id"])}
    assert artifacts["progress"]["key"] == "cityclips-progress" and artifacts["progress"]["data"] == 100.0
    summary = artifacts["markdown"]
    assert summary["key"] == "cityclips-run-summary" and "pages seen: 5; processed: 5" in summary["data"]
    messages = [log["message"] for log in api.logs(run["id"])]
    assert any(m.startswith("process: 5 of 5 pages (100%)") for m in messages), messages
    _assert_runs_table_has_every_stage_and_the_wall_time(out)


def _assert_runs_table_has_every_stage_and_the_wall_time(out: Path) -> None:
    """The runs table times every stage the command went through, Prefect's start-up, publish and models
    included, and its wall time runs from the command's start to the database built."""
    import duckdb
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        stages = con.execute("select stage from run_stages order by position").fetchall()
        wall, total, startup = con.execute("select wall_seconds, stage_seconds_total, startup_seconds from runs"
                                           ).fetchall()[0]
    assert [s for (s,) in stages] == RUN_STAGES
    assert 0 < startup and total <= wall < total + 30, (wall, total)  # the rest: Prefect between the stages


def test_the_first_line_comes_before_prefect_is_imported(cli, tmp_path):
    """A `prefect` that takes 60 s to import: the first line must not wait for it."""
    shim = tmp_path / "shim" / "prefect"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("import time\ntime.sleep(60)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PYTHONPATH=str(tmp_path / "shim"), PREFECT_HOME=str(tmp_path / "home"),
               PREFECT_API_URL="http://127.0.0.1:9/api", PYTHONUNBUFFERED="1")
    started = time.monotonic()
    process = subprocess.Popen([*cli, "run", str(SEEDS), "--out", str(tmp_path / "out")], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = process.stderr.readline()
        seconds = time.monotonic() - started
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert first.startswith("cityclips ") and f"{SEEDS} -> {tmp_path / 'out'}" in first
    assert seconds < 5, seconds  # under a second on an idle machine (BENCHMARKS.md); slack for a loaded one


def test_no_prefect_api_is_one_sentence_and_exit_2_before_any_work(cli, tmp_path):
    from cityclips.flows.server import free_port
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_API_URL=f"http://127.0.0.1:{free_port()}/api")
    out = tmp_path / "out"
    result = _run(cli, ["run", str(SEEDS), "--out", str(out)], env)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("cityclips: ")]
    assert len(errors) == 1 and errors[0].startswith("cityclips: no Prefect server answers at http://127.0.0.1:")
    assert "Traceback" not in result.stderr
    assert not (out / ".versions").exists() and not (out / "documents").exists()


# --- interrupted runs --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """200 generated pages in batches of 10: long enough to be interrupted mid-processing."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--pages", "200", "--out",
                    str(root), "--seed", "3"], check=True, stdout=subprocess.DEVNULL)
    return root


def _with_env(pid: int, name: str, value: str) -> bool:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return status != "Z" and f"{name}={value}".encode() in environ


def _left_behind(marker: str) -> list[str]:
    """Running processes (any session) with this run's marker in their environment."""
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    return [Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
            for pid in pids if _with_env(pid, "CITYCLIPS_TEST_RUN", marker)]


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm", "sigkill"])
def test_a_stopped_run_leaves_no_server_or_worker_and_says_so_in_one_line(stop, corpus, prefect_server, cli,
                                                                       tmp_path):
    """With a process pool, stopped mid-processing: everything the run started goes. The SIGKILL case
    runs with a temporary server of its own (a fresh PREFECT_HOME), the others with the session's."""
    out, marker = tmp_path / "out", f"{stop}-{os.getpid()}-{time.time_ns()}"
    env = prefect_server.env(CITYCLIPS_TEST_RUN=marker)
    if stop == "sigkill":
        env["PREFECT_HOME"] = str(tmp_path / "home")
    log = open(tmp_path / "stderr.txt", "w+")
    process = subprocess.Popen([*cli, "run", str(corpus), "--out", str(out), "--engine", "processes", "--workers",
                                "2", "--batch-pages", "10"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=log, start_new_session=True)
    deadline = time.monotonic() + RUN_S
    while not list(out.glob(".versions/*.tmp/documents/*.parquet")):  # a batch was processed
        assert process.poll() is None, f"the run ended first:\n{Path(log.name).read_text()[-2000:]}"
        assert time.monotonic() < deadline, "the run did not reach processing"
        time.sleep(0.05)
    assert ("temporary Prefect server" if stop == "sigkill" else "cityclips server") in Path(log.name).read_text()
    if stop == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole foreground group
    else:
        process.send_signal(signal.SIGTERM if stop == "sigterm" else signal.SIGKILL)  # as `kill PID` does
    returncode = process.wait(timeout=60)
    stderr = Path(log.name).read_text()
    deadline = time.monotonic() + LEFTOVER_GRACE_S
    while _left_behind(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _left_behind(marker) == []
    assert returncode == {"ctrl-c": 130, "sigterm": 143, "sigkill": -9}[stop], stderr[-2000:]
    assert not list(out.glob(".versions/*.tmp")) or stop == "sigkill"  # the unpublished version is removed
    if stop != "sigkill":
        assert "Traceback" not in stderr, stderr[-3000:]
        last = stderr.strip().splitlines()[-1]
        assert last.startswith(f"cityclips: stopped by {'Ctrl-C' if stop == 'ctrl-c' else 'SIGTERM'};"), last
    # (that the next run then completes is tests/reliability/test_crash_safety.py's)


def test_an_unreachable_dask_scheduler_is_one_sentence_before_anything_starts(cli, tmp_path):
    from cityclips.flows.server import free_port
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    address = f"tcp://127.0.0.1:{free_port()}"
    result = _run(cli, ["run", str(SEEDS), "--out", str(tmp_path / "out"), "--dask-address", address], env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"cityclips: no Dask scheduler answers at {address}")
    assert not (tmp_path / "home").exists() and not (tmp_path / "out").exists()  # no server, no lock
