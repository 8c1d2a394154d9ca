"""Which Prefect API a run gets, the temporary server's retry and timeout, the database template, and
`cityclips server` with the UI on any port."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from cityclips.flows import server
from cityclips.flows.server import Api, ApiUnavailable, RunApi, configured_api_url
from tests.conftest import ROOT


def test_the_api_url_comes_from_the_environment_then_the_active_profile(tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "profiles.toml").write_text('active = "work"\n[profiles.work]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n'
                                        '[profiles.other]\nPREFECT_API_URL = "http://10.0.0.6:4200/api"\n')
    assert configured_api_url({"PREFECT_HOME": str(home)}) == "http://10.0.0.5:4200/api"
    assert configured_api_url({"PREFECT_HOME": str(home), "PREFECT_PROFILE": "other"}) == "http://10.0.0.6:4200/api"
    assert configured_api_url({"PREFECT_HOME": str(home), "PREFECT_API_URL": "http://x/api"}) == "http://x/api"
    assert configured_api_url({"PREFECT_HOME": str(tmp_path / "none")}) is None


def _fake_launch(command: list[str]):
    def launch(home: Path) -> Api:
        return Api("http://127.0.0.1:9/api", "temporary", detail="existing",
                   process=subprocess.Popen(command, start_new_session=True))
    return launch


@pytest.mark.parametrize("command, reason", [
    ([sys.executable, "-c", "raise SystemExit(3)"], "it exited with status 3"),
    ([sys.executable, "-c", "import time; time.sleep(60)"], "it did not answer within 1 s"),
])
def test_a_temporary_server_that_does_not_start_is_retried_then_one_sentence(command, reason, monkeypatch,
                                                                            tmp_path) -> None:
    launched = []
    fake = _fake_launch(command)
    monkeypatch.setattr(server, "launch_temporary", lambda home: launched.append(fake(home)) or launched[-1])
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with RunApi(tmp_path / "home", timeout=1.0) as run_api:
        with pytest.raises(ApiUnavailable) as error:
            run_api.ready()
    assert len(launched) == 2  # one retry
    assert all(api.process.poll() is not None for api in launched)  # both stopped
    message = str(error.value)
    assert message.startswith("could not start a temporary Prefect server in 2 attempts") and reason in message
    assert "cityclips server start" in message and "\n" not in message


def test_a_configured_api_that_does_not_answer_is_refused(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{server.free_port()}/api")
    with RunApi(tmp_path / "home") as run_api, pytest.raises(ApiUnavailable, match="no Prefect server answers at"):
        run_api.ready()


def test_the_database_template_seeds_a_fresh_home(monkeypatch, tmp_path) -> None:
    import sqlite3
    monkeypatch.setenv("CITYCLIPS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    first = tmp_path / "first"
    assert server.seed_database(first) == "fresh"  # nothing cached yet: the server migrates
    first.mkdir()
    with sqlite3.connect(first / "prefect.db") as db:
        db.execute("create table alembic_version (version_num text)")
        db.execute("insert into alembic_version values ('head')")
    (first / "memo_store.toml").write_text('block_auto_registration = "abc"\n')
    server.save_template(first)
    second = tmp_path / "second"
    assert server.seed_database(second) == "seeded"
    with sqlite3.connect(second / "prefect.db") as db:
        assert db.execute("select version_num from alembic_version").fetchall() == [("head",)]
    assert (second / "memo_store.toml").read_text() == 'block_auto_registration = "abc"\n'
    assert server.seed_database(second) == "existing"  # never over a database that is there


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cityclips.flows.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=240)


@pytest.mark.slow
def test_server_status_and_stop_without_a_server(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    status = _cli(["server", "status"], env)
    assert status.returncode == 1 and status.stdout.startswith("no cityclips server answers for PREFECT_HOME=")
    stop = _cli(["server", "stop"], env)
    assert stop.returncode == 0 and "no cityclips server was running" in stop.stdout


@pytest.mark.slow
def test_the_ui_on_any_port_talks_to_its_own_api(prefect_server) -> None:
    """PREFECT_UI_API_URL: the UI served on this (random) port is configured with this port's API."""
    base = prefect_server.url.removesuffix("/api")
    assert not base.endswith(":4200")
    with urllib.request.urlopen(base + "/ui-settings", timeout=10) as response:
        assert json.loads(response.read())["api_url"] == prefect_server.url
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        assert b"<html" in response.read().lower()


@pytest.mark.slow
def test_server_status_finds_the_running_server_and_a_second_start_reuses_it(prefect_server) -> None:
    env = prefect_server.env()
    status = _cli(["server", "status"], env)
    assert status.returncode == 0 and status.stdout.startswith(f"cityclips server at {prefect_server.url}")
    again = _cli(["server", "start"], env)
    assert again.returncode == 0 and f"cityclips server at {prefect_server.url}" in again.stdout
