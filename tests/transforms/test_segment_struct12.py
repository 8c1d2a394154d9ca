"""Round 12 (struct12): headings and list items on real pages, Korean and English."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def kinds(lines: list[tuple[str, str]], title: str | None = None) -> list[tuple[str, str]]:
    body = tuple(Block(i, text, hint, blank_before=True) for i, (hint, text) in enumerate(lines, start=1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


def test_a_title_inside_another_word_of_the_first_heading_is_no_restatement_korean() -> None:
    # '공지' is a piece of '인공지능': the heading is a section of its own, not the title again
    assert kinds([("heading", "인공지능 교육 안내"), ("p", "시는 올해 인공지능 교육을 다섯 차례 연다.")], title="공지")[0] == \
        ("heading", "인공지능 교육 안내")
    assert kinds([("heading", "광주시 공지 사항"), ("p", "시는 올해 인공지능 교육을 다섯 차례 연다.")], title="공지")[0] == \
        ("paragraph", "광주시 공지 사항")


def test_a_title_inside_another_word_of_the_first_heading_is_no_restatement_english() -> None:
    assert kinds([("heading", "Meetings in Summertime"), ("p", "The board meets every other week in the hall.")],
                 title="Time")[0] == ("heading", "Meetings in Summertime")
    assert kinds([("heading", "Board Meeting Time"), ("p", "The board meets every other week in the hall.")],
                 title="Meeting Time")[0] == ("paragraph", "Board Meeting Time")
