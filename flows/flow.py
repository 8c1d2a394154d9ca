"""The cityclips flow, as its list of steps (each a Prefect task in flows/stages.py):

    plan           discover the pages, compare with the last run's manifest, choose the engine
    template pass  scan new and changed pages on the engine; the corpus pass: duplicate groups, then
                   template lines per site counted over distinct articles
    process        clean, segment, detect languages, write part files: batches on the engine
    publish        carry unchanged rows over, record rejects and the run, swap the version in
    build models   update or rebuild the DuckDB database, run the data tests
    report         the summary, printed and as the artifact cityclips-run-summary

Progress (log lines with N of M, rate and ETA; the progress artifact cityclips-progress; a bar
on a terminal) follows the two batch stages. The Prefect API is chosen before the flow starts
(flows/server.py); the batches need none.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.settings import get_current_settings

from cityclips.defaults import BATCH_PAGES, MAX_PAGE_MB
from cityclips.flows.progress import RunProgress
from cityclips.flows.stages import (PlannedRun, RunOptions, database_changes, models_stage, parts_kept, plan_stage,
                                    process_stage, publish_stage, report_stage, template_stage)
from cityclips.flows.summary import RunSummary
from cityclips.transforms.pipeline import PageSettings
from cityclips.warehouse.store import VersionWriter, Warehouse

__all__ = ["cityclips_flow", "database_changes", "RunSummary"]

PROGRESS_KEY = "cityclips-progress"


@flow(name="cityclips", log_prints=False)
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
    started_at = datetime.now(timezone.utc)
    startup = None
    if requested_at:
        requested = datetime.fromisoformat(requested_at)
        startup = round(max(0.0, (started_at - requested).total_seconds()), 3)
        started_at = min(started_at, requested)
    settings = PageSettings(max_page_bytes=int(max_page_mb * 1024 ** 2), base_url=base_url)
    options = RunOptions(tuple(inputs), out, full, batch_pages, settings, engine, workers, dask_address,
                         api or f"Prefect API {get_current_settings().api.url}", follow_links, started_at, startup)
    warehouse = Warehouse(Path(out))
    with warehouse.lock():
        planned = plan_stage(options)
        progress = track_progress(planned)
        with new_version(warehouse) as writer:
            with parts_kept(planned) as kept:  # what the template pass read, kept for the process stage
                templates = template_stage(planned, progress, kept)
                processed = process_stage(planned, templates, writer, progress)
            published = publish_stage(planned, templates, processed, writer)
        models = models_stage(out, published)
    return report_stage(published, models)


def track_progress(planned: PlannedRun) -> RunProgress:
    """Progress of the batch stages: log lines, the progress artifact, a terminal bar."""
    artifact_id = create_progress_artifact(progress=0.0, key=PROGRESS_KEY,
                                           description=f"cityclips run {planned.run_id}: template pass and "
                                                       f"processing of {len(planned.plan.to_process):,} pages")
    logger = get_run_logger()
    return RunProgress(log=logger.info, publish=lambda percent: update_progress_artifact(artifact_id, percent))


@contextmanager
def new_version(warehouse: Warehouse) -> Iterator[VersionWriter]:
    """A new version of the tables being written; removed again unless the block publishes it."""
    writer = warehouse.begin()
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise
