"""Measurements of a parsed HTML page that the region and block stages share.

One bottom-up pass gives every element its visible text sizes (characters, links, punctuation),
the text of its own paragraph (text not inside a block child) and its prose score; hidden
elements count for nothing. Nothing here changes the tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# Text nobody sees on the page. script/style keep their own rule names (html_script, html_style).
SCRIPT_TAGS = frozenset({"script", "style"})
HIDDEN_TAGS = frozenset({"template", "noscript"})
INVISIBLE_TAGS = SCRIPT_TAGS | HIDDEN_TAGS
# Class tokens of screen-reader-only or hidden text ('blind' is the Korean CMSs' name for it, also as
# 'is_blind'). A token must be the name or end with it: Bootstrap's 'hidden-xs' is visible on a
# desktop screen and 'overflow-hidden' is a layout rule, so neither counts.
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:\S*[-_])?(?:blind|sr-only|sr_only|screen-reader-text|screen-reader-only|"
                          r"screen_out|screen-out|visually-?hidden|a11y-hidden|offscreen|invisible|ir_pm)(?=\s|$)|"
                          r"(?:^|\s)(?:is[-_]|u-)?(?:hide|hidden)(?=\s|$)", re.IGNORECASE)
MAX_SKIP_BOX_CHARS = 120  # 'Skip to content Skip to navigation Skip to footer' and a heading
_HIDDEN_HINTS = ("blind", "sr-", "sr_", "screen", "hid", "invisible", "offscreen", "ir_pm")
_HIDDEN_HINT = re.compile("|".join(map(re.escape, _HIDDEN_HINTS)))  # any of them, in one C-level search
# Skip links ('본문 바로가기', 'Skip to content') sit off-screen until focused: 'skip', 'skipNavi', 'skip_menu'.
SKIP_NAME = re.compile(r"(?:^|[\s_-])[Ss]kip(?:[A-Z_-]|[Nn]av|[Mm]enu|[Ll]ink|[Tt]o|\s|$)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Elements whose text runs on inside the surrounding paragraph.
INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn", "em", "font",
                         "i", "img", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
                         "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"})
# Commas and sentence ends: the punctuation of prose (readability counts commas; Korean prose has
# few commas but ends every sentence with a full stop).
_PUNCT = re.compile(r"[,;，、]|[.!?。！？](?=[\s\"'”’)\]]|$)")
MIN_UNIT_WEIGHT = 25  # a paragraph shorter than this (weighted chars) is a label, not prose (readability's 25)
UNIT_LENGTH_STEP = 100  # one point per 100 weighted chars ...
UNIT_LENGTH_POINTS = 3  # ... up to three (readability)
MAX_UNIT_PUNCT = 12  # a run of dates or a CSV line is not twelve sentences' worth of prose
UNIT_MAX_LINK_SHARE = 0.5  # a paragraph whose text is mostly link text is a link line, not prose
_DIGITS = re.compile(r"\d+")


# The string value of an element (its text and its descendants', comments left out): what lxml.html's
# HtmlElement.text_content() returns, for any element (the parser builds plain lxml elements, see limits.py).
_STRING_VALUE = etree.XPath("string()", smart_strings=False)


def text_content(el: etree._Element) -> str:
    """All the text inside an element, as lxml.html's text_content() gives it."""
    return _STRING_VALUE(el)


def tag_of(el: etree._Element) -> str:
    """The element's lower-case tag, '' for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else ""


def declared_role(el: etree._Element | None, script_role: bool = False) -> str:
    """The role an element declares, stripped and lower-cased ('' for none): ARIA's 'role'; with
    script_role, else the 'data-role' a site's script reads ('<ul data-role="table">')."""
    if el is None:
        return ""
    role = el.get("role")
    if script_role and not role:
        role = el.get("data-role")
    return role.strip().lower() if role else ""


def text_holder(piece) -> etree._Element:
    """The element a text node (an item of xpath('.//text()')) belongs to: its parent, or for a tail
    ('<a>x</a>, ') the parent of the element it follows."""
    return piece.getparent().getparent() if piece.is_tail else piece.getparent()


def enclosing_tag(node: etree._Element | None, tags: frozenset[str] | set[str], stop: etree._Element | None) -> str:
    """The tag of the nearest element from node up to stop (stop itself not read) whose tag is in tags;
    '' when none is ('is this text inside a link of el?', 'which heading holds it?')."""
    while node is not None and node is not stop:
        tag = tag_of(node)
        if tag in tags:
            return tag
        node = node.getparent()
    return ""


def remembered(cache: dict, key, limit: int, compute):
    """compute(key), once per distinct key: the answers of a pure function of a name (a class or id value)
    that recurs on a page and across a site's pages. The cache is emptied when it holds more than limit."""
    found = cache.get(key)
    if found is None:
        if len(cache) > limit:
            cache.clear()
        found = cache[key] = compute(key)
    return found


def hidden_rule(el: etree._Element, tag: str) -> str | None:
    """'hidden' (or html_script/html_style) when nobody sees the element's text; else None."""
    if tag in SCRIPT_TAGS:
        return f"html_{tag}"
    if tag in HIDDEN_TAGS:
        return "hidden"
    attrib = el.attrib
    if not attrib:
        return None
    if "hidden" in attrib or attrib.get("aria-hidden", "").strip().lower() == "true":
        return "hidden"
    style = attrib.get("style")
    if style and ("none" in (low := style.lower()) or "hidden" in low) and _HIDDEN_STYLE.search(style):
        return "hidden"
    classes = attrib.get("class")
    # substring checks first: the regexes run on one element in a hundred, not on all of them
    if classes:
        lowered = classes.lower()
        if _HIDDEN_HINT.search(lowered) and HIDDEN_CLASS.search(classes):
            return "hidden"
    return None


def is_skip_box(el: etree._Element, size: "Size") -> bool:
    """A box of skip links ('본문 바로가기', 'Skip to content'), off-screen until focused: named
    'skip...' and a few links. Its target is often named so too ('skip-main', 'skiplink-inhalt'):
    a box with more text than a few link labels is that target, the page's content."""
    if not size.links or size.chars > MAX_SKIP_BOX_CHARS:
        return False
    names = " ".join(filter(None, (el.get("class"), el.get("id"))))
    return "kip" in names and bool(SKIP_NAME.search(names))


_SEGMENTS: dict = {}  # (tag, class value) -> its path segment: a site's pages repeat a few hundred of them
MAX_CACHED_SEGMENTS = 20_000  # far more than one site's class values; emptied when full (see remembered)


def _segment(key: tuple[str, str]) -> str:
    tag, classes = key
    return ".".join([tag, *(_DIGITS.sub("0", c) for c in classes.split())])


def path_segment(el: etree._Element, tag: str) -> str:
    """'div.board_view.cont0': the tag and its classes, digits masked (chrome recurs at one path)."""
    classes = el.get("class")
    if not classes:
        return tag
    key = (tag, classes)
    found = _SEGMENTS.get(key)
    return found if found is not None else remembered(_SEGMENTS, key, MAX_CACHED_SEGMENTS, _segment)


@dataclass(slots=True)
class Size:
    """Visible text measures of one element's subtree (see measure)."""

    chars: int = 0  # non-space characters
    weight: int = 0  # chars with Hangul/CJK counted twice
    punct: int = 0
    link_chars: int = 0
    links: int = 0
    captions: int = 0
    own_weight: int = 0  # its own paragraph: text outside block children
    own_chars: int = 0
    own_link_chars: int = 0
    own_punct: int = 0
    unit: float = 0.0  # prose score of its own paragraph (see unit_score)
    prose: float = 0.0  # sum of the prose scores of the paragraphs inside, its own included
    controls: int = 0  # input/select/textarea/button elements inside
    order: int = -1  # position in document order (root 0); -1 for hidden elements


CAPTION_CLASS = re.compile(r"caption|photo_?txt|img_?txt|photo_?desc|img_?desc|pic_?txt", re.IGNORECASE)
_CAPTION_HINT = re.compile(r"(?i)cap|txt|desc")  # a cheap first look before CAPTION_CLASS
# ... and a cheaper one on the lower-cased class: U+017F (long s) is the one letter that _CAPTION_HINT's
# case-insensitive match takes for an ASCII one ('s') and lower() leaves as it is.
_LOWER_CAPTION_HINT = re.compile("cap|txt|desc|\u017f")
CONTROL_TAGS = frozenset({"input", "select", "textarea", "button"})


def is_caption_element(el: etree._Element) -> bool:
    return tag_of(el) == "figcaption" or bool(CAPTION_CLASS.search(el.get("class") or ""))


def unit_score(size: Size) -> float:
    """Prose score of an element's own paragraph: 0 for a label or a link line, else
    1 + its punctuation + a point per 100 weighted chars (up to 3), as readability scores <p>."""
    if size.own_weight < MIN_UNIT_WEIGHT or not size.own_chars:
        return 0.0
    if size.own_link_chars > UNIT_MAX_LINK_SHARE * size.own_chars:
        return 0.0
    return 1.0 + min(size.own_punct, MAX_UNIT_PUNCT) + min(size.own_weight // UNIT_LENGTH_STEP, UNIT_LENGTH_POINTS)


_NO_TEXT = (0, 0, 0)


def _text_measure(text: str | None) -> tuple[int, int, int]:
    """(non-space chars, weighted chars, punctuation marks) of one text node."""
    if not text or text.isspace():  # most tails are the indentation between tags
        return _NO_TEXT
    chars = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    if chars <= 0:
        chars = sum(map(len, text.split()))
    wide = 0 if text.isascii() else (len(text.encode("utf-8")) - len(text)) // 2
    return chars, chars + wide, len(_PUNCT.findall(text))


def measure(root: etree._Element, show_noscript: bool = False) -> tuple[dict, dict]:
    """(sizes, hidden): a Size for every visible element, and the rule of every hidden one.

    Children come before their parent (reversed document order), so no subtree is read twice.
    A hidden element's subtree adds nothing to its ancestors; the text after it (its tail) does.
    show_noscript: read <noscript> as visible (a page that keeps its whole text there, see html.py).
    """
    sizes: dict = {}
    hidden: dict = {}
    empty = Size()
    elements = list(root.iter())
    get_size, text_measure = sizes.get, _text_measure
    hidden_hint, caption_hint = _HIDDEN_HINT.search, _LOWER_CAPTION_HINT.search
    inline_tags, invisible_tags, control_tags = INLINE_TAGS, INVISIBLE_TAGS, CONTROL_TAGS
    for order in range(len(elements) - 1, -1, -1):
        el = elements[order]
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        attrib = el.attrib
        classes = attrib.get("class") if attrib else None
        lowered = classes.lower() if classes else ""
        # hidden_rule decides; these cheap tests say when it could find anything
        if tag in invisible_tags or (attrib and (
                "hidden" in attrib or "aria-hidden" in attrib or "style" in attrib or hidden_hint(lowered))):
            rule = hidden_rule(el, tag)
            if rule and not (show_noscript and tag == "noscript"):
                hidden[el] = rule
                sizes[el] = empty
                continue
        text = el.text
        if text is None or text.isspace():
            chars = weight = punct = 0
        else:
            chars, weight, punct = text_measure(text)
        own_chars, own_weight, own_punct = chars, weight, punct
        links = link_chars = own_link_chars = controls = 0
        prose = 0.0
        if tag == "figcaption":
            captions = 1
        elif classes and caption_hint(lowered):
            captions = int(bool(_CAPTION_HINT.search(classes) and CAPTION_CLASS.search(classes)))
        else:
            captions = 0
        for child in el:
            child_tag = child.tag
            if child_tag.__class__ is str:
                child_size = get_size(child, empty)
                if child_size is not empty:
                    chars += child_size.chars
                    weight += child_size.weight
                    punct += child_size.punct
                    prose += child_size.prose
                    controls += child_size.controls
                    # a figure's or a photo table's caption is its own, not a caption for images beside it
                    if child_tag != "figure" and child_tag != "table":
                        captions += child_size.captions
                    if child_tag == "a":
                        links += child_size.links + 1
                        link_chars += child_size.chars
                    else:
                        links += child_size.links
                        link_chars += child_size.link_chars
                    if child_tag in inline_tags:
                        own_chars += child_size.chars
                        own_weight += child_size.weight
                        own_punct += child_size.punct
                        own_link_chars += child_size.chars if child_tag == "a" else child_size.link_chars
                elif child_tag == "a":
                    links += 1  # a hidden link is still a link (its text counts nothing)
            tail = child.tail
            if tail and not tail.isspace():
                t_chars, t_weight, t_punct = text_measure(tail)
                chars += t_chars
                weight += t_weight
                punct += t_punct
                own_chars += t_chars
                own_weight += t_weight
                own_punct += t_punct
        size = Size(chars, weight, punct, link_chars, links, captions, own_weight, own_chars, own_link_chars,
                    own_punct, 0.0, prose, controls + (tag in control_tags), order)
        # is_skip_box needs 'kip' in the class or id: most link boxes are passed without reading them again
        if links and chars <= MAX_SKIP_BOX_CHARS and attrib and ((classes and "kip" in classes) or
                                                                 "kip" in (attrib.get("id") or "")) \
                and is_skip_box(el, size):
            hidden[el] = "hidden"
            sizes[el] = empty
            continue
        # unit_score is 0 below MIN_UNIT_WEIGHT: most elements (labels, links, boxes of blocks) stop at that test
        if own_weight >= MIN_UNIT_WEIGHT and tag not in inline_tags:
            size.unit = unit_score(size)
            size.prose += size.unit
        sizes[el] = size
    return sizes, hidden
