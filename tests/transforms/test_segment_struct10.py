"""Round 10 (struct10): typed markers that make no list, Korean and English."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def segments(lines: list[tuple[str, str, str]], title: str = "공지") -> list[tuple[str, str]]:
    """lines: (hint, text, dom path) of body blocks; the (kind, text) of each segment but the title."""
    body = tuple(Block(i, text, hint, 0, "", i == 1, dom_path=path) for i, (hint, text, path) in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


LAYOUT_ITEM = "div.panViewArea/ul.viewInfo/li.txt"  # a notice typed into one item of a layout list


def test_lines_of_a_layout_item_are_paragraphs_as_typed_korean() -> None:
    got = segments([("p", "▣ 은행연합회 자율규제 개정 공고", LAYOUT_ITEM), ("p", "□ 개정 이유", LAYOUT_ITEM),
                    ("p", "- 의견청취 기간 : ’24. 10. 16.(수) ~ ’24. 11. 4.(월)", LAYOUT_ITEM),
                    ("p", "가. 규정 개정 사항에 대한 의견", LAYOUT_ITEM)])
    assert got == [("paragraph", "▣ 은행연합회 자율규제 개정 공고"), ("paragraph", "□ 개정 이유"),
                   ("paragraph", "- 의견청취 기간 : ’24. 10. 16.(수) ~ ’24. 11. 4.(월)"),
                   ("paragraph", "가. 규정 개정 사항에 대한 의견")]


def test_lines_of_a_layout_item_are_paragraphs_as_typed_english() -> None:
    got = segments([("p", "■ Notice of a rule change", LAYOUT_ITEM), ("p", "1. Comment period: Oct 16 to Nov 4", LAYOUT_ITEM),
                    ("p", "- Send comments to the clerk", LAYOUT_ITEM)], title="Notice")
    assert got == [("paragraph", "■ Notice of a rule change"), ("paragraph", "1. Comment period: Oct 16 to Nov 4"),
                   ("paragraph", "- Send comments to the clerk")]


def test_the_same_lines_in_a_box_stay_a_list_and_a_heading() -> None:
    """The rule reads the item's path: typed lines in a <div> (a job post's '-' lines) are still a list."""
    got = segments([("p", "□ 개정 이유", "div.view"), ("p", "- 직종 : 사무보조", "div.view"),
                    ("p", "- Send comments to the clerk", "div.view/p")])
    assert got == [("heading", "개정 이유"), ("list_item", "직종 : 사무보조"), ("list_item", "Send comments to the clerk")]


def test_a_typed_jamo_o_is_the_circle_marker_korean() -> None:
    """'ㅇ 사업 목적 : ...': notices type the jamo 'ㅇ' for '○' (as a Latin 'o'); one family with it, under '□'."""
    body = tuple(Block(i, text, "p", 0, "", True, dom_path="div.bbsCon/p") for i, text in enumerate(
        ["□ 모집 안내", "ㅇ 사업 목적 : 수출위기 대응 긴급 지원", "○ 모집규모 : 약 100개사", "- 홈페이지 게시판 온라인 문의",
         "ㅇ안건"], 1))
    page = CleanPage("page.html", "html", Metadata(title="공고"), body, (), ())
    got = [(s.kind, s.marker, s.depth, s.text) for s in segment_page(page) if s.kind != "title"]
    assert got == [("heading", "", 0, "모집 안내"), ("list_item", "ㅇ", 0, "사업 목적 : 수출위기 대응 긴급 지원"),
                   ("list_item", "○", 0, "모집규모 : 약 100개사"), ("list_item", "-", 1, "홈페이지 게시판 온라인 문의"),
                   ("paragraph", "", 0, "ㅇ안건")]  # a jamo before a word with no space is the word's own letter


def test_a_black_square_is_a_bullet_not_a_heading_mark_korean_and_english() -> None:
    got = segments([("p", "■모집기간 : 2025.6.18.(수)~6.24.(화)", "div.view/p"), ("p", "■ 대연캠퍼스", "div.view/p"),
                    ("p", "■ Registration opens June 18", "div.view/p"), ("p", "□ 추진 배경", "div.view/p"),
                    ("p", "시는 4일 캠페인을 열었다.", "div.view/p")])
    assert got == [("list_item", "모집기간 : 2025.6.18.(수)~6.24.(화)"), ("list_item", "대연캠퍼스"),
                   ("list_item", "Registration opens June 18"), ("heading", "추진 배경"),
                   ("paragraph", "시는 4일 캠페인을 열었다.")]


def test_a_hangul_ordinal_exported_with_a_space_before_its_full_stop_is_a_marker_korean() -> None:
    """'가 . ( 사업명 ) ...': a notice exported from a word processor spaces the mark; one family with '가.'."""
    got = [(s.kind, s.marker, s.depth, s.text) for s in segment_page(CleanPage(
        "page.html", "html", Metadata(title="공고"), tuple(Block(i, text, "p", 0, "", True, dom_path="td/p") for i, text in
                                                       enumerate(["가 . ( 사 업 명 ) 일자리사업", "- 리프레쉬존 개선",
                                                                  "나. ( 사업기간 ) 사업 선정 ~2025. 10. 31."], 1)), (), ()))
        if s.kind != "title"]
    assert got == [("list_item", "가 .", 0, "( 사 업 명 ) 일자리사업"), ("list_item", "-", 1, "리프레쉬존 개선"),
                   ("list_item", "나.", 0, "( 사업기간 ) 사업 선정 ~2025. 10. 31.")]
