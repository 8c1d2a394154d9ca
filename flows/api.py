"""`cityclips.run(...)`: a run from Python, the same run `cityclips run` makes.

The command line and a notebook share this one function: the checks before anything starts, the
output's lock, the one Prefect API of the run (flows/server.py: `PREFECT_API_URL`, a running
`cityclips server`, or a temporary server stopped when the run ends), and the flow. It returns the
run's summary instead of printing it; what stops a run before it starts is a `CannotRun` (one
sentence saying what to do), or one of the errors it names.

>>> from cityclips.flows.api import CannotRun, check_run
>>> try:
...     check_run(["no-such-folder"], base_url=None, engine="auto", dask_address=None)
... except CannotRun as error:
...     print(error)
input not found: no-such-folder (give files or folders of .txt/.html pages or .warc/.warc.gz archives)
"""
from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from cityclips.defaults import BATCH_PAGES, MAX_PAGE_MB

DASK_DEFAULT_PORT = 8786  # `dask scheduler`'s default port, when the address names none
DASK_CONNECT_TIMEOUT_S = 10  # a scheduler on the network answers a TCP connect in milliseconds


class CannotRun(ValueError):
    """A run that cannot start as asked; the message is one sentence saying what to change."""


def check_run(inputs: Sequence[str], base_url: str | None, engine: str, dask_address: str | None) -> None:
    """Raise CannotRun when the inputs, the base URL or the engine cannot make a run (nothing has started yet)."""
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        raise CannotRun(f"input not found: {missing[0]} (give files or folders of .txt/.html pages or "
                        ".warc/.warc.gz archives)")
    if base_url and not base_url.lower().startswith(("http://", "https://")):
        raise CannotRun(f"--base-url must start with http:// or https:// (got {base_url})")
    if dask_address:
        if engine != "auto":
            raise CannotRun("--dask-address runs the batches on that cluster: leave --engine out")
        _check_dask_address(dask_address)


def _check_dask_address(address: str) -> None:
    """A Dask scheduler must answer at address (tcp://host:port) before anything starts."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        with socket.create_connection((parts.hostname or "", parts.port or DASK_DEFAULT_PORT),
                                      timeout=DASK_CONNECT_TIMEOUT_S):
            pass
    except (OSError, ValueError) as error:
        raise CannotRun(f"no Dask scheduler answers at {address} ({getattr(error, 'strerror', None) or error}); "
                        "start one ('dask scheduler') or leave --dask-address out") from error


@contextmanager
def _api_for_import(url: str) -> Iterator[None]:
    """PREFECT_API_URL in the environment while Prefect is imported for the first time, then as it was:
    a later run in this process must not find the URL of a temporary server that has stopped."""
    if "PREFECT_API_URL" in os.environ or "prefect" in sys.modules:
        yield
        return
    os.environ["PREFECT_API_URL"] = url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _unchanged_run(run_api, inputs: list[str], out: str, batch_pages: int, max_page_mb: float, engine: str,
                   workers: int | None, dask_address: str | None, follow_links: bool, base_url: str | None,
                   requested_at: str, on_api: Callable[[str], None] | None):
    """The run, without Prefect, when it has nothing to do (flows/steps.py); None when it has work.

    Asked only when the run would start a temporary Prefect server (no PREFECT_API_URL, no
    `cityclips server`), while that server boots: an unchanged re-run then takes the plan, the
    publish of the run's row and the database's runs table, and no server at all (which would be
    most of its time). With a server running, the same run is a flow run as any other.
    """
    from cityclips.flows.steps import NO_API, log_only_progress, nothing_to_do, run_options, run_steps
    options = run_options(inputs, out, False, batch_pages, max_page_mb, engine, workers, dask_address, NO_API,
                          follow_links, base_url, requested_at)
    planned = nothing_to_do(options)
    if planned is None:
        return None
    run_api.cancel()
    if on_api is not None:
        on_api(f"cityclips: nothing changed since the last run ({len(planned.plan.unchanged):,} pages as they were): "
               "recording the run without a Prefect server")
    return run_steps(options, log_only_progress, planned)


def run(inputs: Sequence[str | os.PathLike] = ("seeds",), out: str | os.PathLike = "data", *, full: bool = False,
        engine: str = "auto", workers: int | None = None, dask_address: str | None = None,
        base_url: str | None = None, follow_links: bool = False, batch_pages: int = BATCH_PAGES,
        max_page_mb: float = MAX_PAGE_MB, on_api: Callable[[str], None] | None = None,
        requested_at: str | None = None):
    """Process the pages under inputs into the tables and database under out; return the RunSummary.

    The arguments are `cityclips run`'s options (`cityclips run --help` says what each does).
    The summary has the counts, the seconds per stage and `data_tests_failed` (empty when every
    data test passed). Raises CannotRun (bad inputs or options), WarehouseBusy (another run holds
    out), WarehouseNotWritable, ApiUnavailable (no Prefect API could be had); a bad page never
    raises: it becomes a reject. on_api receives one line naming the Prefect API the run uses.

    Prefect imported before this call keeps its own settings; the run's API is set through
    Prefect's settings API for the run only.
    """
    requested_at = requested_at or datetime.now(timezone.utc).isoformat()
    inputs = [os.fspath(p) for p in inputs]
    out = os.fspath(out)
    check_run(inputs, base_url, engine, dask_address)
    if "prefect" not in sys.modules:
        from cityclips.flows.settings import apply_prefect_defaults
        apply_prefect_defaults()
    from cityclips.flows.server import RunApi
    from cityclips.flows.settings import prefect_settings, run_settings
    from cityclips.warehouse.store import Warehouse
    # The lock first: a busy or unwritable out fails at once, before any server starts.
    with Warehouse(Path(out)).lock(), RunApi() as run_api, _api_for_import(run_api.url):
        if run_api.api.kind == "temporary" and not full:  # while it boots: is there anything to do at all?
            summary = _unchanged_run(run_api, inputs, out, batch_pages, max_page_mb, engine, workers, dask_address,
                                     follow_links, base_url, requested_at, on_api)
            if summary is not None:
                return summary
        from cityclips.flows.flow import cityclips_flow  # imports Prefect while a temporary server boots
        api = run_api.ready()
        if on_api is not None:
            ready = f" (ready in {api.start_seconds:.1f} s)" if api.kind == "temporary" else ""
            on_api(f"cityclips uses the {api.describe()}{ready}")
        from cityclips.flows.failures import io_errors_told_once
        with prefect_settings(run_settings(api.url)), io_errors_told_once():
            return cityclips_flow(inputs=inputs, out=out, full=full, batch_pages=batch_pages,
                                  max_page_mb=max_page_mb, engine=engine, workers=workers,
                                  dask_address=dask_address, api=api.describe(), follow_links=follow_links,
                                  base_url=base_url, requested_at=requested_at)
