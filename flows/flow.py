"""The Prefect flow: discover -> plan -> template pass -> process batches -> publish -> models -> summary.

Tasks are thin wrappers over batches of pages (one task per page would cost 5-10 ms each of
orchestration). Small runs stay in one process; large ones fan out to processes or a Dask cluster.
"""
from __future__ import annotations

import itertools
import json
import os
import secrets
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from cityclips import __version__
from cityclips.defaults import BATCH_PAGES as DEFAULT_BATCH_PAGES, MAX_PAGE_MB
from cityclips.flows.batches import BatchSummary, process_batch, scan_batch
from cityclips.flows.inputs import discover
from cityclips.flows.progress import Progress
from cityclips.flows.runners import RunnerChoice
from cityclips.flows.summary import render_summary
from cityclips.transforms.paths import doc_id_for, path_text
from cityclips.transforms.pipeline import PageSettings
from cityclips.transforms.records import InputFile, Reject
from cityclips.warehouse.incremental import (affected_by_duplicates, affected_by_templates, carry_over, corpus_pass,
                                             plan_run, template_sets, unchanged_manifest)
from cityclips.warehouse.models import DatabaseChanges, build_database
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.runs import RunEnd
from cityclips.warehouse.schemas import RUNS, TABLES
from cityclips.warehouse.store import Warehouse

MAX_BATCHES_IN_FLIGHT = 8  # enough to keep a few workers busy; bounded so the flow's memory stays flat
MAX_LISTED_REMOVED = 100  # removed pages named in the runs table (the count is always exact)


@dataclass
class RunSummary:
    run_id: str
    out: str
    pages_seen: int = 0
    pages_processed: int = 0
    pages_unchanged: int = 0
    pages_removed: int = 0
    pages_reprocessed_for_templates: int = 0
    batch: BatchSummary = field(default_factory=BatchSummary)
    carried_rows: dict = field(default_factory=dict)
    stage_seconds: dict = field(default_factory=dict)
    data_tests_failed: list = field(default_factory=list)
    removed_paths: list = field(default_factory=list)
    runner: str = ""
    started_at: str = ""
    finished_at: str = ""

    @property
    def pages_rejected(self) -> int:
        return sum(self.batch.rejects_by_reason.values())


def _chunks(items: list[InputFile], size: int) -> list[list[InputFile]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@task(name="scan-batch", retries=2, retry_delay_seconds=1)
def scan_batch_task(items: list[InputFile], settings: PageSettings) -> pa.Table:
    return scan_batch(items, settings)


@task(name="process-batch", retries=2, retry_delay_seconds=1)
def process_batch_task(items, templates, writer, part, run_id, settings, duplicates=None) -> BatchSummary:
    return process_batch(items, templates, writer, part, run_id, settings, duplicates)


@task(name="build-models")
def build_models_task(out: str, changes: DatabaseChanges | None = None, run_end: RunEnd | None = None):
    return build_database(Path(out), changes=changes, run_end=run_end)


def _run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _run_batches(task_fn, argument_lists: list[tuple]) -> Iterator:
    """Submit one task per batch, at most MAX_BATCHES_IN_FLIGHT at a time; yield results in order.

    A bounded window keeps the flow's memory flat: at 100,000 pages (400 batches) holding every
    future, its arguments and its result at once cost the flow process ~1 GB.
    """
    pending: deque = deque()
    arguments = iter(argument_lists)
    for args in itertools.islice(arguments, MAX_BATCHES_IN_FLIGHT):
        pending.append(task_fn.submit(*args))
    while pending:
        result = pending.popleft().result()
        following = next(arguments, None)
        if following is not None:
            pending.append(task_fn.submit(*following))
        yield result


def database_changes(warehouse: Warehouse, version: str, plan) -> DatabaseChanges:
    """What this run changed, for an incremental database update: replaced pages and new part files."""
    dropped = {f.source_path for f in plan.to_process} | set(plan.removed)
    prefix = f"part-{version}-"
    new_parts = frozenset(p.name for table in TABLES for p in warehouse.table_files(table)
                          if p.name.startswith(prefix) and "-carried-" not in p.name)
    return DatabaseChanges(frozenset(doc_id_for(path) for path in dropped), frozenset(dropped), new_parts)


def pages_to_process(inputs: list[str], out: str, full: bool = False, follow_links: bool = False) -> int:
    """How many pages a run would process (new or changed): decides the task runner before the flow."""
    files, _ = discover([Path(p) for p in inputs], follow_links)
    manifest = Warehouse(Path(out)).read_table("manifest", columns=["source_path", "size", "mtime_ns"])
    return len(plan_run(files, manifest, full).to_process)


def flow_for(runner: RunnerChoice):
    """The flow with the task runner of this choice (Prefect fixes a flow's runner per run)."""
    return cityclips_flow.with_options(task_runner=runner.task_runner())


@flow(name="cityclips", log_prints=False)
def cityclips_flow(inputs: list[str], out: str = "data", batch_pages: int = DEFAULT_BATCH_PAGES,
                   full: bool = False, max_page_mb: float = MAX_PAGE_MB, runner_description: str = "one process",
                   follow_links: bool = False, base_url: str | None = None, requested_at: str | None = None) -> RunSummary:
    """Process every page under inputs into the Parquet tables and DuckDB models under out.

    The batches run on the flow's task runner: `flow_for(choose_runner(...))` picks one process
    for small runs and a Dask cluster for large ones (see flows/runners.py).
    """
    logger = get_run_logger()
    clock = time.perf_counter()
    stages: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[stage] = round(stages.get(stage, 0) + now - clock, 3)
        clock = now

    run_id = _run_id()
    started = datetime.now(timezone.utc)
    if requested_at:  # the command's start: Prefect's start-up before the flow is part of the run's wall time
        requested = datetime.fromisoformat(requested_at)
        stages["startup"] = round(max(0.0, (started - requested).total_seconds()), 3)
        started = min(started, requested)
    summary = RunSummary(run_id, out, started_at=started.isoformat(timespec="milliseconds"))
    settings = PageSettings(max_page_bytes=int(max_page_mb * 1024 ** 2), base_url=base_url)
    files, unreadable = discover([Path(p) for p in inputs], follow_links)
    warehouse = Warehouse(Path(out))
    lap("discover")
    with warehouse.lock():
        manifest = warehouse.read_table("manifest")
        plan = plan_run(files, manifest, full)
        summary.runner = runner_description
        logger.info("%d pages: %d new or changed, %d unchanged, %d removed; runner: %s", len(files),
                    len(plan.to_process), len(plan.unchanged), len(plan.removed), summary.runner)
        lap("plan")
        scans = [unchanged_manifest(manifest, plan)]
        progress = Progress("scan", len(plan.to_process))
        for scanned in _run_batches(scan_batch_task, [(b, settings) for b in _chunks(plan.to_process, batch_pages)]):
            scans.append(scanned)
            progress.advance(scanned.num_rows)
        corpus = corpus_pass(scans)  # duplicate groups, then templates over distinct articles
        templates = corpus.templates
        del scans
        old_templates = template_sets([manifest])
        affected = affected_by_templates(plan, manifest, old_templates, templates)
        affected += affected_by_duplicates(plan, manifest, corpus)
        lap("templates")
        writer = warehouse.begin()
        try:
            summary.carried_rows = carry_over(warehouse, writer, plan)
            lap("carry_over")
            batches = _chunks(plan.to_process, batch_pages)
            arguments = [(b, templates, writer, f"{writer.name}-{i:05d}", run_id, settings, corpus.duplicates_for(b))
                         for i, b in enumerate(batches)]
            progress = Progress("process", len(plan.to_process))
            for result in _run_batches(process_batch_task, arguments):
                summary.batch.merge(result)
                progress.advance(result.pages)
                logger.info("batch done: %d pages, %d documents, %d rejects", result.pages, result.documents,
                            sum(result.rejects_by_reason.values()))
            lap("process")
            if unreadable:
                rejects = [Reject(u.source_path, u.reason, u.detail, -1, "") for u in unreadable]
                writer.write("rejects", tables_for(rejects, run_id, datetime.now(timezone.utc))["rejects"],
                             f"{writer.name}-unreadable")
                summary.batch.rejects_by_reason.update(r.reason for r in rejects)
            summary.pages_seen = len(files) + len(unreadable)
            summary.pages_processed = len(plan.to_process)
            summary.pages_unchanged = len(plan.unchanged)
            summary.pages_removed = len(plan.removed)
            summary.removed_paths = plan.removed[:MAX_LISTED_REMOVED]
            summary.pages_reprocessed_for_templates = len(affected)
            summary.finished_at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
            summary.stage_seconds = stages
            writer.write("runs", _runs_row(summary, inputs), f"{writer.name}-run")
            writer.publish()
        except BaseException:
            writer.abort()
            raise
        lap("publish")
        # the runs row was published before these stages: the build records them and the finish time
        report = build_models_task(out, database_changes(warehouse, writer.name, plan), RunEnd(run_id, dict(stages)))
        summary.data_tests_failed = [t.name for t in report.failed]
        logger.info("database %s; %d data tests, %d failed", report.mode, len(report.tests), len(report.failed))
        lap("models")
    summary.stage_seconds = stages
    markdown = render_summary(summary)
    print(markdown)
    create_markdown_artifact(markdown, key="cityclips-run-summary", description=f"cityclips run {run_id}")
    return summary


def _runs_row(summary: RunSummary, inputs: list[str]) -> pa.Table:
    counts = {"rows": dict(summary.batch.rows), "carried_rows": summary.carried_rows,
              "rejects_by_reason": dict(summary.batch.rejects_by_reason),
              "removed_by_rule": dict(summary.batch.removed_by_rule), "languages": dict(summary.batch.languages),
              "stage_seconds": summary.stage_seconds, "batch_seconds": dict(summary.batch.seconds),
              "reprocessed_for_templates": summary.pages_reprocessed_for_templates,
              "removed_paths": summary.removed_paths, "runner": summary.runner,
              "slowest_pages": summary.batch.slowest}
    row = {"run_id": summary.run_id, "started_at": datetime.fromisoformat(summary.started_at).replace(tzinfo=None),
           "finished_at": datetime.fromisoformat(summary.finished_at).replace(tzinfo=None),
           "input_roots": ";".join(path_text(str(Path(p).resolve())) for p in inputs), "pages_seen": summary.pages_seen,
           "pages_processed": summary.pages_processed, "pages_unchanged": summary.pages_unchanged,
           "pages_rejected": summary.pages_rejected, "pages_removed": summary.pages_removed,
           "counts_json": json.dumps(counts, ensure_ascii=False, sort_keys=True),
           "pipeline_version": __version__}
    return pa.Table.from_pylist([row], schema=RUNS)


def default_environment() -> None:
    """Prefect settings that make offline, local runs fast (see FACTS.md); the user's own settings win."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
