"""transforms/tails.py at each bound and branch (issue 19, mutation survivors).

The sizes are made by hand (dom.Size per element), so each test puts one measure exactly at a
bound (800 characters, a 10-character headline, three items, an 80 % share) or leaves one element
out, and the feed and teaser decisions are checked on both sides of it.
"""
from __future__ import annotations

from lxml import etree

from cityclips.transforms.dom import Size
from cityclips.transforms.tails import (FEED_TEXT_SHARE, MAX_TEASER_CHARS, MIN_FEED_ITEMS, MIN_TEASER_LINK_CHARS,
                                        _first_text_in_link, _in_link, _is_teaser, is_teaser_feed)

TEASER = "<div><a href='/news/1'>Headline</a><p>Summary</p></div>"


def _teaser_sizes(item: etree._Element, chars: int = 100, link_chars: int = 20, links: int = 1,
                  order: int = 3) -> dict:
    """Sizes for '<div><a>headline</a><p>summary</p></div>': the box, its link and its summary."""
    link, summary = item[0], item[1]
    return {item: Size(chars=chars, link_chars=link_chars, links=links, order=order),
            link: Size(chars=link_chars, link_chars=link_chars, links=1, order=order + 1),
            summary: Size(chars=chars - link_chars, order=order + 2)}


def test_the_bounds_and_constants_are_as_documented() -> None:
    assert (MIN_FEED_ITEMS, MAX_TEASER_CHARS, FEED_TEXT_SHARE, MIN_TEASER_LINK_CHARS) == (3, 800, 0.8, 10)


def test_a_headline_and_a_summary_make_a_teaser() -> None:
    item = etree.fromstring(TEASER)
    assert _is_teaser(item, _teaser_sizes(item))


def test_a_teaser_may_be_the_first_element_of_the_document() -> None:
    item = etree.fromstring(TEASER)
    sizes = _teaser_sizes(item, order=0)
    sizes[item[0]].order = 0  # even its link: order 0 is visible, only -1 is hidden
    assert _is_teaser(item, sizes)
    assert _first_text_in_link(item, sizes)


def test_a_hidden_or_unmeasured_box_is_no_teaser() -> None:
    item = etree.fromstring(TEASER)
    assert not _is_teaser(item, _teaser_sizes(item, order=-1))
    sizes = _teaser_sizes(item)
    del sizes[item]
    assert not _is_teaser(item, sizes)


def test_a_box_without_links_is_no_teaser() -> None:
    item = etree.fromstring(TEASER)
    assert not _is_teaser(item, _teaser_sizes(item, links=0))


def test_a_teaser_holds_at_most_800_characters() -> None:
    item = etree.fromstring(TEASER)
    assert _is_teaser(item, _teaser_sizes(item, chars=MAX_TEASER_CHARS))
    assert not _is_teaser(item, _teaser_sizes(item, chars=MAX_TEASER_CHARS + 1))


def test_the_headline_holds_at_least_10_characters() -> None:
    item = etree.fromstring(TEASER)
    assert _is_teaser(item, _teaser_sizes(item, link_chars=MIN_TEASER_LINK_CHARS))
    assert not _is_teaser(item, _teaser_sizes(item, link_chars=MIN_TEASER_LINK_CHARS - 1))


def test_a_box_of_links_only_is_a_link_menu_not_a_teaser() -> None:
    item = etree.fromstring(TEASER)
    assert not _is_teaser(item, _teaser_sizes(item, chars=40, link_chars=40))
    sizes = _teaser_sizes(item, chars=40, link_chars=40)
    sizes[item[1]].chars = 5  # even with a second block: the links hold all of the box's text
    assert not _is_teaser(item, sizes)
    assert _is_teaser(item, _teaser_sizes(item, chars=41, link_chars=40))


def test_a_teaser_needs_two_blocks_with_text() -> None:
    # the link, and a summary box that holds no text or was not measured: one block only
    item = etree.fromstring("<div><a href='/n/1'>Headline</a> a summary in the tail<span/></div>")
    link, span = item[0], item[1]
    sizes = {item: Size(chars=100, link_chars=20, links=1, order=3),
             link: Size(chars=20, link_chars=20, links=1, order=4)}
    assert not _is_teaser(item, sizes)  # the span has no size
    sizes[span] = Size(chars=0, order=5)
    assert not _is_teaser(item, sizes)  # the span holds no text
    sizes[span] = Size(chars=1, order=5)
    assert _is_teaser(item, sizes)  # exactly two blocks


def test_a_comment_is_no_block() -> None:
    item = etree.fromstring("<div><a href='/n/1'>Headline</a><!-- summary -->tail</div>")
    sizes = {item: Size(chars=100, link_chars=20, links=1, order=3),
             item[0]: Size(chars=20, link_chars=20, links=1, order=4)}
    assert not _is_teaser(item, sizes)


def test_the_first_visible_text_decides_and_hidden_text_is_skipped() -> None:
    item = etree.fromstring("<div><span>hidden</span><span> </span><a href='/n/1'>Headline</a><p>Summary</p></div>")
    hidden, blank, link, summary = item
    sizes = {item: Size(chars=100, order=3), hidden: Size(order=-1), blank: Size(order=4),
             link: Size(chars=20, order=5), summary: Size(chars=80, order=6)}
    assert _first_text_in_link(item, sizes)
    del sizes[hidden]  # unmeasured is skipped too
    assert _first_text_in_link(item, sizes)
    sizes[hidden] = Size(order=4)  # now visible: its text comes first and is no link
    assert not _first_text_in_link(item, sizes)


def test_text_before_the_link_means_no_headline() -> None:
    item = etree.fromstring("<div><p>Summary first</p><a href='/n/1'>Headline</a></div>")
    sizes = {item: Size(chars=100, order=3), item[0]: Size(chars=80, order=4), item[1]: Size(chars=20, order=5)}
    assert not _first_text_in_link(item, sizes)


def test_a_box_without_text_has_no_headline() -> None:
    item = etree.fromstring("<div><span/><a href='/n/1'/></div>")
    sizes = {item: Size(order=3), item[0]: Size(order=4), item[1]: Size(order=5)}
    assert not _first_text_in_link(item, sizes)


def test_text_nested_in_a_link_is_in_the_link() -> None:
    item = etree.fromstring("<div><h3><a href='/n/1'><b>Headline</b></a></h3><p>Summary</p></div>")
    bold = item.find(".//b")
    assert _in_link(bold, item)
    sizes = {el: Size(chars=10, order=i + 3) for i, el in enumerate(item.iter())}
    assert _first_text_in_link(item, sizes)


def test_a_link_around_the_item_is_not_its_headline() -> None:
    page = etree.fromstring("<a href='/all'><div><b>Headline</b><p>Summary</p></div></a>")
    item = page[0]
    sizes = {el: Size(chars=10, order=i + 1) for i, el in enumerate(item.iter())}
    assert not _first_text_in_link(item, sizes)


def test_a_link_without_an_address_or_to_an_anchor_is_no_headline() -> None:
    for anchor in ("<a>", "<a href=''>", "<a href='#'>", "<a href='#top'>"):
        item = etree.fromstring(f"<div>{anchor}<b>Headline</b></a><p>Summary</p></div>")
        assert not _in_link(item.find(".//b"), item), anchor
        assert not _in_link(item[0], item), anchor
    item = etree.fromstring("<div><A href='/n/1'>Headline</A></div>")
    assert _in_link(item[0], item)  # the tag is read in lower case
    item = etree.fromstring("<div><span href='/n/1'>Headline</span></div>")
    assert not _in_link(item[0], item)  # an address on another tag makes no link


def test_a_link_above_the_item_does_not_count() -> None:
    page = etree.fromstring("<a href='/all'><div><b>Headline</b></div></a>")
    item = page[0]
    assert not _in_link(item[0], item)
    loose = etree.fromstring("<section><div><b>Headline</b></div></section>")
    other = etree.fromstring("<div/>")  # an item that is no ancestor: the walk ends past the root
    assert _in_link(loose[0][0], other) is False


# --- is_teaser_feed ----------------------------------------------------------------------------------


def _feed(tags: list[str], teasers: int | None = None, item_chars: int = 100, box_chars: int | None = None,
          box_links: int | None = None) -> tuple[etree._Element, dict]:
    """A box of items (one per tag): the first `teasers` are teasers (all when None), the others plain boxes."""
    box = etree.fromstring("<div>" + "".join(f"<{t}><a href='/n/{i}'>Headline</a><p>Summary</p></{t}>"
                                             for i, t in enumerate(tags)) + "</div>")
    teasers = len(tags) if teasers is None else teasers
    sizes: dict = {}
    for i, item in enumerate(box):
        order = 1 + 3 * i
        if i < teasers:
            sizes.update(_teaser_sizes(item, chars=item_chars, order=order))
        else:  # no link: no teaser
            sizes[item] = Size(chars=item_chars, order=order)
    total = item_chars * len(tags) if box_chars is None else box_chars
    sizes[box] = Size(chars=total, links=teasers if box_links is None else box_links, link_chars=20 * teasers, order=0)
    return box, sizes


def test_three_teasers_of_one_tag_are_a_feed() -> None:
    box, sizes = _feed(["div"] * 3)
    assert is_teaser_feed(box, sizes)
    for tag in ("article", "li", "section"):
        assert is_teaser_feed(*_feed([tag] * 3)), tag


def test_two_teasers_are_no_feed() -> None:
    assert not is_teaser_feed(*_feed(["div"] * 2, box_links=3))
    assert not is_teaser_feed(*_feed(["div"] * 3, teasers=2, box_links=3, box_chars=200))  # though 200 of 200 chars


def test_other_tags_are_no_feed_items() -> None:
    assert not is_teaser_feed(*_feed(["p"] * 3))
    assert not is_teaser_feed(*_feed(["span"] * 4))


def test_a_box_with_fewer_than_three_links_is_no_feed() -> None:
    assert not is_teaser_feed(*_feed(["div"] * 3, box_links=2))
    assert not is_teaser_feed(*_feed(["div"] * 3, box_links=0))
    assert is_teaser_feed(*_feed(["div"] * 3, box_links=MIN_FEED_ITEMS))


def test_an_unmeasured_box_is_no_feed() -> None:
    box, sizes = _feed(["div"] * 3)
    del sizes[box]
    assert not is_teaser_feed(box, sizes)


def test_the_items_are_grouped_by_tag_and_each_group_is_tried() -> None:
    # two divs first (too few), then three articles: the articles are the feed
    box, sizes = _feed(["div", "div", "article", "article", "article"], box_chars=300)
    assert is_teaser_feed(box, sizes)
    # mixed tags, none three times: no feed though there are five teasers
    assert not is_teaser_feed(*_feed(["div", "div", "article", "article", "li"]))


def test_the_teasers_hold_at_least_80_percent_of_the_box_text() -> None:
    assert is_teaser_feed(*_feed(["div"] * 3, item_chars=80, box_chars=300))  # 240 of 300: exactly 80 %
    assert not is_teaser_feed(*_feed(["div"] * 3, item_chars=80, box_chars=301))
    assert not is_teaser_feed(*_feed(["div"] * 3, item_chars=10, box_chars=1000))


def test_only_the_teasers_text_counts_toward_the_share() -> None:
    # three teasers and a long plain box of the same tag: 300 of 1300 characters
    assert not is_teaser_feed(*_feed(["div"] * 4, teasers=3, box_chars=1300))
    assert is_teaser_feed(*_feed(["div"] * 4, teasers=3, box_chars=375))  # 300 of 375: 80 %
