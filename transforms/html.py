"""Turn an HTML page into Blocks, dropping chrome elements but keeping their text on record."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from cityclips.transforms.records import Block, RemovedLine

# Elements that never hold article text. Their text is recorded as removed, under 'html_<tag>'.
DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "form",
                       "aside", "iframe", "svg", "button", "select", "object", "embed", "canvas"})
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                        "h5", "h6", "table", "tr", "figure", "figcaption", "blockquote", "pre", "dl", "dt",
                        "dd", "address", "body", "caption", "hr", "center", "thead", "tbody"})
HEADING_TAGS = {"h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
                "h1": "title"}
# Text nobody sees: inside a table cell or a breadcrumb it is not content ('document.write(mail)').
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})
SECTIONING_TAGS = frozenset({"nav", "header", "footer", "form", "aside"})  # block-level, though not in BLOCK_TAGS
# Texts on either side of these are separate words; inline markup (<b>광역시</b>는) joins without a space.
SEPARATING_TAGS = BLOCK_TAGS | {"br", "td", "th", "option"}
LINK_MENU_MIN_LINKS = 4  # fewer links than this is a sentence with links, not a menu
LINK_MENU_TEXT_SHARE = 0.8  # a block whose text is mostly link text is navigation
LINK_LIST_MIN_LINKS = 2  # a <ul>/<dl> of two or more links and nothing else is navigation
LINK_LIST_TEXT_SHARE = 0.95  # ... when (almost) all of its text is link text
# Attachment lists are link lists too, but they carry metadata: never drop a list that names files.
_FILE_LINK = re.compile(r"\.(pdf|hwpx?|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv)\b", re.IGNORECASE)
CAPTION_CLASS = re.compile(r"caption|photo_?txt|img_?txt|photo_?desc|img_?desc|pic_?txt", re.IGNORECASE)
CAPTION_SEARCH_LEVELS = 3  # figure > a > img, or table > tr > td > img with the caption in the next row
MAX_DATA_ROW_CHARS = 300  # a data row ('작성자 : 대변인실 등록일 : ...') is short; a layout row holds a page
CELL_TAGS = frozenset({"td", "th"})  # blocks of their own only inside a layout row (see _is_layout_row)
BREADCRUMB_HINT = re.compile(r"bread|location|path|navi_?loc|crumb|depth", re.IGNORECASE)
# Class or id words of site chrome; 'satisf' starts 'satisfaction', 'satisfy' ...
CHROME_CLASS = re.compile(r"(^|[\s_-])(gnb|lnb|snb|skip|sitemap|quick|util|top_?menu|sns|share|"
                          r"satisf\w*|survey|copyright|footer|header|menu)([\s_-]|$)", re.IGNORECASE)
ARTICLE_CLASS = re.compile(r"article|content|board|view|bbs|news", re.IGNORECASE)
MAX_DL_ROW_CHARS = 200  # a short <dl> is a field list (Date / Views); a long one is content
MAX_BREADCRUMB_CHARS = 150  # 'Home > News > Press Releases'; a longer element is a menu or content
MAX_BREADCRUMB_PART_WORDS = 5  # 'News & Media', '문화·관광': each step of a path is a short name
_WS_RE = re.compile(r"\s+")
_BREADCRUMB_TEXT = re.compile(r"^(home|홈|처음)\s*[>›»/]", re.IGNORECASE)
_BREADCRUMB_ROOT_WORD = re.compile(r"^(home|홈|처음|메인)\b", re.IGNORECASE)
# lxml refuses a str that starts with an XML declaration (XHTML pages), and libxml2 drops whatever
# follows </html>; neither tag carries content, so both go before parsing.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_ENTER, _EXIT = 0, 1


@dataclass
class _State:
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    ordinal: int = 0
    list_depth: int = -1
    boundary: bool = True
    # (non-space chars, links, non-space chars inside links, caption elements) per element (see _measure)
    sizes: dict = field(default_factory=dict)
    path: list[str] = field(default_factory=list)  # steps of the open elements, for Block.dom_path


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _squash(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def _nonspace(text: str | None) -> int:
    return sum(map(len, text.split())) if text else 0


def _follows_element(el: etree._Element) -> bool:
    """True when el comes right after a sibling element with no text between ('<span>A</span><span>B')."""
    previous = el.getprevious()
    return previous is not None and isinstance(previous.tag, str) and not previous.tail


def _text_of(el: etree._Element, visible_only: bool = True) -> str:
    """The element's text, words kept whole across inline markup, blocks and cells separated by a space."""
    parts: list[str] = []
    stack = [(el, _ENTER)]
    while stack:  # iterative: pages can nest deeper than Python's recursion limit
        node, action = stack.pop()
        tag = _tag(node)
        if action == _EXIT:
            parts.append(" " if tag in SEPARATING_TAGS else "")
        elif tag and not (visible_only and node is not el and tag in INVISIBLE_TAGS):
            parts.append(" " if tag in SEPARATING_TAGS or (node is not el and _follows_element(node)) else "")
            parts.append(node.text or "")
            stack.append((node, _EXIT))
            stack.extend((child, _ENTER) for child in reversed(node))
            continue
        if node is not el:
            parts.append(node.tail or "")
    return _squash("".join(parts))


def _is_caption_element(el: etree._Element) -> bool:
    return _tag(el) == "figcaption" or bool(CAPTION_CLASS.search(el.get("class") or ""))


def _measure(root: etree._Element) -> dict:
    """Sizes of every element in one bottom-up pass, so no check has to re-read a subtree."""
    sizes: dict = {}
    for el in reversed(list(root.iter())):  # reversed document order: children before their parent
        is_element = isinstance(el.tag, str)
        chars = _nonspace(el.text) if is_element else 0
        links = link_chars = 0
        captions = int(is_element and _is_caption_element(el))
        for child in el:
            child_chars, child_links, child_link_chars, child_captions = sizes[child]
            chars += child_chars + _nonspace(child.tail)
            # a figure's or a photo table's caption is its own, not a caption for images beside it
            captions += child_captions if _tag(child) not in ("figure", "table") else 0
            if _tag(child) == "a":
                links, link_chars = links + child_links + 1, link_chars + child_chars
            else:
                links, link_chars = links + child_links, link_chars + child_link_chars
        sizes[el] = (chars, links, link_chars, captions)
    return sizes


def _chrome_rule(el: etree._Element, tag: str, sizes: dict) -> str | None:
    """The rule name under which an element is dropped as chrome, or None to keep it."""
    if tag in ("header", "footer") and next(el.iterancestors("article", "main"), None) is not None:
        return None  # an article's own header holds its title and metadata
    if tag in DROP_TAGS:
        return f"html_{tag}"
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if attrs and CHROME_CLASS.search(attrs) and not ARTICLE_CLASS.search(attrs):
        return "html_chrome_class"
    if tag in ("ul", "ol", "dl", "div", "table", "section"):
        chars, links, link_chars, _ = sizes[el]
        share = link_chars / chars if chars else 0.0
        # A list that is nothing but links (a side menu, related articles, prev/next) is navigation even
        # when short; a block with some prose around its links needs more links to count as a menu.
        pure_list = tag in ("ul", "ol", "dl") and links >= LINK_LIST_MIN_LINKS and share >= LINK_LIST_TEXT_SHARE
        if (pure_list or (links >= LINK_MENU_MIN_LINKS and share >= LINK_MENU_TEXT_SHARE)) \
                and not _FILE_LINK.search(el.text_content()):
            return "html_link_menu"
    return None


def _is_layout_row(tr: etree._Element, sizes: dict) -> bool:
    """A table row used for page layout (cells holding paragraphs, lists, tables), not a data row.

    A row with no text but an image is walked too, so that the image's alt text is not lost.
    """
    chars = sizes[tr][0]
    if chars > MAX_DATA_ROW_CHARS or len(_squash(tr.text_content())) > MAX_DATA_ROW_CHARS:
        return True
    if not chars and next(tr.iter("img"), None) is not None:
        return True
    return bool(tr.xpath("./td/*[self::p or self::div or self::ul or self::ol or self::table or self::h2 or "
                         "self::h3 or self::h4 or self::dl]"))


def _has_caption_near(img: etree._Element, sizes: dict) -> bool:
    """An image whose figure or container has its own caption: its alt text would be a duplicate."""
    own = int(_is_caption_element(img))
    return any(sizes[container][3] - own > 0
               for container in list(img.iterancestors())[:CAPTION_SEARCH_LEVELS])


def _is_breadcrumb(el: etree._Element, sizes: dict) -> bool:
    chars = sizes[el][0]
    if not chars or chars > MAX_BREADCRUMB_CHARS:
        return False
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("aria-label"))))
    hinted = BREADCRUMB_HINT.search(attrs)
    first = (el.text or "").strip() or next((t.strip() for t in el.itertext() if t.strip()), "")
    if not hinted and not _BREADCRUMB_ROOT_WORD.match(first):
        return False  # cheap exit: most elements are neither marked nor start with 'Home'
    text = _text_of(el)
    if not text or len(text) > MAX_BREADCRUMB_CHARS:
        return False
    if hinted:
        # Separators may be CSS only (<li>Home</li><li>News</li>): the root word is evidence enough.
        looks_like_path = bool(re.search(r"[>›»/]", text) or _BREADCRUMB_ROOT_WORD.match(text))
    else:
        looks_like_path = bool(_BREADCRUMB_TEXT.match(text))
    # A cell or box that merely starts with the path ('HOME > 소식' then the article) is not the path.
    return looks_like_path and all(len(part.split()) <= MAX_BREADCRUMB_PART_WORDS and not re.search(r"[.!?]$", part)
                                   for part in _breadcrumb_text(el).split(" > "))


def _breadcrumb_text(el: etree._Element) -> str:
    parts = [p.strip() for p in el.itertext() if p.strip()]
    parts = [q for p in parts for q in re.split(r"\s*[>›»/]\s*", p) if q]
    return " > ".join(parts)


MAX_PATH_CLASSES = 3  # the first few class names say what an element is; long lists are utility classes
_DIGIT_RUN = re.compile(r"\d+")


def _step(el: etree._Element, tag: str) -> str:
    """One DOM path step: the tag and its first class names, digits masked ('li.item0' for 'li.item12')."""
    classes = (el.get("class") or "").split()[:MAX_PATH_CLASSES]
    return ".".join([tag, *(_DIGIT_RUN.sub("0", name) for name in classes)])


def _flush(state: _State, hint: str, depth: int = 0, marker: str = "", leaf: str = "") -> None:
    text = _squash("".join(state.buffer))
    state.buffer.clear()
    if text:
        state.ordinal += 1
        path = "/".join([*state.path, leaf] if leaf else state.path)
        state.blocks.append(Block(state.ordinal, text, hint, max(depth, 0), marker, state.boundary, path))
        state.boundary = False


def _record(state: _State, el: etree._Element, rule: str) -> None:
    text = _text_of(el, visible_only=False)  # removed chrome is kept on record whole, scripts included
    if text:
        state.ordinal += 1
        state.removed.append(RemovedLine(state.ordinal, text, rule))


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
        text = _text_of(cell) if tag else ""
        if not text:
            continue
        parts.append(f"{text} :" if tag == "th" else text)
    return " ".join(parts)


def _ol_start(ol: etree._Element) -> int:
    start = (ol.get("start") or "").strip()
    return int(start) if re.fullmatch(r"-?\d{1,9}", start) else 1


def _li_markers(el: etree._Element, tag: str, children: list) -> list[str]:
    """The marker each child would carry as a list item: '•' in a <ul>, '3.' for the third item of an <ol>."""
    if tag != "ol":
        return ["•"] * len(children)
    markers, number = [], _ol_start(el)
    for child in children:
        markers.append(f"{number}.")
        number += _tag(child) == "li"
    return markers


def _leaf(el: etree._Element, tag: str, state: _State, hint: str, marker: str) -> bool:
    """Handle an element whose subtree is not walked (chrome, rows, images ...); False for other elements."""
    if tag not in ("body", "html") and _is_breadcrumb(el, state.sizes):
        _flush(state, hint)
        state.buffer.append(_breadcrumb_text(el))
        _flush(state, "breadcrumb", leaf=_step(el, tag))
    elif rule := _chrome_rule(el, tag, state.sizes):
        if tag in BLOCK_TAGS or tag in SECTIONING_TAGS:  # an inline <script> or <button> does not end a paragraph
            _flush(state, hint, state.list_depth, marker)
        _record(state, el, rule)
    elif tag == "br":
        _flush(state, hint, state.list_depth, marker)
    elif tag == "img":
        alt = _squash(el.get("alt") or "")
        if alt and not _has_caption_near(el, state.sizes):
            _flush(state, hint)
            state.buffer.append(alt)
            _flush(state, "caption", leaf=_step(el, tag))
    elif tag == "caption" and el.getparent() is not None and _tag(el.getparent()) == "table":
        _flush(state, hint)
        _record(state, el, "html_table_caption")  # '게시물 정보': a label for the table, not content
    elif tag == "dl" and state.sizes[el][0] <= MAX_DL_ROW_CHARS:
        _flush(state, hint)
        state.buffer.append(_dl_text(el))
        _flush(state, "cell", leaf=_step(el, tag))
    elif tag == "tr" and not _is_layout_row(el, state.sizes):
        _flush(state, hint)
        state.buffer.append(_row_text(el))
        cells = [c for c in el if _tag(c) in CELL_TAGS]
        is_caption = len(cells) == 1 and CAPTION_CLASS.search(cells[0].get("class") or "")
        _flush(state, "caption" if is_caption else "cell", leaf=_step(el, tag))
    else:
        return False
    state.buffer.append(el.tail or "")  # text after a dropped element is still the paragraph's
    return True


def _walk(top: etree._Element, state: _State) -> None:
    """Walk the tree in document order with an explicit stack (no recursion limit on deep pages)."""
    stack: list[tuple] = [(_ENTER, top, "p", "", "")]
    while stack:
        item = stack.pop()
        if item[0] == _EXIT:
            _, el, tag, hint, marker, blocks_before = item
            if tag in ("ul", "ol"):
                state.list_depth -= 1
            if tag in BLOCK_TAGS or tag in CELL_TAGS:
                if tag == "li" and len(state.blocks) > blocks_before:
                    marker = ""  # text after a nested list continues the item; its marker is already out
                _flush(state, hint, state.list_depth, marker)
            state.path.pop()
            if el is not top:
                state.buffer.append(el.tail or "")
            continue
        _, el, hint, marker, li_marker = item
        tag = _tag(el)
        if not tag:  # a comment or processing instruction: not text, but the text after it is
            state.buffer.append(el.tail or "")
            continue
        if el is not top and _follows_element(el):
            state.buffer.append(" ")
        if el is not top and _leaf(el, tag, state, hint, marker):
            continue
        if tag in BLOCK_TAGS or tag in CELL_TAGS:  # a cell reaches here only in a layout row
            _flush(state, hint, state.list_depth, marker)
            state.boundary = True
        own_hint, own_marker = hint, marker
        if tag in HEADING_TAGS:
            own_hint, own_marker = HEADING_TAGS[tag], ""
        elif tag == "figcaption" or (tag in ("p", "div", "span", "td") and CAPTION_CLASS.search(el.get("class") or "")):
            own_hint = "caption"
        elif tag == "li":
            own_hint, own_marker = "li", li_marker or "•"
        elif tag in ("p", "dd", "dt", "blockquote", "pre", "address"):
            own_hint = "p" if hint != "li" else hint
        if tag in ("ul", "ol"):
            state.list_depth += 1
        state.path.append(_step(el, tag))
        state.buffer.append(el.text or "")
        stack.append((_EXIT, el, tag, own_hint, own_marker, len(state.blocks)))
        children = list(el)
        markers = _li_markers(el, tag, children)
        stack.extend((_ENTER, child, own_hint, own_marker, child_marker)
                     for child, child_marker in zip(reversed(children), reversed(markers)))


def parse_html(html: str) -> etree._Element | None:
    """Parse a decoded HTML page once; None when it holds no markup lxml can read.

    The root is shared by every stage that reads markup (blocks here, metadata from <head> and
    JSON-LD in transforms/markup.py): read-only stages must run before html_blocks, which may
    detach chrome from the tree.
    """
    html = _DOCUMENT_END_TAGS.sub("", _XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        return None
    try:
        # huge_tree: libxml2 otherwise stops at 255 levels of nesting and silently drops the rest
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def html_blocks(html: str | etree._Element | None) -> tuple[list[Block], list[RemovedLine], str | None]:
    """Turn an HTML page (text, or a root from parse_html) into (blocks, removed chrome, <title> text).

    Chrome elements (script, style, nav, header, footer, forms, link-heavy menus, elements whose
    class names say menu/share/survey) are not returned as blocks; their text is returned as
    RemovedLine records so nothing is lost. Tables become one block per row ('th : td' pairs).
    """
    root = parse_html(html) if isinstance(html, str) else html
    if root is None:
        return [], [], None
    state = _State(sizes=_measure(root))
    title_el = root.find(".//title")
    title = _text_of(title_el) if title_el is not None else None
    head = root.find("head")
    for child in head if head is not None else ():
        tag = _tag(child)
        _record(state, child, f"html_{tag}" if tag in DROP_TAGS else "html_head")
    body = root.find("body")
    _walk(body if body is not None else root, state)
    _flush(state, "p")
    return state.blocks, state.removed, title or None
