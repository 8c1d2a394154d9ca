"""One real Prefect server for the flow tests of a session, started with cityclips' own code.

`prefect_server` is `cityclips server start` on a free loopback port, UI included, with its own
PREFECT_HOME and template cache in temporary folders (so nothing touches ~/.prefect or ~/.cache).
In-process flow tests point Prefect at it with the settings API (`prefect_api`); CLI subprocesses
get `server_env` (the state file in its PREFECT_HOME is what `cityclips run` finds). It is stopped
at the end of the session by process group.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER_START_S = 180  # fresh PREFECT_HOME: migrations and the UI build, 14-60 s here under load


@dataclass(frozen=True)
class SessionServer:
    url: str
    home: Path
    cache: Path

    def env(self, **extra: str) -> dict[str, str]:
        """A subprocess environment with no inherited PREFECT_* setting, pointed at this server's home."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(PREFECT_HOME=str(self.home), CITYCLIPS_CACHE_DIR=str(self.cache), PYTHONUNBUFFERED="1")
        env.update(extra)
        return env


@pytest.fixture(scope="session")
def template_cache(tmp_path_factory) -> Path:
    """The empty-database template cache shared by this session's servers (first fresh start fills it)."""
    return tmp_path_factory.mktemp("cityclips-cache")


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory, template_cache):
    from cityclips.flows.server import free_port, start_local_server, stop_local_server
    home = tmp_path_factory.mktemp("prefect-home")
    saved = os.environ.get("CITYCLIPS_CACHE_DIR")
    os.environ["CITYCLIPS_CACHE_DIR"] = str(template_cache)
    try:
        api = start_local_server(home, port=free_port(), timeout=SERVER_START_S)
        yield SessionServer(api.url, home, template_cache)
    finally:
        from cityclips.flows.server import drain_prefect
        drain_prefect()  # what the in-process flows still hold, before the server goes
        stop_local_server(home)
        if saved is None:
            os.environ.pop("CITYCLIPS_CACHE_DIR", None)
        else:
            os.environ["CITYCLIPS_CACHE_DIR"] = saved


@pytest.fixture(scope="session")
def prefect_api(prefect_server):
    """In-process flows talk to the session's server (Prefect's settings API: it is imported already)."""
    from cityclips.flows.settings import prefect_settings
    with prefect_settings({"PREFECT_API_URL": prefect_server.url}):
        yield prefect_server


@pytest.fixture(scope="session")
def cli() -> list[str]:
    """The installed `cityclips` command."""
    script = Path(sys.executable).with_name("cityclips")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cityclips.flows.cli"]
