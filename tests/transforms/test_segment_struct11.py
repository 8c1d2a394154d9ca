"""Round 11 (struct11): structure only inside the article, Korean and English."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def segments(lines: list[tuple[str, str, str]], title: str = "공지") -> list[tuple[str, str]]:
    """lines: (hint, text, dom path) of body blocks; the (kind, text) of each segment but the title."""
    body = tuple(Block(i, text, hint, 0, "", True, dom_path=path) for i, (hint, text, path) in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


TABLE = "div.tableWrap/table.table_normal/tbody/tr"


def test_a_table_row_opening_with_a_bullet_is_a_field_korean() -> None:
    """'<th>• 폐기방법</th><td>- 빈 용기를 ...</td>' (a product record's table): one field, not a list item."""
    got = segments([("cell", "• 폐기방법 : - 빈 용기를 재사용하지 말 것. - 폐기 전 용기를 완전히 비울 것.", TABLE),
                    ("p", "사용방법", TABLE + "/th"),
                    ("p", "· 1일 10시간 사용을 권장하고 최대 15시간까지 사용 가능합니다.", TABLE + "/td")])
    assert got == [("paragraph", "• 폐기방법 : - 빈 용기를 재사용하지 말 것. - 폐기 전 용기를 완전히 비울 것."),
                   ("paragraph", "사용방법"), ("paragraph", "· 1일 10시간 사용을 권장하고 최대 15시간까지 사용 가능합니다.")]


def test_a_table_row_opening_with_a_bullet_is_a_field_english() -> None:
    got = segments([("cell", "• Disposal : - Do not reuse the empty container.", TABLE),
                    ("p", "- If swallowed: call a doctor at once.", TABLE + "/td")], title="Record")
    assert got == [("paragraph", "• Disposal : - Do not reuse the empty container."),
                   ("paragraph", "- If swallowed: call a doctor at once.")]


def test_numbered_rows_and_bullets_outside_a_cell_stay_items() -> None:
    """An agenda's numbered rows ('1. CALL TO ORDER') order the table: items; a '-' line in a cell's <p> or a box too."""
    got = segments([("cell", "1. CALL TO ORDER", TABLE), ("cell", "2. ROLL CALL", TABLE),
                    ("p", "- 직종 : 사무보조", TABLE + "/td/p"), ("p", "- Send comments to the clerk", "div.view")])
    assert got == [("list_item", "CALL TO ORDER"), ("list_item", "ROLL CALL"), ("list_item", "직종 : 사무보조"),
                   ("list_item", "Send comments to the clerk")]
