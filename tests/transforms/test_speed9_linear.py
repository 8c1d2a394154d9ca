"""html_blocks does work linear in the page: counted in Python calls, never timed (a timed bound flakes on a loaded machine).

The work of a call is the number of function calls it makes (Python functions, generator steps and
C functions called from Python), counted with sys.setprofile: the same count on any machine under any
load. A page twice as large (twice as deep, twice as many paragraphs) must cost at most LINEAR_SLACK
times twice the work; an ancestor scan per element (what region._site_banners did before round 9)
makes it about four times (work = depth x elements).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from cityclips.transforms.html import html_blocks
from cityclips.transforms.limits import parse_keeping_deep_text

ARTICLE_KO = "광주광역시는 3일 시청에서 기자회견을 열고 올해 주요 정책을 발표했다."
ARTICLE_EN = "The city will print the new schedule for every district, officials said on Monday."
T = TypeVar("T")
LINEAR_SLACK = 1.1  # 2n costs at most 2.2x n's work; quadratic work costs ~4x (measured 3.6x at these sizes)


def _counted(work: Callable[[], T]) -> tuple[int, T]:
    """(function calls made while work runs, what it returned)."""
    calls = 0

    def tally(frame, event, arg) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(tally)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return calls, result


def _calls(html: str) -> tuple[int, int]:
    """(function calls made while turning html into blocks, blocks)."""
    calls, blocks = _counted(lambda: html_blocks(html)[0])
    return calls, len(blocks)


def _nested(depth: int, paragraphs: int) -> str:
    return "<div><section>" * depth + f"<p>{ARTICLE_KO} <b>{ARTICLE_EN}</b></p>" * paragraphs \
        + "</section></div>" * depth


def _long_list(items: int) -> str:
    return "<html><head><title>보도자료</title></head><body><ol>" + "<li>항목</li>" * items + "</ol></body></html>"


def test_deeply_nested_sections_are_linear() -> None:
    small, small_blocks = _calls(_nested(30, 1000))
    large, large_blocks = _calls(_nested(60, 2000))
    assert (small_blocks, large_blocks) == (1000, 2000)
    assert large <= 2 * LINEAR_SLACK * small, f"{large:,} calls for 2n against {small:,} for n"


def test_long_ordered_list_is_linear() -> None:
    small, small_blocks = _calls(_long_list(1000))
    large, large_blocks = _calls(_long_list(2000))
    assert (small_blocks, large_blocks) == (1000, 2000)
    assert large <= 2 * LINEAR_SLACK * small, f"{large:,} calls for 2n against {small:,} for n"


def test_the_count_sees_an_ancestor_scan_per_element() -> None:
    """The measure itself catches quadratic work (so the passes above say linear): a scan of every
    element's ancestors on the nested page costs over 2.2x when the page doubles."""
    def scan_calls(html: str) -> int:
        root = parse_keeping_deep_text(html)
        return _counted(lambda: [any(a is None for a in node.iterancestors()) for node in root.iter()])[0]

    small, large = scan_calls(_nested(30, 1000)), scan_calls(_nested(60, 2000))
    assert large > 2 * LINEAR_SLACK * small
