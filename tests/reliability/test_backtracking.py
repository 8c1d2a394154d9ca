"""No catastrophic regex backtracking: long adversarial lines go through every stage in bounded time.

Each line is tried alone and inside an article (after a title and a metadata line, where the
metadata, attachment, contact, segment and quote patterns all look at it), as a text dump and as HTML.
What that proves is linearity, so it is measured as one: the four pages of a line cost under
MAX_COST_RATIO times the same four pages with a line ten times shorter, in the same run (this
thread's CPU seconds). A backtracking pattern is quadratic or worse (~100x); a bound in seconds
proved nothing more and broke on a busy machine. One test per line shape (22), not one per page (88).
"""
from __future__ import annotations

import time

import pytest

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage, Reject

MAX_COST_RATIO = 25  # ten times the line: ~10x when linear, ~100x when quadratic
SHORTER = 10

# name: (prefix, repeated unit, repetitions, suffix)
ADVERSARIAL_LINES = {
    "name_colon": ("", "Name : ", 10_000, ""),
    "digit_dot": ("", "1.", 100_000, ""),
    "digit_dot_space": ("", "1. ", 100_000, ""),
    "curly_quote": ("", "“", 50_000, ""),
    "open_quote_said": ("", "“a ", 20_000, " said Mayor Lee"),
    "letter_a_2mb": ("", "a", 2_000_000, ""),
    "press_markers": ("", "□○-·①", 20_000, ""),
    "press_markers_spaced": ("", "□ ○ - · ① ", 20_000, ""),
    "size_unclosed": ("", "[size: 1 KB", 20_000, ""),
    "attachment_unclosed": ("", "보도자료.hwp[size: 1.1 MB, Download: ", 10_000, ""),
    "date_fields": ("", "Date : 2024-01-01 ", 10_000, ""),
    "korean_metadata": ("", "작성자 : 작성일 : 조회수 : ", 10_000, ""),
    "phone": ("", "062-613-", 30_000, ""),
    "breadcrumb": ("", "홈 > ", 50_000, ""),
    "open_parens": ("", "(", 100_000, ""),
    "angle_brackets": ("", "<", 100_000, ""),
    "heading_brackets": ("< ", "a", 100_000, ""),
    "korean_quote_said": ("", "라고 말했다 “", 20_000, ""),
    "doubled_caption": ("", "사진사진", 100_000, ""),
    "spaces_and_tabs": ("", "a \t", 300_000, ""),
    "ordinal_words": ("", "First, ", 50_000, ""),
    "note_marks": ("", "※", 100_000, ""),
}
ARTICLE = "News Clips\n\nGwangju opens a new library\nName : admin Date : 2024-03-04 09:30 120\n\n{line}\n\nThe library opened on Monday.\n"
HTML = ("<html><body><div class='board_view'><h1>Gwangju opens a new library</h1><p>{line}</p>"
        "<ul><li>{line}</li></ul><p>The library opened on Monday.</p></div></body></html>")


def _page(fmt: str, context: str, line: str) -> RawPage:
    if fmt == "html":
        escaped = line.replace("&", "&amp;").replace("<", "&lt;")
        text = HTML.format(line=escaped) if context == "article" else f"<p>{escaped}</p>"
        return RawPage("adversarial.html", text.encode(), "html")
    text = ARTICLE.format(line=line) if context == "article" else line
    return RawPage("adversarial.txt", text.encode(), "text")


def _line(name: str, shorter: int = 1) -> str:
    prefix, unit, count, suffix = ADVERSARIAL_LINES[name]
    return prefix + unit * (count // shorter) + suffix


def _cpu_seconds(line: str) -> float:
    """CPU seconds of this thread to process the line's four pages (text/html, alone/in an article);
    none may end in the error or timeout reject."""
    started = time.thread_time()
    for fmt in ("text", "html"):
        for context in ("article", "alone"):
            result = process_page(_page(fmt, context, line))
            assert not (isinstance(result, Reject) and result.reason in ("error", "timeout")), (fmt, context, result)
    return time.thread_time() - started


@pytest.mark.parametrize("name", sorted(ADVERSARIAL_LINES))
def test_adversarial_line_costs_linear_time(name):
    short = _line(name, SHORTER)
    _cpu_seconds(short)  # warm the caches and imports
    short_seconds = min(_cpu_seconds(short) for _ in range(2))
    seconds = _cpu_seconds(_line(name))
    ratio = seconds / max(short_seconds, 1e-3)
    assert ratio < MAX_COST_RATIO, f"{name}: {seconds:.2f} s, {ratio:.0f}x the line {SHORTER} times shorter"
