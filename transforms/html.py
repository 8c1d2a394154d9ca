"""Turn an HTML page into Blocks: the main-content region's blocks are the article's candidates.

The page is measured once (dom.measure) and its main-content region found (region.find_region).
Blocks inside the region are content; blocks outside it are returned too, marked with
excluded_by='outside_region', so that cleaning can still read a title, a date or an attachment
list from them but never puts them in the body. Inside the region, tags and class names are
evidence: a share bar or a comment thread named so and holding little of the region's prose is
dropped; a form or a 'header' wrapper is not dropped for its name. Hidden text (hidden,
aria-hidden, display:none, screen-reader-only classes, <template>, <noscript>) is never content.
Everything dropped is kept on record as RemovedLines with the rule that dropped it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from cityclips.transforms.dates import is_time_span, is_when_line, parse_date
from cityclips.transforms.dom import (CAPTION_CLASS, INLINE_TAGS as INLINE_TAGS_WALKED, Size, declared_role,
                                      enclosing_tag, is_caption_element, measure, path_segment, text_content, text_holder)
from cityclips.transforms.limits import parse_keeping_deep_text
from cityclips.transforms.records import Block, RemovedLine
from cityclips.transforms.rules import CONTROL_RULES, match_line_rule
from cityclips.transforms.region import (_NEGATIVE_START, LINK_WIDGET_WORDS, MAX_FACT_BOX_CHARS, NO_REGION,
                                         STRONG_NEGATIVE_WORDS, THIN_REGION_PROSE, Region, class_words, evidence,
                                         find_region)
from cityclips.transforms.tails import FEED_TEXT_SHARE, MAX_TEASER_CHARS, MIN_FEED_ITEMS, is_teaser_feed

BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                        "h5", "h6", "table", "tr", "figure", "figcaption", "blockquote", "pre", "dl", "dt",
                        "dd", "address", "body", "caption", "hr", "center", "thead", "tbody"})
HEADING_TAGS = {"h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
                "h1": "title"}
# Text nobody sees: inside a table cell or a breadcrumb it is not content ('document.write(mail)').
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})
SECTIONING_TAGS = frozenset({"nav", "header", "footer", "form", "aside"})  # block-level, though not in BLOCK_TAGS
BOUNDARY_TAGS = BLOCK_TAGS | SECTIONING_TAGS | frozenset({"td", "th"})  # their text is a block of its own
# Texts on either side of these are separate words; inline markup (<b>광역시</b>는) joins without a space.
SEPARATING_TAGS = BLOCK_TAGS | {"br", "td", "th", "option"}
LINK_MENU_MIN_LINKS = 4  # fewer links than this is a sentence with links, not a menu
LINK_MENU_TEXT_SHARE = 0.8  # a block whose text is mostly link text is navigation
LINK_LIST_MIN_LINKS = 2  # a <ul>/<dl> of two or more links and nothing else is navigation
LINK_LIST_TEXT_SHARE = 0.95  # ... when (almost) all of its text is link text
# Attachment lists are link lists too, but they carry metadata: never drop a list that names files.
_DOCUMENT_HREF = re.compile(r"\.(pdf|hwpx?|docx?|xlsx?|pptx?|odt|zip)(?:[?#]|\s*$)", re.IGNORECASE)
# An agenda's row numbers, written out before the item's link: '1.', '12)', 'a.', 'iv.', '가.', '(3)', '①'
_OUTLINE_MARKER = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4}|[가-하])[.)]|[①-⑳])$")
MIN_OUTLINE_ROWS = 3  # three numbered rows make a sequence; one or two can be a menu's decoration
_FILE_LINK = re.compile(r"\.(pdf|hwpx?|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|txt|csv)\b", re.IGNORECASE)
CAPTION_SEARCH_LEVELS = 3  # figure > a > img, or table > tr > td > img with the caption in the next row
# A figure written as a plain box ('<div><img><p>caption</p></div>'): a caption is a line or two (the longest real
# one seen is ~400 chars, ~200 syllables), in at most two text elements, and the box holds no
# heading, list, table or form, which a section that opens with a picture does.
MAX_IMAGE_BOX_CAPTION_WEIGHT = 400
MAX_IMAGE_BOX_BLOCKS = 2
IMAGE_BOX_STOP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "form", "blockquote",
                                 "iframe", "video", "input", "select", "textarea", "button"})
MAX_DATA_ROW_CHARS = 300  # a data row ('작성자 : 대변인실 등록일 : ...') is short; a layout row holds a page
CELL_TAGS = frozenset({"td", "th"})  # blocks of their own only inside a layout row (see _is_layout_row)
BREADCRUMB_HINT = re.compile(r"bread|location|path|navi_?loc|crumb|depth", re.IGNORECASE)
# Class or id words of site chrome; 'satisf' starts 'satisfaction', 'satisfy' ...
CHROME_CLASS = re.compile(r"(^|[\s_-])(gnb|lnb|snb|skip|sitemap|quick|util|top_?menu|sns|share|"
                          r"satisf\w*|survey|copyright|footer|header|menu)([\s_-]|$)", re.IGNORECASE)
_HEADER_NAME = re.compile(r"(^|[\s_-])header([\s_-]|$)", re.IGNORECASE)
ARTICLE_CLASS = re.compile(r"article|content|board|view|bbs|news", re.IGNORECASE)
MAX_ROW_ITEM_CHARS = 120  # a row of a few short cells ('720p MP4 140.21 MB'), not a card with a summary
ROW_ITEM_MAX_PUNCT = 1  # ... and no sentences: at most one comma or full stop among them
ROW_CELL_TAGS = frozenset({"div", "span", "strong", "em", "b", "label", "a", "i", "input", "button", "img", "p",
                           "small", "time", "dt", "dd"})
# A cell holds a line or two (<p>s, a <time>); a heading, a list or a table in it makes the item a section.
ROW_BREAKING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "li"})
ROW_BOX_TAGS = frozenset({"div", "p", "dt", "dd"})  # a row is laid out in boxes: one at least among its cells
MAX_ROW_LABEL_CHARS = 30  # the first cell names the row ('경력', 'Date and time', '첨부파일 1', '-1 halal box')
ROW_WRAPPER_LEVELS = 2  # '<li><div class="row"><div>label</div><div>value</div></div></li>': the cells are a level down
_LABEL_SENTENCE = re.compile(r"[.!?。](?:\s|$)|다\.?$")  # a full stop ends a sentence; '2026.01.26' has none
ROW_HINT = "cell"  # a row item is a field row like a <tr> or a <dl>, not a list item
MAX_DL_ROW_CHARS = 200  # a short <dl> is a field list (Date / Views); a long one is content
MAX_BREADCRUMB_CHARS = 150  # 'Home > News > Press Releases'; a longer element is a menu or content
MAX_BREADCRUMB_PART_WORDS = 5  # 'News & Media', '문화·관광': each step of a path is a short name
MAX_BREADCRUMB_TITLE_WORDS = 15  # ... but the last, which may be the page's own headline (a marked path only)
_WS_RE = re.compile(r"\s+")
_BREADCRUMB_TEXT = re.compile(r"^(home|홈|처음)\s*[>›»/]", re.IGNORECASE)
_BREADCRUMB_ROOT_WORD = re.compile(r"^(home|홈|처음|메인)\b", re.IGNORECASE)
BREADCRUMB_LIST_TAGS = frozenset({"ul", "ol"})  # a path whose separators are CSS: one step an item
MIN_BREADCRUMB_LIST_STEPS = 3  # the root and two steps: 'Home, About' alone is a menu as likely as a path
# lxml refuses a str that starts with an XML declaration (XHTML pages), and libxml2 drops whatever
# follows </html>; neither tag carries content, so both go before parsing.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_ENTER, _EXIT = 0, 1
OUTSIDE_REGION = "outside_region"
# Never content, wherever they are: controls and embedded objects (their labels are recorded). A <video>
# or <audio> holds only its fallback text ('Your browser does not support the video tag'), which a
# browser that plays the media never shows (the figure's caption sits beside it, in <figcaption>).
CONTROL_TAGS = frozenset({"button", "select", "input", "textarea", "iframe", "svg", "object", "embed", "canvas",
                          "video", "audio"})
FIELD_TAGS = frozenset({"input", "textarea"})  # controls outside the region are left to the walk: an <input> has no text
# Elements that never hold article text outside the region: what nobody sees, the page's sectioning chrome
# (an article's own <header> excepted, see _chrome_rule) and the controls. Their text is recorded as removed,
# under 'html_<tag>'. One set made of the others, so that a control added to CONTROL_TAGS is dropped here too.
DROP_TAGS = INVISIBLE_TAGS | SECTIONING_TAGS | (CONTROL_TAGS - FIELD_TAGS)
# Inside the region a chrome-named element is dropped only when it holds less than this share of
# the region's prose: a comment thread or a share bar is small beside the article it sits in.
NEGATIVE_MAX_PROSE_SHARE = 0.5
MIN_PROSE_BEFORE = 3.0  # the prose of one real paragraph: after it, the article has begun
WEAK_MAX_PROSE = 2.0
LAYOUT_ITEM_CHARS = 500  # a list item is a line or two; one holding a page of text is a layout box ...
LAYOUT_ITEM_BOXES = frozenset({"div", "table", "section", "article", "form"})  # ... made of boxes
LAYOUT_ITEM_BREAKS = 4  # ... or of lines broken by <br> (a whole notice typed into one item: '개요<br>ㅇ ...<br>')
# A list that says it is a table (ARIA role, or the data-role of a site's script) is a table: its items are rows.
TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
ROW_ROLES = frozenset({"row"})
ICON_TAGS = frozenset({"span", "i", "img", "em"})  # an icon leads an item: an empty box with a class, or an image
MIN_VISIBLE_PROSE = 3.0  # less prose than one paragraph outside <noscript>: read <noscript> too
FAST_RECORD_CHARS = 300  # removed boxes larger than this are recorded with their pieces space-joined
LINK_LINE_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6"})
FIELD_VALUE_TAGS = frozenset({"p", "div"})  # a field's value box; a heading after a label would come out a heading
LINK_LINE_SHARE = 0.8  # four fifths of the line is link text ...
MAX_LINK_LINE_CHARS = 200  # ... and the line is a headline's length, not a paragraph with a long link
# A link that shows its own address: a web address, or an e-mail address ('gritter@cmpd.org', a contact's)
_URL_TEXT = re.compile(r"^(?:(?:https?://|www\.)\S+|(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.IGNORECASE)
# Short blocks before the region's first paragraph of prose or after its last one (bylines, dates,
# 'Share this', 'Related', 'Was this helpful?') are the article's frame (jusText's context rule,
# with the region's edges as its boilerplate neighbours); they stay readable as metadata.
EDGE_GOOD_WEIGHT = 70  # weighted chars of a block that reads as prose ...
_SENTENCE_MARK = re.compile(r"[.!?。]|다[.\s]|[,;]")  # ... with a sentence mark in it
REGION_EDGE = "region_edge"
TEASER_FEED = "teaser_feed"
# A grid of cards for other pages ('More events': title, date, place, a 'Details' link), each card of
# one shape with a heading and a link away, and no paragraph of prose of its own: a feed, whatever
# the link's words. The link need not lead the card (tails.is_teaser_feed's teasers); the heading does.
CARD_FEED = "card_feed"
CARD_FEED_TAGS = frozenset({"div", "section", "ul", "ol"})
CARD_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
CARD_MAX_PROSE = 3.0  # less than one real paragraph a card (MIN_PROSE_BEFORE): sections of an article have more ...
CARD_BARE_SHARE = 0.5  # ... in half of the cards at least (the others a one-line summary, as teasers have)
_AWAY_HREF = re.compile(r"^(?!#|javascript:|mailto:|tel:)\S")
FEED_RULES = frozenset({TEASER_FEED, CARD_FEED})
ARTICLE_TEXT_HINTS = frozenset({"p", "cell", "li"})  # blocks that show the article has begun (not its title)
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # 'fss@thehacc.org', 'lgy2@kead.or.kr'
# 'Time: 8:30 AM', '○ 문의 : 02-779-9870~1': a short label (a marker before it), a colon, a value
_FIELD_LINE = re.compile(r"^(?:[○●◦•▪·ㆍ■□\-–*]\s*)?[^\s:：][^:：]{0,30}[:：](?!\d)\s*\S")  # not '11:11' 
PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre", "td", "th"})
LEAD_MAX_WEIGHT = 50  # 'By Jane Doe', 'Monday November 18, 2019 7:45 am': the lines above an article are short
# A region of a few paragraphs (an event's or a notice's description) reads its schedule lines and fields
# ('Wednesday, May 22, 2024', '게재일자 : 2025-03-18', 'Date: November 20, 2019') as facts, not as a dateline (see
# is_schedule_line); a thin region (region.THIN_REGION_PROSE) any date, time or field line. Real holdout kept
# 95.5 -> 96.6 % with 30, leaks unchanged; a bare date in a news story's frame stays out.
SHORT_REGION_PROSE = 30.0
MAX_EDGE_RUN = 6  # an article's frame is a few lines; a longer run of short lines is content  # a 'header'/'meta' box with less prose than one sentence is the article's furniture
# Where an element is relative to the region: inside it, on the way to it (an ancestor), or outside.
_INSIDE, _CONTAINER, _OUTSIDE, _NO_REGION = 0, 1, 2, 3


@dataclass
class _State:
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    ordinal: int = 0
    list_depth: int = -1
    boundary: bool = True
    sizes: dict = field(default_factory=dict)  # Size per visible element (dom.measure)
    hidden: dict = field(default_factory=dict)  # rule per hidden element
    region: Region = NO_REGION
    evidence: dict = field(default_factory=dict)  # cache for region.evidence
    excluded_by: str = ""  # '' inside the region; else why the current blocks are not content
    path: str = ""  # DOM path of the innermost open block element
    prose_seen: float = 0.0  # prose of the region's paragraphs walked so far
    item_markers: list[str | None] = field(default_factory=list)  # per open <li>: its marker, None once out
    document_lines: set = field(default_factory=set)  # DOM paths of the region's lines that are attachments' links
    bold_open: list = field(default_factory=list)  # the open bold elements (see _open_emphasis), outermost first
    bold_from: int = 0  # where in the buffer the open bold run began
    bold_spans: list = field(default_factory=list)  # (start, end) buffer slices of the closed bold runs
    centered_open: list = field(default_factory=list)  # the open centred boxes


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())  # as a \s+ substitution, and several times faster


def _nonspace(text: str | None) -> int:
    return sum(map(len, text.split())) if text else 0


def _follows_element(el: etree._Element) -> bool:
    """True when el comes right after a sibling element with no text between ('<span>A</span><span>B')."""
    previous = el.getprevious()
    return previous is not None and isinstance(previous.tag, str) and not previous.tail


def _text_of(el: etree._Element, visible_only: bool = True) -> str:
    """The element's text, words kept whole across inline markup, blocks and cells separated by a space."""
    if not isinstance(el.tag, str):
        return ""
    if not len(el):  # no children (a script, a <meta>, a label): its own text
        text = el.text
        return _squash(text) if text else ""
    parts = [el.text or ""]
    append = parts.append
    separating = SEPARATING_TAGS
    skipped = INVISIBLE_TAGS if visible_only else ()
    # iterative, a stack of child iterators: pages can nest deeper than Python's recursion limit
    iterators, open_tags = [iter(el)], []
    while iterators:
        for node in iterators[-1]:
            tag = node.tag
            if tag.__class__ is not str or (tag := tag.lower()) in skipped:
                append(node.tail or "")  # a comment's or a hidden element's text is not read; the text after it is
                continue
            previous = node.getprevious()
            # a space before a block, and between two elements with no text between ('<span>A</span><span>B')
            append(" " if tag in separating or (previous is not None and previous.tag.__class__ is str
                                                and not previous.tail) else "")
            append(node.text or "")
            if len(node):
                iterators.append(iter(node))
                open_tags.append((tag, node.tail))
                break
            append(" " if tag in separating else "")
            append(node.tail or "")
        else:
            iterators.pop()
            if open_tags:
                tag, tail = open_tags.pop()
                append(" " if tag in separating else "")
                append(tail or "")
    return _squash("".join(parts))


# A quotation's own footer names who said it ('<blockquote><p>...</p><footer><cite>Premier Sandy Silver</cite>
# </footer></blockquote>', Bootstrap's blockquote-footer): the attribution, never the page's footer.
ATTRIBUTION_TAGS = frozenset({"footer", "cite"})


def is_quote_attribution(el: etree._Element, tag: str) -> bool:
    """True for a <footer> or <cite> inside a <blockquote>: the quotation's attribution, content."""
    return tag in ATTRIBUTION_TAGS and next(el.iterancestors("blockquote"), None) is not None


def blockquote_place(path: str) -> tuple[str, bool] | None:
    """(the path of the outermost <blockquote> above a block, whether the block is in its footer or cite),
    or None for a block outside any blockquote. path is a Block.dom_path ('body/div.x/blockquote.q/footer/p')."""
    if "blockquote" not in path:
        return None
    steps = path.split("/")
    tags = [step.split(".", 1)[0] for step in steps]
    if "blockquote" not in tags:
        return None
    at = tags.index("blockquote")
    return "/".join(steps[:at + 1]), not ATTRIBUTION_TAGS.isdisjoint(tags[at + 1:])


def is_attribution_line(block: Block) -> bool:
    """True for a line in a <blockquote>'s footer or cite: who said the quote, part of it, not the frame."""
    place = blockquote_place(block.dom_path)
    return place is not None and place[1]


def _chrome_rule(el: etree._Element, tag: str, sizes: dict) -> str | None:
    """The rule name under which an element is dropped as chrome, or None to keep it."""
    if tag in ("header", "footer") and next(el.iterancestors("article", "main"), None) is not None:
        return None  # an article's own header holds its title and metadata
    if is_quote_attribution(el, tag):
        return None
    if tag == "form" and (not _has_fields(el, sizes) or _wraps_page_text(el, sizes)):
        return None  # a form a reader fills nothing in, or one around the page's text, wraps it (a board post's view form)
    if tag in DROP_TAGS:
        return f"html_{tag}"
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if attrs and CHROME_CLASS.search(attrs) and not ARTICLE_CLASS.search(attrs) and not _holds_headline(el, attrs):
        return "html_chrome_class"
    if tag in ("ul", "ol", "dl", "div", "table", "section"):
        size = sizes.get(el) or Size()
        chars, links, link_chars = size.chars, size.links, size.link_chars
        share = link_chars / chars if chars else 0.0
        # A list that is nothing but links (a side menu, related articles, prev/next) is navigation even
        # when short; a block with some prose around its links needs more links to count as a menu.
        pure_list = tag in ("ul", "ol", "dl") and links >= LINK_LIST_MIN_LINKS and (
            share >= LINK_LIST_TEXT_SHARE or (share >= LINK_MENU_TEXT_SHARE and _only_separators_outside_links(el)))
        if (pure_list or (links >= LINK_MENU_MIN_LINKS and (share >= LINK_MENU_TEXT_SHARE or _labelled_link_row(el)))) \
                and not _FILE_LINK.search(text_content(el)) and not _links_to_documents(el) \
                and not _numbered_outline(el):
            return "html_link_menu"
    return None


# What a reader fills in or picks: a form holding one is a form (a search box, a login, a calendar chooser).
# Hidden inputs carry the page's state and buttons submit it: a form of those alone is a wrapper.
FILLED_TAGS = ("input", "select", "textarea")
UNFILLED_INPUT_TYPES = frozenset({"hidden", "submit", "button", "image", "reset"})


def _has_fields(form: etree._Element, sizes: dict) -> bool:
    """True when the form holds a visible field a reader fills in or picks ('<input type="text">', a
    <select>, a <textarea>); False for a form of hidden inputs and buttons around a page's text
    ('<form id="listForm"><input type="hidden" name="seq">...<p class="headLine">...<pre>...')."""
    return any(field in sizes and (_tag(field) != "input"
                                   or (field.get("type") or "text").strip().lower() not in UNFILLED_INPUT_TYPES)
               for field in form.iter(*FILLED_TAGS))


# A form with a search box may still wrap the page's text ('<form><input name="q">...<h3>Form: GSA1364</h3>
# <h4>Proposal to Lease Space</h4><p>...', a board view page inside its search form): when it holds most of
# the page's prose, and at least a paragraph of it, and its fields are a search box's (a keyword field, a scope
# picker), they are a small part of it and it is a wrapper. A panel of filters (a court, a year, a type and a
# keyword) around a list of results is the list's form: its results are another page's, by choice.
WRAPPER_FORM_PAGE_SHARE = 0.5
MAX_WRAPPER_FORM_FIELDS = 2


def _wraps_page_text(form: etree._Element, sizes: dict) -> bool:
    """True when a form of a search box's fields (at most MAX_WRAPPER_FORM_FIELDS typed in or picked) holds at
    least a paragraph of prose (MIN_PROSE_BEFORE) and at least half the prose of the page's body
    (WRAPPER_FORM_PAGE_SHARE): the page's main text sits inside it, beside its fields."""
    size = sizes.get(form)
    if size is None or size.prose < MIN_PROSE_BEFORE \
            or sum(_is_typed_field(node, sizes) for node in form.iter(*FILLED_TAGS)) > MAX_WRAPPER_FORM_FIELDS:
        return False
    body = next(form.iterancestors("body"), None)
    page = sizes.get(body) if body is not None else None
    return page is not None and size.prose >= WRAPPER_FORM_PAGE_SHARE * page.prose


_LINK_TAG = frozenset({"a"})
_SEPARATORS_ONLY = re.compile(r"^[\s,;|·/•ㆍ]*$")  # what sits between a menu's links: 'Outlook, ICal, Google Calendar'


def _only_separators_outside_links(el: etree._Element) -> bool:
    """True when every piece of el's visible text outside its links is a separator (a comma, a bar, a dot):
    a row of links written as a list ('<li><a>Outlook</a>,</li><li><a>ICal</a>,</li>'), all links still."""
    for piece in el.xpath(".//text()"):
        if not _SEPARATORS_ONLY.match(piece) and not enclosing_tag(text_holder(piece), _LINK_TAG, el):
            return False  # words outside any link
    return True


def _labelled_link_row(el: etree._Element) -> bool:
    """True when el's text outside its links is one short label ending with a colon before them and
    separators between them ('Read this release in: <a>Kannada</a> , <a>Urdu</a> , ...', '관련 사이트 : <a>...</a>,
    <a>...</a>'): a labelled row of links to other pages, a menu, though its label keeps it under
    LINK_MENU_TEXT_SHARE. The label names the row; a sentence around links ('Contact <a>A</a> or ...') is
    no label (words after the first link, or no colon)."""
    label = []
    seen_link = False
    for piece in el.xpath(".//text()"):
        if enclosing_tag(text_holder(piece), _LINK_TAG, el):
            seen_link = seen_link or bool(piece.strip())
            continue
        if _SEPARATORS_ONLY.match(piece):
            continue
        if seen_link:
            return False  # words between or after the links: a sentence, not a labelled row
        label.append(piece)
    text = _squash(" ".join(label))
    return 0 < len(text) <= MAX_ROW_LABEL_CHARS and text.endswith((":", "："))


def _row_number(row: etree._Element) -> str:
    """A row's (a <tr>'s or an <li>'s) first piece of text when it sits outside any link: its
    number, when it has one ('<td>1.</td><td><a>Roll Call</a></td>', '<li>가. <a>...</a></li>')."""
    for piece in row.xpath(".//text()"):
        if piece.strip():
            return "" if enclosing_tag(text_holder(piece), _LINK_TAG, row) else piece.strip()
    return ""


def _numbered_outline(el: etree._Element) -> bool:
    """A block of link rows each numbered in its own text ('1.', '2.', 'a.', '가.', '(3)') outside
    the links: an agenda or an outline whose items open the documents they name, not navigation
    (menus never number their entries). Three numbered rows and half the rows at least."""
    rows = list(el.iter("tr")) or [child for child in el.iter("li")]
    if len(rows) < MIN_OUTLINE_ROWS:
        return False
    numbered = sum(bool(_OUTLINE_MARKER.match(_row_number(row))) for row in rows)
    return numbered >= MIN_OUTLINE_ROWS and numbered * 2 >= len(rows)


def _links_to_documents(el: etree._Element) -> bool:
    """A list whose links mostly open documents (minutes, reports as PDF or HWP): the page's
    documents, not navigation, though the link texts name no file."""
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return bool(hrefs) and sum(bool(_DOCUMENT_HREF.search(h)) for h in hrefs) * 2 >= len(hrefs)


def _holds_headline(el: etree._Element, attrs: str) -> bool:
    """A box named 'header' ('entry-header', 'page-header') around an <h1>: the article's own header,
    holding its headline and byline, not the site's (which is a <header> tag, dropped as such)."""
    return "eader" in attrs and _HEADER_NAME.search(attrs) is not None and next(el.iter("h1"), None) is not None


def _is_layout_row(tr: etree._Element, sizes: dict) -> bool:
    """A table row used for page layout (cells holding paragraphs, lists, tables), not a data row.

    A row with no text but an image is walked too, so that the image's alt text is not lost.
    """
    chars = sizes[tr].chars if tr in sizes else 0
    if chars > MAX_DATA_ROW_CHARS or len(_squash(text_content(tr))) > MAX_DATA_ROW_CHARS:
        return True
    if not chars and next(tr.iter("img"), None) is not None:
        return True
    return bool(tr.xpath("./td/*[self::p or self::div or self::ul or self::ol or self::table or self::h2 or "
                         "self::h3 or self::h4 or self::dl]"))


def _has_caption_near(img: etree._Element, sizes: dict) -> bool:
    """An image whose figure or container has its own caption: its alt text would be a duplicate."""
    own = int(is_caption_element(img))
    if any(container in sizes and sizes[container].captions - own > 0
           for container in list(img.iterancestors())[:CAPTION_SEARCH_LEVELS]):
        return True
    box = img.getparent()
    if box is not None and _tag(box) == "a" and not _squash(box.text or "") and not _squash(img.tail or ""):
        box = box.getparent()  # '<div><a href="big.jpg"><img></a><p>caption</p></div>'
    return box is not None and _tag(box) == "div" and _is_image_box(box, sizes)


def _is_image_box(box: etree._Element, sizes: dict) -> bool:
    """A box that is a figure without the tag: a <div> that opens with its one picture (no text before it) and then
    holds only a short line or two of text, beside other content of its parent ('<div class="cutoutright"><img
    alt="Poster"><p>A poster produced in 1943. Image courtesy of ...</p></div>', '<div><img><p>▲ 시청 전경 (사진=시청)</p>
    </div>'). Its text is the picture's caption, as a <figure>'s is; a box inside a list item is a card of a list."""
    size = sizes.get(box)
    parent = box.getparent()
    if (size is None or not size.chars or size.weight > MAX_IMAGE_BOX_CAPTION_WEIGHT or _squash(box.text or "")
            or parent is None or sizes.get(parent) is None or 2 * size.chars > sizes[parent].chars):
        return False
    first = next((child for child in box if isinstance(child.tag, str)), None)
    if first is None or _tag(first) not in ("img", "a"):
        return False
    if _tag(first) == "a" and (_squash(text_content(first)) or next(first.iter("img"), None) is None):
        return False
    images, blocks = 0, 0
    for node in box.iterdescendants():
        if not isinstance(node.tag, str):
            continue
        name = _tag(node)
        images += name == "img"
        blocks += name in ("p", "div", "span", "br")
        if name in IMAGE_BOX_STOP_TAGS or images > 1 or blocks > MAX_IMAGE_BOX_BLOCKS:
            return False
    return images == 1 and not any(_tag(up) == "li" for up in box.iterancestors())


def _is_breadcrumb(el: etree._Element, tag: str, sizes: dict) -> bool:
    chars = sizes[el].chars if el in sizes else 0
    if not chars or chars > MAX_BREADCRUMB_CHARS:
        return False
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("aria-label"))))
    hinted = BREADCRUMB_HINT.search(attrs)
    first = (el.text or "").strip()
    if not first:
        for piece in el.itertext():  # the first text that is not blank
            first = piece.strip()
            if first:
                break
    rooted = bool(_BREADCRUMB_ROOT_WORD.match(first))
    if not rooted:
        if not hinted and tag not in BREADCRUMB_LIST_TAGS:
            return False  # cheap exit: most elements are neither marked nor start with 'Home'
        # '<ul><li><img alt="home"></li><li>ITP 뉴스</li>...': the root is a house icon before any text
        rooted = _home_icon_first(el)
        if not hinted and not rooted:
            return False
    text = _text_of(el)
    if not text or len(text) > MAX_BREADCRUMB_CHARS:
        return False
    if hinted:
        # Separators may be CSS only (<li>Home</li><li>News</li>): the root word is evidence enough.
        looks_like_path = bool(re.search(r"[>›»/]", text) or rooted)
    else:
        # ... and a list of two or more steps after a root ('HOME', 단지정보, 장기수선계획) is a path too
        steps = [child for child in el if isinstance(child.tag, str)]
        looks_like_path = bool(_BREADCRUMB_TEXT.match(text)) or (
            tag in BREADCRUMB_LIST_TAGS and len(steps) >= MIN_BREADCRUMB_LIST_STEPS
            and all(_tag(step) == "li" for step in steps))
    # A cell or box that merely starts with the path ('HOME > 소식' then the article) is not the path; a step
    # that opens a parenthesis it does not close was cut out of a phrase ('Location: (via video/teleconference)').
    # The last step of a path its name marks may be the page's own headline ('Media > News Releases > February
    # 2026 > Fourth Defendant Pleads Guilty in Decade-long Ponzi Scheme'): longer than a section's name.
    parts = _breadcrumb_text(el).split(" > ")
    return looks_like_path and all(
        len(part.split()) <= (MAX_BREADCRUMB_TITLE_WORDS if hinted and n == len(parts) - 1 > 0 else MAX_BREADCRUMB_PART_WORDS)
        and not re.search(r"[.!?]$", part) and part.count("(") == part.count(")") for n, part in enumerate(parts))


def _home_icon_first(el: etree._Element) -> bool:
    """True when the element's first visible thing is an image whose alt text is a root word ('home', '홈')."""
    for node in el.iter():
        if node is not el and (node.text or "").strip():
            return False
        if _tag(node) == "img":
            return bool(_BREADCRUMB_ROOT_WORD.match((node.get("alt") or "").strip()))
    return False


def _breadcrumb_text(el: etree._Element) -> str:
    parts = [p.strip() for p in el.itertext() if p.strip()]
    parts = [q for p in parts for q in re.split(r"\s*[>›»/]\s*", p) if q]
    return " > ".join(parts)


def _flush(state: _State, hint: str, depth: int = 0, marker: str = "") -> None:
    buffer = state.buffer
    joined = "".join(buffer)
    bold = False
    if state.bold_open or state.bold_spans:
        bold = _wholly_bold(state)
        state.bold_spans.clear()
        state.bold_from = 0  # an open run goes on in the next buffer
    buffer.clear()
    if not joined or joined.isspace():  # most flushes: the indentation between two blocks (no block, no squash)
        return
    text = _squash(joined)
    if text:
        if hint == "li" and state.item_markers:
            # only an item's first block carries its marker: its next paragraphs ('<li><p>label</p><p>more</p></li>',
            # '...<br>Please note ...') and the text after its sub-list go on with it
            marker, state.item_markers[-1] = state.item_markers[-1] or "", None
        state.ordinal += 1
        state.blocks.append(Block(state.ordinal, text, hint, max(depth, 0), marker, state.boundary,
                                  state.path, state.excluded_by, bold, bool(state.centered_open)))
        state.boundary = False


# Emphasis the markup states, read as the walk goes (Block.bold, Block.centered): evidence for bold headings.
BOLD_TAGS = frozenset({"b", "strong"})
STYLED_TAGS = frozenset({"b", "strong", "p", "div", "span", "font", "center"})  # the tags whose weight or alignment is read
CENTRED_TAGS = frozenset({"p", "div", "center"})  # boxes that centre a line (a centred <span> centres nothing)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.IGNORECASE)
_LIGHT_STYLE = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", re.IGNORECASE)  # '<b style=...>' unset
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center\b", re.IGNORECASE)


def _open_emphasis(el: etree._Element, tag: str, state: _State) -> None:
    """Open a bold run or a centred box at el (a tag of STYLED_TAGS) when its markup or inline style says so."""
    style = el.get("style")
    if (tag in BOLD_TAGS and not (style and _LIGHT_STYLE.search(style))) or (style and _BOLD_STYLE.search(style)):
        if not state.bold_open:
            state.bold_from = len(state.buffer)
        state.bold_open.append(el)
    if tag in CENTRED_TAGS and (tag == "center" or (el.get("align") or "").lower() == "center"
                                or (style and _CENTRED_STYLE.search(style))):
        state.centered_open.append(el)


def _close_bold(state: _State) -> None:
    """Close the innermost bold element; the run ends with the outermost one."""
    state.bold_open.pop()
    if not state.bold_open:
        state.bold_spans.append((state.bold_from, len(state.buffer)))


def _wholly_bold(state: _State) -> bool:
    """True when what the buffer holds outside its bold runs is blank (a block is made of text that is not)."""
    buffer = state.buffer
    spans = state.bold_spans + [(state.bold_from, len(buffer))] if state.bold_open else state.bold_spans
    at = 0
    for start, end in spans:
        if "".join(buffer[at:start]).strip():
            return False
        at = end
    return not "".join(buffer[at:]).strip()


def _record(state: _State, el: etree._Element, rule: str) -> None:
    # Removed chrome is kept on record whole, scripts included. Big boxes (menus, footers) are read
    # in one C-level pass, their pieces joined by spaces; small ones word for word (see _text_of).
    size = state.sizes.get(el)
    if size is not None and size.chars > FAST_RECORD_CHARS:
        text = " ".join(" ".join(el.itertext()).split())
    else:
        text = _text_of(el, visible_only=False)
    if text:
        state.ordinal += 1
        state.removed.append(RemovedLine(state.ordinal, text, rule))


EMPTY_FIELD = "empty_field"


def _is_empty_field_row(tr: etree._Element) -> bool:
    """A row of labels whose value cells are all empty ('<tr><th>제목</th><td></td></tr>', '<tr><th>Title</th>
    <td> </td></tr>': an empty board view's form): it says nothing, and is recorded, not a block."""
    cells = [cell for cell in tr if _tag(cell) in CELL_TAGS]
    values = [cell for cell in cells if _tag(cell) == "td"]
    return bool(values) and len(values) < len(cells) and not any(_text_of(cell) for cell in values) \
        and next((c for c in values if next(c.iter("img", "input", "select", "a"), None) is not None), None) is None


# A row's button ('<dd>공시송달.pdf <a href="#" onclick="preview(...)"><span>바로 보기</span></a></dd>', '<td><button>
# Download</button></td>'): a control beside the field's value, recorded apart and left out of the row's text. Only a
# label a line rule names as a control's (rules: button, attachment_button) goes: a script link whose text is a file's
# name ('<a href="#" onclick="down(1)">report.pdf</a>') is the value itself.
ROW_CONTROL = "html_row_control"


def _row_controls(row: etree._Element) -> list[etree._Element]:
    """The controls of a table row or a <dl> whose label is a control's word (ROW_CONTROL)."""
    return [node for node in row.iter("a", "button") if (_tag(node) == "button" or _is_control_link(node))
            and match_line_rule(_text_of(node)) in CONTROL_RULES]


def _without(text: str, cell: etree._Element, controls: list[etree._Element]) -> str:
    """text (cell's) with the labels of the controls inside cell taken out, last first."""
    for control in reversed(controls):
        if any(a is cell for a in control.iterancestors()):
            head, _, tail = text.rpartition(_text_of(control))
            text = _squash(f"{head} {tail}")
    return text


def _dl_text(dl: etree._Element, controls: list[etree._Element] = ()) -> str:
    parts = []
    for child in dl.iter("dt", "dd"):
        text = _without(_text_of(child), child, controls) if controls else _text_of(child)
        if text:
            parts.append(f"{text} :" if child.tag == "dt" else text)
    return " ".join(parts)


def _row_text(tr: etree._Element, controls: list[etree._Element] = ()) -> str:
    parts, emptied = [], False
    for cell in tr:
        tag = _tag(cell)
        text = _text_of(cell) if tag else ""
        if text and controls:
            text = _without(text, cell, controls)
            emptied = emptied or not text
        if not text:
            continue
        parts.append(f"{text} :" if tag == "th" else text)
    joined = " ".join(parts)
    # a label whose only value was a control ('파일.pdf : [바로 보기]') is no label: no colon left dangling
    return joined.removesuffix(" :") if emptied else joined


def _is_layout_list(el: etree._Element, sizes: dict) -> bool:
    """A <ul> used as a page layout: an item holding a long text in boxes of its own (Bootstrap's
    list-group around a whole notice) or in lines broken by <br> (a notice typed into one item:
    '<li class="txt">□ 개요<br>ㅇ ...<br>'). Its lines are the page's paragraphs, not list items."""
    if _is_role_boxes(el):
        return True
    for item in el:
        if _tag(item) != "li" or item not in sizes or sizes[item].chars <= LAYOUT_ITEM_CHARS:
            continue
        if any(_tag(child) in LAYOUT_ITEM_BOXES for child in item) or \
                sum(_tag(child) == "br" for child in item) >= LAYOUT_ITEM_BREAKS:
            return True
    return False


MIN_ROLE_BOXES = 3  # a title, a field line and a text at least: two named items may be a list's first and last


def _is_role_boxes(el: etree._Element) -> bool:
    """A <ul> whose items each carry a class of their own, none shared ('<ul class="viewInfo"><li
    class="title_result">...<li class="item">담당부서 ...<li class="txt">ㅇ안건<br>...<li class="file">', '<ul><li
    class="headline"><li class="byline"><li class="body">'): a board view laid out as boxes named for their role
    (title, fields, text, files), not a list, whose items are alike (no class, or one class repeated: 'li.item',
    'li.m0' once digits are masked)."""
    items = [item for item in el if isinstance(item.tag, str)]
    if len(items) < MIN_ROLE_BOXES or any(_tag(item) != "li" for item in items):
        return False
    names = [path_segment(item, "li") for item in items]
    return "li" not in names and len(set(names)) == len(names)


def _is_table_item(li: etree._Element, sizes: dict) -> bool:
    """A list item that is a row, not an item of a list: one of a list declared a table
    ('<ul data-role="table"><li class="thead"><span>일정</span><span>상태</span>'), one declared a row,
    or a form's choice (an item holding an <input>: '<li><label><input>15 점 캠프 ... 접수마감</label>').
    Its text is one line, a field row ('cell'), as a <tr> is; an item holding a page, a list or a table is none."""
    size = sizes.get(li)
    if size is None or size.chars > MAX_DATA_ROW_CHARS or next(li.iter(*ROW_BREAKING_TAGS - {"li"}), None) is not None:
        return False
    if _is_row_item(li, sizes):
        return False  # a row of boxes is already one line, read 'label : value' (see _row_item_text)
    if declared_role(li, True) in ROW_ROLES or declared_role(li.getparent(), True) in TABLE_ROLES \
            or _is_icon_led(li, sizes):
        return True
    return next(li.iter("input"), None) is not None


def _is_icon_led(li: etree._Element, sizes: dict) -> bool:
    """An item led by an icon, not by words: a fact of a panel the icon labels ('<li><span class="fa-li">
    <span class="fa-calendar"></span></span><strong>Tuesday, June 02, 2026</strong></li>', '<li><span
    class="img_wrp"><img src="welfare1.png" alt=""></span><p>통근버스</p></li>', '<li><p><img src="ico16.png"
    alt="">서류</p></li>'): a field, as a row is. The icon may sit in the item's one box, a wrapper down."""
    box = li
    for _ in range(ROW_WRAPPER_LEVELS):
        if (box.text or "").strip():
            return False
        children = [child for child in box if isinstance(child.tag, str)]
        if not children:
            return False
        first = children[0]
        if _tag(first) in ICON_TAGS and not _text_of(first):
            return _tag(first) == "img" or bool(first.get("class")) or next(first.iter("img"), None) is not None
        if len(children) != 1 or _tag(first) not in ROW_BOX_TAGS:
            return False
        box = first  # '<li><p><img>서류</p></li>': the item's one box
    return False


def _row_cells(li: etree._Element) -> list[etree._Element]:
    """The boxes a list item is laid out in, through a wrapper or two ('<li><div class="row">...'), or []
    when the item has text of its own beside them (a line of a list with markup in it)."""
    box = li
    for _ in range(ROW_WRAPPER_LEVELS + 1):
        if (box.text or "").strip():
            return []
        cells = [child for child in box if isinstance(child.tag, str)]
        if any((child.tail or "").strip() for child in box):
            return []
        if len(cells) != 1 or _tag(cells[0]) != "div":
            return cells
        box = cells[0]
    return []


def _is_row_item(li: etree._Element, sizes: dict) -> bool:
    """A list item laid out as a table row: two or more short boxes side by side and nothing else
    ('<li><div>720p</div><div>MP4</div><div>140.21 MB</div></li>', '<li><em>경력</em><p>관계없음</p></li>',
    '<li><span>-1 팀명</span><span><p>박** (2201****)</p><p>(4명)</p></span><span>승인대기</span></li>').
    Its cells make one line, a field row ('cell'), not one list item each: the first box names the row
    (a label, no sentence), and no box holds a heading, a list or a table."""
    size = sizes.get(li)
    if size is None or not size.chars or size.chars > MAX_ROW_ITEM_CHARS or size.punct > ROW_ITEM_MAX_PUNCT:
        return False
    cells = _row_cells(li)
    if len(cells) < 2 or any(_tag(cell) not in ROW_CELL_TAGS for cell in cells):
        return False
    inner_tags = {_tag(inner) for cell in cells for inner in cell.iter()}
    if inner_tags & ROW_BREAKING_TAGS:
        return False  # a section of its own, not a row
    texts = [cell for cell in cells if cell in sizes and sizes[cell].chars]
    if len(texts) < 2:
        return False
    label = _text_of(texts[0])
    # Inline words side by side ('<strong>100%</strong><em> sicher</em>') are a phrase, not cells, unless
    # the first one says it is a label ('<label>', 'Date:').
    boxed = bool(inner_tags & ROW_BOX_TAGS) or _tag(texts[0]) == "label" or label.endswith((":", "："))
    if not boxed:
        return False
    if len(texts) > 2:
        return True  # three or more short cells side by side: a row of a table
    # two: a label and its value, the label no sentence
    return len(label) <= MAX_ROW_LABEL_CHARS and not _LABEL_SENTENCE.search(label)


def _row_item_text(li: etree._Element, text: str) -> str:
    """A row of a label and one value reads 'label : value', as a <dl> or a th/td row does."""
    texts = [cell for cell in _row_cells(li) if _squash(_text_of(cell))]
    if len(texts) != 2:
        return text
    label = _squash(_text_of(texts[0]))
    if not text.startswith(label) or len(text) == len(label):
        return text
    return f"{label.rstrip(' :：')} : {text[len(label):].lstrip(' :：')}"


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


_SENTENCE_END = re.compile(r"(?:[.!?。]|다)$")  # '...삭제되었습니다.', '...will change for every meeting.'


def _is_lone_note(tag: str, children: list) -> bool:
    """A list of one item that is one sentence: a note set with a bullet ('<ul
    class="box_list_area"><li>『...』이 시행됨에 따라 채용정보에서 연령이 삭제되었습니다.</li></ul>'), not a list. Its
    item is read as a box, a paragraph. A lone item that names a thing ('<ul><li>Approval of the minutes</li></ul>'
    under '5. Consent Agenda') and one holding boxes stay list items; a lone sub-item is its item's (hint 'li')."""
    if tag != "ul":
        return False
    items = [child for child in children if _tag(child) == "li"]
    if len(items) != 1 or any(_tag(inner) in BLOCK_TAGS for inner in items[0].iterdescendants()):
        return False
    return bool(_SENTENCE_END.search(_text_of(items[0])))


MAX_ENUMERATION_ITEM_WORDS = 3  # 'Outlook,' 'ICal,' 'Google Calendar': names run on in a sentence, not lines
MAX_ENUMERATION_ITEM_CHARS = 40  # ... so an item has a few dozen characters at most (read before its text)


def _is_inline_enumeration(tag: str, children: list, sizes: dict) -> bool:
    """A list whose short items end in commas but the last ('Add to: <ul><li>Outlook,</li><li>ICal,</li><li>Google
    Calendar</li></ul>', '<li>서울,</li><li>부산</li>'): one phrase laid out as a list, its items are no list items."""
    items = [child for child in children if _tag(child) == "li"] if tag in ("ul", "ol") else []
    if len(items) < 2:
        return False
    for position, item in enumerate(items, start=1):  # read lazily: most lists fail on their first item
        if item not in sizes or sizes[item].chars > MAX_ENUMERATION_ITEM_CHARS:
            return False
        text = _text_of(item)
        if len(text.split()) > MAX_ENUMERATION_ITEM_WORDS or text.endswith(",") == (position == len(items)):
            return False
    return True


MAX_FIELD_VALUE_CHARS = 30  # a byline's value: a department, a date, a count
_BARE_VALUE = re.compile(r"[\d\s.,:/~()\-]*\d[\d\s.,:/~()\-]*")  # '2025-09-25', '1,504': digits, no word


def _is_field_values(tag: str, children: list, sizes: dict) -> bool:
    """A list of a byline's values with their labels left to icons or styles ('<ul class="writer"><li>약제기준부</li>
    <li>2025-09-25</li><li>1,504</li></ul>', '<ul><li>Press Office</li><li>05/12/2024</li><li>2,310</li></ul>'):
    short items, a name among bare numbers (a date, a count) that make half of them at least. Fields of the page,
    not a list; a list of dates alone (a meeting schedule) stays a list."""
    items = [child for child in children if _tag(child) == "li"] if tag in ("ul", "ol") else []
    if len(items) < 2 or any(item not in sizes or sizes[item].chars > MAX_FIELD_VALUE_CHARS for item in items):
        return False
    texts = [_text_of(item) for item in items]
    bare = sum(1 for text in texts if _BARE_VALUE.fullmatch(text))
    return 2 <= bare < len(texts) and 2 * bare >= len(texts)


_CLAUSE_END = re.compile(r"[;；]\s*(?:and|or|및|또는)?$", re.IGNORECASE)  # '...being sought;', '...; and', '...; 및'


def _is_clause_list(tag: str, children: list) -> bool:
    """A list whose items end in semicolons but the last, which ends the sentence ('which consist of: <ul><li>an
    indication that a patent is sought;</li><li>the applicant's address; and</li><li>a document that describes an
    invention.</li></ul>', '<li>신청서 1부;</li><li>사업계획서 1부.</li>'): one sentence's clauses laid out as a list
    (a definition's or a rule's), read as the sentence's lines, not list items."""
    items = [child for child in children if _tag(child) == "li"] if tag in ("ul", "ol") else []
    if len(items) < 2:
        return False
    for position, item in enumerate(items, start=1):  # read lazily: most lists fail on their first item
        text = _text_of(item)
        if position < len(items) and not _CLAUSE_END.search(text):
            return False
    return text.endswith((".", "。"))


LIST_TAGS = frozenset({"ul", "ol"})


def _item_markers(el: etree._Element, tag: str, children: list, layout_list: bool, sizes: dict) -> list[str | None]:
    """The marker each child carries as a list item, None for every child of a layout list, a lone note or
    an inline enumeration: read as a box, a paragraph."""
    if tag not in LIST_TAGS:  # a layout list, and each rule below, is a <ul> or an <ol>: the children of a <div> are '•'
        return ["•"] * len(children)
    if layout_list or _is_lone_note(tag, children) or _is_inline_enumeration(tag, children, sizes) \
            or _is_field_values(tag, children, sizes) or _is_clause_list(tag, children):
        return [None] * len(children)
    return _li_markers(el, tag, children)


def _inside_rule(el: etree._Element, tag: str, state: _State) -> str | None:
    """Why an element inside the region is dropped whole, or None: controls, link menus, and
    chrome-named boxes (comments, share bars, related lists) that hold little of the region's prose."""
    if tag in CONTROL_TAGS:
        return f"html_{tag}"
    if tag in INLINE_TAGS_WALKED or el in state.region.core:
        return None
    if state.prose_seen >= MIN_PROSE_BEFORE and is_teaser_feed(el, state.sizes):
        return TEASER_FEED  # after the article's first paragraphs: other pages' headlines and summaries
    if state.prose_seen >= MIN_PROSE_BEFORE and _is_card_feed(el, tag, state.sizes):
        return CARD_FEED
    if el in state.region.nodes or is_quote_attribution(el, tag):
        return None  # a box merged into the region for its text (region._siblings): not dropped for a name
    found = evidence(el, tag, state.evidence)
    if found.negative and not _misnamed_link_widget(el, tag, state.sizes.get(el)) \
            and not _side_fact_box(el, tag, state.sizes.get(el), found.comments):
        size = state.sizes.get(el)
        # After the article's first paragraphs a comment thread or a related list is dropped whatever
        # its size; before them, only when small (a big 'sidebar' box first is the article misnamed).
        if size is None or state.prose_seen >= MIN_PROSE_BEFORE or \
                size.prose < NEGATIVE_MAX_PROSE_SHARE * state.region.prose:
            if found.comments:
                return "html_comments"
            return f"html_{tag}" if tag in SECTIONING_TAGS else "html_chrome_class"
    rule = _chrome_rule(el, tag, state.sizes)
    if rule == "html_link_menu":
        return rule
    if not _is_link_shaped_line(el, tag, state.sizes):
        return None
    if state.region.prose < SHORT_REGION_PROSE and _links_to_documents(el):
        # a short region's (an event's, a notice's) link to its document ('View the March 7, 2019 Meeting Agenda'
        # -> .pdf) is its content, never its frame either; in a long story a link line is a teaser whatever it
        # opens ('GET THE QUIZ: INSTANT DOWNLOAD!' -> .pdf), unless its text names a file (_is_link_line)
        state.document_lines.add(f"{state.path}/{path_segment(el, tag)}")
        return None
    return "link_line" if _is_link_line(el, tag, state.sizes) else None


def _misnamed_link_widget(el: etree._Element, tag: str, size: Size | None) -> bool:
    """True when el is named only for a link widget (LINK_WIDGET_WORDS) but holds no link, no control and at
    least one real paragraph of prose (MIN_PROSE_BEFORE): content, not the widget its name says."""
    if size is None or size.links or size.controls or size.prose < MIN_PROSE_BEFORE or tag in SECTIONING_TAGS \
            or (el.get("role") or "").strip():
        return False
    named = set(class_words(el.get("class"))) | set(class_words(el.get("id")))
    chrome = named & STRONG_NEGATIVE_WORDS
    return bool(chrome) and chrome <= LINK_WIDGET_WORDS and not _NEGATIVE_START.search(" ".join(named - chrome))


FACT_BOX_MAX_CHARS = 300  # an event's 'snapshot' box: a cost, a contact's name, phone and e-mail
FACT_BOX_TAGS = frozenset({"div", "section"})
_CONTACT_HREF = re.compile(r"^\s*(mailto|tel):", re.IGNORECASE)
_PHONE_OR_MAIL = re.compile(r"\d{2,4}[-.)\s]\d{3,4}[-.\s]\d{4}|[\w.+-]+@[\w-]+\.[\w.]+")


def _side_fact_box(el: etree._Element, tag: str, size: Size | None, comments: bool) -> bool:
    """True when el, named as a side box ('side-box event-snapshot'), is the article's facts, not the site's
    furniture: a small box of short lines with no link to another page (a mail or phone link only), no control,
    stating a phone number or an e-mail address (an event's contact: 'Contact / Officer Ritter / 980-666-0295 /
    gritter@cmpd.org'; '담당자 / 홍길동 / 02-123-4567'). A sidebar of the site's links is a menu; one that recurs on
    every page of the site (the site's own contact box) goes with the template pass."""
    if size is None or comments or tag not in FACT_BOX_TAGS or size.controls or size.chars > FACT_BOX_MAX_CHARS:
        return False
    if any(not _CONTACT_HREF.match(a.get("href") or "") for a in el.iter("a")):
        return False
    return _PHONE_OR_MAIL.search(text_content(el)) is not None


def _is_link_shaped_line(el: etree._Element, tag: str, sizes: dict) -> bool:
    """A paragraph or heading that is one link and little else."""
    if tag not in LINK_LINE_TAGS:
        return False
    size = sizes.get(el)
    if size is None or not size.links or size.chars > MAX_LINK_LINE_CHARS or size.own_chars < size.chars:
        return False  # (a <div> with block children is not one line)
    return size.link_chars >= LINK_LINE_SHARE * size.chars


def _is_link_line(el: etree._Element, tag: str, sizes: dict) -> bool:
    """A paragraph or heading that is one link and little else ('Read also: <a>Other story</a>'):
    a teaser for another page. A link to a file is an attachment, not a teaser; a link that is a
    field's value is the field's (see _is_field_value); a line numbered outside its link ('2. <a>RESOLUTION
    NO. ...</a>', '가. <a>...</a>': _OUTLINE_MARKER, as _numbered_outline reads a list's rows) is an agenda's item."""
    return _is_link_shaped_line(el, tag, sizes) and not _FILE_LINK.search(text_content(el)) \
        and not _shows_addresses(el) and not _is_field_value(el, sizes) \
        and not _OUTLINE_MARKER.match(_row_number(el))  # '2. <a>RESOLUTION NO. ...</a>': an agenda's numbered item


def _is_field_value(el: etree._Element, sizes: dict) -> bool:
    """True when el (or a box it is the one text of, a wrapper or two up) and the box before it are a row
    of their own, a field's label and its value ('<div class="row"><div>House Committee:</div><div><a>Public
    Safety</a></div></div>', '<div><span>담당부서 :</span><div><a>교통과</a></div></div>'): the link is the field's
    value, not a teaser for another page. The label ends with a colon, or the row is one of two or more rows
    of its shape side by side ('<div class="field"><div>Location</div><div><a>Pace Headquarters</a></div></div>
    <div class="field"><div>Location detail</div><div>Room 132</div></div>'): a list of fields (recurrence).
    A label among the article's paragraphs ('<h3>Read more:</h3><p><a>Other story</a></p>') opens a teaser."""
    if _tag(el) not in FIELD_VALUE_TAGS:
        return False
    value = el
    for _ in range(ROW_WRAPPER_LEVELS + 1):
        parent = value.getparent()
        if parent is None:
            return False
        boxes = _text_boxes(parent, sizes)
        if len(boxes) == 1 and boxes[0] is value and _tag(parent) in FIELD_VALUE_TAGS:
            value = parent  # '<div class="value"><div class="field"><a>...</a></div></div>': climb to the row
            continue
        if len(boxes) != 2 or boxes[1] is not value or (parent.text or "").strip() \
                or any((box.tail or "").strip() for box in boxes):
            return False
        text = _text_of(boxes[0])
        if not 0 < len(text) <= MAX_ROW_LABEL_CHARS:
            return False
        return text.endswith((":", "：")) or (not _LABEL_SENTENCE.search(text) and _recurring_row(parent, sizes))
    return False


def _text_boxes(parent: etree._Element, sizes: dict) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str) and child in sizes and sizes[child].chars]


def _recurring_row(row: etree._Element, sizes: dict) -> bool:
    """True when a sibling of the row has its tag and class and is a row of two boxes too: fields side by side."""
    shape = (row.tag, row.get("class"))
    parent = row.getparent()
    return parent is not None and any(
        other is not row and (other.tag, other.get("class")) == shape and len(_text_boxes(other, sizes)) == 2
        for other in parent)


def _shows_addresses(el: etree._Element) -> bool:
    """True when every link of the line shows its own address ('https://us02web.zoom.us/j/8933...', 'gritter@cmpd.org'):
    an address the reader is given to open or copy (a meeting's Zoom link, a source, a contact), not a teaser,
    which names another page by its headline."""
    texts = [" ".join(text_content(a).split()) for a in el.iter("a")]
    return any(texts) and all(_URL_TEXT.match(t) for t in texts if t)


def _excluded_by(el: etree._Element, tag: str, state: _State, where: int) -> str:
    """'' when the element's own blocks are content; else the rule that keeps them out of the body."""
    if where in (_CONTAINER, _OUTSIDE):
        return OUTSIDE_REGION
    if where == _NO_REGION or state.excluded_by or tag in INLINE_TAGS_WALKED or el in state.region.nodes:
        return state.excluded_by if where == _INSIDE and el not in state.region.nodes else ""
    found = evidence(el, tag, state.evidence)
    if found.weak and not _named_as_content_sibling(el, state.sizes):
        size = state.sizes.get(el)
        if size is None or size.prose < WEAK_MAX_PROSE:
            if tag != "header" and size is not None and size.chars <= MAX_FACT_BOX_CHARS and (
                    (_DIGIT.search(text_content(el)) and (state.region.prose < THIN_REGION_PROSE or (
                        state.region.prose < SHORT_REGION_PROSE and is_schedule_line(_text_of(el)))))
                    or (state.region.prose < SHORT_REGION_PROSE and _EMAIL.search(text_content(el)))):
                # a short region's date or time field ('Start Tue, 09/17/2019 - 10:00 AM') is its content, and so is
                # its contact without digits ('Organizer: Family Self Sufficiency Email: fss@thehacc.org')
                return ""
            return "html_header" if tag == "header" else "html_meta_class"
    return ""


MAX_NAMESAKES = 3  # siblings of an item's tag and class read on each side (its neighbours in a list of sections)


def _named_as_content_sibling(el: etree._Element, sizes: dict) -> bool:
    """True when a sibling of el with its very tag and class holds a paragraph of prose: the name is the
    one the article's own items carry (a '<li class="icon_arr4 mt10">' of a notice whose other items of that
    class are its sections), so a weak word in it ('icon', 'info', 'date') says nothing about this item:
    '<li class="icon_arr4 mt10">신청기간<br>2012.6.12.(화)∼7.31.(화)</li>' is the notice's own field (recurrence
    beside the name)."""
    classes = el.get("class")
    if not classes:
        return False
    for preceding in (True, False):  # the nearest namesakes on each side: a long list of them costs no more
        namesakes = 0
        for other in el.itersiblings(preceding=preceding):
            if other.tag != el.tag or other.get("class") != classes:
                continue
            size = sizes.get(other)
            if size is not None and size.prose >= MIN_PROSE_BEFORE:
                return True
            namesakes += 1
            if namesakes >= MAX_NAMESAKES:
                break
    return False


# A picture's slot that the page left empty ('<div class="page__featured-image empty"><p>Add a featured image to this
# page</p></div>', '<div class="thumb placeholder">이미지 준비중</div>'): its words are the CMS's prompt for the missing
# picture, not the article's. Both names must be there: the slot's (a picture word) and its state (empty), and no
# picture may be inside (an <img>, a <picture>, a background image).
EMPTY_SLOT = "html_empty_slot"
PICTURE_WORDS = frozenset({"image", "images", "img", "photo", "photos", "picture", "thumbnail", "thumb", "logo"})
EMPTY_STATE_WORDS = frozenset({"empty", "placeholder"})
_EMPTY_NAME = re.compile(r"empty|placeholder", re.IGNORECASE)  # a cheap look at the class before reading its words
PICTURE_TAGS = ("img", "picture", "svg", "video", "iframe", "object", "embed", "canvas")
MAX_SLOT_CHARS = 80  # a prompt of a few words (rules.MAX_ITEM_CHARS), not a paragraph


def _is_empty_picture_slot(el: etree._Element, size: Size | None) -> bool:
    """True for a box named as an empty picture slot that shows no picture and a short prompt (EMPTY_SLOT)."""
    classes = el.get("class")
    if not classes or not _EMPTY_NAME.search(classes) or size is None or not 0 < size.chars <= MAX_SLOT_CHARS:
        return False
    words = set(class_words(classes))
    if words.isdisjoint(EMPTY_STATE_WORDS) or words.isdisjoint(PICTURE_WORDS):
        return False
    return next(el.iter(*PICTURE_TAGS), None) is None \
        and not any("url(" in (node.get("style") or "") for node in el.iter() if isinstance(node.tag, str))


# A note right after a box of controls that opens with a control's label ('<div><button>관심정보 등록</button><a href="#"
# onclick="...">고용24 입사지원</a></div><p>고용24 입사지원 클릭 시 응답이 없을 경우, 새로고침 후 다시 시도해 보시기 바랍니다.</p>',
# '<div><a href="#" onclick="apply()">Apply online</a></div><p>Apply online not responding? Reload the page.</p>'): help
# for the control, the site's, not the article's.
CONTROL_HELP = "control_help"
MAX_CONTROL_BOX_CHARS = 80  # a row of a few buttons
MAX_CONTROL_HELP_CHARS = 200  # a line or two of help (rules.MAX_CHROME_LINE_CHARS)
MIN_CONTROL_LABEL_CHARS = 4  # 'Apply online', '고용24 입사지원': a label long enough to be quoted, not 'OK'
_NO_ADDRESS = re.compile(r"^\s*(?:#|javascript:|$)", re.IGNORECASE)


def _is_control_link(el: etree._Element) -> bool:
    """A link that goes nowhere and runs a script when clicked ('<a href="#" onclick="...">'): a button drawn as a link."""
    return _tag(el) == "a" and el.get("onclick") is not None and _NO_ADDRESS.match(el.get("href") or "") is not None


def _control_labels(box: etree._Element, sizes: dict) -> list[str]:
    """The labels of the controls (buttons, script links) of a small box whose visible text is theirs alone; []
    for any other box."""
    size = sizes.get(box)
    if size is None or not 0 < size.chars <= MAX_CONTROL_BOX_CHARS:
        return []
    controls = [node for node in box.iter("button", "a", "A") if _tag(node) == "button" or _is_control_link(node)]
    labels = [_text_of(node) for node in controls]
    if not controls or sum(map(_nonspace, labels)) < _nonspace(_text_of(box)):
        return []
    return [label for label in labels if len(label) >= MIN_CONTROL_LABEL_CHARS]


def _is_control_help(el: etree._Element, tag: str, sizes: dict) -> bool:
    """True for a short line right after a box of controls that opens with one of their labels (CONTROL_HELP)."""
    if tag not in ("p", "div"):
        return False
    size = sizes.get(el)
    if size is None or not 0 < size.chars <= MAX_CONTROL_HELP_CHARS or size.links:
        return False
    box = el.getprevious()
    while box is not None and not isinstance(box.tag, str):
        box = box.getprevious()  # a comment between the two
    if box is None or (box.tail or "").strip():
        return False
    labels = _control_labels(box, sizes)
    return bool(labels) and _text_of(el).startswith(tuple(labels))


# A form's field's own lines: its <label> and the short instruction right after it ('<label>Find a Form</label>
# <input type="text"><p>Search by Form number, name or keywords</p>', '<label>검색어</label><input>'). A form kept
# for the page's text around its fields (_wraps_page_text) is walked; these lines are the site's search box in it.
FORM_FIELD = "form_field"
# what a reader types or picks from a list; a checkbox's or radio button's label is a choice's text, content
CHOICE_INPUT_TYPES = frozenset({"checkbox", "radio"})


def _is_typed_field(el: etree._Element, sizes: dict) -> bool:
    """True for a visible field a reader types in or picks from ('<input type="text">', <select>, <textarea>)."""
    tag = _tag(el)
    if tag in ("select", "textarea"):
        return el in sizes
    kind = (el.get("type") or "text").strip().lower()
    return tag == "input" and el in sizes and kind not in UNFILLED_INPUT_TYPES and kind not in CHOICE_INPUT_TYPES


def _previous_element(el: etree._Element) -> etree._Element | None:
    """The element before el among its siblings (comments skipped), or None when text stands between."""
    box = el.getprevious()
    while box is not None and not isinstance(box.tag, str):
        box = box.getprevious()
    return None if box is None or (box.tail or "").strip() else box


def _is_form_field_line(el: etree._Element, tag: str, sizes: dict) -> bool:
    """True for a typed field's own line inside a <form> (FORM_FIELD): its short <label> (holding the field,
    right before it or naming it by id), or a short line without links or headings right after the field and its buttons."""
    if tag not in ("label", "p", "div", "span", "small"):
        return False
    size = sizes.get(el)
    if size is None or not 0 < size.chars <= MAX_CONTROL_HELP_CHARS or size.links \
            or next(el.iterancestors("form"), None) is None:
        return False
    if tag == "label":
        held = [node for node in el.iter(*FILLED_TAGS) if node is not el]
        if held:
            return any(_is_typed_field(node, sizes) for node in held)
        following = el.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None and not (el.tail or "").strip() and _is_typed_field(following, sizes):
            return True  # the label right before its field
        target = el.get("for")
        return bool(target) and "'" not in target and any(
            _is_typed_field(node, sizes) for node in el.getroottree().iterfind(f".//*[@id='{target}']"))
    if size.controls or next(el.iter(*HEADING_TAGS), None) is not None:
        return False
    box = _previous_element(el)
    while box is not None and _tag(box) in CONTROL_TAGS and not _is_typed_field(box, sizes):
        box = _previous_element(box)  # the field's buttons ('<input type="image">', <button>) between
    return box is not None and _is_typed_field(box, sizes)


def _drop_rule(el: etree._Element, tag: str, state: _State, where: int) -> str | None:
    if where == _CONTAINER:
        return None  # it holds the region: never dropped, whatever its name
    if _is_empty_picture_slot(el, state.sizes.get(el)):
        return EMPTY_SLOT
    if _is_control_help(el, tag, state.sizes):
        return CONTROL_HELP
    if _is_form_field_line(el, tag, state.sizes):
        return FORM_FIELD
    if where == _INSIDE:
        return _inside_rule(el, tag, state)
    rule = _chrome_rule(el, tag, state.sizes)
    if rule is None and where == _NO_REGION and _is_card_feed(el, tag, state.sizes) and _article_begun(state):
        return CARD_FEED  # no region to say where the article ends: after its first lines, a feed is not it
    return rule


def _is_card(item: etree._Element, sizes: dict) -> bool:
    """A short box headed by a heading and holding a link to another page."""
    size = sizes.get(item)
    if size is None or size.order < 0 or not size.links or size.chars > MAX_TEASER_CHARS:
        return False
    heading = next(item.iter(*CARD_HEADING_TAGS), None)
    if heading is None or heading not in sizes or not sizes[heading].chars:
        return False
    return any(_AWAY_HREF.match(a.get("href") or "") and not _DOCUMENT_HREF.search(a.get("href") or "")
               for a in item.iter("a"))


def _is_card_feed(el: etree._Element, tag: str, sizes: dict) -> bool:
    """Three or more sibling cards of one shape (tag and class) holding (nearly) all of the box's text,
    most of them with no paragraph of prose (a few summaries among them are still teasers)."""
    if tag not in CARD_FEED_TAGS or len(el) < MIN_FEED_ITEMS:
        return False
    size = sizes.get(el)
    if size is None or size.links < MIN_FEED_ITEMS or not size.chars:
        return False
    shapes: dict[tuple, list] = {}
    for child in el:
        if isinstance(child.tag, str):
            shapes.setdefault((child.tag, child.get("class")), []).append(child)
    for items in shapes.values():
        if len(items) < MIN_FEED_ITEMS:
            continue
        cards = [item for item in items if _is_card(item, sizes)]
        bare = sum(sizes[c].prose < CARD_MAX_PROSE for c in cards)
        if len(cards) >= MIN_FEED_ITEMS and bare >= CARD_BARE_SHARE * len(cards) \
                and sum(sizes[c].chars for c in cards) >= FEED_TEXT_SHARE * size.chars:
            return True
    return False


def _label_with_feed(state: _State, rule: str) -> None:
    """The headings right before a dropped feed ('More Events at Main', '관련 기사') name the feed, not a
    part of the article: they leave the body with it (kept as blocks, excluded under the feed's rule)."""
    i = len(state.blocks)
    while i and state.blocks[i - 1].hint == "heading" and not state.blocks[i - 1].excluded_by:
        i -= 1
    state.blocks[i:] = [replace(b, excluded_by=rule) for b in state.blocks[i:]]


def _label_with_menu(state: _State, rule: str) -> None:
    """A short label that ends with a colon right before a dropped link menu, in the menu's own box
    ('<div><span>Add to:</span><ul><li><a>Outlook</a>, ...', '<p>관련 사이트 :</p><ul>...'), names the menu:
    it leaves the body with it (kept as a block, excluded under the menu's rule)."""
    if not state.blocks:
        return
    label = state.blocks[-1]
    if label.excluded_by or label.dom_path != state.path or label.hint not in ("p", "heading") \
            or len(label.text) > MAX_ROW_LABEL_CHARS or not label.text.endswith((":", "：")):
        return
    state.blocks[-1] = replace(label, excluded_by=rule)


def _article_begun(state: _State) -> bool:
    """True once a content block other than a title or heading has come out."""
    return any(b.hint in ARTICLE_TEXT_HINTS and not b.excluded_by for b in state.blocks)


def _leaf(el: etree._Element, tag: str, state: _State, hint: str, marker: str, where: int) -> bool:
    """Handle an element whose subtree is not walked (chrome, rows, images ...); False for other elements."""
    if tag not in ("body", "html") and _is_breadcrumb(el, tag, state.sizes):
        _flush(state, hint)
        state.buffer.append(_breadcrumb_text(el))
        _flush_as(state, el, tag, "breadcrumb")
    elif rule := _drop_rule(el, tag, state, where):
        if tag in BOUNDARY_TAGS:  # an inline <script> or <button> does not end a paragraph
            _flush(state, hint, state.list_depth, marker)
        _record(state, el, rule)
        if rule in FEED_RULES:
            _label_with_feed(state, rule)
        elif rule == "html_link_menu":
            _label_with_menu(state, rule)
    elif tag == "br":
        _flush(state, hint, state.list_depth, marker)
    elif tag == "li" and _is_table_item(el, state.sizes):
        _flush(state, hint)
        state.buffer.append(_text_of(el))
        _flush_as(state, el, tag, ROW_HINT)
    elif tag == "img":
        alt = _squash(el.get("alt") or "")
        if alt and not _has_caption_near(el, state.sizes):
            _flush(state, hint)
            state.buffer.append(alt)
            _flush(state, "caption")
    elif tag == "caption" and el.getparent() is not None and _tag(el.getparent()) == "table":
        _flush(state, hint)
        _record(state, el, "html_table_caption")  # '게시물 정보': a label for the table, not content
    elif tag == "dl" and el in state.sizes and state.sizes[el].chars <= MAX_DL_ROW_CHARS:
        _flush(state, hint)
        controls = _row_controls(el)
        for control in controls:
            _record(state, control, ROW_CONTROL)
        state.buffer.append(_dl_text(el, controls))
        _flush_as(state, el, tag, "cell")
    elif tag == "tr" and not _is_layout_row(el, state.sizes) and _is_empty_field_row(el):
        _flush(state, hint)
        _record(state, el, EMPTY_FIELD)  # '<th>제목</th><td></td>': a label with nothing to label
    elif tag == "tr" and not _is_layout_row(el, state.sizes):
        _flush(state, hint)
        controls = _row_controls(el)
        for control in controls:
            _record(state, control, ROW_CONTROL)
        state.buffer.append(_row_text(el, controls))
        cells = [c for c in el if _tag(c) in CELL_TAGS]
        is_caption = len(cells) == 1 and CAPTION_CLASS.search(cells[0].get("class") or "")
        _flush_as(state, el, tag, "caption" if is_caption else "cell")
    else:
        return False
    state.buffer.append(el.tail or "")  # text after a dropped element is still the paragraph's
    return True


def _flush_as(state: _State, el: etree._Element, tag: str, hint: str) -> None:
    """Flush the buffer as one block of an element that is not walked, at that element's own path."""
    outer = state.path
    state.path = f"{outer}/{path_segment(el, tag)}"
    _flush(state, hint)
    state.path = outer


def _where(el: etree._Element, state: _State, parent_where: int) -> int:
    if parent_where in (_INSIDE, _NO_REGION):
        return parent_where
    if el in state.region.nodes:
        return _INSIDE
    return _CONTAINER if el in state.region.ancestors else _OUTSIDE


def _walk(top: etree._Element, state: _State) -> None:
    """Walk the tree in document order with an explicit stack (no recursion limit on deep pages)."""
    start = _NO_REGION if not state.region.found else _CONTAINER if top in state.region.ancestors else _INSIDE \
        if top in state.region.nodes else _OUTSIDE
    state.excluded_by = _excluded_by(top, _tag(top), state, start)
    state.path = path_segment(top, _tag(top))
    # an entry: (_ENTER, element, hint, marker, its <li> marker, where its parent is, whether its
    # nearest <li> ancestor is laid out as a table row (see _is_row_item))
    stack: list[tuple] = [(_ENTER, top, "p", "", "", start, False)]
    while stack:
        item = stack.pop()
        if item[0] == _EXIT:
            _, el, tag, hint, marker, _, outer_excluded, outer_path = item
            if tag in ("ul", "ol"):
                state.list_depth -= 1
            if state.bold_open and state.bold_open[-1] is el:
                _close_bold(state)
            if tag in BOUNDARY_TAGS or state.excluded_by != outer_excluded:
                if tag == "li" and hint == ROW_HINT:
                    state.buffer[:] = [_row_item_text(el, _squash("".join(state.buffer)))]
                _flush(state, hint, state.list_depth, marker)
            if state.centered_open and state.centered_open[-1] is el:
                state.centered_open.pop()
            if tag == "li":
                state.item_markers.pop()
            state.excluded_by, state.path = outer_excluded, outer_path
            if el is not top:
                state.buffer.append(el.tail or "")
            continue
        _, el, hint, marker, li_marker, parent_where, in_row = item
        tag = el.tag
        if tag.__class__ is not str:  # a comment or processing instruction: not text, but the text after it is
            state.buffer.append(el.tail or "")
            continue
        tag = tag.lower()
        if el is not top and _follows_element(el):
            state.buffer.append(" ")
        if el in state.hidden:
            if tag in BOUNDARY_TAGS:
                _flush(state, hint, state.list_depth, marker)
            _record(state, el, state.hidden[el])
            state.buffer.append(el.tail or "")
            continue
        where = _where(el, state, parent_where) if el is not top else parent_where
        if where == _INSIDE:
            size = state.sizes.get(el)
            if size is not None:
                state.prose_seen += size.unit
        if in_row and tag == "br":  # a line break inside a row's cell ('부터<br>까지') does not end the row
            state.buffer.append(" " + (el.tail or ""))
            continue
        if el is not top and _leaf(el, tag, state, hint, marker, where):
            continue
        outer_excluded, outer_path = state.excluded_by, state.path
        excluded = _excluded_by(el, tag, state, where) if el is not top else outer_excluded
        walked_tag = tag
        row_item = False
        if in_row:
            walked_tag = "span"  # a cell of a list item laid out as a table row: the row is one block
        elif tag == "li":
            row_item = _is_row_item(el, state.sizes)
        children_in_row = row_item if tag == "li" else in_row  # the nearest <li> above the children
        if walked_tag in BOUNDARY_TAGS or excluded != outer_excluded:  # a cell reaches here only in a layout row
            _flush(state, hint, state.list_depth, marker)
            state.boundary = True
        state.excluded_by = excluded
        if el is not top and tag not in INLINE_TAGS_WALKED:
            state.path = f"{outer_path}/{path_segment(el, tag)}"
        own_hint, own_marker = hint, marker
        if tag in HEADING_TAGS:
            own_hint, own_marker = HEADING_TAGS[tag], ""
        elif tag == "figcaption" or (tag in ("p", "div", "span", "td") and CAPTION_CLASS.search(el.get("class") or "")):
            own_hint = "caption"
        elif row_item:
            own_hint, own_marker = ROW_HINT, ""
        elif tag == "li" and li_marker is not None:  # None: an item of a layout list, a box like a <div>
            own_hint, own_marker = "li", li_marker or "•"
        elif tag in ("p", "dd", "dt", "blockquote", "pre", "address"):
            own_hint = hint if hint in ("li", "caption") else "p"  # a photo credit in a caption box is caption
        elif tag == "figure" or (tag == "div" and _is_image_box(el, state.sizes)):
            own_hint = "caption"  # a figure's text is its caption and credit, never article prose
        if walked_tag == "li":
            state.item_markers.append(own_marker)
        layout_list = tag in ("ul", "ol") and _is_layout_list(el, state.sizes)
        if tag in ("ul", "ol") and not layout_list:
            state.list_depth += 1
        if tag in STYLED_TAGS:
            _open_emphasis(el, tag, state)
        state.buffer.append(el.text or "")
        stack.append((_EXIT, el, "div" if layout_list else walked_tag, own_hint, own_marker, len(state.blocks),
                      outer_excluded, outer_path))
        children = list(el)
        if children:  # half the elements walked are leaves: no markers to read
            markers = _item_markers(el, tag, children, layout_list, state.sizes)
            stack.extend((_ENTER, child, own_hint, own_marker, child_marker, where, children_in_row)
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
        # huge_tree lifts libxml2's 255 levels to 2,048; deeper pages are flattened (transforms/limits.py)
        return parse_keeping_deep_text(html)
    except (etree.ParserError, ValueError):
        return None


def html_blocks(html: str | etree._Element | None) -> tuple[list[Block], list[RemovedLine], str | None]:
    """Turn an HTML page (text, or a root from parse_html) into (blocks, removed chrome, <title> text).

    Blocks come in document order. Those of the main-content region have excluded_by == '';
    the others carry the rule that keeps them out of the body ('outside_region', 'html_meta_class'),
    so that cleaning may read a title or metadata from them. Chrome elements (scripts, hidden text,
    controls, link menus, menus and footers outside the region, chrome-named boxes inside it) are
    not blocks: their text is returned as RemovedLine records so nothing is lost. Tables become one
    block per row ('th : td' pairs). Every block carries its DOM path (Block.dom_path).
    """
    root = parse_html(html) if isinstance(html, str) else html
    if root is None:
        return [], [], None
    sizes, hidden = measure(root)
    body = root.find("body")
    top = body if body is not None else root
    if top in sizes and sizes[top].prose < MIN_VISIBLE_PROSE and any(_tag(el) == "noscript" for el in hidden):
        # nothing to read but what <noscript> holds: the page serves its text to readers without scripts
        sizes, hidden = measure(root, show_noscript=True)
    state = _State(sizes=sizes, hidden=hidden)
    title_el = root.find(".//title")
    title = _text_of(title_el) if title_el is not None else None
    head = root.find("head")
    for child in head if head is not None else ():
        tag = _tag(child)
        _record(state, child, f"html_{tag}" if tag in DROP_TAGS else "html_head")
    state.region = find_region(top, sizes, state.evidence, title)
    _walk(top, state)
    _flush(state, "p")
    blocks = _mark_region_edges(state.blocks, state.region.prose, state.document_lines) \
        if state.region.found \
        else state.blocks
    return blocks, state.removed, title or None


def box_path(block: Block) -> str:
    """The box a block sits in: a paragraph's parent, or the <div> whose own text it is."""
    parent, _, last = block.dom_path.rpartition("/")
    return parent if last.split(".", 1)[0] in PARAGRAPH_TAGS else block.dom_path


def is_item_box_line(block: Block) -> bool:
    """A line of an item read as a box (hint 'p', its path ending at the <li>): of a layout list ('<li
    class="txt">ㅇ안건<br>- 제1호 ...', see _is_layout_list), a lone note or an inline enumeration. It stands where a
    list item would: structure of the body, not its frame."""
    return block.hint == "p" and block.dom_path.rpartition("/")[2].split(".", 1)[0] == "li"


def text_weight(text: str) -> int:
    """A text's length with Hangul counted two (see dom.Size): how much a block says."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2  # Hangul counts two (see dom.Size)


def reads_as_prose(block: Block) -> bool:
    """True when a block is a paragraph of prose: long enough, with a sentence mark."""
    return text_weight(block.text) >= EDGE_GOOD_WEIGHT and bool(_SENTENCE_MARK.search(block.text))


def is_info_line(text: str) -> bool:
    """A line that carries the article's facts, not its frame: digits in a 'label : value' field or
    beside a comma ('Time: 8:30 AM', '○ 문의 : 02-779-9870', '2 Woodward Avenue, Suite 1300 Detroit'),
    unless it is one date: a dateline ('Published 11:11 PM EST Nov 19, 2019', 'Aktualisiert: 11.04.2020,
    10:27') is the frame; a period of two dates ('신청 기간 : 2026-02-10 17:30 ~ 2026-04-20 18:00') is a fact."""
    if not _DIGIT.search(text) or not ("," in text or _FIELD_LINE.match(text)):
        return False
    first, end = parse_date(text)
    return first is None or parse_date(text[end:])[0] is not None


def _region_fact(text: str, prose: float) -> bool:
    """A line of a thin region's facts: a date or a time ('Friday, June 5, 2020', '8:00am') or a labelled
    field ('Location: (via video/teleconference)', '장소 : 시청 대회의실'), with or without digits; in a short
    region, a schedule line (is_schedule_line)."""
    if prose < THIN_REGION_PROSE:
        return is_when_line(text) or bool(_FIELD_LINE.match(text))
    return prose < SHORT_REGION_PROSE and is_schedule_line(text)


# A weekday named beside a date: 'Wednesday, May 22, 2024', 'Tue, Jul 30 2024', '2025.04.04(금)', '12월 17일 수요일'
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b|"
                      r"[(（][월화수목금토일](?:요일)?[)）]|[월화수목금토일]요일", re.IGNORECASE)


def is_schedule_line(text: str) -> bool:
    """A date that reads as an appointment, not as a dateline: with its weekday ('Wednesday, December 17, 2025 -
    6:00pm', '2025년 12월 17일 (수)') or under a label ('Date: November 20, 2019', '게재일자 : 2025-03-18').
    A news dateline names the day bare ('NOVEMBER 20, 2019 10:43', 'August 13, 2018')."""
    return is_when_line(text) and (_WEEKDAY.search(text) is not None or _FIELD_LINE.match(text) is not None)


def _paragraph_of_lines(blocks: list[Block]) -> list[int]:
    """A number per block, shared by the lines of one paragraph broken by <br> (a block that opens no new
    element, at its predecessor's path: Block.blank_before False); sibling <p>s at one path get two."""
    numbers, number = [], -1
    for i, block in enumerate(blocks):
        if block.blank_before or i == 0 or blocks[i - 1].dom_path != block.dom_path:
            number += 1
        numbers.append(number)
    return numbers


MAX_SPEAKER_CHARS = 60  # who said a pull quote: a name and a title ('이재명 더불어민주당 대선 후보'), not a paragraph


def _quotation_line(blocks: list[Block], i: int) -> bool:
    """True for a line of a <blockquote> (a pull quote set above the story: '"경상도와 전라도로 나눠서 왜 싸우나."') and
    for the short line right after one in the quote's own box, its speaker ('<p class="who">이재명 ... 후보</p>'): the
    quotation is the article's own, as its list items and captions are, wherever it sits."""
    if blockquote_place(blocks[i].dom_path) is not None:
        return True
    if i == 0 or len(blocks[i].text) > MAX_SPEAKER_CHARS:
        return False
    place = blockquote_place(blocks[i - 1].dom_path)
    return place is not None and not blocks[i - 1].excluded_by \
        and place[0].rpartition("/")[0] == blocks[i].dom_path.rpartition("/")[0]


def _headline_subtitle(blocks: list[Block], i: int) -> bool:
    """True when block i is the line the region took in beside the page's headline, in the headline's own box
    (region._subtitle: '<h1>HB 1</h1>' then '<div>Pediatric Health Safe Storage Act; enact</div>'): the <h1> just
    before it is outside the region and sits under the line's parent box. A byline or a share bar is not one:
    the region takes in no line of the headline's box but its subtitle."""
    if i == 0 or blocks[i].hint != "p":
        return False
    before = blocks[i - 1]
    parent = blocks[i].dom_path.rpartition("/")[0]
    return before.hint == "title" and before.excluded_by == OUTSIDE_REGION and bool(parent) \
        and before.dom_path.startswith(parent + "/")


MIN_OWN_SECTIONS = 2  # two kept headings of the same tag in the box before it: the page is a run of such sections


def _heading_own_lines(blocks: list[Block], content: list[int], edge: set, homes: set) -> set:
    """Headings after the region's last prose that head a kept line of the article's own box ('<h3>Human Resources
    Committee</h3><p>No Meeting</p>' at the end of a month's meetings, '<h3>인사위원회</h3><p>회의 없음</p>'): the
    section's heading, its line kept, is the article's as its first sections' are: MIN_OWN_SECTIONS kept headings of
    its tag open sections of that box before it (recurrence). A lone heading after a story ('Comments', 'How to listen
    to the podcast' over a line of the story's box), one over list items, over nothing or in a box of its own stays an
    edge."""
    spared = set()
    for at, i in enumerate(content):
        if i not in edge or blocks[i].hint != "heading" or box_path(blocks[i]) not in homes or at + 1 >= len(content):
            continue
        following = blocks[content[at + 1]]
        if content[at + 1] in edge or following.hint != "p" or box_path(following) != box_path(blocks[i]):
            continue
        tag = blocks[i].dom_path.rpartition("/")[2].split(".", 1)[0]
        earlier = sum(1 for j in content[:at] if j not in edge and blocks[j].hint == "heading"
                      and box_path(blocks[j]) == box_path(blocks[i])
                      and blocks[j].dom_path.rpartition("/")[2].split(".", 1)[0] == tag)
        if earlier >= MIN_OWN_SECTIONS:
            spared.add(i)
    return spared


def _mark_region_edges(blocks: list[Block], prose: float = THIN_REGION_PROSE,
                       documents: set | frozenset = frozenset()) -> list[Block]:
    """Short paragraphs before the region's first prose block and after its last one, in boxes of
    their own, and headings after its last, excluded as 'region_edge' (list items, rows and
    captions are kept: they are structure).

    prose: the region's; a region of a few short paragraphs (THIN_REGION_PROSE) is an event or a notice of
    a few fields, whose date, time and field lines ('Friday, June 5, 2020', '8:00am') are its facts, not a
    news story's dateline; they are kept, and so are a short region's schedule lines (SHORT_REGION_PROSE).
    documents: DOM paths of lines that are links to documents (an agenda's PDF): attachments, kept.
    The lines of one paragraph broken by <br> go together: when one of them is kept (an address's
    'Tallmadge, OH 44278'), so are the others ('Summit DD Administration – Board Room', '89 E. Howe Road')."""
    content = [i for i, b in enumerate(blocks) if not b.excluded_by]
    # the article's body: prose, and the lists and tables among it
    anchors = [i for i in content if blocks[i].hint in ("li", "cell") or is_item_box_line(blocks[i]) or
               (blocks[i].hint == "p" and reads_as_prose(blocks[i]))]
    if not anchors:
        return blocks
    first, last = anchors[0], anchors[-1]
    # A short line in the same box as the article's paragraphs is the article's own (a notice's
    # '■ 모집인원 : 선착순'); the frame sits in boxes of its own (a byline div, a share bar).
    homes = {box_path(blocks[i]) for i in anchors}
    lead = [i for i in content if i < first and blocks[i].hint in ("p", "heading")
            and text_weight(blocks[i].text) < LEAD_MAX_WEIGHT  # a deck under the title is longer than a byline
            and box_path(blocks[i]) not in homes and not is_info_line(blocks[i].text)
            and not _region_fact(blocks[i].text, prose) and not is_time_span(blocks[i].text)
            and not _headline_subtitle(blocks, i) and not _quotation_line(blocks, i)]
    tail = [i for i in content if i > last and (blocks[i].hint == "heading" or (
        blocks[i].hint == "p" and not reads_as_prose(blocks[i]) and box_path(blocks[i]) not in homes
        and not is_info_line(blocks[i].text) and not _region_fact(blocks[i].text, prose)
        and not is_time_span(blocks[i].text) and not is_attribution_line(blocks[i])))]
    edge = set()
    for run in (lead, tail):
        if len(run) <= MAX_EDGE_RUN:  # a long run of short lines is a list written as <p>s (tour dates)
            edge.update(run)
    lines = _paragraph_of_lines(blocks)
    kept = {lines[i] for i in content if i not in edge and blocks[i].hint == "p"}
    edge = {i for i in edge if blocks[i].hint == "heading" or (lines[i] not in kept and blocks[i].dom_path not in documents)}
    edge -= _heading_own_lines(blocks, content, edge, homes)
    return [replace(b, excluded_by=REGION_EDGE) if i in edge else b for i, b in enumerate(blocks)]
