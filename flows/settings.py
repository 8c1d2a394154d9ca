"""The Prefect settings cityclips relies on, set before Prefect is imported.

Prefect reads its settings once, when `prefect` is imported (FACTS.md): an `os.environ` change
made after the import changes nothing. So the CLI calls `apply_prefect_defaults()` first thing,
before any module that imports Prefect, and a caller that already imported Prefect (a notebook,
a test) gets the same values through Prefect's settings API with `prefect_settings()`.

This module must not import Prefect at module level.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager

# Each value with the reason it is set. A user's own environment wins (setdefault).
PREFECT_DEFAULTS: dict[str, str] = {
    # Offline, every analytics call fails slowly: several seconds a run and "Failed to send telemetry".
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Progress lines (N of M, rate, ETA) are INFO; at WARNING a served run sent the UI no log at all.
    "PREFECT_LOGGING_LEVEL": "INFO",
    # Only for callers that let Prefect start its own temporary server (the Python API without the
    # CLI): the 20 s default was missed on about half the runs on a loaded machine (FACTS.md).
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    # `cityclips serve`: Prefect's 10 s poll makes `prefect deployment run` feel stuck.
    "PREFECT_RUNNER_POLL_FREQUENCY": "5",
}


# Heartbeats: a thread that tells the server every 180 s that the flow run is alive, so that an
# automation can mark a run that died as crashed. Its join at the end of a run waits for the thread's
# next one-second wake-up: about 1 s of every run (FACTS.md: the per-run floor), a third of a one-page
# run's budget. No automation reads them unless a user makes one, so a run sends none unless the
# user asks for them (PREFECT_FLOWS_HEARTBEAT_FREQUENCY in the environment, then it is used as given).
HEARTBEAT_SETTINGS = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def run_settings(api_url: str, environ: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """The Prefect settings of one run: its API, and no heartbeats unless the user's environment asks for them.

    >>> run_settings("http://127.0.0.1:4200/api", {})
    {'PREFECT_API_URL': 'http://127.0.0.1:4200/api', 'PREFECT_FLOWS_HEARTBEAT_FREQUENCY': None}
    """
    environ = os.environ if environ is None else environ
    values: dict[str, str | None] = {"PREFECT_API_URL": api_url}
    if not any(name in environ for name in HEARTBEAT_SETTINGS):
        values["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] = None
    return values


def apply_prefect_defaults(environ: MutableMapping[str, str] | None = None) -> dict[str, str]:
    """Put PREFECT_DEFAULTS into the environment (without overriding the user's values); return them.

    Raises RuntimeError if Prefect is already imported in this process and `environ` is the real
    environment: the values would be ignored silently. Use `prefect_settings()` there.
    """
    target = os.environ if environ is None else environ
    if environ is None and "prefect" in sys.modules:
        raise RuntimeError("Prefect is already imported: its settings are fixed; use prefect_settings() instead")
    for name, value in PREFECT_DEFAULTS.items():
        target.setdefault(name, value)
    return {name: target[name] for name in PREFECT_DEFAULTS}


@contextmanager
def prefect_settings(values: Mapping[str, str | None]) -> Iterator[None]:
    """Run the block with these Prefect settings (names as environment variables, e.g. PREFECT_API_URL).

    Before Prefect is imported they go into the environment (and are restored afterwards); after
    it, through Prefect's settings API (`temporary_settings`), which is what Prefect reads then.
    A value of None is Prefect's "unset" (the settings API only: the environment cannot say it).
    """
    if "prefect" not in sys.modules:
        saved = {name: os.environ.get(name) for name in values}
        os.environ.update({name: value for name, value in values.items() if value is not None})
        try:
            yield
        finally:
            for name, old in saved.items():
                if old is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = old
        return
    import prefect.settings

    updates = {getattr(prefect.settings, name): value for name, value in values.items()}
    with prefect.settings.temporary_settings(updates=updates):
        yield


def prefect_home(environ: Mapping[str, str] | None = None) -> str:
    """PREFECT_HOME as Prefect resolves it by default (~/.prefect), without importing Prefect."""
    environ = os.environ if environ is None else environ
    return os.path.abspath(os.path.expanduser(environ.get("PREFECT_HOME") or "~/.prefect"))


class _NoPandas:
    """A meta path finder that says pandas cannot be imported (see keep_pandas_out)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"cityclips keeps {name} out of this process (flows/settings.py)", name=name)
        return None


def keep_pandas_out(meta_path: list | None = None, modules: Mapping[str, object] | None = None) -> bool:
    """Make `import pandas` fail in this process, unless something imported it already; True when done.

    pyarrow looks for pandas the first time it builds an array from Python objects (`pa.array`,
    `Table.from_pylist`, ...) and imports it when it is installed: 0.4 s of a one-page run's 3 s
    and of every pool worker's start, for nothing: cityclips never hands pyarrow a DataFrame.
    Only for processes that are cityclips' own (the `cityclips` command, the pool's workers); a
    notebook that calls `cityclips.run` keeps its pandas. pyarrow then works as without pandas.
    (A finder that raises, not `sys.modules["pandas"] = None`: pyarrow's compiled import takes that
    None for the module.)
    """
    meta_path = sys.meta_path if meta_path is None else meta_path
    modules = sys.modules if modules is None else modules
    if "pandas" in modules or any(isinstance(finder, _NoPandas) for finder in meta_path):
        return False
    meta_path.insert(0, _NoPandas())
    return True
