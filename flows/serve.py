"""`cityclips serve`: register the flow as a Prefect deployment with a cron schedule, and serve it.

Schedules need a real Prefect server (a temporary one refuses to schedule: see FACTS.md): the one
PREFECT_API_URL names, else the local server of `cityclips server start`. This finds it and checks
its health before Prefect is imported (Prefect reads PREFECT_API_URL at import). Serving runs until
Ctrl-C; the schedule is paused when it stops, so no runs pile up. Served runs run in child processes
with the CLI's Prefect settings (log level INFO), so their logs reach the UI.
"""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
import warnings
from datetime import datetime, timezone
from pathlib import Path

HEALTH_TIMEOUT_S = 5.0  # a local server answers /health in milliseconds; a dead one refuses at once
SERVER_HINT = ("start one with 'cityclips server start' (or 'make server'), or point PREFECT_API_URL at "
               "yours, e.g. export PREFECT_API_URL=http://127.0.0.1:4200/api")


class ServeError(Exception):
    """A problem the user can fix; printed as one sentence."""


def validate_cron(cron: str) -> str:
    """The cron string, stripped, or ServeError saying what a valid one looks like.

    Five fields (minute hour day-of-month month day-of-week) or an alias such as '@daily';
    Prefect's own check then rejects out-of-range values ('61 6 * * *') and random 'H' fields.

    >>> validate_cron(" 0 6 * * 1-5 ")
    '0 6 * * 1-5'
    """
    from prefect.schedules import Cron

    cron = " ".join(cron.split())
    if not cron.startswith("@") and len(cron.split()) != 5:
        raise ServeError(f"--cron '{cron}' needs 5 fields (minute hour day month weekday), "
                         "e.g. '0 6 * * *' for 06:00 every day")
    try:
        Cron(cron)
    except ValueError as error:
        raise ServeError(f"--cron '{cron}' is not a valid cron schedule ({error}); "
                         "e.g. '0 6 * * *' for 06:00 every day") from error
    return cron


def schedule_timezone() -> str:
    """IANA time zone for the schedule: $TZ when it names one (e.g. Asia/Seoul), else UTC."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = os.environ.get("TZ", "").lstrip(":")
    if name and "/" in name:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return "UTC"


def next_run_time(cron: str, zone: str, after: datetime | None = None) -> datetime:
    """When the cron schedule fires next, in zone."""
    from zoneinfo import ZoneInfo

    from prefect._vendor.croniter import croniter

    start = (after or datetime.now(timezone.utc)).astimezone(ZoneInfo(zone))
    return croniter(cron, start).get_next(datetime)


def configured_api_url() -> str | None:
    """PREFECT_API_URL (environment or active profile), else the local cityclips server's; None when neither."""
    from cityclips.flows.server import configured_api_url as from_settings, read_local_server
    from cityclips.flows.settings import prefect_home

    url = from_settings()
    if url:
        return url
    local = read_local_server(Path(prefect_home()))
    return local.url if local else None


def check_server(api_url: str) -> None:
    """Raise ServeError unless the Prefect server at api_url answers its health check."""
    health = api_url.rstrip("/") + "/health"
    try:
        with urllib.request.urlopen(health, timeout=HEALTH_TIMEOUT_S) as response:
            healthy = json.loads(response.read() or b"false") is True
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise ServeError(f"no Prefect server answers at {api_url} ({reason}); {SERVER_HINT}") from error
    if not healthy:
        raise ServeError(f"the Prefect server at {api_url} is not healthy yet; wait a few seconds and retry")


def flow_parameters(inputs: list[str], out: str) -> dict:
    """The deployment's parameters: absolute paths, so runs do not depend on the runner's directory."""
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        raise ServeError(f"input not found: {missing[0]} (give files or folders of .txt/.html pages)")
    return {"inputs": [str(Path(p).resolve()) for p in inputs], "out": str(Path(out).resolve())}


def serve_flow(inputs: list[str], out: str, cron: str, name: str) -> int:
    """Serve cityclips_flow as deployment 'cityclips/<name>' on the cron schedule; returns the exit status.

    Blocks until interrupted (Ctrl-C or SIGTERM); scheduled and manually triggered runs execute in
    child processes of this one. Returns 2 with one sentence on stderr when the cron string, the
    inputs or the server are wrong.
    """
    try:
        api_url = configured_api_url()
        if api_url and "prefect" not in sys.modules:  # before Prefect is imported (validate_cron imports
            os.environ["PREFECT_API_URL"] = api_url  # it); served runs inherit it
        cron = validate_cron(cron)
        parameters = flow_parameters(inputs, out)
        if not api_url:
            raise ServeError(f"schedules need a Prefect server: PREFECT_API_URL is not set and no cityclips server "
                             f"is running; {SERVER_HINT}")
        check_server(api_url)
    except ServeError as error:
        print(f"cityclips: {error}", file=sys.stderr)
        return 2

    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from cityclips.flows.flow import cityclips_flow

    # Prefect 3.8.8's runner warns on SIGTERM about its own un-awaited stop coroutine: noise, not ours.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited")
    zone = schedule_timezone()
    deployment = f"{cityclips_flow.name}/{name}"
    print(f"serving {deployment} on {api_url}: cron '{cron}' ({zone}), next run "
          f"{next_run_time(cron, zone):%Y-%m-%d %H:%M %Z}; inputs {', '.join(parameters['inputs'])} -> "
          f"{parameters['out']}", flush=True)
    print(f"run it now with: prefect deployment run '{deployment}'  (Ctrl-C stops serving and pauses "
          "the schedule)", flush=True)
    cityclips_flow.serve(
        name=name,
        schedule=Cron(cron, timezone=zone),
        parameters=parameters,
        description="cityclips: bilingual city-government pages -> Parquet tables -> DuckDB",
        tags=["cityclips"],
        # cityclips.flows.flow:cityclips_flow, importable from any directory (the package is installed)
        entrypoint_type=EntrypointType.MODULE_PATH,
        print_starting_message=False,
    )
    return 0
