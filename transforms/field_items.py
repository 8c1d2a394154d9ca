"""List items that are label/value fields: one field row each, not two list items.

Board, job and event pages lay out their fields as lists: `<li>경력<p>관계없음</p></li>`,
`<li><span>Date</span><div>Feb 01 2024</div></li>`. Read block by block, each item gives a short label
(the item's own text) and then its value (a block inside the same item), and both would come out as
list items of their own. A list whose items are two or more such pairs is a field list, like a <dl>:
each pair becomes one 'label : value' row (hint 'cell', as html.py gives a <dl> or a table row). The
rule is the shape (a short label line directly followed by one block inside the same item), so it is
the same in every language.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from cityclips.transforms.records import Block

MAX_LABEL_CHARS = 20  # '경력', '근무형태', 'Date and time': a field's name is a word or two
MAX_VALUE_CHARS = 120  # a value is a line ('월급 218만원 ~ 218만원'), not a paragraph
MIN_FIELD_PAIRS = 2  # one label/value item may be a list item with a sub-line; two make a field list
_SENTENCE_MARK = re.compile(r"[.!?。]\s|[.!?。]$|다\.?$")
_LIST_TAGS = ("ul", "ol", "dl")


def _item_path(block: Block) -> str | None:
    """The block's own <li> path when the block is an item's own text ('.../ul.list/li')."""
    last = block.dom_path.rpartition("/")[2]
    return block.dom_path if block.hint == "li" and last.split(".", 1)[0] == "li" else None


def _value_of(label: Block, item: str, value: Block) -> bool:
    """True when value is one line inside label's item (not a nested list) and label reads as a field name."""
    if value.hint != "li" or not value.dom_path.startswith(item + "/"):
        return False
    inner = value.dom_path[len(item) + 1:].split("/")
    if any(step.split(".", 1)[0] in _LIST_TAGS + ("li",) for step in inner):
        return False  # a nested list: the item heads a sub-list, its lines are items
    return len(label.text) <= MAX_LABEL_CHARS and not _SENTENCE_MARK.search(label.text) \
        and len(value.text) <= MAX_VALUE_CHARS


def merge_field_items(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each label/value item of a field list (two or more such items in one list)
    turned into one 'label : value' block with hint 'cell'.

    >>> from cityclips.transforms.records import Block
    >>> rows = [Block(1, "경력", "li", dom_path="ul/li"), Block(2, "관계없음", "li", dom_path="ul/li/p"),
    ...         Block(3, "학력", "li", dom_path="ul/li"), Block(4, "학력무관", "li", dom_path="ul/li/p")]
    >>> [(b.text, b.hint) for b in merge_field_items(rows)]
    [('경력 : 관계없음', 'cell'), ('학력 : 학력무관', 'cell')]
    """
    pairs: dict[int, str] = {}  # index of a label -> the list path its item sits in
    for i in range(len(blocks) - 1):
        item = _item_path(blocks[i])
        if item and _value_of(blocks[i], item, blocks[i + 1]):
            pairs[i] = item.rpartition("/")[0]
    per_list: dict[str, int] = {}
    for parent in pairs.values():
        per_list[parent] = per_list.get(parent, 0) + 1
    merged: list[Block] = []
    skip = False
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        if i in pairs and per_list[pairs[i]] >= MIN_FIELD_PAIRS:
            label = block.text.rstrip(" :：")
            merged.append(replace(block, text=f"{label} : {blocks[i + 1].text}", hint="cell", marker="", depth=0))
            skip = True
        else:
            merged.append(block)
    return _typed_fields_beside_rows(merged)


# 'Date: November 13, 2018 2:30 pm', '접수기간: 2025. 6. 18.': a field's name, a colon, its value on one line
_TYPED_FIELD = re.compile(rf"^[^:：]{{1,{MAX_LABEL_CHARS}}}?\s*[:：]\s*\S")


def _typed_fields_beside_rows(blocks: list[Block]) -> list[Block]:
    """The blocks with each list item that reads 'Label: value' turned into a field row (hint 'cell') when its
    list already holds field rows ('<ul class="event-meta"><li><strong>Date:</strong> <time>...</time></li>
    <li><strong>Categories:</strong> <a>Board Meeting</a></li>': the markup made the second a row, the first an
    item): the rows of one field list are read alike. A list with no field row keeps its 'label: value' items
    (a notice's '- 모집기간 : ...' lines are its list)."""
    with_rows = {item.rpartition("/")[0] for b in blocks if b.hint == "cell" and (item := _item_path_of_row(b))}
    if not with_rows:
        return blocks
    return [replace(b, hint="cell", marker="", depth=0)
            if (item := _item_path(b)) and b.marker and item.rpartition("/")[0] in with_rows
            and _TYPED_FIELD.match(b.text) and len(b.text) <= MAX_LABEL_CHARS + MAX_VALUE_CHARS else b
            for b in blocks]


def _item_path_of_row(block: Block) -> str | None:
    """The <li> path of a field row that is a list item's own line ('.../ul.meta/li'), None for a table's row."""
    last = block.dom_path.rpartition("/")[2]
    return block.dom_path if last.split(".", 1)[0] == "li" else None
