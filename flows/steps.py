"""A run as its list of steps (each a stage of flows/stages.py), and the run that has nothing to do.

    plan           discover the pages, compare with the last run's manifest, choose the engine
    template pass  scan new and changed pages on the engine; the corpus pass: duplicate groups, then
                   template lines per site counted over distinct articles
    process        clean, segment, detect languages, write part files: batches on the engine
    publish        carry unchanged rows over, record rejects and the run, swap the version in
    build models   update or rebuild the DuckDB database, run the data tests
    report         the summary, printed (and, in a flow run, the artifact cityclips-run-summary)

The Prefect flow (flows/flow.py) runs these steps, each a task run. A run whose plan finds nothing
to do (every page as the last run saw it, none gone, the database built from the current tables)
runs the same steps without Prefect when no Prefect server is running (flows/api.py): starting a
temporary server for it would be most of its time. This module imports no Prefect.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from cityclips.flows.progress import RunProgress
from cityclips.flows.stages import (PlannedRun, RunOptions, models_stage, parts_kept, plan_stage, process_stage,
                                    publish_stage, report_stage, run_logger, template_stage)
from cityclips.flows.summary import RunSummary
from cityclips.transforms.pipeline import PageSettings
from cityclips.warehouse.build_state import built_from
from cityclips.warehouse.models import database_path
from cityclips.warehouse.store import VersionWriter, Warehouse

NO_API = "none (nothing changed, so no server was started)"  # the runs table's api of such a run


def run_options(inputs: list[str], out: str, full: bool, batch_pages: int, max_page_mb: float, engine: str,
                workers: int | None, dask_address: str | None, api: str, follow_links: bool,
                base_url: str | None, requested_at: str | None) -> RunOptions:
    """The run's options from the flow's parameters; requested_at (ISO 8601) is when the command started:
    the run starts then, and the time until now is its 'startup' stage."""
    started_at = datetime.now(timezone.utc)
    startup = None
    if requested_at:
        requested = datetime.fromisoformat(requested_at)
        startup = round(max(0.0, (started_at - requested).total_seconds()), 3)
        started_at = min(started_at, requested)
    settings = PageSettings(max_page_bytes=int(max_page_mb * 1024 ** 2), base_url=base_url)
    return RunOptions(tuple(inputs), out, full, batch_pages, settings, engine, workers, dask_address, api,
                      follow_links, started_at, startup)


def run_steps(options: RunOptions, track: Callable[[PlannedRun], RunProgress],
              planned: PlannedRun | None = None) -> RunSummary:
    """Run every step on options; track makes the run's progress reporter; planned: a plan already made."""
    warehouse = Warehouse(Path(options.out))
    with warehouse.lock():
        planned = planned or plan_stage(options)
        progress = track(planned)
        with new_version(warehouse) as writer:
            with parts_kept(planned) as kept:  # what the template pass read, kept for the process stage
                templates = template_stage(planned, progress, kept)
                processed = process_stage(planned, templates, writer, progress)
            published = publish_stage(planned, templates, processed, writer)
        models = models_stage(options.out, published)
    return report_stage(published, models)


@contextmanager
def new_version(warehouse: Warehouse) -> Iterator[VersionWriter]:
    """A new version of the tables being written; removed again unless the block publishes it."""
    writer = warehouse.begin()
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise


def nothing_to_do(options: RunOptions) -> PlannedRun | None:
    """The plan of a run that has nothing to do, or None when it has work (or cannot tell cheaply).

    Nothing to do: a published version exists, every page is as its manifest row says, none is
    gone, and the database was built from the current version. (Unreadable inputs are recorded as
    rejects by every run, which this run still does.)
    """
    warehouse = Warehouse(Path(options.out))
    current = warehouse.current_dir()
    if options.full or current is None or not database_path(Path(options.out)).exists():
        return None
    planned = plan_stage(options)
    if planned.plan.to_process or planned.plan.removed:
        return None
    if built_from(database_path(Path(options.out))) != current.name:
        return None  # a failed build left an older database: this run rebuilds it, which is work
    return planned


def log_only_progress(planned: PlannedRun) -> RunProgress:
    """Progress of a run outside Prefect: log lines only (there is no artifact to update)."""
    return RunProgress(log=run_logger().info)
