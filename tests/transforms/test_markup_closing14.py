"""A notice's closing date written after a link or a script in its box is the notice's text, not the link's
(markup._read_closing_date: a tail text's holder is its element's parent; round 14, found by speed14a)."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import markup_metadata


def _closing(body: str) -> list[datetime]:
    return [d.value for d in markup_metadata(parse_html(f"<html><body>{body}</body></html>")).other_dates]


def test_a_closing_date_after_a_link_in_its_box_is_read_korean() -> None:
    assert _closing("<p>공고합니다</p><p><a href='/file'>붙임</a>2025. 02. 14.</p><p>( 재 ) 환동해산업연구원장</p>") == [
        datetime(2025, 2, 14)]


def test_a_closing_date_after_a_script_in_its_box_is_read_english() -> None:
    assert _closing("<p>Notice is given.</p><div><script>var x = 1;</script>2024-10-16</div>"
                    "<p>Jane Doe, City Clerk</p>") == [datetime(2024, 10, 16)]


def test_a_date_inside_a_link_is_still_no_closing_date() -> None:
    assert _closing("<p>Notice is given.</p><p><a href='/n/1'>2024-10-16</a></p><p>Jane Doe, City Clerk</p>") == []
    assert _closing("<p>공고합니다</p><p><a href='/n/1'>2025. 02. 14.</a></p><p>( 재 ) 환동해산업연구원장</p>") == []
