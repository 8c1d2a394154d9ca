"""transforms/limits.py in-process: the work bounds at their edges, flattening tag by tag, and the parse
that keeps deep text. The whole-page behaviour (rejects, load) is in tests/reliability/test_limits.py;
these are the fast unit tests mutation testing runs (mutmut leaves tests/reliability out).
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree

from cityclips.transforms.limits import (DEEP_NESTING_RULE, FLATTENED_ATTRIBUTE, MAX_KEPT_DEPTH, OverLimit, WorkLimits,
                                         check_lines, check_nodes, flatten_deep_nesting, flattening_record,
                                         parse_keeping_deep_text)

LIBXML2_DEPTH = 2_048  # where libxml2 gives up on nesting and drops the rest of the page


def _root(elements: int) -> etree._Element:
    """A parsed page of exactly `elements` elements (html, body and the rest as <p>)."""
    return etree.fromstring("<html><body>" + "<p>x</p>" * (elements - 2) + "</body></html>", etree.HTMLParser())


# --- check_nodes / check_lines: the bound itself passes, one more is a named reject ----------------------

def test_a_page_of_exactly_max_nodes_passes_and_one_more_is_over():
    check_nodes(_root(12), WorkLimits(max_nodes=12))
    with pytest.raises(OverLimit) as over:
        check_nodes(_root(13), WorkLimits(max_nodes=12))
    assert over.value.reason == "too_many_nodes"
    assert over.value.detail == "13 HTML elements is over the 12-element page limit" == str(over.value)


def test_node_counts_are_printed_with_thousands_separators():
    with pytest.raises(OverLimit) as over:
        check_nodes(_root(1_002), WorkLimits(max_nodes=1_000))
    assert over.value.detail == "1,002 HTML elements is over the 1,000-element page limit"


def test_no_root_has_no_nodes_to_count():
    check_nodes(None, WorkLimits(max_nodes=0))  # nothing parsed: the decode stage names that failure


def test_a_page_of_exactly_max_lines_passes_and_one_more_is_over():
    check_lines(3, WorkLimits(max_lines=3))
    with pytest.raises(OverLimit) as over:
        check_lines(10_001, WorkLimits(max_lines=3))
    assert over.value.reason == "too_many_lines"
    assert over.value.detail == "10,001 lines is over the 3-line page limit" == str(over.value)
    with pytest.raises(OverLimit):
        check_lines(4, WorkLimits(max_lines=3))


def test_the_default_bounds_are_the_documented_constants():
    assert WorkLimits() == WorkLimits(max_nodes=100_000, max_lines=10_000)


# --- flatten_deep_nesting: what nests, what is dropped, what is passed over ------------------------------

def test_only_tags_past_the_depth_are_dropped_and_their_end_tags_with_them():
    flat, dropped = flatten_deep_nesting("<div><section><p>text</p></section></div>", 2)
    assert flat == "<div><section>text</section></div>"
    assert dropped == Counter({"p": 1})


def test_a_page_within_the_depth_comes_back_unchanged():
    html = "<div><ul><li>one<li>two</ul><p>three</p></div>"
    assert flatten_deep_nesting(html, 3) == (html, Counter())


def test_void_elements_do_not_nest():
    flat, dropped = flatten_deep_nesting("<div><br><img src=a><hr><input><span>kept</span></div>", 2)
    assert flat == "<div><br><img src=a><hr><input><span>kept</span></div>" and not dropped


def test_a_start_tag_closes_its_open_sibling():
    # five <li> without end tags are siblings (depth 2), not five levels; a sixth level would be dropped
    html = "<ul>" + "<li>item" * 5 + "</ul>"
    assert flatten_deep_nesting(html, 2) == (html, Counter())
    html = "<table><tr><td>a<td>b<tr><td>c</table>"
    assert flatten_deep_nesting(html, 3) == (html, Counter())


def test_an_end_tag_closes_everything_opened_below_it():
    # the unclosed <b> is closed by </div>: the next <i> is back at depth 2, kept
    html = "<div><b>bold</div><div><i>kept</i></div>"
    assert flatten_deep_nesting(html, 2) == (html, Counter())


def test_a_stray_end_tag_is_ignored_and_kept():
    html = "<div>text</span>more</div>"
    assert flatten_deep_nesting(html, 1) == (html, Counter())


def test_the_scan_goes_on_after_a_stray_end_tag():
    # a stray end tag with nothing open, and one with an element open: both are passed over, and the
    # nesting after them is still counted and flattened
    flat, dropped = flatten_deep_nesting("</p><div>a</b><div><div>deep</div></div></div>", 1)
    assert flat == "</p><div>a</b>deep</div>" and dropped == Counter({"div": 2})


def test_the_scan_goes_on_after_a_comment_a_raw_text_element_and_a_void_element():
    # each is passed over, never the end of the scan: the nesting after them is still flattened
    for lead in ("<!-- a comment -->", "<script>var a = 1;</script>", "<br>"):
        flat, dropped = flatten_deep_nesting(lead + "<div><div>deep</div></div>", 1)
        assert flat == lead + "<div>deep</div>" and dropped == Counter({"div": 1}), lead


def test_tag_names_are_matched_case_insensitively_and_counted_lower_case():
    flat, dropped = flatten_deep_nesting("<DIV><Div><P>x</p></DIV></div>", 1)
    assert flat == "<DIV>x</div>"
    assert dropped == Counter({"div": 1, "p": 1})


def test_comments_and_raw_text_are_passed_over_whole():
    html = "<div><!-- <div><div> --><script>if (a<div) {}</script><style>div>p{}</style>x</div>"
    assert flatten_deep_nesting(html, 1) == (html, Counter())


def test_an_unclosed_comment_at_the_end_stays_as_it_is():
    html = "<div><div>text<!-- <div> never closed"
    flat, dropped = flatten_deep_nesting(html, 1)
    assert flat == "<div>text<!-- <div> never closed" and dropped == Counter({"div": 1})


def test_text_between_dropped_tags_is_kept_in_order():
    flat, dropped = flatten_deep_nesting("<a>1<b>2<c>3</c>4</b>5</a>6", 1)
    assert flat == "<a>12345</a>6"
    assert dropped == Counter({"b": 1, "c": 1})


def test_the_first_tag_is_kept_at_depth_one():
    assert flatten_deep_nesting("<p>only</p>", 1) == ("<p>only</p>", Counter())
    assert flatten_deep_nesting("<p>only</p>", 0) == ("only", Counter({"p": 1}))


def test_sibling_closing_frees_the_depth_of_a_dropped_sibling():
    # at depth 1, the first <li> (depth 2) is dropped; the second closes it and is dropped too, as its own
    flat, dropped = flatten_deep_nesting("<ul><li>a<li>b</ul>", 1)
    assert flat == "<ul>ab</ul>" and dropped == Counter({"li": 2})


# --- parse_keeping_deep_text and its record --------------------------------------------------------------

def _deep(depth: int) -> str:
    return ("<html><body><p>before</p>" + "<div>" * depth + "<p>deepest</p>" + "</div>" * depth
            + "<p>after the deep part</p></body></html>")


def test_a_page_past_libxml2s_depth_keeps_its_text_after_the_deep_point():
    root = parse_keeping_deep_text(_deep(LIBXML2_DEPTH + 500))
    text = "".join(root.itertext())
    assert "deepest" in text and "after the deep part" in text
    note = root.get(FLATTENED_ATTRIBUTE)
    assert note.startswith(f"{LIBXML2_DEPTH + 500 - MAX_KEPT_DEPTH + 3:,} elements nested deeper than "
                           f"{MAX_KEPT_DEPTH:,} levels lost their tags, not their text (div x")
    (record,) = flattening_record(root)
    assert (record.text, record.rule) == (note, DEEP_NESTING_RULE) and DEEP_NESTING_RULE == "deep_nesting"


def test_the_note_names_the_five_commonest_dropped_tags_with_their_counts():
    # seven tag names nest in turn past libxml2's depth: the note names five, commonest first, comma-separated
    names = ["div", "section", "span", "em", "b", "i", "u"]
    depth = LIBXML2_DEPTH + 700
    opened = [names[i % len(names)] for i in range(depth)]
    html = ("<html><body>" + "".join(f"<{n}>" for n in opened) + "deepest"
            + "".join(f"</{n}>" for n in reversed(opened)) + "<p>after</p></body></html>")
    root = parse_keeping_deep_text(html)
    note = root.get(FLATTENED_ATTRIBUTE)
    listed = note[note.index("(") + 1:note.rindex(")")].split(", ")
    assert len(listed) == 5 and all(re.fullmatch(r"[a-z]+ x[0-9,]+", item) for item in listed), note
    counts = [int(item.split(" x")[1].replace(",", "")) for item in listed]
    assert counts == sorted(counts, reverse=True) and sum(counts) < depth - MAX_KEPT_DEPTH
    assert "after" in "".join(root.itertext())


def test_the_record_is_line_zero_of_the_page():
    # the note is about the page as a whole: it sorts before the page's first line in the boilerplate table
    (record,) = flattening_record(parse_keeping_deep_text(_deep(LIBXML2_DEPTH + 10)))
    assert record.line_no == 0


def test_without_flattening_libxml2_would_lose_that_text():
    # the reason the module exists, pinned: a plain parse of the same page drops what follows the deep point
    parser = etree.HTMLParser(huge_tree=True)
    root = etree.fromstring(_deep(LIBXML2_DEPTH + 500), parser)
    assert "after the deep part" not in "".join(root.itertext())
    assert any("Excessive depth" in entry.message for entry in parser.error_log)


def test_a_page_of_ordinary_depth_is_parsed_as_it_is_with_no_record():
    root = parse_keeping_deep_text(_deep(300))
    assert root.get(FLATTENED_ATTRIBUTE) is None and flattening_record(root) == []
    assert len(root.xpath("//div")) == 300


def test_a_huge_text_node_is_parsed_whole():
    # huge_tree: libxml2 otherwise stops at a 10 MB text node
    root = parse_keeping_deep_text("<html><body><p>" + "a" * 11_000_000 + "</p><p>end</p></body></html>")
    assert root.xpath("string(//p[2])") == "end"


def test_text_with_no_markup_raises_what_lxml_raises():
    with pytest.raises(etree.ParserError, match="^Document is empty$"):
        parse_keeping_deep_text("")


def test_no_root_gives_no_record():
    assert flattening_record(None) == []
