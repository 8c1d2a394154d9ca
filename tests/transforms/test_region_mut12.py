"""transforms/region.py's evidence from names, tags and roles (issue 19, round 12): the words of a class or id, the
weight each kind of word gives, and how tag, role, itemprop, class and id add up. Written for the first mutation
run of region.py; the class words are the documented lists (Korean CMSs name boxes in English too: bbs_view).
"""
from __future__ import annotations

import pytest
from lxml import etree

from cityclips.transforms.region import (CLASS_WEIGHT, ITEMPROP_BODY_WEIGHT, WEAK_CLASS_WEIGHT, Evidence,
                                         _read_attr_weight, _word_start, class_words, evidence)


@pytest.mark.parametrize("value, words", [
    (None, []), ("", []), ("   ", []),
    ("articleBody bbs_view", ["article", "body", "bbs", "view"]),
    ("js-section--has-ads main", ["js", "section", "main"]),  # a modifier ends its token only
    ("layout-with-sidebar", ["layout"]), ("no-sidebar", []), ("box-without-ads", ["box"]),
    ("HTMLContent", ["html", "content"]), ("sidebar2 cont0", ["sidebar", "cont"]),
    ("Has-Title", []),
])
def test_class_words_split_tokens_at_marks_humps_and_digits_and_stop_at_a_modifier(value, words) -> None:
    assert class_words(value) == words


@pytest.mark.parametrize("value, expected", [
    (None, (0.0, False, False, False)), ("x-1", (0.0, False, False, False)),
    ("wrap", (0.0, False, False, False)),
    ("article", (CLASS_WEIGHT, False, False, False)), ("storyline", (CLASS_WEIGHT, False, False, False)),
    ("bbs_view", (CLASS_WEIGHT, False, False, False)),
    ("sidebar", (-CLASS_WEIGHT, True, False, False)), ("relatedPosts", (-CLASS_WEIGHT, True, False, False)),
    ("gnb", (-CLASS_WEIGHT, True, False, False)), ("taboola-feed", (-CLASS_WEIGHT, True, False, False)),
    ("byline", (-WEAK_CLASS_WEIGHT, False, False, True)), ("post-meta", (CLASS_WEIGHT - WEAK_CLASS_WEIGHT, False, False, False)),
    ("content sidebar", (0.0, False, False, False)),  # both: not negative, no weight
    ("header-nav", (-CLASS_WEIGHT, True, False, False)),  # strong beats weak
    ("comment_content", (-CLASS_WEIGHT, True, True, False)), ("article-comments", (-CLASS_WEIGHT, True, True, False)),
    ("disqus_thread", (-CLASS_WEIGHT, True, True, False)), ("commentlist", (-CLASS_WEIGHT, True, True, False)),
    ("replies", (-CLASS_WEIGHT, True, True, False)),
    # a word's start is read at every word, not only the first
    ("wrap contentarea", (CLASS_WEIGHT, False, False, False)), ("wrap subscribeform", (-CLASS_WEIGHT, True, False, False)),
    ("wrap commentlist", (-CLASS_WEIGHT, True, True, False)),
])
def test_a_names_weight_and_what_it_says(value, expected) -> None:
    assert _read_attr_weight(value) == expected


def test_word_starts_are_matched_at_any_word_of_the_joined_list() -> None:
    pattern = _word_start(__import__("re").compile(r"^(related|footer)"))
    assert pattern.search("box relatedposts") and pattern.search("footer2")
    assert not pattern.search("unrelated box") and not pattern.search("box")


def _el(markup: str) -> etree._Element:
    return etree.fromstring(markup)


@pytest.mark.parametrize("markup, tag, expected", [
    ("<div/>", "div", Evidence(5.0, False, False, False)),
    ("<article/>", "article", Evidence(10.0, False, False, False)),
    ("<nav/>", "nav", Evidence(-25.0, True, False, False)),
    ("<header/>", "header", Evidence(-10.0, False, False, True)),
    ("<div role=' MAIN '/>", "div", Evidence(15.0, False, False, False)),
    ("<div role='navigation'/>", "div", Evidence(-20.0, True, False, False)),
    ("<div role='banner'/>", "div", Evidence(-5.0, False, False, False)),
    ("<div itemprop='articleBody text'/>", "div", Evidence(5.0 + ITEMPROP_BODY_WEIGHT, False, False, False)),
    ("<div class='content sidebar'/>", "div", Evidence(5.0, False, False, False)),  # a content name: not negative
    ("<div class='wrap' id='sidebar'/>", "div", Evidence(-20.0, True, False, False)),
    ("<aside class='article'/>", "aside", Evidence(0.0, False, False, False)),
    ("<div class='byline'/>", "div", Evidence(-5.0, False, False, True)),
    ("<div id='author-info'/>", "div", Evidence(-5.0, False, False, True)),
    ("<div class='comments'/>", "div", Evidence(-20.0, True, True, False)),
    ("<div id='reply'/>", "div", Evidence(-20.0, True, True, False)),
    ("<li class='main'/>", "li", Evidence(22.0, False, False, False)),
    ("<section/>", "section", Evidence(0.0, False, False, False)),  # a tag of no weight
    ("<span class='box'/>", "span", Evidence(0.0, False, False, False)),
])
def test_evidence_adds_tag_role_itemprop_class_and_id(markup, tag, expected) -> None:
    cache: dict = {}
    el = _el(markup)
    assert evidence(el, tag, cache) == expected
    assert cache == {el: expected} and evidence(el, tag, cache) is cache[el]  # once per element
