"""A minimal JSON client for a Prefect server's REST API (loopback only), for tests.

urllib, not Prefect's client: the tests read what the server recorded, as the UI does, without
touching the test process's Prefect settings.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

# Prefect's own client retries these (PREFECT_CLIENT_MAX_RETRIES, 5 by default, with backoff): a
# server on SQLite answers 503 while its database is locked by its own services, under load.
RETRY_CODES = frozenset({429, 502, 503})
RETRY_ATTEMPTS = 6
RETRY_BACKOFF_S = 0.5  # doubled after each attempt: 0.5 + 1 + 2 + 4 + 8 s at most


class Api:
    def __init__(self, url: str):
        assert url.startswith("http://127.0.0.1:"), url
        self.url = url.rstrip("/")

    def call(self, method: str, path: str, body: dict | None = None, timeout: float = 10.0):
        """The JSON answer; a 429/502/503 is tried again with backoff, as Prefect's client does."""
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(RETRY_ATTEMPTS):
            request = urllib.request.Request(self.url + path, data=data, method=method,
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return json.loads(response.read() or b"null")
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_CODES or attempt == RETRY_ATTEMPTS - 1:
                    raise
            time.sleep(RETRY_BACKOFF_S * 2 ** attempt)
        raise AssertionError("unreachable")

    def try_call(self, method: str, path: str, body: dict | None = None):
        """The JSON answer, or None while the server is not up or the object does not exist yet."""
        try:
            return self.call(method, path, body)
        except (urllib.error.URLError, OSError, ValueError):
            return None

    def flow_runs(self, flow_name: str = "cityclips") -> list[dict]:
        return self.call("POST", "/flow_runs/filter", {"flows": {"name": {"any_": [flow_name]}}, "sort": "START_TIME_ASC"})

    def task_runs(self, flow_run_id: str) -> list[dict]:
        return self.call("POST", "/task_runs/filter", {"flow_runs": {"id": {"any_": [flow_run_id]}}})

    def artifacts(self, flow_run_id: str) -> list[dict]:
        return self.call("POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})

    def logs(self, flow_run_id: str) -> list[dict]:
        return self.call("POST", "/logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}, "limit": 200})
