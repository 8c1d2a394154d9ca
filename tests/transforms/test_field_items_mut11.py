"""Field lists at their edges (transforms/field_items.py), written for the survivors of its first mutation run
(issue 19, round 11): the label and value lengths, what a sub-list is, two pairs per list, and what a field row
looks like (text, hint, marker, depth), in Korean and English.
"""
from __future__ import annotations

from cityclips.transforms.field_items import MAX_LABEL_CHARS, MAX_VALUE_CHARS, merge_field_items
from cityclips.transforms.records import Block


def _li(line_no: int, text: str, path: str, depth: int = 1) -> Block:
    return Block(line_no, text, "li", depth, "•", dom_path=path)


def _pairs(*pairs: tuple[str, str], items: str = "ul.info/li", value: str = "p") -> list[Block]:
    blocks = []
    for label, text in pairs:
        blocks += [_li(len(blocks) + 1, label, items), _li(len(blocks) + 2, text, f"{items}/{value}")]
    return blocks


def _rows(blocks: list[Block]) -> list[tuple[str, str, str, int]]:
    return [(b.text, b.hint, b.marker, b.depth) for b in merge_field_items(blocks)]


def test_a_field_row_is_one_unmarked_top_level_cell_in_both_languages() -> None:
    assert _rows(_pairs(("근무형태", "정규직"), ("급여：", "월급 218만원"))) == [
        ("근무형태 : 정규직", "cell", "", 0), ("급여 : 월급 218만원", "cell", "", 0)]
    assert _rows(_pairs(("Date :", "Feb 01 2024"), ("Venue", "City Hall, Room 132"))) == [
        ("Date : Feb 01 2024", "cell", "", 0), ("Venue : City Hall, Room 132", "cell", "", 0)]
    assert [b.text for b in merge_field_items(_pairs(("TEL", "062-613-2020"), ("FAX :", "062-613-2029")))] == [
        "TEL : 062-613-2020", "FAX : 062-613-2029"]  # only the colon and spaces are trimmed from a label


def test_the_last_pair_of_a_page_is_merged_too() -> None:
    blocks = [Block(1, "채용 공고", "p", dom_path="div.view/p")] + _pairs(("경력", "관계없음"), ("학력", "학력무관"))
    assert [b.text for b in merge_field_items(blocks)] == ["채용 공고", "경력 : 관계없음", "학력 : 학력무관"]


def test_the_label_and_value_lengths_are_bounded() -> None:
    label, value = "가" * MAX_LABEL_CHARS, "v" * MAX_VALUE_CHARS
    merged = merge_field_items(_pairs((label, value), ("Time", "6:30 pm")))
    assert [b.text for b in merged] == [f"{label} : {value}", "Time : 6:30 pm"]
    for long_pair in ((label + "가", value), (label, value + "v")):
        blocks = _pairs(long_pair, ("Time", "6:30 pm"), ("Place", "City Hall"))
        assert [b.hint for b in merge_field_items(blocks)][:2] == ["li", "li"], long_pair


def test_a_label_that_reads_as_a_sentence_is_no_field_name() -> None:
    for sentence in ("시는 노선을 바꿨다", "Done. Then", "Why?"):
        blocks = _pairs((sentence, "새 노선"), ("Time", "6:30 pm"), ("Place", "City Hall"))
        assert merge_field_items(blocks)[0] == blocks[0], sentence


def test_two_lists_with_one_pair_each_are_not_field_lists() -> None:
    blocks = _pairs(("경력", "관계없음"), items="ul.first/li") + _pairs(("Date", "Feb 01 2024"), items="ul.second/li")
    assert merge_field_items(blocks) == blocks
    blocks += _pairs(("Time", "6:30 pm"), items="ul.second/li")
    assert [b.text for b in merge_field_items(blocks)][2:] == ["Date : Feb 01 2024", "Time : 6:30 pm"]
    deep = _pairs(("경력", "관계없음"), items="body/div.view/ul.first/li") \
        + _pairs(("Date", "Feb 01 2024"), items="body/div.view/ul.second/li")
    assert merge_field_items(deep) == deep  # two lists of one page, each counted on its own


def test_only_a_list_items_own_text_is_a_label() -> None:
    not_items = [Block(1, "경력", "p", dom_path="ul/li"), _li(2, "관계없음", "ul/li/p"),
                 Block(3, "학력", "p", dom_path="ul/li"), _li(4, "학력무관", "ul/li/p")]
    assert merge_field_items(not_items) == not_items  # the label is not an item's own line
    deeper = [_li(1, "Date", "ul/li/span"), _li(2, "Feb 01 2024", "ul/li/span/b"),
              _li(3, "Time", "ul/li/span"), _li(4, "6:30 pm", "ul/li/span/b")]
    assert merge_field_items(deeper) == deeper  # the label's own path does not end at its <li>
    classed = [_li(1, "Date", "ul/li.on"), _li(2, "Feb 01 2024", "ul/li.on/div"),
               _li(3, "Time", "ul/li.item.first"), _li(4, "6:30 pm", "ul/li.item.first/div")]
    assert [b.text for b in merge_field_items(classed)] == ["Date : Feb 01 2024", "Time : 6:30 pm"]


def test_a_value_must_be_an_item_line_inside_the_labels_own_item() -> None:
    paragraph = [_li(1, "Date", "ul/li"), Block(2, "Feb 01 2024", "p", dom_path="ul/li/p"),
                 _li(3, "Time", "ul/li"), Block(4, "6:30 pm", "p", dom_path="ul/li/p")]
    assert merge_field_items(paragraph) == paragraph
    elsewhere = [_li(1, "Date", "ul/li"), _li(2, "Feb 01 2024", "ul/lix/p"),
                 _li(3, "Time", "ul/li"), _li(4, "6:30 pm", "ul/lix/p")]
    assert merge_field_items(elsewhere) == elsewhere  # 'ul/lix' is another element, not inside 'ul/li'


def test_items_heading_sub_lists_of_every_kind_stay_items() -> None:
    for sub in ("ol/li", "dl/dd", "ul.sub/li", "li", "dl.info/dd", "dl.info.wide/dd", "ol.steps.big/div"):
        blocks = [_li(1, "공원", "ul/li"), _li(2, "중외공원", f"ul/li/{sub}"),
                  _li(3, "Zoos", "ul/li"), _li(4, "Uchi Zoo", f"ul/li/{sub}")]
        assert merge_field_items(blocks) == blocks, sub
    below = [_li(1, "공원", "ul/li"), _li(2, "중외공원", "ul/li/div/ol/li"),
             _li(3, "Zoos", "ul/li"), _li(4, "Uchi Zoo", "ul/li/div/ol/li")]
    assert merge_field_items(below) == below  # a sub-list deeper inside the item


def test_a_label_followed_by_the_next_label_is_no_pair() -> None:
    blocks = [_li(1, "Parks", "ul/li"), _li(2, "Zoos", "ul/li"), _li(3, "Museums", "ul/li")]
    assert merge_field_items(blocks) == blocks
