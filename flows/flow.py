"""The cityclips flow: one Prefect flow run per `cityclips run`, its stages as task runs.

Its steps (plan, template pass, process, publish, build models, report) are listed and run by
flows/steps.py; each is a Prefect task in flows/stages.py, and the report's summary is also the
artifact cityclips-run-summary.

Progress (log lines with N of M, rate and ETA; the progress artifact cityclips-progress; a bar
on a terminal) follows the two batch stages. The Prefect API is chosen before the flow starts
(flows/server.py); the batches need none.
"""
from __future__ import annotations

from typing import Any

from prefect import Flow, get_run_logger
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.settings import get_current_settings

from cityclips.defaults import BATCH_PAGES, MAX_PAGE_MB
from cityclips.flows.progress import RunProgress
from cityclips.flows.stages import PlannedRun, database_changes
from cityclips.flows.steps import new_version, run_options, run_steps
from cityclips.flows.summary import RunSummary

__all__ = ["cityclips_flow", "database_changes", "new_version", "RunSummary"]

PROGRESS_KEY = "cityclips-progress"
_JSON_SCALARS = (str, int, float, bool, type(None))


def _plain_json(value: Any) -> bool:
    return isinstance(value, _JSON_SCALARS) or (isinstance(value, (list, tuple))
                                                 and all(isinstance(v, _JSON_SCALARS) for v in value))


class PlainParametersFlow(Flow):
    """A Prefect flow whose parameters (strings, numbers, lists of them) go to the API as they are.

    Prefect serializes every flow run's parameters with FastAPI's `jsonable_encoder`, and importing
    FastAPI for it cost 0.28 s of a one-page run (a tenth of its 3 s budget). Values that are JSON
    already need no encoder; anything else goes through Prefect's own serialization.
    """

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        if all(_plain_json(value) for value in parameters.values()):
            return {key: list(value) if isinstance(value, tuple) else value for key, value in parameters.items()}
        return super().serialize_parameters(parameters)


def plain_parameters_flow(**options):
    """@flow(**options), as a PlainParametersFlow."""
    return lambda fn: PlainParametersFlow(fn, **options)


@plain_parameters_flow(name="cityclips", log_prints=False)
def cityclips_flow(inputs: list[str], out: str = "data", full: bool = False, batch_pages: int = BATCH_PAGES,
                   max_page_mb: float = MAX_PAGE_MB, engine: str = "auto", workers: int | None = None,
                   dask_address: str | None = None, api: str = "", follow_links: bool = False,
                   base_url: str | None = None, requested_at: str | None = None) -> RunSummary:
    """Process every page under inputs into the Parquet tables and DuckDB models under out.

    engine: 'auto' (one process for small runs, a process pool above 1,000 pages), 'one-process',
    'processes', 'dask-local', or 'dask' with dask_address; workers: processes (default: cores);
    api: how the caller chose the Prefect API, for the summary (default: the URL Prefect uses);
    follow_links: follow symlinks out of the input folders; base_url: the URL of the inputs' root;
    batch_pages: pages per batch at most (small runs on several workers are cut finer);
    requested_at: when the command started (ISO 8601): the run starts then, and the time until the
    flow began is its 'startup' stage (Prefect's start-up counts in the run's wall time).
    """
    options = run_options(inputs, out, full, batch_pages, max_page_mb, engine, workers, dask_address,
                          api or f"Prefect API {get_current_settings().api.url}", follow_links, base_url,
                          requested_at)
    return run_steps(options, track_progress)


def track_progress(planned: PlannedRun) -> RunProgress:
    """Progress of the batch stages: log lines, the progress artifact, a terminal bar."""
    artifact_id = create_progress_artifact(progress=0.0, key=PROGRESS_KEY,
                                           description=f"cityclips run {planned.run_id}: template pass and "
                                                       f"processing of {len(planned.plan.to_process):,} pages")
    logger = get_run_logger()
    return RunProgress(log=logger.info, publish=lambda percent: update_progress_artifact(artifact_id, percent))
