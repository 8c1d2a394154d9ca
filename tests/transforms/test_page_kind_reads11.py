"""page_kind's neighbour-label reader after its first-character check: the labels are still found in Korean and
English pages, whether the page's text is Latin-1 or not, and pages that hold only the labels' first characters
show none."""
from __future__ import annotations

from cityclips.transforms.html import parse_html
from cityclips.transforms.page_kind import _neighbour_words, has_neighbour_links


def _page(body: str):
    return parse_html(f"<html><body><div><p>{body}</p></div></body></html>")


def test_korean_labels_are_found_beside_latin_text():
    root = _page("본문 “quoted” 내용</p><ul><li><span>이전글</span> <a href='/v?id=1'>지난 공지</a></li>"
                 "<li><span>다음글</span> <a href='/v?id=3'>다음 공지</a></li></ul><p>끝")
    assert has_neighbour_links(root)
    assert _neighbour_words("본문 이전글 지난 공지 다음글") == ["이전", "다음"]


def test_english_labels_are_found_in_a_text_that_is_not_latin_1():
    root = _page("The council met — and voted.</p><div><a href='/news/prev'>Previous post</a> "
                 "<a href='/news/next'>Next post</a></div><p>End")
    assert has_neighbour_links(root)
    assert _neighbour_words("it was “fine” — Next post: prev article") == ["Next", "prev"]


def test_first_characters_alone_are_no_label():
    assert _neighbour_words("이 사업은 다른 아이 윗부분 — previously, nextdoor") == []
    assert not has_neighbour_links(_page("이 사업은 다른 아이디어를 다룹니다 — “next” time"))
