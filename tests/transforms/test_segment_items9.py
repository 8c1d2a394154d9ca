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


def items(lines: list[tuple[str, str, int, str]]) -> list[tuple[str, str]]:
    """lines: (marker, text, depth, dom path) of markup items."""
    body = tuple(Block(i, text, "li", depth, marker, True, dom_path=path)
                 for i, (marker, text, depth, path) in enumerate(lines, start=1))
    page = CleanPage("page.html", "html", Metadata(title="공지"), body, (), ())
    return [(s.marker, s.text) for s in segment_page(page) if s.kind == "list_item"]


def test_an_items_next_paragraph_is_the_rest_of_that_item_korean_and_english() -> None:
    assert items([("•", "취업알선기관 알선", 0, "ul/li/p"), ("", "관할고용센터를 통해 알선된 알선자수.", 0, "ul/li/p"),
                  ("", "0명", 0, "ul/li/strong"), ("1.", "Enter the access code.", 0, "ol/li"),
                  ("", "Please note: the code changes.", 0, "ol/li")]) == [
        ("•", "취업알선기관 알선 관할고용센터를 통해 알선된 알선자수. 0명"),
        ("1.", "Enter the access code. Please note: the code changes.")]


def test_text_after_a_sub_list_or_in_a_table_cell_of_an_item_stays_apart() -> None:
    assert items([("•", "Budget", 0, "ul/li"), ("•", "Parks", 1, "ul/li/ul/li"), ("", "and roads", 0, "ul/li"),
                  ("•", "일정", 0, "ul/li"), ("", "2018. 7. 13.", 0, "ul/li/table/tbody/tr/td"),
                  ("", "2018. 6. 21.", 0, "ul/li/table/tbody/tr/td")]) == [
        ("•", "Budget"), ("•", "Parks"), ("", "and roads"), ("•", "일정"), ("", "2018. 7. 13."), ("", "2018. 6. 21.")]
