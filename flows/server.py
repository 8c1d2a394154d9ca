"""The one Prefect API a run talks to: the configured one, cityclips' local server, or a temporary one.

In this order (docs/operations.md has the measurements behind it):

1. `PREFECT_API_URL`, from the environment or the active Prefect profile: used as it is. When
   nothing answers there, the run stops before any work (exit 2).
2. The local server started with `cityclips server start` for this PREFECT_HOME (its state is in
   `$PREFECT_HOME/cityclips-server.json`), when it answers. A one-page run then costs about 3 s.
3. Otherwise a temporary server for this run only, stopped when the run ends, fails or is
   interrupted (and by the kernel if the run is killed: PR_SET_PDEATHSIG). It is the command
   Prefect's own temporary server runs (uvicorn over `prefect.server.api.server:create_app`,
   no UI, the services a temporary server needs), started by cityclips so that the start-up
   timeout is a real wall-clock limit, a failed start is retried once on a new port, and the
   start overlaps the CLI's own imports. A fresh PREFECT_HOME is seeded with an empty, already
   migrated database kept in the user's cache (Prefect's migrations take 7 s; the copy is
   instant), so only the first run on a machine pays for them.

No Prefect import here: the CLI decides and starts all this before Prefect is imported.
"""
from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from cityclips.flows.settings import PREFECT_DEFAULTS, prefect_home

STATE_FILE = "cityclips-server.json"  # under PREFECT_HOME: the local server `run` reuses
SERVER_LOG = "cityclips-server.log"
DEFAULT_PORT = 4200  # Prefect's own default; another free port when it is taken
START_TIMEOUT_S = float(os.environ.get("CITYCLIPS_SERVER_START_TIMEOUT", "120"))  # a temporary server
# took 5-12 s here, 30-140 s for Prefect's under load 5-12 (FACTS.md); a cold `prefect server start`
# with its UI build up to 60 s: a real limit, then one retry
START_ATTEMPTS = 2
HEALTH_POLL_S = 0.1
HEALTH_TIMEOUT_S = 2.0  # a local server answers /health in milliseconds when idle
LOCAL_HEALTH_TIMEOUT_S = 15.0  # ... and took seconds at load 11 on 2 cores: a live local server gets this long
STOP_GRACE_S = 10.0  # uvicorn stops in well under a second on SIGTERM
PR_SET_PDEATHSIG = 1  # linux/prctl.h: signal the child when the process that started it dies


class ApiUnavailable(Exception):
    """No Prefect API can be had for this run; the message is one sentence saying what to do."""


@dataclass
class Api:
    """The Prefect API of one run: its URL and where it comes from."""

    url: str
    kind: str  # 'configured' | 'local' | 'temporary'
    detail: str = ""
    process: subprocess.Popen | None = field(default=None, repr=False)  # only for a temporary server
    start_seconds: float = 0.0

    def describe(self) -> str:
        return {"configured": f"Prefect API {self.url} (PREFECT_API_URL)",
                "local": f"cityclips server {self.url} ({self.detail})",
                "temporary": f"temporary Prefect server {self.url} for this run"}[self.kind]


# --- small helpers --------------------------------------------------------------------------------

def free_port(preferred: int | None = None) -> int:
    """preferred when nothing listens on it on 127.0.0.1, else a port the kernel picks."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise OSError("no free port on 127.0.0.1")


def answers(api_url: str, timeout: float = HEALTH_TIMEOUT_S) -> bool:
    """True when a Prefect server answers its health check at api_url."""
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout) as response:
            return json.loads(response.read() or b"false") is True
    except (urllib.error.URLError, OSError, ValueError):
        return False


def configured_api_url(environ: dict[str, str] | None = None) -> str | None:
    """PREFECT_API_URL from the environment, else from the active profile in profiles.toml."""
    environ = dict(os.environ) if environ is None else environ
    if environ.get("PREFECT_API_URL"):
        return environ["PREFECT_API_URL"]
    path = Path(environ.get("PREFECT_PROFILES_PATH") or Path(prefect_home(environ)) / "profiles.toml")
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    active = environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    url = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return str(url) if url else None


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the run that started it dies, even by SIGKILL (Linux)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the run's own cleanup still stops it
        pass


def _server_env(home: Path, api_url: str, temporary: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({name: os.environ.get(name, value) for name, value in PREFECT_DEFAULTS.items()})
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_API_URL=api_url, PREFECT_SERVER_UI_API_URL=api_url)  # the UI on any port
    if temporary:  # what Prefect's SubprocessASGIServer sets: no UI, the services a temporary server runs
        env.update(PREFECT_SERVER_UI_ENABLED="false", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
    return env


def _prefect_command() -> list[str]:
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM the server's process group, SIGKILL it after a grace period; reap it."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


# --- the empty database template ------------------------------------------------------------------

def _cache_dir() -> Path:
    base = os.environ.get("CITYCLIPS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cityclips")
    return Path(base)


def _template_paths() -> tuple[Path, Path]:
    stem = f"prefect-{metadata.version('prefect')}-empty"
    return _cache_dir() / f"{stem}.db", _cache_dir() / f"{stem}.memo.toml"


def _uses_default_database() -> bool:
    return not os.environ.get("PREFECT_API_DATABASE_CONNECTION_URL") and not os.environ.get(
        "PREFECT_SERVER_DATABASE_CONNECTION_URL")


def seed_database(home: Path) -> str:
    """Give a fresh PREFECT_HOME the cached empty database: 'seeded', 'existing' or 'fresh' (no template)."""
    database = home / "prefect.db"
    if database.exists() or not _uses_default_database():
        return "existing"
    template, memo = _template_paths()
    if not template.exists():
        return "fresh"
    home.mkdir(parents=True, exist_ok=True)
    partial = home / f".prefect.db.{os.getpid()}.tmp"
    shutil.copyfile(template, partial)
    os.replace(partial, database)
    if memo.exists() and not (home / "memo_store.toml").exists():
        shutil.copyfile(memo, home / "memo_store.toml")  # blocks already registered in the template
    return "seeded"


def save_template(home: Path) -> None:
    """After a server migrated a fresh database: keep an empty copy (SQLite's online backup) for next time."""
    template, memo = _template_paths()
    if template.exists():
        return
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        partial = template.with_name(f".{template.name}.{os.getpid()}.tmp")
        with sqlite3.connect(home / "prefect.db") as source, sqlite3.connect(partial) as copy:
            source.backup(copy)
            copy.execute("pragma journal_mode=delete")  # one file, no -wal beside it
        os.replace(partial, template)
        if (home / "memo_store.toml").exists():
            shutil.copyfile(home / "memo_store.toml", memo)
    except (OSError, sqlite3.Error):
        pass  # a cache: the next fresh PREFECT_HOME migrates again


# --- temporary server ---------------------------------------------------------------------------

def launch_temporary(home: Path) -> Api:
    """Start a temporary server for one run (returns at once; call wait_until_healthy)."""
    home.mkdir(parents=True, exist_ok=True)
    seeded = seed_database(home)
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(home / f"cityclips-temporary-{os.getpid()}.log", "wb")
    command = [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]
    with log:
        process = subprocess.Popen(command, env=_server_env(home, url, temporary=True), stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                   preexec_fn=_die_with_parent)
    return Api(url, "temporary", detail=seeded, process=process)


def wait_until_healthy(api: Api, timeout: float, started: float | None = None) -> bool:
    """Poll /health until it answers (True) or the process exits or timeout seconds pass (False)."""
    started = time.monotonic() if started is None else started
    while time.monotonic() - started < timeout:
        if api.process is not None and api.process.poll() is not None:
            return False
        if answers(api.url, timeout=HEALTH_TIMEOUT_S):
            api.start_seconds = time.monotonic() - started
            return True
        time.sleep(HEALTH_POLL_S)
    return False


def _log_tail(home: Path, pid: int, lines: int = 5) -> str:
    path = home / f"cityclips-temporary-{pid}.log"
    try:
        text = path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(text[-lines:])


def drain_prefect(timeout: float = 10.0) -> None:
    """Send the logs and events Prefect still holds to the API (before its server stops), if it is loaded."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        try:
            service.drain_all(timeout=timeout)
        except Exception:  # noqa: BLE001 - best effort: the run itself is already over
            pass


def finish_temporary(api: Api, home: Path) -> None:
    """Stop a temporary server (after Prefect sent what it still held) and remove its log."""
    drain_prefect()
    if api.process is not None:
        stop_process(api.process)
    (home / f"cityclips-temporary-{os.getpid()}.log").unlink(missing_ok=True)


class RunApi:
    """The API of one run, as a context manager; a temporary server starts in __enter__ and stops in __exit__.

    `ready()` blocks until the API answers (start it early, import Prefect meanwhile) and raises
    ApiUnavailable when none can be had.
    """

    def __init__(self, home: str | Path | None = None, timeout: float = START_TIMEOUT_S,
                 attempts: int = START_ATTEMPTS):
        self.home = Path(home or prefect_home())
        self.timeout, self.attempts = timeout, attempts
        self.api: Api | None = None
        self._started = 0.0

    def __enter__(self) -> "RunApi":
        self._started = time.monotonic()
        url = configured_api_url()
        if url:
            self.api = Api(url, "configured")
            return self
        local = read_local_server(self.home)
        if local is not None:
            self.api = local
            return self
        self.api = launch_temporary(self.home)
        return self

    @property
    def url(self) -> str:
        assert self.api is not None
        return self.api.url

    def ready(self) -> Api:
        api = self.api
        assert api is not None
        if api.kind == "configured":
            if not answers(api.url, timeout=5 * HEALTH_TIMEOUT_S):
                raise ApiUnavailable(f"no Prefect server answers at {api.url} (PREFECT_API_URL); start it, "
                                     "or unset PREFECT_API_URL and cityclips starts a temporary one")
            return api
        if api.kind == "local":
            return api
        for attempt in range(1, self.attempts + 1):
            if wait_until_healthy(api, self.timeout, started=self._started):
                if api.detail == "fresh":
                    save_template(self.home)
                return api
            reason = (f"it exited with status {api.process.returncode}" if api.process.poll() is not None
                      else f"it did not answer within {self.timeout:.0f} s")
            tail = _log_tail(self.home, os.getpid())
            finish_temporary(api, self.home)
            if attempt == self.attempts:
                raise ApiUnavailable(f"could not start a temporary Prefect server in {self.attempts} attempts "
                                     f"({reason}{': ' + tail if tail else ''}); start one with 'cityclips server "
                                     "start' or set PREFECT_API_URL")
            api = self.api = launch_temporary(self.home)
            self._started = time.monotonic()
        raise AssertionError("unreachable")

    def cancel(self) -> None:
        """Stop a temporary server the run turned out not to need (it has nothing to do)."""
        if self.api is not None and self.api.kind == "temporary":
            finish_temporary(self.api, self.home)
            self.api.process = None

    def __exit__(self, *exc) -> None:
        if self.api is not None and self.api.kind == "temporary":
            finish_temporary(self.api, self.home)


# --- the local server: cityclips server start | stop | status -------------------------------------

def _state_path(home: Path) -> Path:
    return home / STATE_FILE


def _is_prefect_server(pid: int) -> bool:
    """Guard against a recycled pid: the process must be a `prefect server`."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        try:
            os.kill(pid, 0)
            return True  # no /proc (not Linux): trust the state file
        except OSError:
            return False
    return b"prefect" in command and b"server" in command


def _read_state(home: Path) -> tuple[int, str] | None:
    """(pid, url) from the state file under home, or None when there is none or it is unreadable."""
    try:
        state = json.loads(_state_path(home).read_text(encoding="utf-8"))
        return int(state["pid"]), str(state["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_local_server(home: Path) -> Api | None:
    """The local server recorded under home when it is alive and answers; else None (stale state is removed)."""
    path = _state_path(home)
    state = _read_state(home)
    if state is None:
        return None
    pid, url = state
    if not _is_prefect_server(pid):
        path.unlink(missing_ok=True)
        return None
    if not answers(url, timeout=LOCAL_HEALTH_TIMEOUT_S):
        return None  # alive but not answering: a temporary server is safer for this run
    return Api(url, "local", detail=f"pid {pid}")


def start_local_server(home: Path | None = None, port: int | None = None, timeout: float = START_TIMEOUT_S,
                       foreground: bool = False) -> Api:
    """Start `prefect server start` (UI included) on 127.0.0.1 and record it under PREFECT_HOME.

    Returns the running server (an existing one when it already answers). port None means 4200, or a
    free port when 4200 is taken; a port given that is taken is an error. Raises ApiUnavailable when
    it does not answer within timeout. With foreground=True it is left attached to this process.
    """
    home = Path(home or prefect_home())
    existing = read_local_server(home)
    if existing is not None:
        return existing
    home.mkdir(parents=True, exist_ok=True)
    if port is not None and free_port(port) != port:
        raise ApiUnavailable(f"port {port} on 127.0.0.1 is in use; give another with --port (or PORT=... to make)")
    seeded = seed_database(home)
    port = free_port(port or DEFAULT_PORT)
    url = f"http://127.0.0.1:{port}/api"
    command = _prefect_command() + ["server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"]
    with open(home / SERVER_LOG, "ab") as log:
        process = subprocess.Popen(command, env=_server_env(home, url, temporary=False), stdin=subprocess.DEVNULL,
                                   stdout=None if foreground else log, stderr=None if foreground else log,
                                   start_new_session=not foreground)
    api = Api(url, "local", detail=f"pid {process.pid}", process=process)
    if not wait_until_healthy(api, timeout):
        stop_process(process)
        raise ApiUnavailable(f"the Prefect server did not answer at {url} within {timeout:.0f} s; "
                             f"see {home / SERVER_LOG}")
    if seeded == "fresh":
        save_template(home)
    _state_path(home).write_text(json.dumps({"pid": process.pid, "url": url, "port": port,
                                             "started_at": time.time(), "log": str(home / SERVER_LOG)}),
                                 encoding="utf-8")
    return api


def stop_local_server(home: Path | None = None) -> Api | None:
    """Stop the local server recorded under PREFECT_HOME; return it (None when none was running)."""
    home = Path(home or prefect_home())
    path = _state_path(home)
    state = _read_state(home)
    if state is None:
        return None
    pid, url = state
    stopped = None
    if _is_prefect_server(pid):
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + STOP_GRACE_S
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        if _alive(pid):
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        stopped = Api(url, "local", detail=f"pid {pid}")
    path.unlink(missing_ok=True)
    return stopped


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of this process counts as gone
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return Path(f"/proc/{pid}").exists()
