"""Label/value list items become one field row each; ordinary lists, sub-lists and prose items stay items."""
from __future__ import annotations

from cityclips.transforms.field_items import merge_field_items
from cityclips.transforms.html import html_blocks
from cityclips.transforms.records import Block


def _li(line_no: int, text: str, path: str) -> Block:
    return Block(line_no, text, "li", 0, "•", dom_path=path)


def test_a_list_of_label_value_items_becomes_field_rows_in_both_languages() -> None:
    korean = [_li(1, "경력", "ul.list/li"), _li(2, "관계없음", "ul.list/li/p"),
              _li(3, "학력", "ul.list/li"), _li(4, "학력무관", "ul.list/li/p")]
    english = [_li(1, "Date", "ul.facts/li"), _li(2, "Feb 01 2024", "ul.facts/li/div.value"),
               _li(3, "Time:", "ul.facts/li"), _li(4, "6:30 pm - 8:30 pm", "ul.facts/li/div.value")]
    assert [(b.text, b.hint, b.marker) for b in merge_field_items(korean)] == [
        ("경력 : 관계없음", "cell", ""), ("학력 : 학력무관", "cell", "")]
    assert [b.text for b in merge_field_items(english)] == ["Date : Feb 01 2024", "Time : 6:30 pm - 8:30 pm"]


def test_one_item_with_a_sub_line_is_still_a_list_item() -> None:
    blocks = [_li(1, "Agenda", "ul/li"), _li(2, "Call to order", "ul/li/p"), _li(3, "Adjourn", "ul/li")]
    assert merge_field_items(blocks) == blocks


def test_sub_lists_and_sentences_are_not_fields() -> None:
    nested = [_li(1, "Parks", "ul/li"), _li(2, "Belle Isle", "ul/li/ul/li"),
              _li(3, "Zoos", "ul/li"), _li(4, "Nature Zoo", "ul/li/ul/li")]
    assert merge_field_items(nested) == nested
    prose = [_li(1, "시는 14일 노선을 바꿨다.", "ul/li"), _li(2, "새 노선", "ul/li/p"),
             _li(3, "We met on Monday. ", "ul/li"), _li(4, "Minutes", "ul/li/p")]
    assert merge_field_items(prose) == prose


def test_an_html_field_list_comes_out_as_rows() -> None:
    html = ("<html><body><article><h1>조사원 채용</h1><p>군산지방해양수산청은 어업경영체 등록 조사원을 채용한다고 밝혔다. "
            "지원을 희망하시면 연락 부탁드립니다.</p><ul class='list'><li>경력<p>관계없음</p></li><li>학력<p>학력무관</p></li>"
            "</ul></article></body></html>")
    blocks, _, _ = html_blocks(html)
    rows = [b.text for b in merge_field_items([b for b in blocks if not b.excluded_by]) if b.hint == "cell"]
    assert rows == ["경력 : 관계없음", "학력 : 학력무관"]
