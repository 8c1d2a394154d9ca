"""`cityclips report`: one self-contained HTML file about the warehouse and its last run.

Reads the staging views of <out>/cityclips.duckdb (read-only) and draws its charts as inline SVG:
no JavaScript, no external fonts or styles, nothing fetched, so the file can be mailed or archived
and opens offline. Every string that comes from the data (titles, paths, rule names) is untrusted
page text and is escaped once, where it enters the markup (`_e`).
"""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path

import duckdb

from cityclips.warehouse.models import connect_read_only, database_path

MAX_MONTH_BUCKETS = 60  # beyond five years of months the columns get too thin (<16 px): bucket by year
TOP_LANGUAGES = 4  # the rest of the languages stack as 'other' in the monthly chart
MAX_BAR_ROWS = 15  # rows per horizontal bar chart; the rest are summed into one '(N more)' row
SLOWEST_PAGES = 10
LATEST_DOCUMENTS = 15
RECENT_RUNS = 10
REJECT_ROWS = 20
LABEL_WIDTH = 26  # display columns (a Hangul syllable counts 2) before an SVG label is cut with '…'
LANGUAGE_COLORS = {"en": "#d9822b", "ko": "#2f6fb3", "und": "#b8c0cc", "other": "#7a8594"}
PALETTE = ("#4e9a6b", "#a05195", "#c4a13a", "#5b8fa8", "#b5534d")  # further languages, in order
BAR_COLOR = "#4a7fb5"


def _e(value: object) -> str:
    """Escape text for HTML content and attribute values (page text is untrusted)."""
    return escape("" if value is None else str(value), quote=True)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int = LABEL_WIDTH) -> str:
    if _display_width(text) <= width:
        return text
    while _display_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _bytes(size: float | None) -> str:
    """Human size with KB = 1024 bytes, as the attachments table counts them."""
    size = float(size or 0)
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"


def count_axis(top: int, max_ticks: int = 5) -> list[int]:
    """Whole-number axis ticks from 0 that cover top, in steps of 1, 2 or 5 x 10^k.

    >>> count_axis(7)
    [0, 2, 4, 6, 8]
    """
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            ticks = -(-max(top, 1) // step)
            if ticks <= max_ticks - 1:
                return [step * i for i in range(ticks + 1)]
        magnitude *= 10


def language_colors(languages: list[str]) -> dict[str, str]:
    """A stable color per language: fixed ones for en/ko/und/other, the palette for the rest."""
    colors, spare = {}, iter(PALETTE * (1 + len(languages) // len(PALETTE)))
    for language in languages:
        colors[language] = LANGUAGE_COLORS.get(language) or next(spare)
    return colors


# ---- charts (inline SVG) ---------------------------------------------------------------------------

def bar_chart(rows: list[tuple[str, float]], caption: str, unit: str = "", width: int = 640,
              color: str = BAR_COLOR, notes: dict[str, str] | None = None,
              colors: dict[str, str] | None = None, empty: str = "No rows.") -> str:
    """Horizontal bars, one per (label, value), in the order given.

    notes add text after a label's value; colors give a label its own bar color (else color).
    """
    if not rows:
        return f'<p class="empty">{_e(empty)}</p>'
    if len(rows) > MAX_BAR_ROWS:
        rest = rows[MAX_BAR_ROWS - 1:]
        rows = rows[:MAX_BAR_ROWS - 1] + [(f"({len(rest)} more)", sum(v for _, v in rest))]
    label_w, value_w, row_h = 190, 150, 24
    plot_w = width - label_w - value_w
    top = max(v for _, v in rows) or 1
    height = row_h * len(rows) + 8
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{_e(caption)}">']
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        bar = max(1.0, plot_w * value / top) if value else 0
        note = (notes or {}).get(label, "")
        parts.append(f'<g><title>{_e(label)}: {_e(_number(value))}{_e(unit)}{_e(" " + note if note else "")}</title>'
                     f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_e(_cut(label))}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row_h - 7}" '
                     f'fill="{(colors or {}).get(label, color)}"/>'
                     f'<text x="{label_w + bar + 6:.1f}" y="{y + 16}" class="value">{_e(_number(value))}{_e(unit)}'
                     f'{_e("  " + note if note else "")}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns(buckets: list[str], series: dict[str, list[int]], colors: dict[str, str], caption: str,
                    width: int = 1000, height: int = 300) -> str:
    """Stacked columns: one per bucket (e.g. a month), one stacked part per series (e.g. a language)."""
    if not buckets:
        return '<p class="empty">No dated documents.</p>'
    left, right, top_m, bottom = 48, 12, 14, 58
    plot_w, plot_h = width - left - right, height - top_m - bottom
    totals = [sum(values[i] for values in series.values()) for i in range(len(buckets))]
    ticks = count_axis(max(totals))
    y_max = ticks[-1]
    slot = plot_w / len(buckets)
    bar_w = max(1.0, min(48.0, slot * 0.75))
    every = max(1, int(len(buckets) / (plot_w / 44)) + 1)  # leave ~44 px per x label
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{_e(caption)}">']
    for value in ticks:
        y = top_m + plot_h - plot_h * value / y_max
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{_e(_number(value))}</text>')
    for i, bucket in enumerate(buckets):
        x = left + i * slot + (slot - bar_w) / 2
        base = top_m + plot_h
        tip = [f"{bucket}: {totals[i]} documents"]
        for name, values in series.items():
            if not values[i]:
                continue
            h = plot_h * values[i] / y_max
            base -= h
            parts.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{colors[name]}"><title>{_e(bucket)} {_e(name)}: {values[i]}</title></rect>')
            tip.append(f"{name} {values[i]}")
        if i % every == 0:
            cx = left + i * slot + slot / 2
            parts.append(f'<text x="{cx:.1f}" y="{top_m + plot_h + 14}" text-anchor="end" class="axis" '
                         f'transform="rotate(-40 {cx:.1f} {top_m + plot_h + 14})">{_e(bucket)}</text>')
    parts.append("</svg>")
    return "".join(parts) + _legend(list(series), colors)


def share_bar(shares: dict[str, float], colors: dict[str, str], caption: str, width: int = 640) -> str:
    """One 100% bar split by share (0-1 values), with the percentages in the legend."""
    total = sum(shares.values())
    if not total:
        return '<p class="empty">No documents.</p>'
    parts = [f'<svg class="chart" width="{width}" height="34" viewBox="0 0 {width} 34" role="img" '
             f'aria-label="{_e(caption)}">']
    x = 0.0
    for name, share in shares.items():
        w = width * share / total
        parts.append(f'<rect x="{x:.1f}" y="4" width="{w:.1f}" height="26" fill="{colors[name]}">'
                     f'<title>{_e(name)}: {share:.1%}</title></rect>')
        x += w
    parts.append("</svg>")
    return "".join(parts) + _legend([f"{name} {share / total:.1%}" for name, share in shares.items()], colors,
                                    keys=list(shares))


def _legend(labels: list[str], colors: dict[str, str], keys: list[str] | None = None) -> str:
    items = "".join(f'<span><i style="background:{colors[key]}"></i>{_e(label)}</span>'
                    for label, key in zip(labels, keys or labels))
    return f'<div class="legend">{items}</div>'


# ---- data ------------------------------------------------------------------------------------------

@dataclass
class ReportData:
    """Everything the report shows, read from the database in one go."""

    database: Path
    documents: int = 0
    last_run: dict | None = None
    runs: list[dict] = field(default_factory=list)
    per_bucket: list[tuple[str, str, int]] = field(default_factory=list)  # (month or year, language, documents)
    undated: int = 0
    by_language: list[tuple[str, int]] = field(default_factory=list)
    mean_shares: dict[str, float] = field(default_factory=dict)
    attachments: list[tuple[str, int, int]] = field(default_factory=list)  # (extension, files, bytes)
    removed_by_rule: list[tuple[str, int]] = field(default_factory=list)
    rejects_by_reason: list[tuple[str, int]] = field(default_factory=list)
    rejects: list[tuple[str, str, str]] = field(default_factory=list)
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # (ms, source_path, title)
    latest: list[tuple] = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    result = con.execute(sql)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def _month_buckets(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    span = _rows(con, "select min(published_at), max(published_at) from stg_documents")[0]
    if span[0] is None:
        return []
    months = (span[1].year - span[0].year) * 12 + span[1].month - span[0].month + 1
    pattern = "%Y-%m" if months <= MAX_MONTH_BUCKETS else "%Y"
    return _rows(con, f"""select strftime(published_at, '{pattern}') as bucket, language, count(*)
                          from stg_documents where published_at is not null
                          group by all order by bucket, language""")


def read_report_data(con: duckdb.DuckDBPyConnection, database: Path) -> ReportData:
    """Query the staging views for every section of the report."""
    data = ReportData(database)
    data.documents = _rows(con, "select count(*) from stg_documents")[0][0]
    data.runs = _dicts(con, f"select * from stg_runs order by started_at desc limit {RECENT_RUNS}")
    data.last_run = data.runs[0] if data.runs else None
    data.per_bucket = _month_buckets(con)
    data.undated = _rows(con, "select count(*) from stg_documents where published_at is null")[0][0]
    data.by_language = _rows(con, "select language, count(*) as n from stg_documents group by language "
                                  "order by n desc, language")
    shares = _rows(con, "select avg(ko_share), avg(en_share), avg(other_share) from stg_documents")[0]
    data.mean_shares = {"ko": shares[0] or 0.0, "en": shares[1] or 0.0, "other": shares[2] or 0.0}
    data.attachments = _rows(con, "select coalesce(nullif(extension, ''), '(none)') as ext, count(*) as n, "
                                  "coalesce(sum(size_bytes), 0) from stg_attachments group by ext "
                                  "order by n desc, ext")
    data.removed_by_rule = _rows(con, "select rule, count(*) as n from stg_boilerplate group by rule "
                                      "order by n desc, rule")
    data.rejects_by_reason = _rows(con, "select reason, count(*) as n from stg_rejects group by reason "
                                        "order by n desc, reason")
    data.rejects = _rows(con, f"select source_path, reason, detail from stg_rejects order by reason, source_path "
                              f"limit {REJECT_ROWS}")
    data.slowest = _rows(con, f"select parse_ms, source_path, title from stg_documents "
                              f"order by parse_ms desc, source_path limit {SLOWEST_PAGES}")
    data.latest = _rows(con, f"select published_at, language, category, title, source_path from stg_documents "
                             f"order by published_at desc nulls last, source_path limit {LATEST_DOCUMENTS}")
    return data


# ---- sections --------------------------------------------------------------------------------------

def _counts(run: dict) -> dict:
    try:
        counts = json.loads(run.get("counts_json") or "{}")
    except ValueError:
        return {}
    return counts if isinstance(counts, dict) else {}


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


def _header(data: ReportData) -> str:
    run = data.last_run
    if run is None:
        return '<section id="last-run"><h2>Last run</h2><p class="empty">No runs recorded.</p></section>'
    seconds = (run["finished_at"] - run["started_at"]).total_seconds()
    tiles = [("pages seen", run["pages_seen"]), ("processed", run["pages_processed"]),
             ("unchanged", run["pages_unchanged"]), ("rejected", run["pages_rejected"]),
             ("removed", run["pages_removed"]), ("documents now", data.documents)]
    tile_html = "".join(f'<div class="tile"><b>{_e(_number(v or 0))}</b><span>{_e(k)}</span></div>'
                        for k, v in tiles)
    started = f"{run['started_at']:%Y-%m-%d %H:%M:%S}"
    stages = _counts(run).get("stage_seconds") or {}
    stage_rows = sorted(((str(k), float(v)) for k, v in stages.items() if isinstance(v, (int, float))),
                        key=lambda kv: -kv[1])
    return (f'<section id="last-run"><h2>Last run</h2>'
            f'<p class="meta">run <code>{_e(run["run_id"])}</code> · started {_e(started)} UTC'
            f' · {seconds:,.1f} s · pipeline {_e(run["pipeline_version"])}<br>inputs: {_e(run["input_roots"])}</p>'
            f'<div class="tiles">{tile_html}</div><h3>Time per stage</h3>'
            + bar_chart(stage_rows, "seconds per stage of the last run", unit=" s") + "</section>")


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
    note = (f'<p class="meta">Not shown: {_e(_number(data.undated))} undated '
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
    notes = {ext: f"({_bytes(size)})" for ext, _, size in data.attachments}
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
    more = f'<p class="meta">The first {len(rows)} of {_number(total)} rejects.</p>' if total > len(rows) else ""
    return ('<section id="rejects"><h2>Rejects by reason</h2>'
            + bar_chart(data.rejects_by_reason, "rejected pages by reason", color="#b5534d",
                        empty="No pages rejected.")
            + (_table(["page", "reason", "detail"], rows) if rows else "") + more + "</section>")


def _slowest(data: ReportData) -> str:
    top = data.slowest[0][0] if data.slowest else 1
    rows = [[f'{_e(f"{ms:,.1f}")}<span class="inline-bar" style="width:{80 * ms / (top or 1):.0f}px"></span>',
             f"<code>{_e(path)}</code>", _e(title)] for ms, path, title in data.slowest]
    return ('<section id="slowest"><h2>Slowest pages</h2><p class="meta">Milliseconds to process each page '
            '(documents.parse_ms), over every document in the warehouse.</p>'
            + _table(["ms", "page", "title"], rows, numeric=frozenset({0})) + "</section>")


def _latest(data: ReportData) -> str:
    rows = [[_e(f"{published:%Y-%m-%d}" if published else "undated"), _e(language), _e(category or ""), _e(title or ""),
             f"<code>{_e(path)}</code>"] for published, language, category, title, path in data.latest]
    return ('<section id="latest"><h2>Latest documents</h2>'
            + _table(["published", "language", "category", "title", "page"], rows, nowrap=frozenset({0, 1}))
            + "</section>")


def _history(data: ReportData) -> str:
    rows = [[f"<code>{_e(r['run_id'])}</code>", _e(f"{r['started_at']:%Y-%m-%d %H:%M}"),
             *(_e(_number(r[k])) for k in ("pages_seen", "pages_processed", "pages_unchanged", "pages_rejected")),
             _e(f"{(r['finished_at'] - r['started_at']).total_seconds():,.1f}")] for r in data.runs]
    return ('<section id="runs"><h2>Recent runs</h2>'
            + _table(["run", "started (UTC)", "seen", "processed", "unchanged", "rejected", "seconds"], rows,
                     numeric=frozenset({2, 3, 4, 5, 6})) + "</section>")


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR","Nanum Gothic","Malgun Gothic",
"Apple SD Gothic Neo",sans-serif;margin:0;background:#f5f6f8;color:#1f2933}
main{max-width:1060px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:0 0 12px}h3{font-size:14px;color:#52606d;margin:16px 0 6px}
section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:16px 20px;margin:16px 0}
.meta{color:#52606d;font-size:13px;margin:4px 0 12px}.empty{color:#7b8794;font-style:italic}
.tiles{display:flex;flex-wrap:wrap;gap:10px}.tile{background:#f0f4f8;border-radius:6px;padding:10px 14px;min-width:110px}
.tile b{display:block;font-size:22px}.tile span{color:#52606d;font-size:12px}
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
            f'<h1>cityclips report</h1><p class="meta">{_e(_number(data.documents))} documents in '
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
