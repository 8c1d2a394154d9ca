"""Parser limits that keep text, and budgets counted in work: a page over a bound is a reject naming
the bound, in the template pass too, with the same result on a quiet or a loaded machine.
"""
from __future__ import annotations

import multiprocessing
import re
import time

import pytest
from reliability_helpers import ARTICLE_TEXT

from cityclips.transforms.html import parse_html
from cityclips.transforms.limits import (DEEP_NESTING_RULE, MAX_KEPT_DEPTH, MAX_PAGE_LINES, MAX_PAGE_NODES, WorkLimits,
                                         flatten_deep_nesting)
from cityclips.transforms.pipeline import PageSettings, page_lines, process_page
from cityclips.transforms.records import Document, RawPage, Reject

DEEP = 3_000  # past libxml2's 2,048 levels, where it stops and drops the rest of the page
TABLE_ROWS = 30_000  # a 4.3 MB one-table page: 180,000 elements
LOAD_PROCESSES = 2  # one busy loop per core of this machine


def _deep_page(depth: int = DEEP) -> bytes:
    return ("<html><head><title>Deep</title></head><body><h1>Gwangju opens a new library for children</h1>"
            "<p>Gwangju Metropolitan City opened a new public library for children in Buk-gu on Monday.</p>"
            + "<div>" * depth + "<p>The library holds twenty thousand books at the deepest point.</p>"
            + "</div>" * depth + "<p>It runs reading programmes every weekend after the deep part.</p>"
            "</body></html>").encode()


def _one_table_page(rows: int = TABLE_ROWS) -> bytes:
    cells = "".join(f"<td>cell {{row}} value {column}</td>" for column in range(5))
    body = "".join(f"<tr>{cells.replace('{row}', str(row))}</tr>\n" for row in range(rows))
    return f"<html><head><title>Table</title></head><body><h1>Big table</h1><table>{body}</table></body></html>".encode()


# --- deep nesting ------------------------------------------------------------------------------------

def test_text_after_the_deep_point_is_kept():
    document = process_page(RawPage("deep.html", _deep_page(), "html"))
    assert isinstance(document, Document), document
    assert "twenty thousand books at the deepest point" in document.body_text
    assert "reading programmes every weekend after the deep part" in document.body_text


def test_what_flattening_dropped_is_on_record_in_boilerplate():
    document = process_page(RawPage("deep.html", _deep_page(), "html"))
    (note,) = [r for r in document.removed if r.rule == DEEP_NESTING_RULE]
    assert f"deeper than {MAX_KEPT_DEPTH:,} levels" in note.text and "div" in note.text


def test_pages_of_ordinary_depth_are_not_touched():
    root = parse_html(_deep_page(200).decode())
    assert root.get("data-cityclips-flattened") is None
    document = process_page(RawPage("ok.html", _deep_page(200), "html"))
    assert not [r for r in document.removed if r.rule == DEEP_NESTING_RULE]


def _text(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def test_flattening_keeps_every_character_of_text():
    html = "<div>" * 50 + "a<b>b</b>c<br>d<!-- <div> -->e<script>if (x<div) {}</script>" + "</div>" * 50
    flat, dropped = flatten_deep_nesting(html, 10)
    assert dropped["div"] == 40 and dropped["b"] == 1  # 10 divs kept; the <b> inside is deeper still
    assert _text(flat) == _text(html)


# --- budgets by work -----------------------------------------------------------------------------------

def _burn(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_huge_one_table_page_is_rejected_naming_the_bound():
    result = process_page(RawPage("table.html", _one_table_page(), "html"))
    assert isinstance(result, Reject) and result.reason == "too_many_nodes", result
    assert f"{MAX_PAGE_NODES:,}-element page limit" in result.detail


def test_the_template_pass_has_the_same_bound():
    started = time.thread_time()
    assert page_lines(RawPage("table.html", _one_table_page(), "html")) is None
    assert time.thread_time() - started < 5  # parsed and counted, never walked (25 s of CPU before)


def test_the_same_page_gets_the_same_answer_under_load():
    page = RawPage("table.html", _one_table_page(), "html")
    quiet = process_page(page)
    load = [multiprocessing.Process(target=_burn, args=(30,), daemon=True) for _ in range(LOAD_PROCESSES)]
    for process in load:
        process.start()
    try:
        loaded = process_page(page)
    finally:
        for process in load:
            process.terminate()
    assert (quiet.reason, quiet.detail) == (loaded.reason, loaded.detail)


def test_a_text_dump_with_too_many_lines_is_rejected_naming_the_bound():
    data = (ARTICLE_TEXT + "Line of a very long list.\n" * MAX_PAGE_LINES).encode()
    result = process_page(RawPage("long.txt", data, "text"))
    assert isinstance(result, Reject) and result.reason == "too_many_lines"
    assert f"{MAX_PAGE_LINES:,}-line page limit" in result.detail


@pytest.mark.parametrize("limits,reason", [(WorkLimits(max_nodes=5), "too_many_nodes"),
                                           (WorkLimits(max_lines=3), "too_many_lines")])
def test_bounds_are_settings(limits, reason):
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in ARTICLE_TEXT.splitlines()) + "</body></html>"
    result = process_page(RawPage("a.html", html.encode(), "html"), settings=PageSettings(limits=limits))
    assert isinstance(result, Reject) and result.reason == reason


def test_no_decision_reads_the_clock():
    assert not hasattr(PageSettings(), "page_budget_s")
    assert isinstance(process_page(RawPage("a.txt", ARTICLE_TEXT.encode(), "text")), Document)
