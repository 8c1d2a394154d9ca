"""No catastrophic regex backtracking: long adversarial lines go through every stage in bounded time.

Each line is tried alone and inside an article (after a title and a metadata line, where the
metadata, attachment, contact, segment and quote patterns all look at it), as a text dump and as HTML.
Times are this thread's CPU seconds, so other work on the machine does not count.
"""
from __future__ import annotations

import time

import pytest

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage, Reject

LINE_LIMIT_S = 2.0  # the longest line here is 2 MB; linear patterns take well under 0.5 s on it

ADVERSARIAL_LINES = {
    "name_colon": "Name : " * 10_000,
    "digit_dot": "1." * 100_000,
    "digit_dot_space": "1. " * 100_000,
    "curly_quote": "“" * 50_000,
    "open_quote_said": "“a " * 20_000 + " said Mayor Lee",
    "letter_a_2mb": "a" * 2_000_000,
    "press_markers": "□○-·①" * 20_000,
    "press_markers_spaced": "□ ○ - · ① " * 20_000,
    "size_unclosed": "[size: 1 KB" * 20_000,
    "attachment_unclosed": "보도자료.hwp[size: 1.1 MB, Download: " * 10_000,
    "date_fields": "Date : 2024-01-01 " * 10_000,
    "korean_metadata": "작성자 : 작성일 : 조회수 : " * 10_000,
    "phone": "062-613-" * 30_000,
    "breadcrumb": "홈 > " * 50_000,
    "open_parens": "(" * 100_000,
    "angle_brackets": "<" * 100_000,
    "heading_brackets": "< " + "a" * 100_000,
    "korean_quote_said": "라고 말했다 “" * 20_000,
    "doubled_caption": "사진사진" * 100_000,
    "spaces_and_tabs": "a \t" * 300_000,
    "ordinal_words": "First, " * 50_000,
    "note_marks": "※" * 100_000,
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


@pytest.mark.parametrize("context", ["article", "alone"])
@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("name", sorted(ADVERSARIAL_LINES))
def test_adversarial_line_is_processed_in_bounded_time(name, fmt, context):
    page = _page(fmt, context, ADVERSARIAL_LINES[name])
    started = time.thread_time()
    result = process_page(page)
    seconds = time.thread_time() - started
    assert seconds < LINE_LIMIT_S, f"{name} ({fmt}, {context}) took {seconds:.2f} s"
    assert not (isinstance(result, Reject) and result.reason in ("error", "timeout")), result
