"""Turn an HTML page into Blocks, dropping chrome elements but keeping their text on record."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from transforms.blocks import collapse_ws
from transforms.records import Block, RemovedLine

# Elements that never hold article text. Their text is recorded as removed, under 'html_<tag>'.
DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "form",
                       "aside", "iframe", "svg", "button", "select", "object", "embed", "canvas"})
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                        "h5", "h6", "table", "tr", "figure", "figcaption", "blockquote", "pre", "dl", "dt",
                        "dd", "address", "body", "caption", "hr", "center", "thead", "tbody"})
HEADING_TAGS = {"h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
                "h1": "title"}
LINK_MENU_MIN_LINKS = 4  # fewer links than this is a sentence with links, not a menu
LINK_LIST_MIN_LINKS = 2  # a <ul>/<dl> of two or more links and nothing else is navigation
LINK_LIST_TEXT_SHARE = 0.95  # ... when (almost) all of its text is link text
# Attachment lists are link lists too, but they carry metadata: never drop a list that names files.
_FILE_LINK = re.compile(r"\.(pdf|hwpx?|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv)\b", re.IGNORECASE)
CAPTION_CLASS = re.compile(r"caption|photo_?txt|img_?txt|photo_?desc|img_?desc|pic_?txt", re.IGNORECASE)
LINK_MENU_TEXT_SHARE = 0.8  # a block whose text is mostly link text is navigation
BREADCRUMB_HINT = re.compile(r"bread|location|path|navi_?loc|crumb|depth", re.IGNORECASE)
CHROME_CLASS = re.compile(r"(^|[\s_-])(gnb|lnb|snb|skip|sitemap|quick|util|top_?menu|sns|share|"
                          r"satisf|survey|copyright|footer|header|menu)([\s_-]|$)", re.IGNORECASE)
ARTICLE_CLASS = re.compile(r"article|content|board|view|bbs|news", re.IGNORECASE)
MAX_DL_ROW_CHARS = 200  # a short <dl> is a field list (Date / Views); a long one is content
_WS_RE = re.compile(r"\s+")
_BREADCRUMB_TEXT = re.compile(r"^(home|홈|처음)\s*[>›»/]", re.IGNORECASE)


@dataclass
class _State:
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    ordinal: int = 0
    list_depth: int = -1
    boundary: bool = True


def _text_of(el: etree._Element) -> str:
    return collapse_ws(" ".join(t for t in el.itertext()))


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _link_share(el: etree._Element) -> tuple[int, float]:
    count = int(el.xpath("count(.//a)"))  # counted in C: most elements stop here
    if count < LINK_MENU_MIN_LINKS:
        return count, 0.0
    total = len(_WS_RE.sub("", el.text_content()))
    if not total:
        return count, 0.0
    link_chars = sum(len(_WS_RE.sub("", a.text_content())) for a in el.iter("a"))
    return count, link_chars / total


def _chrome_rule(el: etree._Element, tag: str) -> str | None:
    """The rule name under which an element is dropped as chrome, or None to keep it."""
    if tag in ("header", "footer") and el.xpath("ancestor::article or ancestor::main"):
        return None  # an article's own header holds its title and metadata
    if tag in DROP_TAGS:
        return f"html_{tag}"
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if attrs and CHROME_CLASS.search(attrs) and not ARTICLE_CLASS.search(attrs):
        return "html_chrome_class"
    if tag in ("ul", "ol", "dl", "div", "table", "section"):
        count, share = _link_share(el)
        # A list that is nothing but links (a side menu, related articles, prev/next) is navigation even
        # when short; a block with some prose around its links needs more links to count as a menu.
        pure_list = tag in ("ul", "ol", "dl") and count >= LINK_LIST_MIN_LINKS and share >= LINK_LIST_TEXT_SHARE
        if (pure_list or (count >= LINK_MENU_MIN_LINKS and share >= LINK_MENU_TEXT_SHARE)) \
                and not _FILE_LINK.search(el.text_content()):
            return "html_link_menu"
    return None


MAX_BREADCRUMB_CHARS = 150  # 'Home > News > Press Releases'; a longer element is a menu or content
_BREADCRUMB_ROOT_WORD = re.compile(r"^(home|홈|처음|메인)\b", re.IGNORECASE)


def _is_breadcrumb(el: etree._Element) -> bool:
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("aria-label"))))
    first = (el.text or "").strip() or next((t.strip() for t in el.itertext() if t.strip()), "")
    if not BREADCRUMB_HINT.search(attrs) and not _BREADCRUMB_ROOT_WORD.match(first):
        return False  # cheap exit: most elements are neither marked nor start with 'Home'
    text = _text_of(el)
    if len(text) > MAX_BREADCRUMB_CHARS or not text:
        return False
    if BREADCRUMB_HINT.search(attrs):
        # Separators may be CSS only (<li>Home</li><li>News</li>): the root word is evidence enough.
        return bool(re.search(r"[>›»/]", text) or _BREADCRUMB_ROOT_WORD.match(text))
    return bool(_BREADCRUMB_TEXT.match(text))


def _breadcrumb_text(el: etree._Element) -> str:
    parts = [p.strip() for p in el.itertext() if p.strip()]
    parts = [q for p in parts for q in re.split(r"\s*[>›»/]\s*", p) if q]
    return " > ".join(parts)


def _flush(state: _State, hint: str, depth: int = 0, marker: str = "") -> None:
    text = collapse_ws(" ".join(state.buffer))
    state.buffer.clear()
    if text:
        state.ordinal += 1
        state.blocks.append(Block(state.ordinal, text, hint, max(depth, 0), marker, state.boundary))
        state.boundary = False


def _record(state: _State, el: etree._Element, rule: str) -> None:
    text = _text_of(el)
    if text:
        state.ordinal += 1
        state.removed.append(RemovedLine(state.ordinal, text, rule))


CAPTION_SEARCH_LEVELS = 3  # figure > a > img, or table > tr > td > img with the caption in the next row
MAX_DATA_ROW_CHARS = 300  # a data row ('작성자 : 대변인실 등록일 : ...') is short; a layout row holds a page


def _is_layout_row(tr: etree._Element) -> bool:
    """A table row used for page layout (cells holding paragraphs, lists, tables), not a data row."""
    if len(_WS_RE.sub(" ", tr.text_content())) > MAX_DATA_ROW_CHARS:
        return True
    return bool(tr.xpath("./td/*[self::p or self::div or self::ul or self::ol or self::table or self::h2 or "
                         "self::h3 or self::h4 or self::dl]"))


def _has_caption_near(img: etree._Element) -> bool:
    """An image whose figure or container has its own caption: its alt text would be a duplicate."""
    for container in list(img.iterancestors())[:CAPTION_SEARCH_LEVELS]:
        if container.find(".//figcaption") is not None:
            return True
        if any(CAPTION_CLASS.search(e.get("class") or "") for e in container.iter() if e is not img):
            return True
    return False


def _dl_text(dl: etree._Element) -> str:
    parts = []
    for child in dl.iter("dt", "dd"):
        text = _text_of(child)
        if text:
            parts.append(f"{text} :" if child.tag == "dt" else text)
    return " ".join(parts)


def _row_text(tr: etree._Element) -> str:
    parts = []
    for cell in tr:
        tag = _tag(cell)
        text = _text_of(cell)
        if not text:
            continue
        parts.append(f"{text} :" if tag == "th" else text)
    return " ".join(parts)


def _walk(el: etree._Element, state: _State, hint: str, marker: str) -> None:
    tag = _tag(el)
    if not tag:  # comments and processing instructions
        return
    if _is_breadcrumb(el) and tag not in ("body", "html"):
        _flush(state, hint)
        state.buffer.append(_breadcrumb_text(el))
        _flush(state, "breadcrumb")
        state.buffer.append(el.tail or "")
        return
    rule = _chrome_rule(el, tag)
    if rule:
        _flush(state, hint)
        _record(state, el, rule)
        return
    if tag == "br":
        _flush(state, hint, state.list_depth, marker)
        state.buffer.append(el.tail or "")
        return
    if tag == "img":
        alt = collapse_ws(el.get("alt") or "")
        if alt and not _has_caption_near(el):
            _flush(state, hint)
            state.buffer.append(alt)
            _flush(state, "caption")
        state.buffer.append(el.tail or "")
        return
    if tag == "caption" and el.getparent() is not None and _tag(el.getparent()) == "table":
        _flush(state, hint)
        _record(state, el, "html_table_caption")  # '게시물 정보': a label for the table, not content
        state.buffer.append(el.tail or "")
        return
    if tag == "dl" and len(_text_of(el)) <= MAX_DL_ROW_CHARS:
        _flush(state, hint)
        state.buffer.append(_dl_text(el))
        _flush(state, "cell")
        state.buffer.append(el.tail or "")
        return
    if tag == "tr" and _is_layout_row(el):
        _flush(state, hint)
        for cell in el:
            _walk(cell, state, hint, marker)
            _flush(state, hint)
        state.buffer.append(el.tail or "")
        return
    if tag == "tr":
        _flush(state, hint)
        state.buffer.append(_row_text(el))
        cells = [c for c in el if _tag(c) in ("td", "th")]
        is_caption = len(cells) == 1 and CAPTION_CLASS.search(cells[0].get("class") or "")
        _flush(state, "caption" if is_caption else "cell")
        state.buffer.append(el.tail or "")
        return
    is_block = tag in BLOCK_TAGS
    if is_block:
        _flush(state, hint, state.list_depth, marker)
        state.boundary = True
    own_hint, own_marker = hint, marker
    if tag in HEADING_TAGS:
        own_hint, own_marker = HEADING_TAGS[tag], ""
    elif tag == "figcaption" or (tag in ("p", "div", "span", "td") and CAPTION_CLASS.search(el.get("class") or "")):
        own_hint = "caption"
    elif tag == "li":
        own_hint = "li"
        own_marker = _li_marker(el)
    elif tag in ("p", "dd", "dt", "blockquote", "pre", "address"):
        own_hint, own_marker = ("p" if hint != "li" else hint), marker
    if tag in ("ul", "ol"):
        state.list_depth += 1
    state.buffer.append(el.text or "")
    for child in el:
        _walk(child, state, own_hint, own_marker)
    if tag in ("ul", "ol"):
        state.list_depth -= 1
    if is_block:
        _flush(state, own_hint, state.list_depth, own_marker)
        if tag == "li":
            own_marker = ""
    state.buffer.append(el.tail or "")


def _li_marker(li: etree._Element) -> str:
    parent = li.getparent()
    if parent is None or _tag(parent) != "ol":
        return "•"
    start = int(parent.get("start")) if (parent.get("start") or "").isdigit() else 1
    position = [c for c in parent if _tag(c) == "li"].index(li)
    return f"{start + position}."


def html_blocks(html: str) -> tuple[list[Block], list[RemovedLine], str | None]:
    """Parse an HTML page into (blocks, removed chrome, <title> text).

    Chrome elements (script, style, nav, header, footer, forms, link-heavy menus, elements whose
    class names say menu/share/survey) are not returned as blocks; their text is returned as
    RemovedLine records so nothing is lost. Tables become one block per row ('th : td' pairs).
    """
    if not html.strip():
        return [], [], None
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return [], [], None
    state = _State()
    title_el = root.find(".//title")
    title = _text_of(title_el) if title_el is not None else None
    head = root.find("head")
    if head is not None:
        _record(state, head, "html_head")
    body = root.find("body")
    _walk(body if body is not None else root, state, "p", "")
    _flush(state, "p")
    return state.blocks, state.removed, title or None
