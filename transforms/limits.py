"""What one page may cost, counted in work (bytes, lines, elements), never in seconds; and parsing that
keeps the text of pages nested deeper than the parser allows.

A bound counted in work gives the same answer on every machine and under any load: a page over
one is a Reject naming the bound, in the template pass and in processing alike. Every stage after
parsing is linear in the lines and elements of a page (measured: about 0.9 ms a line, most of it
language detection), so these bounds also bound its time; no wall-clock budget is needed, and one
would make the same input a document on a quiet machine and a reject on a busy one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from cityclips.transforms.records import RemovedLine

# The 579 real pages of ../shared/peers have at most 9,748 elements and 822 blocks (median 698 and
# 36); these bounds are ten times that, and keep the worst page to seconds: 10,000 lines at ~0.9 ms.
MAX_PAGE_NODES = 100_000
MAX_PAGE_LINES = 10_000
# libxml2 stops at 2,048 levels of nesting even with huge_tree and drops the rest of the page; real
# pages nest under 100. Deeper elements lose their tags (not their text) below this depth.
MAX_KEPT_DEPTH = 1_000
FLATTEN_RETRY_DEPTHS = (MAX_KEPT_DEPTH, 256, 8)  # tighter passes, should tag soup nest deeper than counted
FLATTENED_ATTRIBUTE = "data-cityclips-flattened"  # on the root: what flattening dropped, for the record
DEEP_NESTING_RULE = "deep_nesting"
DEPTH_ERROR = "Excessive depth"  # libxml2's message when it gives up on a deep page

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "basefont", "frame", "isindex"})
# A start tag of one of these closes an open sibling of its kind (<li><li>, <td><td>, <p><p>): no deeper.
_CLOSES_SIBLING = {"li": {"li"}, "p": {"p"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
                   "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}
# Comments and raw-text elements are passed over whole ('<div>' in a script is not a tag). Each
# alternative stops at the next '<' or at the end of the text, so the scan stays linear.
_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp)\b[^<>]*>.*?(?:</\1\s*>|\Z)"
                    r"|<(/?)([a-zA-Z][^\s/<>]*)[^<>]*>", re.S | re.I)


class OverLimit(ValueError):
    """A page over a work bound: reason is the reject reason, detail names the bound."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class WorkLimits:
    """The bounds of one page's work (bytes are bounded before reading: PageSettings.max_page_bytes)."""

    max_nodes: int = MAX_PAGE_NODES
    max_lines: int = MAX_PAGE_LINES


def check_nodes(root: etree._Element | None, limits: WorkLimits) -> None:
    """Raise OverLimit when a parsed page has more elements than limits.max_nodes."""
    if root is None:
        return
    nodes = int(root.xpath("count(//*)"))  # counted by libxml2: no Python object per element
    if nodes > limits.max_nodes:
        raise OverLimit("too_many_nodes", f"{nodes:,} HTML elements is over the {limits.max_nodes:,}-element "
                                          "page limit")


def check_lines(lines: int, limits: WorkLimits) -> None:
    """Raise OverLimit when a page splits into more lines (text) or blocks (HTML) than limits.max_lines."""
    if lines > limits.max_lines:
        raise OverLimit("too_many_lines", f"{lines:,} lines is over the {limits.max_lines:,}-line page limit")


def flatten_deep_nesting(html: str, max_depth: int = MAX_KEPT_DEPTH) -> tuple[str, Counter]:
    """The page with the tags of elements nested deeper than max_depth removed (their text stays).

    Returns (html, dropped start tags by name). Nesting is counted as a browser would, roughly:
    void elements do not nest, a <li> or <td> closes an open sibling, an end tag closes what is open
    above its start tag. The end tag of a dropped element is dropped with it.

    >>> flatten_deep_nesting("<div><div><p>text</p></div></div>", 1)
    ('<div>text</div>', Counter({'div': 1, 'p': 1}))
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, kept)
    kept_open = 0
    dropped: Counter = Counter()
    position = 0
    for match in _TOKEN.finditer(html):
        name = match.group(3)
        if name is None:  # a comment or a raw-text element: passed over as it is
            continue
        name = name.lower()
        if name in _VOID:
            continue
        keep = True
        if not match.group(2):  # a start tag
            siblings = _CLOSES_SIBLING.get(name)
            while siblings and stack and stack[-1][0] in siblings:
                kept_open -= stack.pop()[1]
            keep = kept_open < max_depth
            stack.append((name, keep))
            kept_open += keep
            if not keep:
                dropped[name] += 1
        else:
            index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), None)
            if index is None:
                continue  # a stray end tag: the parser ignores it too
            keep = stack[index][1]
            kept_open -= sum(kept for _, kept in stack[index:])
            del stack[index:]
        if not keep:
            out.append(html[position:match.start()])
            position = match.end()
    out.append(html[position:])
    return "".join(out), dropped


def _parse(html: str) -> tuple[etree._Element, bool]:
    # lxml's own HTML parser, as lxml.html.document_fromstring uses it, without lxml.html's element
    # classes: those cost a Python call for every element object made (about 8% of process_page), and
    # no stage needs their methods (dom.text_content stands for HtmlElement.text_content).
    parser = etree.HTMLParser(huge_tree=True)
    root = etree.fromstring(html, parser)
    if root is None:
        raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring says it
    return root, any(DEPTH_ERROR in entry.message for entry in parser.error_log)


def parse_keeping_deep_text(html: str) -> etree._Element:
    """Parse HTML with lxml; a page too deep for libxml2 is flattened first, so no text is lost.

    What flattening dropped is noted on the root (FLATTENED_ATTRIBUTE) for flattening_record().
    Raises what lxml raises for text that holds no markup (etree.ParserError, ValueError).
    """
    root, too_deep = _parse(html)
    for depth in FLATTEN_RETRY_DEPTHS:
        if not too_deep:
            return root
        flat, dropped = flatten_deep_nesting(html, depth)
        root, too_deep = _parse(flat)
        names = ", ".join(f"{name} x{count:,}" for name, count in dropped.most_common(5))
        root.set(FLATTENED_ATTRIBUTE, f"{sum(dropped.values()):,} elements nested deeper than {depth:,} levels "
                                      f"lost their tags, not their text ({names})")
    return root


def flattening_record(root: etree._Element | None) -> list[RemovedLine]:
    """A boilerplate line saying what flattening dropped from this page, if anything."""
    note = root.get(FLATTENED_ATTRIBUTE) if root is not None else None
    return [RemovedLine(0, note, DEEP_NESTING_RULE)] if note else []
