"""One temporary Prefect API server shared by the flow and its Dask workers.

Without PREFECT_API_URL, every process that runs a Prefect task starts its own temporary server:
the flow's process, and then each Dask worker process too. Measured here, a 10,000-page run on a
local 2-worker cluster had three servers busy at 20-65% CPU each, reporting task states that no
one could see together. Starting one server before the cluster, and pointing both the flow
(temporary_settings) and the worker processes (the environment they inherit) at it, removes that.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def shared_api_server(needed: bool) -> Iterator[str | None]:
    """Start one temporary server when needed and no PREFECT_API_URL is set; yield its API URL."""
    if not needed or os.environ.get("PREFECT_API_URL"):
        yield os.environ.get("PREFECT_API_URL")
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings
    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url  # worker processes spawned from now on inherit it
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
