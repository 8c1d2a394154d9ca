"""Round 14 (speed14a): markup's faster paths give what the loops they replace gave (issue 12, output identical).

_named_elements is the one walk the date elements' and the marked path's scans share; _label_kind caches
classify_date_label; the closing date's plain-string test must not miss a date text led by non-ASCII whitespace.
"""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms import markup
from cityclips.transforms.dates import classify_date_label
from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import markup_metadata


def test_named_elements_are_those_with_a_class_id_or_aria_label_at_their_root_iter_position() -> None:
    root = parse_html("<html><body><!-- a comment --><div class='post-date'>2025.06.05</div><p>plain</p>"
                      "<nav aria-label='Breadcrumb'><a id='home' href='/'>홈</a></nav><span class=''>x</span></body></html>")
    positions = {el: n for n, el in enumerate(root.iter())}
    named = markup._named_elements(root)
    assert [(el.tag, classes, ident, label) for _, el, classes, ident, label in named] == [
        ("div", "post-date", "", ""), ("nav", "", "", "Breadcrumb"), ("a", "", "home", "")]
    assert all(positions[el] == n for n, el, *_ in named)


def test_named_elements_stop_after_the_scan_bound() -> None:
    count = markup.MAX_NAMED_SCAN_NODES + 50
    root = parse_html("<html><body>" + "<i class='date'>1</i>" * count + "</body></html>")
    named = markup._named_elements(root)
    assert named and named[-1][0] < markup.MAX_NAMED_SCAN_NODES
    assert len(named) == markup.MAX_NAMED_SCAN_NODES - 2  # html and body take two of the positions


def test_label_kind_is_classify_date_label_for_korean_and_english_labels() -> None:
    markup._LABEL_KINDS.clear()
    for label in ("등록일", "수정일", "행사일시", "촬영일자", "더보기", "Date posted", "Last updated", "Meeting Date",
                  "Share", "Date", ""):
        assert markup._label_kind(label) == classify_date_label(label), label
        assert markup._label_kind(label) == classify_date_label(label), label  # from the cache
    assert markup._LABEL_KINDS["더보기"] is None and markup._LABEL_KINDS["등록일"] == "published"


def _closing(body: str) -> list[datetime]:
    return [d.value for d in markup_metadata(parse_html(f"<html><body>{body}</body></html>")).other_dates]


def test_a_closing_date_led_by_non_ascii_whitespace_is_still_read_korean() -> None:
    # str.split drops U+3000 and U+00A0 as re's \s does: the plain-string test must see the year first as well
    for space in ("\u3000", "\xa0", " \n "):
        assert _closing(f"<p>공고합니다</p><p>{space}2025. 02. 14.</p><p>( 재 ) 환동해산업연구원장</p>") == [datetime(2025, 2, 14)]


def test_a_closing_date_led_by_non_ascii_whitespace_is_still_read_english() -> None:
    for space in ("\xa0", "\u2003", ""):
        assert _closing(f"<p>Notice is given.</p><p>{space}2024-10-16</p><p>Jane Doe, City Clerk</p>") == [
            datetime(2024, 10, 16)]
    assert _closing("<p>Notice is given.</p><p>On 2024-10-16</p><p>Jane Doe, City Clerk</p>") == []


def test_a_breadcrumb_named_in_capitals_or_by_aria_label_is_still_found() -> None:
    for attribute in ("class='BREADCRUMB'", "id='BreadCrumbs'", "aria-label='breadcrumb'"):
        root = parse_html(f"<html><body><ol {attribute}><li><a href='/'>Home</a></li><li><a href='/news'>News</a>"
                          "</li><li>Paxton Sues Snapchat</li></ol><h1>Paxton Sues Snapchat</h1></body></html>")
        assert markup._marked_path(markup._named_elements(root)) == [
            ("Home", False), ("News", False), ("Paxton Sues Snapchat", True)], attribute
