"""`cityclips report`: one self-contained HTML file about the warehouse and its last run.

flows/report_data.py reads the marts of <out>/cityclips.duckdb (read-only); this module lays out
the sections and flows/report_charts.py draws their charts as inline SVG: no JavaScript, no
external fonts or styles, nothing fetched, so the file can be mailed or archived and opens offline.
"""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from cityclips.flows.report_charts import (bar_chart, escape_text as _e, format_bytes, format_number, language_colors,
                                           share_bar, stacked_columns)
from cityclips.flows.report_data import ReportData, read_report_data
from cityclips.warehouse.contract import rules_of
from cityclips.warehouse.models import connect_read_only, database_path
from cityclips.warehouse.schemas import RUNS

TOP_LANGUAGES = 4  # the rest of the languages stack as 'other' in the monthly chart
OVERHEAD_STAGE = "other (Prefect)"  # wall time the stages do not account for
# The last run's numbers, each with what it means (the runs table's own descriptions where it has one).
RUN_TILES = (("pages seen", "pages_seen"), ("processed", "pages_processed"), ("unchanged", "pages_unchanged"),
             ("rejected", "pages_rejected"), ("removed", "pages_removed"))
DOCUMENTS_NOW = "Documents in the warehouse after the run: this run's and those carried over."


def _meaning(column: str) -> str:
    return rules_of(RUNS.field(column)).description


def _table(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset(),
           nowrap: frozenset[int] = frozenset()) -> str:
    """An HTML table; cells must already be escaped markup. numeric columns align right, nowrap ones never wrap."""
    if not rows:
        return '<p class="empty">No rows.</p>'
    classes = [" class=num" if i in numeric else " class=nowrap" if i in nowrap else "" for i in range(len(headers))]
    head = "".join(f"<th{classes[i]}>{_e(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{classes[i]}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def stage_rows(stages: list[tuple[str, float]], wall_seconds: float) -> list[tuple[str, float]]:
    """Every stage in flow order, then what the stages do not account for of the wall time.

    >>> stage_rows([("process", 2.0), ("models", 0.5)], 3.0)
    [('process', 2.0), ('models', 0.5), ('other (Prefect)', 0.5)]
    """
    rows = [(stage, round(float(seconds or 0), 3)) for stage, seconds in stages]
    rest = round(wall_seconds - sum(seconds for _, seconds in rows), 3)
    return rows + ([(OVERHEAD_STAGE, rest)] if rest > 0 else [])


def _header(data: ReportData) -> str:
    run = data.last_run
    if run is None:
        return '<section id="last-run"><h2>Last run</h2><p class="empty">No runs recorded.</p></section>'
    wall = float(run["wall_seconds"] or 0)
    tiles = [(label, run[column], _meaning(column)) for label, column in RUN_TILES]
    tiles.append(("documents now", data.documents, DOCUMENTS_NOW))
    tile_html = "".join(f'<div class="tile" title="{_e(meaning)}"><b>{_e(format_number(value or 0))}</b>'
                        f"<span>{_e(label)}</span></div>" for label, value, meaning in tiles)
    meanings = "".join(f"<li><b>{_e(label)}</b>: {_e(meaning)}</li>" for label, _, meaning in tiles)
    started = f"{run['started_at']:%Y-%m-%d %H:%M:%S}"
    rows = stage_rows(data.stages, wall)
    staged = sum(seconds for stage, seconds in rows if stage != OVERHEAD_STAGE)
    return (f'<section id="last-run"><h2>Last run</h2>'
            f'<p class="meta">run <code>{_e(run["run_id"])}</code> · started {_e(started)} UTC'
            f' · <b>{wall:,.1f} s</b> wall time · pipeline {_e(run["pipeline_version"])}'
            f' · {_e(run["runner"] or "")}<br>inputs: {_e(run["input_roots"])}</p>'
            f'<div class="tiles">{tile_html}</div><ul class="meanings">{meanings}</ul><h3>Time per stage</h3>'
            f'<p class="meta">Wall time runs from the run\'s start to the database built ({wall:,.1f} s); the '
            f'stages add up to {staged:,.1f} s, and the rest is Prefect\'s own work between them. startup is '
            "Prefect's start before the flow (its temporary server), for runs started by cityclips run.</p>"
            + bar_chart(rows, "seconds per stage of the last run", unit=" s") + "</section>")


def _monthly(data: ReportData) -> str:
    counts: dict[str, int] = {}
    for _, language, n in data.per_bucket:
        counts[language] = counts.get(language, 0) + n
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    shown = ranked if len(ranked) <= TOP_LANGUAGES + 1 else ranked[:TOP_LANGUAGES]  # never 'other' for one
    buckets = _fill_gaps(sorted({b for b, _, _ in data.per_bucket}))
    names = shown + (["other"] if len(ranked) > len(shown) else [])
    series = {name: [0] * len(buckets) for name in names}
    position = {b: i for i, b in enumerate(buckets)}
    for bucket, language, n in data.per_bucket:
        series[language if language in shown else "other"][position[bucket]] += n
    unit = "month" if buckets and len(buckets[0]) == 7 else "year"
    note = (f'<p class="meta">Not shown: {_e(format_number(data.undated))} undated '
            f'document{"s" if data.undated != 1 else ""} (static pages).</p>' if data.undated else "")
    return (f'<section id="per-month"><h2>Documents per {unit} by language</h2>'
            + stacked_columns(buckets, series, language_colors(names), f"documents per {unit} by language")
            + note + "</section>")


def _fill_gaps(buckets: list[str]) -> list[str]:
    """Every month ('YYYY-MM') or year ('YYYY') from the first to the last bucket, so gaps show as gaps."""
    if not buckets:
        return []
    if len(buckets[0]) == 4:
        return [str(y) for y in range(int(buckets[0]), int(buckets[-1]) + 1)]
    first, last = date.fromisoformat(buckets[0] + "-01"), date.fromisoformat(buckets[-1] + "-01")
    months, current = [], first
    while current <= last:
        months.append(f"{current:%Y-%m}")
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _languages(data: ReportData) -> str:
    colors = language_colors(list(data.mean_shares) + [language for language, _ in data.by_language])
    return ('<section id="languages"><h2>Languages</h2><div class="columns"><div><h3>Documents by language</h3>'
            + bar_chart(data.by_language, "documents by main language", width=460, colors=colors)
            + '</div><div><h3>Mean share of letters per document</h3>'
            + share_bar(data.mean_shares, colors, "mean Korean, English and other share per document", width=460)
            + "</div></div></section>")


def _attachments(data: ReportData) -> str:
    notes = {ext: f"({format_bytes(size)})" for ext, _, size in data.attachments}
    rows = [(ext, n) for ext, n, _ in data.attachments]
    return ('<section id="attachments"><h2>Attachments by type</h2>'
            + bar_chart(rows, "attachments by file extension", notes=notes, empty="No attachments.") + "</section>")


def _boilerplate(data: ReportData) -> str:
    return ('<section id="boilerplate"><h2>Boilerplate removed by rule</h2>'
            + bar_chart(data.removed_by_rule, "removed lines by rule", color="#8a6bb5", empty="No lines removed.")
            + "</section>")


def _rejects(data: ReportData) -> str:
    rows = [[f"<code>{_e(path)}</code>", _e(reason), _e(detail)] for path, reason, detail in data.rejects]
    total = sum(n for _, n in data.rejects_by_reason)
    more = f'<p class="meta">The first {len(rows)} of {format_number(total)} rejects.</p>' if total > len(rows) else ""
    meanings = "".join(f"<li><b>{_e(reason)}</b>: {_e(data.reject_meanings.get(reason, ''))}</li>"
                       for reason, _ in data.rejects_by_reason)
    return ('<section id="rejects"><h2>Rejects by reason</h2>'
            + bar_chart(data.rejects_by_reason, "rejected pages by reason", color="#b5534d",
                        empty="No pages rejected.")
            + (f'<ul class="meanings">{meanings}</ul>' if meanings else "")
            + (_table(["page", "reason", "detail"], rows) if rows else "") + more + "</section>")


def _slowest(data: ReportData) -> str:
    top = data.slowest[0][0] if data.slowest else 1
    rows = [[f'{_e(f"{ms:,.1f}")}<span class="inline-bar" style="width:{80 * ms / (top or 1):.0f}px"></span>',
             f"<code>{_e(path)}</code>", _e(title)] for ms, path, title in data.slowest]
    return ('<section id="slowest"><h2>Slowest pages</h2><p class="meta">Milliseconds to process each page '
            '(articles.parse_ms), over every document in the warehouse.</p>'
            + _table(["ms", "page", "title"], rows, numeric=frozenset({0})) + "</section>")


def _latest(data: ReportData) -> str:
    rows = [[_e(f"{published:%Y-%m-%d}" if published else "undated"), _e(language), _e(category or ""), _e(title or ""),
             f"<code>{_e(path)}</code>"] for published, language, category, title, path in data.latest]
    return ('<section id="latest"><h2>Latest documents</h2>'
            + _table(["published", "language", "category", "title", "page"], rows, nowrap=frozenset({0, 1}))
            + "</section>")


def _history(data: ReportData) -> str:
    rows = [[f"<code>{_e(r['run_id'])}</code>", _e(f"{r['started_at']:%Y-%m-%d %H:%M}"),
             *(_e(format_number(r[k])) for k in ("pages_seen", "pages_processed", "pages_unchanged", "pages_rejected")),
             _e(f"{float(r['wall_seconds'] or 0):,.1f}")] for r in data.runs]
    return ('<section id="runs"><h2>Recent runs</h2>'
            + _table(["run", "started (UTC)", "seen", "processed", "unchanged", "rejected", "wall seconds"], rows,
                     numeric=frozenset({2, 3, 4, 5, 6})) + "</section>")


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR","Nanum Gothic","Malgun Gothic",
"Apple SD Gothic Neo",sans-serif;margin:0;background:#f5f6f8;color:#1f2933}
main{max-width:1060px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:0 0 12px}h3{font-size:14px;color:#52606d;margin:16px 0 6px}
section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:16px 20px;margin:16px 0}
.meta{color:#52606d;font-size:13px;margin:4px 0 12px}.empty{color:#7b8794;font-style:italic}
.tiles{display:flex;flex-wrap:wrap;gap:10px}.tile{background:#f0f4f8;border-radius:6px;padding:10px 14px;min-width:110px}
.tile b{display:block;font-size:22px}
.meanings{color:#52606d;font-size:12px;margin:8px 0 0;padding-left:18px}.tile span{color:#52606d;font-size:12px}
.chart{display:block;max-width:100%;height:auto;font-size:12px}.chart text{fill:#1f2933}
.chart .value,.chart .axis{fill:#52606d;font-size:11px}.chart .grid{stroke:#e4e7eb}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;margin:6px 0}
.legend i{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px;vertical-align:-1px}
.columns{display:flex;flex-wrap:wrap;gap:24px}.columns>div{flex:1 1 420px;min-width:0}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{color:#52606d;font-weight:600}.num{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}
code{font-size:12px;overflow-wrap:break-word}
.inline-bar{display:inline-block;height:8px;background:#4a7fb5;margin-left:6px}
"""


def render_report(data: ReportData, generated_at: datetime | None = None) -> str:
    """The whole report as one HTML document (inline CSS and SVG, no scripts, no external resources)."""
    generated_at = generated_at or datetime.now(timezone.utc)
    sections = [_header(data), _monthly(data), _languages(data), _attachments(data), _boilerplate(data),
                _rejects(data), _slowest(data), _latest(data), _history(data)]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>cityclips report</title><style>{STYLE}</style></head><body><main>"
            f'<h1>cityclips report</h1><p class="meta">{_e(format_number(data.documents))} documents in '
            f'<code>{_e(data.database)}</code> · generated {_e(f"{generated_at:%Y-%m-%d %H:%M}")} UTC</p>'
            + "".join(sections) + "</main></body></html>\n")


def write_report(out: Path, html_path: Path) -> Path:
    """Write the HTML report of the warehouse under out to html_path; returns html_path.

    Raises FileNotFoundError (one sentence) when out has no database or the database has no tables.
    """
    out, html_path = Path(out), Path(html_path)
    con = connect_read_only(out)
    try:
        try:
            data = read_report_data(con, database_path(out).resolve())
        except duckdb.CatalogException as error:
            raise FileNotFoundError(f"the database {database_path(out)} has no cityclips tables: "
                                    f"run 'cityclips run --out {out}' first") from error
    finally:
        con.close()
    html_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = html_path.with_name(f".{html_path.name}.{os.getpid()}.tmp")
    tmp.write_text(render_report(data), encoding="utf-8")
    os.replace(tmp, html_path)
    return html_path
