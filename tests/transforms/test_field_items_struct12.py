"""Round 12 (struct12): a 'Label: value' item in a list that holds field rows is a field row too."""
from __future__ import annotations

from cityclips.transforms.field_items import merge_field_items
from cityclips.transforms.records import Block

META = "body/div.event-meta/ul.eo-event-meta/li"


def _li(line_no: int, text: str, path: str = META) -> Block:
    return Block(line_no, text, "li", 0, "•", dom_path=path)


def _row(line_no: int, text: str, path: str = META) -> Block:
    return Block(line_no, text, "cell", dom_path=path)


def test_a_typed_field_beside_field_rows_is_a_row_english() -> None:
    # r303: '<li><strong>Date:</strong> <time>...</time></li><li><strong>Categories:</strong> <a>...</a></li>'
    got = merge_field_items([_li(1, "Date: November 13, 2018 2:30 pm – 3:30 pm"), _row(2, "Categories : Board Meeting")])
    assert [(b.hint, b.marker) for b in got] == [("cell", ""), ("cell", "")]


def test_a_typed_field_beside_field_rows_is_a_row_korean() -> None:
    got = merge_field_items([_li(1, "접수기간: 2025. 6. 18. ~ 6. 24."), _row(2, "담당부서 : 청년정책과"),
                             _li(3, "청년수당 신청 안내")])
    assert [b.hint for b in got] == ["cell", "cell", "li"]  # an item that is no 'label: value' stays an item


def test_typed_fields_in_a_list_without_rows_stay_items() -> None:
    blocks = [_li(1, "모집기간 : 2026.03.23(월)~2026.04.01(수)", "body/ul/li"), _li(2, "접수방법 : 우편", "body/ul/li"),
              _row(3, "Date : Monday", "body/table/tbody/tr")]
    assert merge_field_items(blocks) == blocks
