"""Render a run summary as Markdown (printed, published as a Prefect artifact)."""
from __future__ import annotations


def _table(title: str, counts: dict, key: str = "what", value: str = "count") -> list[str]:
    if not counts:
        return [f"**{title}**: none", ""]
    lines = [f"**{title}**", "", f"| {key} | {value} |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    return lines + [""]


def render_summary(summary) -> str:
    """Markdown for a RunSummary: pages, rejects by reason, languages, boilerplate by rule, stage times."""
    batch = summary.batch
    lines = [f"## cityclips run {summary.run_id}", "",
             f"- output: `{summary.out}`",
             f"- pages seen: {summary.pages_seen}; processed: {summary.pages_processed}; "
             f"unchanged (skipped): {summary.pages_unchanged}; removed since last run: {summary.pages_removed}; "
             f"rejected: {summary.pages_rejected}",
             f"- documents written: {batch.documents}; reprocessed because templates changed: "
             f"{summary.pages_reprocessed_for_templates}",
             f"- data tests failed: {', '.join(summary.data_tests_failed) or 'none'}", ""]
    lines += _table("Rejects by reason", dict(batch.rejects_by_reason), "reason")
    lines += _table("Documents by language", dict(batch.languages), "language")
    lines += _table("Boilerplate lines removed by rule", dict(batch.removed_by_rule), "rule", "lines")
    lines += _table("Seconds per stage", {k: round(v, 2) for k, v in summary.stage_seconds.items()}, "stage",
                    "seconds")
    if batch.slowest:
        lines += ["**Slowest pages**", "", "| ms | page |", "|---:|---|"]
        lines += [f"| {ms} | {path} |" for ms, path in batch.slowest] + [""]
    return "\n".join(lines)
