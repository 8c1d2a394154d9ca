"""A run's summary: the RunSummary record, its row in the runs table, and its Markdown (printed, and
published as the Prefect artifact `cityclips-run-summary`)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from cityclips import __version__
from cityclips.flows.batches import BatchSummary
from cityclips.transforms.paths import path_text
from cityclips.warehouse.schemas import RUNS

MAX_LISTED_REMOVED = 100  # removed pages named in the runs table (the count is always exact)


@dataclass
class RunSummary:
    run_id: str
    out: str
    inputs: list[str] = field(default_factory=list)
    pages_seen: int = 0
    pages_processed: int = 0
    pages_unchanged: int = 0
    pages_removed: int = 0
    pages_reprocessed_for_templates: int = 0
    pages_reprocessed_for_code: int = 0  # unchanged pages extracted again: other code or options made their rows
    code_fingerprint: str = ""  # this run's (flows/code_version.py)
    other_code: dict = field(default_factory=dict)  # older code fingerprint -> pages of it extracted again
    pages_in_failed_batches: int = 0
    batch: BatchSummary = field(default_factory=BatchSummary)
    carried_rows: dict = field(default_factory=dict)
    stage_seconds: dict = field(default_factory=dict)
    data_tests_failed: list = field(default_factory=list)
    removed_paths: list = field(default_factory=list)
    runner: str = ""  # the execution engine, e.g. 'process pool of 2'
    api: str = ""  # the Prefect API the run used
    started_at: str = ""
    finished_at: str = ""

    @property
    def pages_rejected(self) -> int:
        return sum(self.batch.rejects_by_reason.values())

    @classmethod
    def of(cls, planned, templates, processed, carried_rows: dict, stage_seconds: dict) -> "RunSummary":
        """The summary of a run from its stages' records (flows/stages.py), before the database build."""
        plan = planned.plan
        return cls(planned.run_id, planned.options.out, list(planned.options.inputs),
                   pages_seen=len(planned.files) + len(planned.unreadable),
                   pages_processed=len(plan.to_process), pages_unchanged=len(plan.unchanged),
                   pages_removed=len(plan.removed), pages_reprocessed_for_templates=templates.reprocessed_for_templates,
                   pages_reprocessed_for_code=len(plan.other_code), code_fingerprint=planned.code,
                   other_code=dict(plan.other_code_counts),
                   pages_in_failed_batches=sum(len(f.paths) for f in templates.failed + processed.failed),
                   batch=processed.batch, carried_rows=carried_rows, stage_seconds=stage_seconds,
                   removed_paths=plan.removed[:MAX_LISTED_REMOVED], runner=planned.engine.describe(),
                   api=planned.options.api, started_at=planned.started_at.isoformat(timespec="milliseconds"),
                   finished_at=datetime.now(timezone.utc).isoformat(timespec="milliseconds"))


def runs_row(summary: RunSummary) -> pa.Table:
    """The run's row of the runs table; counts_json keeps the breakdowns (stages, rejects, languages)."""
    counts = {"rows": dict(summary.batch.rows), "carried_rows": summary.carried_rows,
              "rejects_by_reason": dict(summary.batch.rejects_by_reason),
              "removed_by_rule": dict(summary.batch.removed_by_rule), "languages": dict(summary.batch.languages),
              "stage_seconds": summary.stage_seconds, "batch_seconds": dict(summary.batch.seconds),
              "reprocessed_for_templates": summary.pages_reprocessed_for_templates,
              "reprocessed_for_code": summary.pages_reprocessed_for_code, "other_code": summary.other_code,
              "pages_in_failed_batches": summary.pages_in_failed_batches,
              "removed_paths": summary.removed_paths, "runner": summary.runner, "api": summary.api,
              "slowest_pages": summary.batch.slowest}
    row = {"run_id": summary.run_id, "started_at": datetime.fromisoformat(summary.started_at).replace(tzinfo=None),
           "finished_at": datetime.fromisoformat(summary.finished_at).replace(tzinfo=None),
           "input_roots": ";".join(path_text(str(Path(p).resolve())) for p in summary.inputs), "pages_seen": summary.pages_seen,
           "pages_processed": summary.pages_processed, "pages_unchanged": summary.pages_unchanged,
           "pages_rejected": summary.pages_rejected, "pages_removed": summary.pages_removed,
           "counts_json": json.dumps(counts, ensure_ascii=False, sort_keys=True),
           "pipeline_version": __version__, "code_fingerprint": summary.code_fingerprint or None}
    return pa.Table.from_pylist([row], schema=RUNS)


def _made_by(other_code: dict) -> str:
    """'5 pages made by 0.1.0:3f2a9c1b7d0e4a55, 2 pages made by unrecorded'."""
    return ", ".join(f"{count:,} pages made by {code}" for code, count in other_code.items())


def _table(title: str, counts: dict, key: str = "what", value: str = "count") -> list[str]:
    if not counts:
        return [f"**{title}**: none", ""]
    lines = [f"**{title}**", "", f"| {key} | {value} |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    return lines + [""]


def render_summary(summary: RunSummary) -> str:
    """Markdown for a RunSummary: pages, rejects by reason, languages, boilerplate by rule, stage times."""
    batch = summary.batch
    lines = [f"## cityclips run {summary.run_id}", "",
             f"- output: `{summary.out}`",
             f"- pages seen: {summary.pages_seen}; processed: {summary.pages_processed}; "
             f"unchanged (skipped): {summary.pages_unchanged}; removed since last run: {summary.pages_removed}; "
             f"rejected: {summary.pages_rejected}",
             f"- documents written: {batch.documents}; reprocessed because templates changed: "
             f"{summary.pages_reprocessed_for_templates}; extracted again because other code or options made "
             f"them: {summary.pages_reprocessed_for_code}",
             f"- code: {summary.code_fingerprint or 'not recorded'}"
             + (f"; extracted again: {_made_by(summary.other_code)}" if summary.other_code else ""),
             f"- engine: {summary.runner or 'one process'}; Prefect API: {summary.api or 'as configured'}",
             f"- data tests failed: {', '.join(summary.data_tests_failed) or 'none'}", ""]
    if summary.pages_in_failed_batches:
        lines[-1:-1] = [f"- pages in failed batches (rejected as batch_failed, retried next run): "
                        f"{summary.pages_in_failed_batches}"]
    lines += _table("Rejects by reason", dict(batch.rejects_by_reason), "reason")
    lines += _table("Documents by language", dict(batch.languages), "language")
    lines += _table("Boilerplate lines removed by rule", dict(batch.removed_by_rule), "rule", "lines")
    lines += _table("Seconds per stage", {k: round(v, 2) for k, v in summary.stage_seconds.items()}, "stage",
                    "seconds")
    if batch.slowest:
        lines += ["**Slowest pages**", "", "| ms | page |", "|---:|---|"]
        lines += [f"| {ms} | {path} |" for ms, path in batch.slowest] + [""]
    return "\n".join(lines)
