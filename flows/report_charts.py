"""The report's charts, drawn as inline SVG by hand: bars, stacked columns, a share bar.

Measured against the libraries that render offline into one HTML file (BENCHMARKS.md, "Report
charts"): a bar chart here takes 0.1 ms and 1.3 KB; matplotlib (svg.fonttype none) 2.1 s to import,
0.15-0.2 s and 10 KB a chart, 35 MB installed; Vega-Lite through vl-convert 1.9 s for its first
chart, 0.15 s and 10 KB each after, 84 MB installed. Both keep Korean as text, as these do. So the
charts stay hand-drawn: a report renders in milliseconds with no extra dependency.

Every string that comes from the data (titles, paths, rule names) is untrusted page text and is
escaped once, where it enters the markup (`escape_text`).
"""
from __future__ import annotations

import unicodedata
from html import escape

MAX_BAR_ROWS = 15  # rows per horizontal bar chart; the rest are summed into one '(N more)' row
LABEL_WIDTH = 26  # display columns (a Hangul syllable counts 2) before an SVG label is cut with '…'
LANGUAGE_COLORS = {"en": "#d9822b", "ko": "#2f6fb3", "und": "#b8c0cc", "other": "#7a8594"}
PALETTE = ("#4e9a6b", "#a05195", "#c4a13a", "#5b8fa8", "#b5534d")  # further languages, in order
BAR_COLOR = "#4a7fb5"


def escape_text(value: object) -> str:
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


def format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def format_bytes(size: float | None) -> str:
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


def bar_chart(rows: list[tuple[str, float]], caption: str, unit: str = "", width: int = 640,
              color: str = BAR_COLOR, notes: dict[str, str] | None = None,
              colors: dict[str, str] | None = None, empty: str = "No rows.") -> str:
    """Horizontal bars, one per (label, value), in the order given.

    notes add text after a label's value; colors give a label its own bar color (else color).
    """
    if not rows:
        return f'<p class="empty">{escape_text(empty)}</p>'
    if len(rows) > MAX_BAR_ROWS:
        rest = rows[MAX_BAR_ROWS - 1:]
        rows = rows[:MAX_BAR_ROWS - 1] + [(f"({len(rest)} more)", sum(v for _, v in rest))]
    label_w, value_w, row_h = 190, 150, 24
    plot_w = width - label_w - value_w
    top = max(v for _, v in rows) or 1
    height = row_h * len(rows) + 8
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape_text(caption)}">']
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        bar = max(1.0, plot_w * value / top) if value else 0
        note = (notes or {}).get(label, "")
        parts.append(f'<g><title>{escape_text(label)}: {escape_text(format_number(value))}{escape_text(unit)}{escape_text(" " + note if note else "")}</title>'
                     f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape_text(_cut(label))}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row_h - 7}" '
                     f'fill="{(colors or {}).get(label, color)}"/>'
                     f'<text x="{label_w + bar + 6:.1f}" y="{y + 16}" class="value">{escape_text(format_number(value))}{escape_text(unit)}'
                     f'{escape_text("  " + note if note else "")}</text></g>')
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
             f'role="img" aria-label="{escape_text(caption)}">']
    for value in ticks:
        y = top_m + plot_h - plot_h * value / y_max
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{escape_text(format_number(value))}</text>')
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
                         f'fill="{colors[name]}"><title>{escape_text(bucket)} {escape_text(name)}: {values[i]}</title></rect>')
            tip.append(f"{name} {values[i]}")
        if i % every == 0:
            cx = left + i * slot + slot / 2
            parts.append(f'<text x="{cx:.1f}" y="{top_m + plot_h + 14}" text-anchor="end" class="axis" '
                         f'transform="rotate(-40 {cx:.1f} {top_m + plot_h + 14})">{escape_text(bucket)}</text>')
    parts.append("</svg>")
    return "".join(parts) + _legend(list(series), colors)


def share_bar(shares: dict[str, float], colors: dict[str, str], caption: str, width: int = 640) -> str:
    """One 100% bar split by share (0-1 values), with the percentages in the legend."""
    total = sum(shares.values())
    if not total:
        return '<p class="empty">No documents.</p>'
    parts = [f'<svg class="chart" width="{width}" height="34" viewBox="0 0 {width} 34" role="img" '
             f'aria-label="{escape_text(caption)}">']
    x = 0.0
    for name, share in shares.items():
        w = width * share / total
        parts.append(f'<rect x="{x:.1f}" y="4" width="{w:.1f}" height="26" fill="{colors[name]}">'
                     f'<title>{escape_text(name)}: {share:.1%}</title></rect>')
        x += w
    parts.append("</svg>")
    return "".join(parts) + _legend([f"{name} {share / total:.1%}" for name, share in shares.items()], colors,
                                    keys=list(shares))


def _legend(labels: list[str], colors: dict[str, str], keys: list[str] | None = None) -> str:
    items = "".join(f'<span><i style="background:{colors[key]}"></i>{escape_text(label)}</span>'
                    for label, key in zip(labels, keys or labels))
    return f'<div class="legend">{items}</div>'
