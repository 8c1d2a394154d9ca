"""Markup list items that are no items of the article's list (round 9): a file's name in the attachment box."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def kinds(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    body = tuple(Block(i, text, hint, marker="•" if hint == "li" else "", blank_before=True)
                 for i, (hint, text) in enumerate(lines, start=1))
    page = CleanPage("page.html", "html", Metadata(title="공지"), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


def test_an_item_that_is_a_files_name_is_an_attachment_line_korean_and_english() -> None:
    assert kinds([("p", "은행연합회는 지침을 제정했다고 밝혔다."), ("li", "부동산PF 수수료 지침 1부.hwp"),
                  ("li", "Meeting agenda.pdf (120 KB)"), ("li", "Minutes of the May meeting"),
                  ("li", "신청서 양식.hwp 작성 요령")])[1:] == [
        ("paragraph", "부동산PF 수수료 지침 1부.hwp"), ("paragraph", "Meeting agenda.pdf (120 KB)"),
        ("list_item", "Minutes of the May meeting"), ("list_item", "신청서 양식.hwp 작성 요령")]
