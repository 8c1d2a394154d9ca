"""`cityclips serve` against a real Prefect server: the cron schedule registers, a triggered run completes
and its logs reach the server (what the UI shows).

The server is the session's (`cityclips server start`, tests/flows/conftest.py); `cityclips serve`
runs as a subprocess in its own process group with no PREFECT_API_URL, so it must find that server
through the state file in PREFECT_HOME, and it is stopped by process group in a finally block. The
test reads the server's REST API with urllib.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT, SEEDS
from tests.flows.api_client import Api

DEPLOYMENT_S = 60  # `cityclips serve` imports Prefect and the flow, then registers (~5 s idle)
FLOW_RUN_S = 180  # runner poll (2 s) + a spawned process importing the pipeline + 5 pages (~15 s idle)
SCHEDULED_S = 30  # the server's recent-deployments scheduler loops every 5 s
STOP_GRACE_S = 15
CRON = "0 6 * * *"
ZONE = "Asia/Seoul"  # no daylight saving time: 06:00 KST is always 21:00 UTC


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _child_env(server) -> dict[str, str]:
    """The session server's environment for a subprocess (no PREFECT_API_URL: serve finds the server)."""
    return server.env(PREFECT_RUNNER_POLL_FREQUENCY="2", TZ=ZONE)


def _wait_for(what: str, check, seconds: float, processes: dict[str, tuple[subprocess.Popen, Path]],
              interval: float = 0.5):
    """Poll check() until it returns something truthy; fail with the children's logs on timeout or death."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        for name, (process, log) in processes.items():
            if process.poll() is not None:
                pytest.fail(f"{name} exited with {process.returncode} while waiting for {what}:\n{_tail(log)}")
        time.sleep(interval)
    logs = "\n".join(f"--- {name}\n{_tail(log)}" for name, (_, log) in processes.items())
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}\n{logs}")


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


def _stop_group(process: subprocess.Popen, first_signal: int) -> None:
    """Signal the child's process group, then kill it if it is still there after a grace period."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, first_signal)
        process.wait(timeout=STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_GRACE_S)
    except ProcessLookupError:
        pass


def _running_in_group(group: int) -> list[str]:
    """Processes of a process group that still run (zombies waiting for this container's init to reap them do not)."""
    listing = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(group)], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if line.split()[1:2] and not line.split()[1].startswith("Z")]


def _start(command: list[str], env: dict[str, str], log: Path, cwd: Path) -> subprocess.Popen:
    with open(log, "wb") as handle:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


@pytest.mark.slow
def test_serve_registers_the_cron_schedule_and_runs_the_flow_on_a_real_server(prefect_server, tmp_path: Path) -> None:
    api = Api(prefect_server.url)
    env = _child_env(prefect_server)
    out = tmp_path / "out"
    children: dict[str, tuple[subprocess.Popen, Path]] = {}
    try:
        serve_log = tmp_path / "serve.log"
        children["cityclips serve"] = (_start([sys.executable, "-m", "cityclips.flows.cli", "serve", "--cron", CRON,
                                               str(SEEDS), "--out", str(out), "--name", "daily"],
                                              env, serve_log, ROOT), serve_log)
        deployment = _wait_for("the deployment cityclips/daily",
                               lambda: api.try_call("GET", "/deployments/name/cityclips/daily"),
                               DEPLOYMENT_S, children)
        assert deployment["parameters"] == {"inputs": [str(SEEDS.resolve())], "out": str(out.resolve())}
        [schedule] = deployment["schedules"]
        assert schedule["active"] and schedule["schedule"]["cron"] == CRON
        assert schedule["schedule"]["timezone"] == ZONE

        flow_run = api.call("POST", f"/deployments/{deployment['id']}/create_flow_run", {})

        def finished():
            run = api.try_call("GET", f"/flow_runs/{flow_run['id']}")
            return run if run and run["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        run = _wait_for("the triggered flow run to finish", finished, FLOW_RUN_S, children, interval=1.0)
        assert run["state_type"] == "COMPLETED", f"{run['state_type']}: {run['state']}\n{_tail(serve_log)}"
        documents = ds.dataset(str(out / "documents"), format="parquet").to_table()
        assert documents.num_rows == 5
        assert ds.dataset(str(out / "runs"), format="parquet").to_table().num_rows == 1
        assert (out / "cityclips.duckdb").is_file()

        def progress_logged():  # the run's logs reach the server (the UI's Logs tab), progress lines too
            messages = [log["message"] for log in api.try_call("POST", "/logs/filter", {
                "logs": {"flow_run_id": {"any_": [run["id"]]}}, "limit": 200}) or []]
            return messages if any("process: 5 of 5 pages (100%)" in m for m in messages) else None

        messages = _wait_for("the served run's logs", progress_logged, SCHEDULED_S, children)
        assert any("5 pages: 5 new or changed" in m for m in messages), messages

        def scheduled_runs():
            return api.try_call("POST", "/flow_runs/filter", {
                "deployments": {"id": {"any_": [deployment["id"]]}},
                "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 5})

        upcoming = _wait_for("runs scheduled by the cron schedule", scheduled_runs, SCHEDULED_S, children)
        starts = [datetime.fromisoformat(r["expected_start_time"].replace("Z", "+00:00")) for r in upcoming]
        assert all((s.hour, s.minute) == (21, 0) for s in starts), starts  # 06:00 in Seoul, in UTC
    finally:
        for name in children:
            _stop_group(children[name][0], signal.SIGINT)
    process = children["cityclips serve"][0]
    deadline = time.monotonic() + STOP_GRACE_S  # a helper (multiprocessing's resource tracker) exits just after
    while _running_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _running_in_group(process.pid) == [], "serve and the processes of its runs should be gone"


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cityclips.flows.cli", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.slow
def test_serve_without_a_server_says_how_to_start_one(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect_home")  # no profile that could hold a URL
    result = _cli(["serve", "--cron", CRON, str(SEEDS), "--out", str(tmp_path / "out")], env)
    assert result.returncode == 2
    assert "PREFECT_API_URL is not set and no cityclips server is running" in result.stderr
    assert "'cityclips server start'" in result.stderr
    assert "export PREFECT_API_URL=http://127.0.0.1:4200/api" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_serve_with_no_server_listening_is_one_sentence(tmp_path: Path, monkeypatch, capsys) -> None:
    from cityclips.flows.serve import serve_flow
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_free_port()}/api")  # nothing listens there
    assert serve_flow([str(SEEDS)], str(tmp_path / "out"), CRON, "daily") == 2
    error = capsys.readouterr().err
    assert error.startswith("cityclips: no Prefect server answers at http://127.0.0.1:") and "make server" in error
    assert len(error.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_serve_with_a_missing_input_is_one_sentence(tmp_path: Path, capsys) -> None:
    from cityclips.flows.serve import serve_flow
    assert serve_flow([str(tmp_path / "missing")], str(tmp_path / "out"), CRON, "daily") == 2
    assert capsys.readouterr().err.startswith("cityclips: input not found:")


@pytest.mark.parametrize("cron, message", [
    ("61 6 * * *", "is not a valid cron schedule"),
    ("0 6 * *", "needs 5 fields"),
    ("0 6 * * * *", "needs 5 fields"),
    ("H 6 * * *", "is not a valid cron schedule"),
])
def test_invalid_cron_is_one_clear_error(cron: str, message: str) -> None:
    from cityclips.flows.serve import ServeError, validate_cron
    with pytest.raises(ServeError, match=message):
        validate_cron(cron)


def test_valid_cron_strings_pass() -> None:
    from cityclips.flows.serve import validate_cron
    assert validate_cron(" 0  6 * * 1-5 ") == "0 6 * * 1-5"
    assert validate_cron("@daily") == "@daily"


def test_next_run_time_follows_the_zone() -> None:
    from zoneinfo import ZoneInfo

    from cityclips.flows.serve import next_run_time
    after = datetime(2026, 1, 1, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert next_run_time(CRON, "Asia/Seoul", after) == datetime(2026, 1, 2, 6, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    assert next_run_time(CRON, "UTC", after) == datetime(2026, 1, 2, 6, 0, tzinfo=ZoneInfo("UTC"))
