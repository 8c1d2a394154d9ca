"""Round 9's speed caches (issue 12) answer what the functions they stand before answer, and stay bounded.

region._attr_weight remembers what a class or id value says (region._read_attr_weight reads it);
markup._names_a_date remembers whether a class-and-id string names a date. Both are emptied past
their bound, so a long run holds at most that many names.
"""
from __future__ import annotations

import pytest

from cityclips.transforms import markup, region

NAMES = ["articleBody", "article-comments", "comment_content", "sidebar2 widget", "entry-meta byline", "bbs_view",
         "section--has-ads", "HEADER", "menu gnb", "", None, "본문 content", "İnfo"]


@pytest.mark.parametrize("value", NAMES)
def test_attr_weight_answers_what_reading_the_name_says_first_and_second_time(value) -> None:
    region._ATTR_WEIGHTS.clear()
    read = region._read_attr_weight(value)
    assert region._attr_weight(value) == read  # computed and stored
    assert region._attr_weight(value) == read  # from the cache
    assert region._ATTR_WEIGHTS[value] == read


def test_attr_weight_reads_content_chrome_and_comment_names() -> None:
    assert region._attr_weight("articleBody")[0] > 0  # content (a camelCase word: 'article', 'body')
    assert region._attr_weight("sidebar2")[1] is True  # chrome by prefix ('sidebar' + a digit)
    assert region._attr_weight("commentlist")[2] is True  # comments by prefix
    assert region._attr_weight("post-content-relatedposts")[:2] == (0.0, False)  # content and chrome: cancel out


@pytest.mark.parametrize(("words", "names"), [
    # "İnfo": the case-insensitive class takes U+0130 for an ASCII i
    ("post-date ", True), ("ENTRY-DATE ", True), (" time-stamp", True), ("menu nav", False), ("entry-meta ", True),
    ("metadata ", False), ("게시일 updated", True), ("İnfo box", True), ("UPDAT ", True)])
def test_names_a_date_answers_what_the_date_class_says(words: str, names: bool) -> None:
    markup._DATE_NAMES.clear()
    assert markup._names_a_date(words) is names
    assert markup._names_a_date(words) is names  # from the cache
    assert bool(markup._DATE_CLASS.search(words)) is names


def test_caches_are_emptied_past_their_bound(monkeypatch) -> None:
    monkeypatch.setattr(region, "MAX_ATTR_WEIGHTS", 3)
    monkeypatch.setattr(markup, "MAX_DATE_NAMES", 3)
    region._ATTR_WEIGHTS.clear()
    markup._DATE_NAMES.clear()
    for n in range(20):
        region._attr_weight(f"box{n} content")
        markup._names_a_date(f"box{n} date")
    assert len(region._ATTR_WEIGHTS) <= 4 and len(markup._DATE_NAMES) <= 4
    assert region._attr_weight("box19 content") == region._read_attr_weight("box19 content")
