"""What follows an article inside its region and is not part of it, decided by structure.

A page's main-content box often holds, after the article's own paragraphs, a feed of teasers for
other pages ("Related posts", "Mehr zum Thema", "함께 본 기사"): several sibling boxes of one shape,
each opening with a link to another page (its headline) and a short summary in a block of its own.
The words that label such a feed vary by site and language; its shape does not, so the feed is
found by its shape (recurrence of same-tag items, each led by a link), never by its heading.
"""
from __future__ import annotations

from lxml import etree

from cityclips.transforms.dom import tag_of, text_holder

MIN_FEED_ITEMS = 3  # two link-led boxes can be a 'previous / next' pair; three of one shape are a feed
FEED_ITEM_TAGS = frozenset({"article", "div", "li", "section"})
MAX_TEASER_CHARS = 800  # a teaser is a headline and a summary of a few lines, not a section of the article
FEED_TEXT_SHARE = 0.8  # the feed's items hold (nearly) all of the box's text
MIN_TEASER_LINK_CHARS = 10  # the leading link is a headline ('Read more' alone does not make a teaser)


def _first_text_in_link(item: etree._Element, sizes: dict) -> bool:
    """True when the first visible text of the item sits inside a link with an address (its headline).

    The text may follow a hidden label inside the link ('<a><strong class="sr-only">제목 : </strong>공고번호 ...</a>',
    'Title: ' for screen readers): that text is the link's own, a tail of the hidden element."""
    for piece in item.xpath(".//text()"):
        if not piece.strip():
            continue
        holder = text_holder(piece)
        if holder not in sizes or sizes[holder].order < 0:
            continue  # hidden text (or a script's)
        return _in_link(holder, item)
    return False


def _in_link(el: etree._Element, item: etree._Element) -> bool:
    node = el
    while node is not None:
        if tag_of(node) == "a" and (node.get("href") or "#")[:1] != "#":
            return True
        if node is item:
            return False
        node = node.getparent()
    return False


def _is_teaser(item: etree._Element, sizes: dict) -> bool:
    """A box opening with a link (a headline) and holding text outside it in another block of its own."""
    size = sizes.get(item)
    if size is None or size.order < 0 or not size.links or size.chars > MAX_TEASER_CHARS:
        return False
    if size.link_chars < MIN_TEASER_LINK_CHARS or size.link_chars >= size.chars:
        return False  # all links: a link menu (html_link_menu decides those)
    blocks = [child for child in item if isinstance(child.tag, str) and child in sizes and sizes[child].chars]
    if len(blocks) < 2:
        return False  # '<li><a>Name</a> and what it is</li>': one line of a list, not a headline and a summary
    return _first_text_in_link(item, sizes)


def is_teaser_feed(el: etree._Element, sizes: dict) -> bool:
    """A box whose text is held by three or more sibling teasers of one tag (see _is_teaser)."""
    size = sizes.get(el)
    if size is None or not size.links or size.links < MIN_FEED_ITEMS:
        return False
    by_tag: dict[str, list] = {}
    for child in el:
        tag = tag_of(child)
        if tag in FEED_ITEM_TAGS:
            by_tag.setdefault(tag, []).append(child)
    for items in by_tag.values():
        if len(items) < MIN_FEED_ITEMS:
            continue
        teasers = [item for item in items if _is_teaser(item, sizes)]
        if len(teasers) >= MIN_FEED_ITEMS and sum(sizes[t].chars for t in teasers) >= FEED_TEXT_SHARE * size.chars:
            return True
    return False
