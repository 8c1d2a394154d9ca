"""transforms/blocks.py: a decoded text dump split into Blocks, one per non-blank line."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.blocks import collapse_ws, text_blocks
from cityclips.transforms.decode import normalise_text
from tests.conftest import SEEDS

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _shape(text: str) -> list[tuple]:
    return [(b.line_no, b.text, b.hint, b.depth, b.marker, b.blank_before) for b in text_blocks(text)]


def test_english_dump_with_scraper_bullets() -> None:
    dump = "News Clips\n\n  • page print\n  • page download\n\nOpening 2020 with 20 Initiatives"
    assert _shape(dump) == [
        (1, "News Clips", "line", 0, "", True),
        (3, "page print", "li", 0, "•", True),
        (4, "page download", "li", 0, "•", False),
        (6, "Opening 2020 with 20 Initiatives", "line", 0, "", True),
    ]


def test_korean_dump_with_nested_bullets() -> None:
    dump = "보도자료\n  • 광주소식\n    • 시정소식\n      • 2023년 예산\n  • 인쇄"
    assert [(b.text, b.hint, b.depth) for b in text_blocks(dump)] == [
        ("보도자료", "line", 0), ("광주소식", "li", 0), ("시정소식", "li", 1), ("2023년 예산", "li", 2), ("인쇄", "li", 0)]


def test_other_bullet_glyphs_and_tab_indentation_are_list_items() -> None:
    blocks = text_blocks("● 첫째 항목\n▪ second item\n◦ third\n\t• 탭 들여쓰기\n\t\t• deeper")
    assert [(b.text, b.hint, b.marker, b.depth) for b in blocks] == [
        ("첫째 항목", "li", "•", 0), ("second item", "li", "•", 0), ("third", "li", "•", 0),
        ("탭 들여쓰기", "li", "•", 0), ("deeper", "li", "•", 1)]


def test_bullet_glued_to_its_text_or_inside_a_sentence_is_not_a_list_item() -> None:
    blocks = text_blocks("•item\nThe list • is not a bullet\n- dash lines stay lines")
    assert [(b.text, b.hint) for b in blocks] == [
        ("•item", "line"), ("The list • is not a bullet", "line"), ("- dash lines stay lines", "line")]


def test_spaces_and_tabs_are_collapsed_and_ends_stripped() -> None:
    assert [b.text for b in text_blocks("  광주   광역시\t\t발표  \n\tName :  admin ")] == ["광주 광역시 발표", "Name : admin"]


def test_blank_lines_mark_the_next_block() -> None:
    blocks = text_blocks("제목\n\n\n첫 문단\n둘째 줄\n   \n셋째 문단")
    assert [(b.text, b.blank_before) for b in blocks] == [
        ("제목", True), ("첫 문단", True), ("둘째 줄", False), ("셋째 문단", True)]


def test_an_empty_bullet_is_a_gap_and_keeps_the_blank_line_before_the_next_block() -> None:
    blocks = text_blocks("Title\n\n  • \nNext paragraph")
    assert [(b.line_no, b.text, b.blank_before) for b in blocks] == [(1, "Title", True), (4, "Next paragraph", True)]


def test_line_numbers_count_every_source_line() -> None:
    assert [b.line_no for b in text_blocks("\n\nA\n\nB\nC")] == [3, 5, 6]


def test_empty_and_blank_input_give_no_blocks() -> None:
    assert text_blocks("") == []
    assert text_blocks("\n \n\t\n") == []


def test_collapse_ws_keeps_newlines_inside() -> None:
    assert collapse_ws("  a \t b  ") == "a b"


def test_normalised_nbsp_indentation_is_read_as_a_bullet_level() -> None:
    blocks = text_blocks(normalise_text("\u00a0\u00a0• page print\r\n\u00a0\u00a0\u00a0\u00a0• 인쇄\r\n"))
    assert [(b.text, b.hint, b.depth) for b in blocks] == [("page print", "li", 0), ("인쇄", "li", 1)]


def test_every_seed_splits_into_clean_ordered_blocks() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        blocks = text_blocks(text)
        assert blocks, path.name
        assert [b.line_no for b in blocks] == sorted({b.line_no for b in blocks}), path.name
        lines = text.split("\n")
        for block in blocks:
            assert block.text and block.text == block.text.strip(), path.name
            assert block.text in _squash(lines[block.line_no - 1]), (path.name, block.line_no)


def test_seed_001_bullets_and_metadata_line() -> None:
    text = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    blocks = text_blocks(text)
    assert [(b.text, b.hint) for b in blocks[:3]] == [("News Clips", "line"), ("page print", "li"),
                                                         ("page download", "li")]
    assert "Name : adminDate : 2020-01-20 14:4975" in [b.text for b in blocks]
    assert [b.text for b in blocks if b.hint == "li" and b.text.endswith("]")][:2] == [
        "1.jpg[size: 783.2 KB, Download: 1]", "2.jpg[size: 1.89 MB, Download: 0]"]


# --- properties -----------------------------------------------------------------------------------

LINE_PARTS = st.sampled_from(["광주광역시", "page print", "• ", "  • ", "    • ", "\t", " ", "  ", "목록", "●",
                              "Name : admin", "\u3000", "\x0b", "\n", "\n\n", ".", "2020-01-07"])
DUMPS = st.one_of(st.text(max_size=300), st.lists(LINE_PARTS, max_size=40).map("".join))


@PROPERTY
@given(DUMPS)
def test_text_blocks_never_raises_and_each_block_comes_from_the_input(text: str) -> None:
    blocks = text_blocks(text)
    source = _squash(text)
    line_count = text.count("\n") + 1
    previous = 0
    for block in blocks:
        assert block.text and block.text == block.text.strip()
        assert _squash(block.text) in source
        assert previous < block.line_no <= line_count
        previous = block.line_no
        assert block.hint in ("line", "li") and block.depth >= 0
        assert (block.marker == "•") == (block.hint == "li")


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["광주소식", "News Clips", "2023년 예산안", "page print"])),
                min_size=1, max_size=12))
def test_bullet_depth_follows_indentation(items: list[tuple[int, str]]) -> None:
    dump = "\n".join(f"{'  ' * (level + 1)}• {text}" for level, text in items)
    assert [(b.text, b.depth, b.hint) for b in text_blocks(dump)] == [(text, level, "li") for level, text in items]


def test_block_texts_have_no_runs_of_spaces() -> None:
    for block in text_blocks("a  b\t\tc\n  •   d   e"):
        assert not re.search(r"[ \t]{2}", block.text)
