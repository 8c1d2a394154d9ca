"""The stages of a run, one Prefect task each: plan, template pass, process, publish, models, report.

A stage is what a person wants to see (and time, and retry) in the Prefect UI. Inside the two big
stages the batches go to an execution engine of the stage (flows/engine.py) as plain functions
(`scan_batch`, `process_batch` in flows/batches.py): no task run per batch, no Prefect in workers.
The stages hold no page logic; that is in transforms/ and warehouse/.

Called inside a flow run, a stage is a Prefect task run; called anywhere else it is a plain call.
This module imports no Prefect itself (Prefect is imported by then, when a flow runs), so a run with
nothing to do (flows/api.py) goes through the same stages without importing Prefect (about 1.5 s)
or starting a server for it.
"""
from __future__ import annotations

import functools
import logging
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from cityclips.flows.batches import BatchSummary, discard_part, process_batch, scan_batch
from cityclips.flows.code_version import code_fingerprint
from cityclips.flows.engine import EngineChoice, Outcome, batch_size, choose_engine, open_engine
from cityclips.flows.inputs import Unreadable, discover
from cityclips.flows.progress import RunProgress
from cityclips.flows.summary import RunSummary, render_summary, runs_row
from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.pipeline import PageSettings
from cityclips.transforms.records import InputFile, Reject
from cityclips.warehouse.incremental import (CorpusPass, Plan, affected_by_duplicates, affected_by_templates,
                                             carry_over, corpus_pass, plan_run, stale_rejects, template_sets,
                                             unchanged_manifest)
from cityclips.warehouse.models import DatabaseChanges, ModelsReport, build_database
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.runs import RunEnd
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.store import VersionWriter, Warehouse

LISTED_FAILED_PAGES = 20  # pages of a failed batch named in the log line (all of them are in rejects)


def in_flow_run() -> bool:
    """True inside a Prefect flow run (never true before Prefect is imported)."""
    if "prefect" not in sys.modules:
        return False
    from prefect.context import FlowRunContext
    return FlowRunContext.get() is not None


class Stage:
    """A stage: a Prefect task run when called in a flow run, a plain call elsewhere.

    Prefect walks every argument of a task call looking for upstream results: over a plan of
    100,000 pages that took 2 s per walk and 9 s per task call here. Stages are called directly and
    in order, so their arguments are passed through `quote` and the walk is skipped; no cache key is
    computed either (NO_CACHE: the manifest, not Prefect's cache, says what was processed).
    """

    def __init__(self, fn, name: str, options: dict):
        self.fn, self.name, self.options = fn, name, options
        functools.update_wrapper(self, fn)

    @functools.cached_property
    def task(self):
        """The Prefect task (made at first use, so importing this module imports no Prefect)."""
        from prefect import task
        from prefect.cache_policies import NO_CACHE
        return task(name=self.name, cache_policy=NO_CACHE, **self.options)(self.fn)

    def __call__(self, *args, **kwargs):
        if not in_flow_run():
            return self.fn(*args, **kwargs)
        from prefect.utilities.annotations import quote
        return self.task(*map(quote, args), **{key: quote(value) for key, value in kwargs.items()})


def stage(name: str, **options):
    """Make a function a Stage named name (options: the Prefect task's, e.g. retries)."""
    return lambda fn: Stage(fn, name, options)


# --- records passed between stages ----------------------------------------------------------------

@dataclass(frozen=True)
class RunOptions:
    """What the user asked for (the flow's parameters)."""

    inputs: tuple[str, ...]
    out: str
    full: bool = False
    batch_pages: int | None = None
    settings: PageSettings = PageSettings()
    engine: str = "auto"
    workers: int | None = None
    dask_address: str | None = None
    api: str = ""  # which Prefect API the run uses, for the log and the runs table
    follow_links: bool = False  # follow symlinks that lead outside the input folders
    started_at: datetime | None = None  # the run's start: the command's, when it says (default: the plan's)
    startup_seconds: float | None = None  # from the command's start to the flow's: Prefect's start-up


@dataclass
class PlannedRun:
    """Output of plan: the inputs found, what to do with each, and where the batches will run."""

    run_id: str
    options: RunOptions
    started_at: datetime
    files: list[InputFile]
    unreadable: list[Unreadable]
    manifest: pa.Table
    plan: Plan
    engine: EngineChoice
    batch_pages: int
    seconds: dict[str, float] = field(default_factory=dict)
    code: str = ""  # the run's code fingerprint (flows/code_version.py), recorded in the manifest rows it writes

    def batches(self, items: list[InputFile]) -> list[list[InputFile]]:
        return [items[i:i + self.batch_pages] for i in range(0, len(items), self.batch_pages)]


@dataclass(frozen=True)
class FailedBatch:
    """A batch that failed on every attempt: its pages become rejects with reason batch_failed."""

    stage: str
    paths: tuple[str, ...]
    error: str
    attempts: int


@dataclass
class TemplatePass:
    """Output of the template pass: the corpus pass (templates per site, duplicate groups) and what it moved."""

    corpus: CorpusPass
    reprocessed_for_templates: int  # unchanged pages reprocessed: a template line or their duplicate group changed
    failed: list[FailedBatch]
    seconds: float
    kept: dict[str, str] = field(default_factory=dict)  # source_path -> file of the parts the scan kept for it

    def kept_for(self, items: list[InputFile]) -> tuple[str, ...]:
        """The files of kept parts a batch of the process stage reads (usually one)."""
        return tuple(sorted({self.kept[f.source_path] for f in items if f.source_path in self.kept}))

    @property
    def templates(self) -> dict[str, frozenset[int]]:
        return self.corpus.templates


@dataclass
class Processed:
    batch: BatchSummary
    failed: list[FailedBatch]
    seconds: float


@dataclass
class Published:
    summary: RunSummary
    version: str
    changes: DatabaseChanges
    seconds: dict[str, float]


def run_logger():
    """The Prefect run logger (the run's log in the UI); a plain logger when a stage is called outside a run."""
    if "prefect" in sys.modules:
        from prefect import get_run_logger
        from prefect.exceptions import MissingContextError
        try:
            return get_run_logger()
        except MissingContextError:
            pass
    return logging.getLogger("cityclips.flows.stages")


def new_run_id() -> str:
    """'20261123T233556Z-1a2b3c': sortable, unique per run."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _log_failure(failure: FailedBatch, index: int, batches: int) -> None:
    shown = ", ".join(failure.paths[:LISTED_FAILED_PAGES])
    more = len(failure.paths) - LISTED_FAILED_PAGES
    run_logger().warning(
        "%s: batch %d of %d failed after %d attempts (%s); its %d pages are rejected as batch_failed: %s%s",
        failure.stage, index + 1, batches, failure.attempts, failure.error, len(failure.paths), shown,
        f" and {more} more (all in rejects)" if more > 0 else "")


# --- the stages ------------------------------------------------------------------------------------

@stage("plan", retries=1, retry_delay_seconds=1)  # reads the folders and the manifest: the world can fail
def plan_stage(options: RunOptions) -> PlannedRun:
    """Discover the input pages, compare them with the last run's manifest, choose the engine."""
    clock = time.perf_counter()
    started_at = options.started_at or datetime.now(timezone.utc)
    files, unreadable = discover([Path(p) for p in options.inputs], options.follow_links)
    discovered = time.perf_counter()
    manifest = Warehouse(Path(options.out)).read_table("manifest")
    code = code_fingerprint(options.settings)
    plan = plan_run(files, manifest, options.full, code)
    engine = choose_engine(len(plan.to_process), options.engine, options.workers, options.dask_address)
    planned = PlannedRun(new_run_id(), options, started_at, files, unreadable, manifest, plan, engine,
                         batch_size(len(plan.to_process), engine.workers, options.batch_pages),
                         {"discover": round(discovered - clock, 3), "plan": round(time.perf_counter() - discovered, 3)},
                         code)
    if options.startup_seconds is not None:  # first, as the run_stages mart orders them
        planned.seconds = {"startup": options.startup_seconds, **planned.seconds}
    run_logger().info("%d pages: %d new or changed, %d made by other code or options, %d unchanged, %d removed; "
                      "batches of %d on %s", len(files), len(plan.to_process) - len(plan.other_code),
                      len(plan.other_code), len(plan.unchanged), len(plan.removed), planned.batch_pages,
                      engine.describe())
    if plan.other_code:
        run_logger().info("%s", other_code_line(plan, code))
    return planned


def other_code_line(plan: Plan, code: str) -> str:
    """The log line of a run that extracts pages again because other code or options made their rows."""
    made_by = ", ".join(f"{count:,} by {made}" for made, count in plan.other_code_counts.items())
    return (f"{len(plan.other_code):,} unchanged pages were extracted by other code or options ({made_by}); "
            f"this run's code is {code}: extracted again")


def _run_batches(label: str, choice: EngineChoice, progress: RunProgress, fn, batches: list[list[InputFile]],
                 arguments: list[tuple]) -> Iterator[tuple[Outcome, FailedBatch | None]]:
    """Run the batches on an engine of this stage, yielding as they finish: the outcome, and the failure
    (logged) when it failed. The engine's workers stop when the last batch is done, before the stage
    goes on (the template count needs the memory the workers held: 530 MB of 1.7 GB at 100,000 pages)."""
    with open_engine(choice) if batches else nullcontext() as engine:
        for outcome in engine.map(fn, arguments) if batches else ():
            failure = None
            if outcome.failed:
                failure = FailedBatch(label, tuple(i.source_path for i in batches[outcome.index]), outcome.error,
                                      outcome.attempts)
                _log_failure(failure, outcome.index, len(batches))
            progress.advance(len(batches[outcome.index]))
            yield outcome, failure
    progress.finish_stage()


KEPT_PARTS_PREFIX = ".parts-"  # under out: the parts the template pass keeps for the process stage


@contextmanager
def parts_kept(planned: PlannedRun) -> Iterator[Path]:
    """A folder under out where the template pass keeps each batch's parts for the process stage.

    The scan reads and parses every page (a third of processing it); keeping what it read lets the
    process stage skip that. Under out, so Dask workers on other machines see it as they see out.
    Gone when the block ends; a killed run's folder goes at the next run (which holds the lock).
    """
    out = Path(planned.options.out)
    for stale in out.glob(f"{KEPT_PARTS_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
    folder = out / f"{KEPT_PARTS_PREFIX}{planned.run_id}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = None  # nothing kept: the process stage reads the pages again
    try:
        yield folder
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


@stage("template pass")
def template_stage(planned: PlannedRun, progress: RunProgress, kept: Path | None = None) -> TemplatePass:
    """Scan the new and changed pages on the engine; then the corpus pass: duplicate groups over every page,
    and template lines per site counted over distinct articles (a copy never makes its article chrome)."""
    clock = time.perf_counter()
    plan, settings = planned.plan, planned.options.settings
    if not plan.to_process and not plan.removed:  # the same pages as last time: the same templates, and
        progress.start("templates", 0)            # nothing to process with them (2 x 2 s at 100,000 pages)
        progress.finish_stage()
        return TemplatePass(CorpusPass({}, {}), 0, [], round(time.perf_counter() - clock, 3))
    batches = planned.batches(plan.to_process)
    progress.start("templates", len(plan.to_process))
    scans, failed, kept_files = [unchanged_manifest(planned.manifest, plan)], [], {}
    files = [None if kept is None else str(kept / f"scan-{index:05d}.pickle") for index in range(len(batches))]
    for outcome, failure in _run_batches("template pass", planned.engine, progress, scan_batch, batches,
                                         [(batch, settings, file) for batch, file in zip(batches, files)]):
        if failure:
            failed.append(failure)
        else:
            scans.append(outcome.value)
            if files[outcome.index] is not None:
                kept_files.update((path, files[outcome.index]) for path in outcome.value.column("source_path").to_pylist())
    corpus = corpus_pass(scans)
    del scans
    pa.default_memory_pool().release_unused()  # the pass's Arrow buffers, before the process stage's workers start
    affected = affected_by_templates(plan, planned.manifest, template_sets([planned.manifest]), corpus.templates)
    if affected:
        run_logger().info("%d unchanged pages hold lines whose template status changed: reprocessed", len(affected))
    copies = affected_by_duplicates(plan, planned.manifest, corpus)
    if copies:
        run_logger().info("%d unchanged pages changed duplicate group or canonical copy (a copy came or went): "
                       "reprocessed", len(copies))
    planned.manifest = planned.manifest.slice(0, 0)  # not needed after this: ~100 MB at 100,000 pages
    return TemplatePass(corpus, len(affected) + len(copies), failed, round(time.perf_counter() - clock, 3),
                        kept_files)


@stage("process")
def process_stage(planned: PlannedRun, templates: TemplatePass, writer: VersionWriter,
                  progress: RunProgress) -> Processed:
    """Clean, segment, detect languages and write part files, batch by batch on the engine."""
    clock = time.perf_counter()
    skipped = {path for failure in templates.failed for path in failure.paths}
    items = [f for f in planned.plan.to_process if f.source_path not in skipped]
    batches = planned.batches(items)
    parts = [f"{writer.name}-{i:05d}" for i in range(len(batches))]
    arguments = [(batch, templates.templates, writer, part, planned.run_id, planned.options.settings,
                  templates.corpus.duplicates_for(batch), templates.kept_for(batch), planned.code or None)
                 for batch, part in zip(batches, parts)]
    progress.start("process", len(items))
    summary, failed = BatchSummary(), []
    for outcome, failure in _run_batches("process", planned.engine, progress, process_batch, batches, arguments):
        if failure:
            discard_part(writer, parts[outcome.index])  # what an attempt wrote before it failed
            failed.append(failure)
        else:
            summary.merge(outcome.value)
    return Processed(summary, failed, round(time.perf_counter() - clock, 3))


def database_changes(warehouse: Warehouse, version: str, plan: Plan,
                     rejected_again: frozenset[str] = frozenset()) -> DatabaseChanges:
    """What this run changed, for an incremental database update: replaced pages, the old rejects of files
    rejected again (rejected_again: no page rows to drop, only their rejects rows) and new part files."""
    dropped = {f.source_path for f in plan.to_process} | set(plan.removed)
    prefix = f"part-{version}-"
    new_parts = frozenset(p.name for table in TABLES for p in warehouse.table_files(table)
                          if p.name.startswith(prefix) and "-carried-" not in p.name)
    return DatabaseChanges(frozenset(doc_id_for(path) for path in dropped), frozenset(dropped) | rejected_again,
                           new_parts)


def _rejects(planned: PlannedRun, failures: list[FailedBatch]) -> list[Reject]:
    rejects = [Reject(u.source_path, u.reason, u.detail, -1, "") for u in planned.unreadable]
    for failure in failures:
        detail = f"the {failure.stage} failed on this page's batch {failure.attempts} times: {failure.error}"[:500]
        rejects += [Reject(path, "batch_failed", detail, -1, "") for path in failure.paths]
    return rejects


@stage("publish")  # no retry: a second attempt would link the carried files again (and a full disk stays full)
def publish_stage(planned: PlannedRun, templates: TemplatePass, processed: Processed,
                  writer: VersionWriter) -> Published:
    """Carry unchanged rows over, record rejects and the run, and make the new version current at once."""
    clock = time.perf_counter()
    warehouse = writer.warehouse
    rejected_again = stale_rejects(warehouse, planned.plan)  # unreadable files, failed batches: one row, this run's
    carried = carry_over(warehouse, writer, planned.plan, rejected_again)
    carried_at = time.perf_counter()
    failures = templates.failed + processed.failed
    rejects = _rejects(planned, failures)
    if rejects:
        writer.write("rejects", tables_for(rejects, planned.run_id, datetime.now(timezone.utc))["rejects"],
                     f"{writer.name}-unprocessed")
        for reject in rejects:
            processed.batch.rejects_by_reason[reject.reason] += 1
    seconds = {**planned.seconds, "templates": templates.seconds, "process": processed.seconds,
               "carry_over": round(carried_at - clock, 3)}
    summary = RunSummary.of(planned, templates, processed, carried, seconds)
    writer.write("runs", runs_row(summary), f"{writer.name}-run")
    writer.publish()
    seconds["publish"] = round(time.perf_counter() - carried_at, 3)
    summary.stage_seconds = seconds
    return Published(summary, writer.name, database_changes(warehouse, writer.name, planned.plan, rejected_again),
                     seconds)


@stage("build models")
def models_stage(out: str, published: Published) -> ModelsReport:
    """Update (or rebuild) the DuckDB database from the published tables and run the data tests."""
    clock = time.perf_counter()
    # The runs row was published before this stage: the build adds publish's and its own seconds and the
    # real finish time to it (warehouse/runs.py), so the runs table has every stage and the wall time.
    report = build_database(Path(out), changes=published.changes,
                            run_end=RunEnd(published.summary.run_id, dict(published.seconds)))
    published.seconds["models"] = round(time.perf_counter() - clock, 3)
    carried = len(report.tests) - (len(report.tests) if report.rerun_tests is None else report.rerun_tests)
    run_logger().info("database %s: %d models, %d data tests, %d failed%s", report.mode, len(report.models),
                   len(report.tests), len(report.failed),
                   f" ({carried} carried from the last build: they read no table this run changed)" if carried else "")
    return report


@stage("report")
def report_stage(published: Published, models: ModelsReport) -> RunSummary:
    """The run's summary: printed, and published as the Prefect markdown artifact cityclips-run-summary."""
    summary = published.summary
    summary.data_tests_failed = [test.name for test in models.failed]
    summary.stage_seconds = dict(published.seconds)
    markdown = render_summary(summary)
    print(markdown, flush=True)
    if in_flow_run():
        from prefect.artifacts import create_markdown_artifact
        create_markdown_artifact(markdown, key="cityclips-run-summary", description=f"cityclips run {summary.run_id}")
    return summary
