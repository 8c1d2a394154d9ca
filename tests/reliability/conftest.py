"""Fixtures of the reliability suite: a Prefect API for CLI subprocesses, the generated corpus, a
reference run of it.

A CLI run that starts its own temporary Prefect server spends 7-55 s on that here (FACTS.md; more on
a loaded machine), and this suite runs the CLI about fifteen times. So by default one
`prefect server start` serves every subprocess of the session (its own PREFECT_HOME in a temporary
folder, analytics off), and a run costs a few seconds. The server starts as soon as collection
shows a test needs it, and the tests that need no subprocess run first, while it boots.
RELIABILITY_PREFECT=ephemeral makes every run start its own temporary server instead, as a user's
plain `cityclips run` does (slower: several minutes more).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the tests here import reliability_helpers by name
from cityclips.flows.server import _die_with_parent  # noqa: E402 - the runs' own temporary servers do the same
from reliability_helpers import CORPUS_PAGES, corpus_pages, run_cli, snapshot, write_corpus  # noqa: E402

SERVER_START_TIMEOUT_S = 180  # `prefect server start` took 14 s on a fresh PREFECT_HOME (FACTS.md); slack for load
HERE = Path(__file__).resolve().parent
EPHEMERAL = os.environ.get("RELIABILITY_PREFECT") == "ephemeral"


class _PrefectServer:
    """One `prefect server start` for the session, in its own process group."""

    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="cityclips-reliability-prefect-"))
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
        self.env.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180", PYTHONUNBUFFERED="1")
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/api"
        with open(self.home / "server.log", "w") as log:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).with_name("prefect")), "server", "start", "--host", "127.0.0.1",
                 "--port", str(port)], env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=_die_with_parent)  # a killed pytest (a timeout, Ctrl-C twice) leaves no 270 MB server

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        log = self.home / "server.log"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"prefect server exited with {self.process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        pytest.fail(f"prefect server not healthy after {SERVER_START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


_SERVER: _PrefectServer | None = None  # started in pytest_collection_modifyitems when a test needs it


def _runs_the_cli(item: pytest.Item) -> bool:
    return "cli_env" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """Run this folder's in-process tests before its CLI tests (other folders' items keep their
    places), and start the shared Prefect server now so it boots while the in-process tests run."""
    slots = [i for i, item in enumerate(items) if Path(str(item.path)).resolve().is_relative_to(HERE)]
    ordered = sorted((items[i] for i in slots), key=_runs_the_cli)  # stable: file order within each group
    for slot, item in zip(slots, ordered):
        items[slot] = item
    if not EPHEMERAL and any(_runs_the_cli(item) for item in ordered):
        _start_server()


def _start_server() -> _PrefectServer:
    global _SERVER
    if _SERVER is None:
        _SERVER = _PrefectServer()
        _SERVER.start()
    return _SERVER


def pytest_sessionfinish(session, exitstatus):
    if _SERVER is not None:
        _SERVER.stop()


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """Environment for `cityclips` subprocesses: a private PREFECT_HOME and (by default) the shared API."""
    if EPHEMERAL:
        env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
        env.update(PREFECT_HOME=str(tmp_path_factory.mktemp("prefect-home")),
                   PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180")
        return env
    server = _start_server()  # normally started already, at collection
    server.wait_healthy()
    return {**server.env, "PREFECT_API_URL": server.url}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The generated corpus (edition 0). Shared and read-only: copy it before changing it."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, corpus_pages(CORPUS_PAGES))
    return root


@pytest.fixture(scope="session")
def reference_run(corpus, cli_env, tmp_path_factory):
    """A clean, complete run of the corpus into a fresh folder: (out, comparable snapshot).

    Read-only for tests: copy the folder (copy_tree) before running into it again.
    """
    out = tmp_path_factory.mktemp("reference") / "out"
    completed = run_cli(["run", str(corpus), "--out", str(out)], cli_env, out.parent / "log")
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out, snapshot(out)
