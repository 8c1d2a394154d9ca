"""`cityclips serve` against a real Prefect server: the cron schedule registers, a triggered run completes.

The server and `cityclips serve` run as subprocesses in their own process groups on a free
loopback port, with PREFECT_HOME in a temporary folder; both are stopped by process group in a
finally block. The test talks to the server's REST API with urllib (no Prefect client in the test
process, so the session's test harness settings are not touched).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT, SEEDS

SERVER_START_S = 120  # fresh PREFECT_HOME: ~14 s of migrations on an idle machine, 40 s seen under load
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


def _child_env(home: Path, api_url: str) -> dict[str, str]:
    """The test's environment without any PREFECT_* setting, then only the ones this test means."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_API_URL=api_url, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_RUNNER_POLL_FREQUENCY="2", PREFECT_LOGGING_LEVEL="INFO", TZ=ZONE,
               PYTHONUNBUFFERED="1")
    return env


class Api:
    """Minimal JSON client for the Prefect REST API (loopback only)."""

    def __init__(self, url: str):
        assert url.startswith("http://127.0.0.1:"), url
        self.url = url

    def call(self, method: str, path: str, body: dict | None = None, timeout: float = 10.0):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"null")

    def try_call(self, method: str, path: str, body: dict | None = None):
        """The JSON answer, or None while the server is not up or the object does not exist yet."""
        try:
            return self.call(method, path, body)
        except (urllib.error.URLError, OSError, ValueError):
            return None


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


def _start(command: list[str], env: dict[str, str], log: Path, cwd: Path) -> subprocess.Popen:
    with open(log, "wb") as handle:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


@pytest.mark.slow
def test_serve_registers_the_cron_schedule_and_runs_the_flow_on_a_real_server(tmp_path: Path) -> None:
    port = _free_port()
    api = Api(f"http://127.0.0.1:{port}/api")
    env = _child_env(tmp_path / "prefect_home", api.url)
    out = tmp_path / "out"
    bin_dir = Path(sys.executable).parent
    prefect = [str(bin_dir / "prefect")] if (bin_dir / "prefect").exists() else [sys.executable, "-m", "prefect"]
    children: dict[str, tuple[subprocess.Popen, Path]] = {}
    try:
        server_log = tmp_path / "server.log"
        children["prefect server"] = (_start(prefect + ["server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                             env, server_log, tmp_path), server_log)
        _wait_for("the server's health check", lambda: api.try_call("GET", "/health") is True,
                  SERVER_START_S, children)

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

        def scheduled_runs():
            return api.try_call("POST", "/flow_runs/filter", {
                "deployments": {"id": {"any_": [deployment["id"]]}},
                "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 5})

        upcoming = _wait_for("runs scheduled by the cron schedule", scheduled_runs, SCHEDULED_S, children)
        starts = [datetime.fromisoformat(r["expected_start_time"].replace("Z", "+00:00")) for r in upcoming]
        assert all((s.hour, s.minute) == (21, 0) for s in starts), starts  # 06:00 in Seoul, in UTC
    finally:
        for name in ("cityclips serve", "prefect server"):
            if name in children:
                _stop_group(children[name][0], signal.SIGINT if name == "cityclips serve" else signal.SIGTERM)

    assert api.try_call("GET", "/health") is None, "the server should be stopped"


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cityclips.flows.cli", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.slow
def test_serve_without_a_server_says_how_to_start_one(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect_home")  # no profile that could hold a URL
    result = _cli(["serve", "--cron", CRON, str(SEEDS), "--out", str(tmp_path / "out")], env)
    assert result.returncode == 2
    assert "PREFECT_API_URL is not set" in result.stderr and "prefect server start --host 127.0.0.1" in result.stderr
    assert "export PREFECT_API_URL=http://127.0.0.1:4200/api" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_serve_with_no_server_listening_is_one_sentence(tmp_path: Path, monkeypatch, capsys) -> None:
    from cityclips.flows.serve import serve_flow
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_free_port()}/api")  # nothing listens there
    assert serve_flow([str(SEEDS)], str(tmp_path / "out"), CRON, "daily") == 2
    error = capsys.readouterr().err
    assert error.startswith("cityclips: no Prefect server answers at http://127.0.0.1:") and "make server" in error
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
