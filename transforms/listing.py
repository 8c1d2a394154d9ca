"""A page's runs of item rows (board tables, news lists, meeting archives) and the dates they show. Pure.

A listing shows its items as a run of similar rows: the rows of a table, the items of a list, or
sibling blocks of one tag and class. Each row has a title link and most rows show a date; a row
may carry a summary. transforms/page_kind.py weighs the rows against the page's prose.

    >>> find_date("공지사항 제목 2024.05.01 조회 12")[0].isoformat()
    '2024-05-01T00:00:00'
"""
from __future__ import annotations

import re
from collections import Counter
from contextvars import ContextVar
from itertools import chain, islice
from dataclasses import dataclass, replace
from datetime import datetime

from urllib.parse import urlsplit

from lxml import etree

from cityclips.transforms.dom import remembered
from cityclips.transforms.records import ListingLink
from cityclips.transforms.source import absolute_url

MIN_RUN_ROWS = 3  # a container repeats one row shape at least this often
# page_kind's smallest listings: MIN_BOARD_ROWS dated rows (a board's last page holds a few), or
# MIN_UNDATED_LISTING_ROWS rows without dates (a list of titles only). Fewer rows make no listing by
# any of its rules, so what only weighs rows against the page (its pagination, the <p> prose beside
# them, whether they link the page's children) is not read for them: most article pages stop here.
MIN_BOARD_ROWS = 3
MIN_UNDATED_LISTING_ROWS = 8
MIN_EXTRA_RUN_ROWS = 3  # a second table or list of dated rows on a listing page counts from 3 rows
MAX_ROWS_WITHOUT_ITEM = 20  # children read before a container without a single item row is given up (an
# events list opens with month headers: 6 lost one of the dev listings)
MIN_DATED_SHARE = 0.6  # most of a board's rows show a date; a menu's items show none
# A row's link is its title only when the link is much of the row ('12 | Title | admin | 2024-05-01
# | 75'); a list item that is a sentence with a link in it is prose.
MIN_TITLE_SHARE_OF_ROW = 0.4
MIN_ROW_TITLE_CHARS = 4  # '더보기', 'more' are links but not titles
# A row is a line of a list: a title, a date, a few fields, and in news lists a summary of a sentence
# or two (Korean 100-300 characters, English up to twice that); a longer element is content.
MAX_ROW_CHARS = 700
# ... unless the row is a card whose link holds the item's title (a titled element or a heading) and
# its date, with the item's text after it (a news list that unfolds each article in place: 900-1,200)
MAX_CARD_ROW_CHARS = 3000
MAX_LINE_ROW_CHARS = 400  # a text dump's row is one line: title, date, a field or two
# The items of a paragraph are rows only when they are most of it ('January 2019<br>February 2019'):
# a sentence with three links in it is prose.
MIN_INLINE_ROWS_SHARE = 0.6
MIN_PAGINATION_LINKS = 2  # '1 2' at least (a board of two pages; its arrows are images)
MIN_HEADER_CELLS = 3  # a board table's header row names its columns: 번호 | 제목 | 등록일 | 조회
# Dates as rows show them: 2024-05-01, 2024.05.01, 24.05.01, 2024년 5월 1일; May 1, 2024; 1 May 2024;
# 5/1/2024, 5-1-2024. Not 20240501: eight digits are as often an id or a code (and dated a related-clips box
# under a clip's page as a listing).
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})[-./년]\s?(0?[1-9]|1[0-2])[-./월]\s?(0?[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A year may run into the time that follows it where a page's text was joined without a space
# ('December 14, 202311:30 AM', '11/2/201709:00'): a year then ends where an hh:mm begins.
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2}))"
DATE_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}}){_YEAR_END}", re.IGNORECASE)
DATE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\.?\s+{_MONTH}\s+((?:19|20)\d{{2}}){_YEAR_END}", re.IGNORECASE)
DATE_US = re.compile(rf"(?<![\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)\d{{2}})(?:(?![\d/])|(?=\d{{1,2}}:\d{{2}}))")
# ... and with dashes, as a file's or a minutes row's name writes it ('SSA Minutes 10-2-2018', 'Minutes 1-22-2019');
# never after a digit or a dash (a phone number, a code: '062-613-2-2019')
DATE_US_DASHED = re.compile(r"(?<![\d/-])(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])-((?:19|20)\d{2})(?!\d)")
# A month of a year dates a row of a minutes archive ('January 2019', '2019년 1월 회의록'): the row is
# dated, but its day is unknown, so its posted_at stays empty.
MONTH_OF_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d{{2}})\b|(?<!\d)((?:19|20)\d{{2}})년\s?(0?[1-9]|1[0-2])월",
                           re.IGNORECASE)
# A calendar shows a day of a month without its year ('01 Feb', '7 March', 'Feb 1', '2월 1일', and Korean
# writing's '2. 18' with its space): the row is dated, its posted_at stays empty. Month first only
# capitalised: 'may 3' is a verb and a number; '1.5' (no space) is a number.
DAY_OF_MONTH = re.compile(rf"(?<![\d.])\b(\d{{1,2}})\s*(?i:{_MONTH})(?![a-zA-Z])|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                          r"Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?!\d)|(?<!\d)(0?[1-9]|1[0-2])월\s?(0?[1-9]|[12]\d|3[01])일|"
                          r"(?<![\d.])(0?[1-9]|1[0-2])\.\s(0?[1-9]|[12]\d|3[01])\b(?![.,]?\d)|"
                          # a meetings table under its year's heading writes month and day as two digits each
                          # ('01/22 | Agenda Packet | Minutes'); one digit ('1/2', '3/4') is as often a fraction
                          r"(?<![\d/])(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?![\d/])")
# A link to a document file: a PDF, a Hangul (HWP) or Office file, an archive; by its path's or its query's
# extension ('/agenda/2021/CPC-Agenda-011521.pdf', 'download.do?file=회의록.hwp', '?Doc=/PDF/07_01_19Agenda.pdf')
DOCUMENT_LINK = re.compile(r"\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|odt|rtf|zip)(?:$|[?#&])", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_VIEWS_LABELLED = re.compile(r"(?:조회(?:수)?|views?|hits?)\s*[:：]?\s*(\d[\d,]{0,12})(?![\d,])", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*\d[\d,]{0,8}\s*$")
TITLE_CLASS = re.compile(r"(^|[\s_-])(subject|title|tit|sbj|headline)([\s_-]|$)", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"})
_PAGINATION_CLASS = re.compile(r"pag(e|ing|ination)|page_?num|board_?page", re.IGNORECASE)
_WS = re.compile(r"\s+")
_NUMBERED_CLASS_WORD = re.compile(r"\S*\d\S*")
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
# Rows in these are menus and sidebars (related stories, event panels), not the page's listing.
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
# ... and rows under an element named as comments are readers' comments (an author, a date, a reply
# link), not items: a class or id is evidence of what a block is, as nav and footer are.
COMMENTS = re.compile(r"comment|disqus|\bcmt|replies|\breply", re.IGNORECASE)
_NOT_CONTAINERS = frozenset({"tr", "tbody", "thead", "li", "a", "span", "select", "option", "svg"})
_INLINE_CONTAINERS = frozenset({"p"})  # text elements that hold rows only as lines of links
# Elements whose class or id contains 'pag' (the regex then decides; asked of the attributes, twice as fast as of
# the elements): XPath runs in C, the page has thousands
# (a pagination bar holds a few dozen links at most: a <body class="page-..."> is not one)
# (each kind of attribute filtered before the two are joined: a union sorts what it joins, thousands of attributes)
_PAG = "[contains(., 'pag') or contains(., 'Pag')]/.."
_PAGINATION_XPATH = etree.XPath(f"(//@class{_PAG} | //@id{_PAG})[count(.//a) <= 60]")
# ... and how many numbered links (or the current page's number) one holds
_NUMBERED_XPATH = etree.XPath("count(.//*[self::a or self::strong or self::span][normalize-space(.) != '']"
                              "[translate(normalize-space(.), '0123456789', '') = ''])")
_TEXTS = etree.XPath(".//text()", smart_strings=False)
_HAS_HIDDEN_TEXT = etree.XPath("boolean(.//script | .//style | .//noscript | .//template)")
MIN_FILTER_CHOICES = 5  # a filter of meeting types, regions, ages: 5 and more checkboxes (a consent form has one or two)
_CHOICE_TYPES = ("checkbox", "radio")
# A row needs a link (an <a href>, or an element with an onclick, as script boards have): so only
# elements with 3 children that hold one, and tables with 3 such rows, can hold a run; nav, header
# and footer hold menus.
_LINKED = "(@onclick or self::a[@href] or .//a[@href] or .//*[@onclick])"
_HAS_LINK = etree.XPath(f"boolean({_LINKED})")  # outside a listing_rows call (see _PageLinks)
_ONCLICK_XPATH = etree.XPath("//@onclick/..")  # the elements with an onclick (from the attributes: 1.4x faster)
_MENU_TAGS = ("nav", "header", "footer")


@dataclass(frozen=True)
class ListingRows:
    """The best run of item rows found in a page's DOM, and how much of the page it is."""

    links: tuple[ListingLink, ...] = ()
    dated_rows: int = 0  # rows that show a date (a day, or a month of a year)
    rows_chars: int = 0  # non-space characters of text in the rows
    page_chars: int = 0  # non-space characters of a text dump's lines (0 for HTML: its prose is weighed instead)
    # (pagination, paragraphs and links_children are read only when the rows are weighable: see MIN_BOARD_ROWS)
    pagination: bool = False
    row_texts: tuple[str, ...] = ()  # each row's text without whitespace (to tell rows from prose)
    paragraphs: tuple[str, ...] = ()  # the text of the page's <p> elements outside the rows and chrome
    headed: bool = False  # the best run is a table whose header row names MIN_HEADER_CELLS columns
    # a board table whose header row names MIN_HEADER_CELLS columns and which holds no other row: a
    # listing whose rows a script loads after the page (saved before it ran)
    empty_board: bool = False
    links_children: bool = False  # most of the rows link pages under the page's own URL (its items)
    # non-space characters of the labels of the page's choice inputs (checkboxes, radio buttons), when it has
    # MIN_FILTER_CHOICES or more: a search's or a calendar's filters, whose results a script may load later
    filter_chars: int = 0
    # the events linked in the cells of a month's calendar grid (month_grid_links), whatever the best run is
    grid_links: tuple[ListingLink, ...] = ()

    @property
    def weighable(self) -> bool:
        """True when the rows are enough for a listing by some rule of page_kind (MIN_BOARD_ROWS dated
        rows, or MIN_UNDATED_LISTING_ROWS rows); else their share of the page decides nothing."""
        return self.dated_rows >= MIN_BOARD_ROWS or len(self.links) >= MIN_UNDATED_LISTING_ROWS


def tag_of(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def text_of(el, cap: int | None = None) -> str:
    """el's visible text, whitespace collapsed; reading stops once cap visible characters are passed.

    lxml's text nodes (in C) when el holds no script or style; else a walk that skips their text (not
    the text that follows them). The cap counts characters without whitespace: a row's source is
    indented, and a job board's row has hundreds of tabs around 150 characters of text.
    """
    words = _words_of(el)
    return " ".join(words) if cap is None else _capped(words, cap)


_HIDDEN_TEXT_TAGS = ("script", "style", "noscript", "template")  # the elements _HAS_HIDDEN_TEXT looks for


@dataclass(slots=True)
class _PageReading:
    """What one listing_rows call reads of its page once (the tree is not changed meanwhile): each element's
    words (a row's text is asked for its length, its views and its date, a link's for its title), the elements
    with hidden text inside (a script, a style ...: _HAS_HIDDEN_TEXT for all of them at once), the elements that
    hold a link (_PageLinks) and each href made absolute (a row's, asked for its link and for links_children)."""

    words: dict
    hiding: set
    links: "_PageLinks"
    urls: dict


_READING: ContextVar[_PageReading | None] = ContextVar("listing_page_reading", default=None)


def _hidden_text_holders(root) -> set:
    """The elements that hold a script, style, noscript or template element (their ancestors): one walk up
    from each of those, stopping where an earlier one passed."""
    holders: set = set()
    for el in root.iter(*_HIDDEN_TEXT_TAGS):
        parent = el.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


def _words_of(el) -> list[str]:
    """The words of el's visible text (remembered for the listing_rows call under way, if any)."""
    reading = _READING.get()
    if reading is not None and (words := reading.words.get(el)) is not None:
        return words
    if not (el in reading.hiding if reading is not None else _HAS_HIDDEN_TEXT(el)):
        words = " ".join(_TEXTS(el)).split()
    else:
        hidden: set = set()
        pieces = []
        for node in el.iter():
            inside = node is not el and node.getparent() in hidden
            if inside or tag_of(node) in SKIP_TAGS:
                hidden.add(node)
            elif node.text and tag_of(node):
                pieces.append(node.text)
            if node is not el and node.tail and not inside:
                pieces.append(node.tail)
        words = " ".join(pieces).split()
    if reading is not None:
        reading.words[el] = words
    return words


def _absolute(href: str, base_url: str | None) -> str | None:
    """absolute_url(href, base_url), once per href in a listing_rows call (its base_url is the page's)."""
    reading = _READING.get()
    if reading is None:
        return absolute_url(href, base_url)
    key = (href, base_url)
    found = reading.urls.get(key, reading)  # the reading itself marks 'not asked yet': None is an answer
    if found is reading:
        found = reading.urls[key] = absolute_url(href, base_url)
    return found


def _has_link(el) -> bool:
    """True when el is or holds a link (an <a href>, an element with an onclick): _HAS_LINK."""
    reading = _READING.get()
    return el in reading.links.linked if reading is not None else _HAS_LINK(el)


def _capped(words: list[str], cap: int) -> str:
    """The words up to the first that passes cap characters (whitespace not counted)."""
    if sum(map(len, words)) <= cap:  # most rows: no word passes the cap, all are kept (counted in C)
        return " ".join(words)
    size = 0
    for index, word in enumerate(words):
        size += len(word)
        if size > cap:
            return " ".join(words[:index + 1])
    return " ".join(words)


def _day(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[datetime | None, str | None]:
    """The first date (a day) a text shows, and the text that wrote it; (None, None) when it shows none."""
    match = DATE.search(text)
    if match:
        year, month, day = match.groups()
        return _day(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day)), match.group(0)
    match = DATE_MONTH_FIRST.search(text)
    if match:
        month, day, year = match.groups()
        return _day(int(year), _MONTHS.index(month[:3].lower()) + 1, int(day)), match.group(0)
    match = DATE_DAY_FIRST.search(text)
    if match:
        day, month, year = match.groups()
        return _day(int(year), _MONTHS.index(month[:3].lower()) + 1, int(day)), match.group(0)
    match = DATE_US.search(text) or DATE_US_DASHED.search(text)
    if match:
        month, day, year = match.groups()
        return _day(int(year), int(month), int(day)), match.group(0)
    return None, None


_LINKS_XPATH = etree.XPath("descendant-or-self::*[@onclick] | descendant-or-self::a[@href]")
_CLASSED_XPATH = etree.XPath("descendant-or-self::*[@class]")


def _main_link(row) -> tuple[etree._Element | None, str]:
    """The row's title element and its text: its longest link (an <a>, or any element with an onclick,
    as boards built on script links have), else a cell whose class says it holds the title ('subject',
    'title'); (None, '') when it has neither."""
    best, best_text = None, ""
    for link in _LINKS_XPATH(row):
        text = text_of(link)
        if len(text) >= MIN_ROW_TITLE_CHARS and len(text) > len(best_text):
            best, best_text = link, text
    if best is not None:
        return best, best_text
    for cell in _CLASSED_XPATH(row):
        if TITLE_CLASS.search(cell.get("class")):
            text = text_of(cell)
            if len(text) >= MIN_ROW_TITLE_CHARS:
                return cell, text
    return None, ""


def _title_in(link) -> str:
    """The title a link shows: a card's link wraps its title, date and summary ('<a><em class=subject>...
    </em><em class=date>...</em><em class=txt>...</em></a>'), so a titled or heading element inside it
    is the title; else the link's whole text."""
    for el in link.iter():
        if el is not link and tag_of(el) and (TITLE_CLASS.search(el.get("class") or "") or tag_of(el) in _HEADINGS):
            text = text_of(el)
            if len(text) >= MIN_ROW_TITLE_CHARS:
                return text
    return text_of(link)


def _views(row) -> int | None:
    text = text_of(row)
    labelled = _VIEWS_LABELLED.search(text)
    if labelled:
        return int(labelled.group(1).replace(",", ""))
    cells = [c for c in row if tag_of(c) in ("td", "span", "em", "dd")]
    numbers = [text_of(c) for c in cells if _BARE_NUMBER.match(text_of(c))]
    # a board row ends with its view count ('12 | title | admin | 2024-05-01 | 75'); the first
    # number is the row's own number
    if len(numbers) >= 2:
        return int(numbers[-1].replace(",", ""))
    return None


@dataclass(frozen=True)
class _Row:
    element: object
    title: str
    href: str | None
    posted_at: datetime | None
    dated: bool  # the row shows a day or a month of a year
    chars: int
    text: str  # without whitespace


def _dates_of(text: str, title: str) -> tuple[datetime | None, str | None, bool]:
    """(day, its text, dated) a row shows: outside its title first ('Title | 2024-05-01'), else in it
    ('January 2019', '2024년 5월 1일 브리핑': an archive's title is its date)."""
    if not _DIGIT.search(text):  # every date a row shows is written with digits
        return None, None, False
    rest = text.replace(title, " ") if title else text
    for where in (rest, title):
        if not _DIGIT.search(where):  # most titles: no digit, so neither a day nor a month of a year
            continue
        posted_at, written = find_date(where)
        if posted_at:
            return posted_at, written, True
        month = MONTH_OF_YEAR.search(where) or DAY_OF_MONTH.search(where)
        if month:
            return None, month.group(0), True
    return None, None, False


_NAME_SEPARATORS = re.compile(r"[-_+]|%20")
# A document's name may write its meeting's day with a two-digit year ('Agenda-1-22-19.pdf'): in a file's
# name only (in text, '3-1-12' is as often a rule's or a part's number)
_FOUR_DIGIT_YEAR = re.compile(r"(?:19|20)\d{2}")
# ... or as eight digits, year first ('20200130CombinedAgenda.pdf', '회의록_20240501.hwp'): in a document's name,
# where digits run no further (a longer number, '1504387451SEAAgenda', is an upload's id); page_kind reads a
# labelled field's eight-digit value with it too
COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_FILE_DATE_SHORT_YEAR = re.compile(r"(?<!\d)(?<!\d-)(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])-(\d{2})(?![\d])")


def file_name_date(href: str | None) -> datetime | None:
    """The day a document link's file name shows ('10-14-2025-City-Council-Agenda.pdf',
    'april-8-2019-minutes.pdf', '2024_05_01_회의록.hwp'), or None; None for a link that is no document (a
    page's path holds ids and sections, a document's name is often its meeting's day)."""
    if not href or not DOCUMENT_LINK.search(href):
        return None
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    dashed = _NAME_SEPARATORS.sub("-", name)
    for text in (name, _NAME_SEPARATORS.sub(" ", name), dashed):
        posted_at, written = find_date(text)
        if posted_at and _FOUR_DIGIT_YEAR.search(written):  # a name's '10-3-1' is a code, not 2010-03-01
            return posted_at
    short = _FILE_DATE_SHORT_YEAR.search(dashed)
    if short:
        return _day(2000 + int(short.group(3)), int(short.group(1)), int(short.group(2)))
    compact = COMPACT_DATE.search(name)
    return _day(int(compact.group(1)), int(compact.group(2)), int(compact.group(3))) if compact else None


def _holds_rows(row) -> bool:
    """True when an element holds a table of rows: an accordion's panel is a group of rows, not one."""
    return any(len(_table_rows(table)) >= MIN_RUN_ROWS for table in row.iter("table"))


def _row_of(row) -> _Row | None:
    """The row's title, link and date, or None when it is not an item row (too long, no title link, a
    group of rows)."""
    text = text_of(row, cap=MAX_CARD_ROW_CHARS)
    if not text or len(text) > MAX_CARD_ROW_CHARS or _holds_rows(row):
        return None
    link, link_text = _main_link(row)
    title = _title_in(link) if link is not None else ""
    short = len(link_text) < MIN_TITLE_SHARE_OF_ROW * len(text)
    # asked only where it decides: a long row, or a link that is little of its row
    card = (len(text) > MAX_ROW_CHARS or short) and link is not None and (
        _is_dated_card(link_text, title) or _unfolds(row, link))
    if len(text) > MAX_ROW_CHARS and not card:
        return None
    # A dated row whose links are generic ('Agenda', 'Minutes', an icon) is titled by its own text.
    # A card's link is its title whatever follows it (its summary, its text), and so is the link of an
    # accordion's row, which unfolds the item's text in the row.
    generic = link is None or (short and not card)
    first = next((a for a in row.iter("a") if a.get("href")), None) if generic else None
    if generic and first is None:
        return None
    posted_at, written, dated = _dates_of(text, title)
    posted_at = posted_at or _time_element_date(row)
    dated = dated or posted_at is not None
    target = first if generic else link
    if not dated and target is not None and (posted_at := file_name_date(target.get("href"))):
        dated = True
    if generic:
        if not dated:
            return None
        link, title = first, _WS.sub(" ", text.replace(written, " ") if written else text).strip()[:MAX_ROW_CHARS]
        if len(title) < MIN_ROW_TITLE_CHARS:
            title = text
    href = link.get("href") if tag_of(link) == "a" else None
    squashed = "".join(text.split())
    return _Row(row, title, href, posted_at, dated, len(squashed), squashed)


def _is_dated_card(link_text: str, title: str) -> bool:
    """True when a link is a card's: it holds a titled element or a heading (its title is not its whole
    text), and a date."""
    return title != link_text and _dates_of(link_text, "")[2]


def _unfolds(row, link) -> bool:
    """True when a row's link points at an element of the row itself ('<a href="#no35">' over '<div
    id="no35">'): an accordion whose rows unfold their items' text in place."""
    href = link.get("href") if link is not None and tag_of(link) == "a" else None
    if not href or not href.startswith("#") or len(href) < 2:
        return False
    target = href[1:]
    return any(el.get("id") == target for el in row.iter() if el is not link)


def _time_element_date(row) -> datetime | None:
    for element in row.iter("time"):
        value = (element.get("datetime") or "")[:10]
        found, _ = find_date(value) if value else (None, None)
        if found:
            return found
    return None


def _row_key(el) -> tuple[str, str]:
    """A row's shape: its tag and the class words without digits (CMSs number their items'
    classes: 'file fid-1265 file-2019-january-pdf' and 'file fid-1310 ...' are one shape)."""
    return tag_of(el), _class_shape(el.get("class") or "")


def _first_class_key(el) -> tuple[str, str]:
    """A row's tag and its first class word: a CMS's items may add a class per category, venue or place
    ('type-tribe_events tribe-events-category-authorities tribe-events-first'), so their whole classes
    differ while the first, the item type's, is shared."""
    words = _class_shape(el.get("class") or "").split()
    return tag_of(el), words[0] if words else ""


_CLASS_SHAPES: dict[str, str] = {}
MAX_CLASS_SHAPES = 50_000  # the cache of class shapes is emptied past this (a long run sees many classes)


def _class_shape(classes: str) -> str:
    return remembered(_CLASS_SHAPES, classes, MAX_CLASS_SHAPES, _read_class_shape)


def _read_class_shape(classes: str) -> str:
    return " ".join(_NUMBERED_CLASS_WORD.sub(" ", classes).split())


def _table_rows(table) -> list:
    """The table's own rows: each <tr> whose nearest table is this one, outside its <tfoot> (its pagination).
    A page may wrap rows in a stray element inside the table ('<table><span id=x><tr>...'): the parser
    keeps them there, and they are still the table's rows."""
    nested = next(table.iterdescendants("table"), None) is not None  # else every <tr> in it is its own
    return [tr for tr in table.iter("tr") if (not nested or next(tr.iterancestors("table"), None) is table)
            and tag_of(tr.getparent()) != "tfoot"]


# A month's calendar grid: a table whose cells open with their day's number, MIN_MONTH_DAYS or more in a run
# (each one more than the cell before; a grid may open on the last days of the month before: 29, 30, 31, 1, 2 ...),
# with its events linked in the cells: a calendar of meetings lists them. A date picker's cells hold their numbers
# alone, and a blog's calendar widget links its days by their numbers.
MIN_MONTH_DAYS = 21  # three weeks of days in a run (a cleaner may cut a grid's last week)
MIN_LAST_DAY = 28  # the last day of a month is 28-31: the day after it is 1
_DAY_NUMBER = re.compile(r"^\d{1,2}$")


def is_next_day(last: int | None, day: int) -> bool:
    """True when day follows last in a month's grid (one more, or 1 after a month's last day)."""
    return last is not None and (day == last + 1 or (day == 1 and last >= MIN_LAST_DAY))


def _day_cells(table) -> list:
    """The longest run of the table's own cells that open with consecutive day numbers (is_next_day)."""
    best: list = []
    run: list = []
    last = None
    for row in _table_rows(table):
        for cell in row:
            if tag_of(cell) != "td":
                continue
            first = _first_word(cell)
            day = int(first) if _DAY_NUMBER.match(first) else None
            if day is None:
                continue
            run = run + [cell] if is_next_day(last, day) else [cell]
            last = day
            if len(run) > len(best):
                best = run
    return best


def _first_word(el) -> str:
    """The first word of el's text (a layout table's cell may hold a whole page: only its start is read)."""
    for text in el.itertext():
        words = text.split(None, 1)
        if words:
            return words[0]
    return ""


def month_grid_links(root, base_url: str | None = None, tables: list | None = None) -> tuple[ListingLink, ...]:
    """The events linked in the day cells of the page's month grids (tables of MIN_MONTH_DAYS or more day
    cells in a run): each link of MIN_ROW_TITLE_CHARS or more that is not a day's number, in page order.
    tables: the page's tables outside menus (page_tables), when at hand."""
    links = []
    for table in page_tables(root)[0] if tables is None else tables:
        if sum(1 for _ in islice(table.iter("td"), MIN_MONTH_DAYS)) < MIN_MONTH_DAYS:
            continue
        cells = _day_cells(table)
        if len(cells) < MIN_MONTH_DAYS:
            continue
        for cell in cells:
            for link in _LINKS_XPATH(cell):
                title = text_of(link)
                if len(title) >= MIN_ROW_TITLE_CHARS and not _BARE_NUMBER.match(title):
                    href = link.get("href") if tag_of(link) == "a" else None
                    links.append(ListingLink(len(links) + 1, title, _absolute(href, base_url) if href else None,
                                             None, None))
    return tuple(links)


# A meeting archive may show each year (each body, each month) as a table of its own under one header
# ('Meeting | Date | Duration | Agenda | Video'), each of one or two rows: tables that repeat one header
# row are one run of rows, whatever each holds.
MIN_SAME_HEADER_TABLES = 2


def page_tables(root) -> tuple[list, list]:
    """The page's tables and its dropdowns (<select>) outside nav, header and footer: one walk of the tree
    (in C) for the rules that read them (same-header tables, month grids, document dropdowns)."""
    tables, selects = [], []
    for el in root.iter("table", "select"):
        if next(el.iterancestors(*_MENU_TAGS), None) is None:
            (tables if el.tag == "table" else selects).append(el)
    return tables, selects


def _header_of(table) -> tuple[str, ...]:
    """The names a table's first row gives its columns (its <th> cells' texts, lower-cased), () when it
    names fewer than MIN_HEADER_CELLS."""
    rows = _table_rows(table)
    names = tuple(text_of(cell).lower() for cell in rows[0] if tag_of(cell) == "th") if rows else ()
    return names if len(names) >= MIN_HEADER_CELLS else ()


def _same_header_tables(tables: list):
    """(the tables' nearest common ancestor, their rows after each header, the tables) for each group of
    MIN_SAME_HEADER_TABLES or more tables whose header rows name the same columns and whose rows together
    are MIN_RUN_ROWS or more."""
    groups: dict[tuple[str, ...], list] = {}
    for table in tables:
        if (table.find("tr/th") is not None or table.find("*/tr/th") is not None) and (header := _header_of(table)):
            groups.setdefault(header, []).append(table)
    for tables in groups.values():
        rows = [row for table in tables for row in _table_rows(table)[1:]]
        if len(tables) < MIN_SAME_HEADER_TABLES or len(rows) < MIN_RUN_ROWS:
            continue
        shared = set(tables[0].iterancestors())
        for table in tables[1:]:
            shared &= set(table.iterancestors())
        common = next(el for el in tables[0].iterancestors() if el in shared)
        yield common, rows, tuple(tables)


MIN_LINKED_CHILDREN = MIN_RUN_ROWS  # a container is read when this many of its children hold a link


class _PageLinks:
    """The elements of a page that are or hold a link (an <a href>, an element with an onclick), and how many
    of each element's children do: one walk up from each link, stopping where an earlier one passed, instead
    of asking every element's subtree (most elements of a page hold no link, and a container's children were
    asked again for each container around them)."""

    def __init__(self, root) -> None:
        document = root.getroottree().getroot()  # as '//' reads it: the whole document
        self.linked: set = set()
        self.linked_children: dict = {}
        links = [a for a in document.iter("a") if a.get("href") is not None]
        for el in chain(links, _ONCLICK_XPATH(document)):
            while el is not None and el not in self.linked:
                self.linked.add(el)
                el = el.getparent()
                if el is not None:
                    self.linked_children[el] = self.linked_children.get(el, 0) + 1
        self.document = document

    def containers(self) -> list:
        """In document order: the elements inside a <body> with MIN_LINKED_CHILDREN linked children, and the
        tables with MIN_LINKED_CHILDREN linked rows (<tr>) inside, outside nav, header and footer."""
        found = {el for el, count in self.linked_children.items() if count >= MIN_LINKED_CHILDREN
                 and next(el.iterancestors("body"), None) is not None and _outside_menus(el)}
        found.update(table for table in self.document.iter("table") if table not in found and table in self.linked
                     and sum(1 for tr in table.iter("tr") if tr in self.linked) >= MIN_LINKED_CHILDREN
                     and _outside_menus(table))
        return sorted(found, key=_document_position)


def _outside_menus(el) -> bool:
    """True when neither el nor an element around it is a nav, header or footer."""
    return el.tag not in _MENU_TAGS and next(el.iterancestors(*_MENU_TAGS), None) is None


def _document_position(el) -> list[int]:
    """el's place in document order: the index of each element on its path from the root."""
    position = []
    parent = el.getparent()
    while parent is not None:
        position.append(parent.index(el))
        el, parent = parent, parent.getparent()
    position.reverse()
    return position


def _candidate_containers(root, min_rows: int = MIN_RUN_ROWS):
    """(container, rows) pairs: tables (their rows), lists (their items), and any element whose children
    repeat one tag and class min_rows times or more (boards built of divs, articles, sections)."""
    reading = _READING.get()
    for el in (reading.links if reading is not None else _PageLinks(root)).containers():
        tag = tag_of(el)
        if len(el) < min_rows and tag != "table":
            continue
        if not tag or tag in SKIP_TAGS or tag in _NOT_CONTAINERS:
            continue
        if tag == "table":
            rows = _table_rows(el)
        elif tag in ("ul", "ol"):
            rows = [c for c in el if tag_of(c) == "li"]
        elif tag == "dl":
            rows = [c for c in el if tag_of(c) in ("dt", "dd")]
        else:
            children = [c for c in el if isinstance(c.tag, str) and tag_of(c) != "br"]
            if len(children) < min_rows:
                continue
            keys = Counter(_row_key(child) for child in children)
            key, count = keys.most_common(1)[0]
            rows = [c for c in children if _row_key(c) == key] if count >= min_rows else []
            if not any(map(_has_link, rows)):  # items classed by their own categories share their first class word
                linked = [c for c in children if _has_link(c)]
                firsts = Counter(_first_class_key(child) for child in linked)
                first, count = firsts.most_common(1)[0] if firsts else (("", ""), 0)
                if first[1] and count >= min_rows:
                    rows = [c for c in linked if _first_class_key(c) == first]
            cells = _grid_cells(rows)
            if cells:  # the cards of a grid, and its rows (a row of fields is a row): the better run is taken
                yield el, cells
        if len(rows) >= min_rows:
            yield el, rows


MAX_GRID_COLUMNS = 4  # a grid of cards lays out 2-4 cards a row


def _grid_cells(rows: list) -> list:
    """The cells of a grid whose rows each hold 1-MAX_GRID_COLUMNS cells of one shape (Bootstrap's
    div.row > div.col-md-6 > card): the cards may be the items rather than the rows of the layout.
    [] when the rows are no grid."""
    cells = []
    for row in rows:
        children = [c for c in row if isinstance(c.tag, str)]
        if not 1 <= len(children) <= MAX_GRID_COLUMNS:
            return []
        cells.extend(children)
    keys = {_row_key(cell) for cell in cells}
    return cells if len(keys) == 1 and len(cells) > len(rows) else []


def _is_headed(table) -> bool:
    """True when a table's first row is a header naming MIN_HEADER_CELLS columns (<th> cells)."""
    rows = _table_rows(table)
    return bool(rows) and sum(1 for cell in rows[0] if tag_of(cell) == "th") >= MIN_HEADER_CELLS


def _one_row_tables(root) -> list:
    """The page's tables (in document order) with one <tr> inside, nested tables' rows counted: each table's
    rows are counted up to the second (a layout table holds a page of them)."""
    document = root.getroottree().getroot()  # as '//' reads it: the whole document
    return [table for table in document.iter("table") if sum(1 for _ in islice(table.iter("tr"), 2)) == 1]


def has_pagination(root) -> bool:
    """True when an element whose class or id says 'paging' holds MIN_PAGINATION_LINKS numbered links."""
    return any(_PAGINATION_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")
               and _NUMBERED_XPATH(el) >= MIN_PAGINATION_LINKS for el in _PAGINATION_XPATH(root))


@dataclass
class _Run:
    container: object
    rows: list[_Row]
    order: int = 0  # the container's place among the page's candidates
    # where the run's rows lie, for the prose beside them: its container, or the tables of one header
    areas: tuple = ()

    @property
    def dated(self) -> int:
        return sum(row.dated for row in self.rows)

    @property
    def chars(self) -> int:
        """Non-space characters of the run's rows."""
        return sum(row.chars for row in self.rows)


def _run_of(container, children) -> _Run:
    rows = []
    for index, child in enumerate(children):
        row = _row_of(child)
        if row is not None:
            rows.append(row)
        elif index >= MAX_ROWS_WITHOUT_ITEM and not rows:  # a run that has shown no item row by now has none
            break
    if rows and tag_of(container) in _INLINE_CONTAINERS:
        whole = len("".join(text_of(container).split()))
        if sum(row.chars for row in rows) < MIN_INLINE_ROWS_SHARE * whole:
            rows = []
        rows = [row if row.dated else _dated_by_line(row) for row in rows]
    return _Run(container, rows)


def _line_of(el) -> str:
    """The text of the line an inline row (a link in a text element, its lines parted by <br>) stands on: what
    its siblings and their text show from the <br> before it to the <br> after it, the row's own text left out
    (its title). A line holding another linked element ends there (the text of rows on one line is theirs)."""
    after = [el.tail or ""]
    for sibling in el.itersiblings():
        if tag_of(sibling) == "br" or (tag_of(sibling) and _has_link(sibling)):
            break
        after.extend((text_of(sibling) if tag_of(sibling) else "", sibling.tail or ""))  # a comment: its tail
    before = []
    for sibling in el.itersiblings(preceding=True):
        if tag_of(sibling) == "br" or (tag_of(sibling) and _has_link(sibling)):
            before.append(sibling.tail or "")
            break
        before.extend((sibling.tail or "", text_of(sibling) if tag_of(sibling) else ""))
    else:
        before.append(el.getparent().text or "")
    return _WS.sub(" ", " ".join([*reversed(before), " ", *after])).strip()


def _dated_by_line(row: _Row) -> _Row:
    """An undated inline row dated by the line it stands on ('Posted: 2026-05-07 <a>Title</a>', '<a>Title</a>,
    2026 Guam 3, May 7, 2026'): a text element's rows are its lines, the link is only their title. The row
    as it was when the line shows no date."""
    line = _line_of(row.element)
    if not _DIGIT.search(line):
        return row
    posted_at, written = find_date(line)
    dated = posted_at is not None or bool(MONTH_OF_YEAR.search(line))
    return replace(row, posted_at=posted_at, dated=True) if dated else row


_HAS_TIME = etree.XPath("boolean(.//time)")


def _most_chars(text: str) -> int:
    """At least as many as the non-space characters of text (its ASCII spaces left out, in C)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


@dataclass(frozen=True)
class _Candidate:
    """A container that may hold the page's rows, as listing_rows first sees it (before reading its rows)."""

    order: int  # its place among the page's candidates
    container: object
    children: list
    aside: bool  # in an aside: its rows count only when they link the page's children
    dated: bool  # a row of it can show a date: it holds a digit or a <time>
    most_chars: int  # at least the non-space characters of its text (a bound on its rows' chars)
    areas: tuple = ()  # where its rows lie (the tables of one header), when not its whole container


def _page_run(candidate: _Candidate, base_url: str | None) -> _Run | None:
    """The candidate's run of rows when it is one of the page's own, else None. A sidebar's rows are
    the page's own only when they link its children (a meetings page's 'Most recent meetings' box:
    /about/meetings/ -> /about/meetings/august-8-2019-agenda/)."""
    run = _run_of(candidate.container, candidate.children)
    run.order = candidate.order
    run.areas = candidate.areas or (candidate.container,)
    return run if run.rows and (not candidate.aside or links_children(run.rows, base_url)) else None


def _verdict(el, verdicts: dict) -> str:
    """'comments' for an element named as comments, 'aside' for an aside, else '' (remembered)."""
    verdict = verdicts.get(el)
    if verdict is None:
        named = f"{el.get('class') or ''} {el.get('id') or ''}"
        verdict = verdicts[el] = ("comments" if named != " " and COMMENTS.search(named) else
                                  "aside" if tag_of(el) == "aside" else "")
    return verdict


def links_children(rows, base_url: str | None) -> bool:
    """True when most rows link pages under base_url's path (its children: /news/ -> /news/slug)."""
    page = urlsplit(base_url or "")
    folder = page.path.rstrip("/") + "/"
    if not page.netloc or folder == "/":
        return False
    children = 0
    for row in rows:
        target = urlsplit(_absolute(row.href, base_url) or "") if row.href else None
        children += bool(target and target.netloc == page.netloc and target.path.startswith(folder)
                         and len(target.path.rstrip("/")) > len(folder))
    return children >= MIN_DATED_SHARE * len(rows)


def _overlaps(run: _Run, chosen: list[_Run]) -> bool:
    ancestors = set(run.container.iterancestors())
    return any(other.container in ancestors or run.container in set(other.container.iterancestors())
               or other.container is run.container for other in chosen)


def listing_rows(root, base_url: str | None = None) -> ListingRows:
    """The page's runs of link rows (table rows, list items, repeated blocks): each row a title, a
    link, a date, views. The best run (most dated rows), plus every other run of MIN_EXTRA_RUN_ROWS
    or more mostly dated rows elsewhere on the page (a meeting archive has one table per year).

    Read-only: run it on the parsed page before html_blocks, which detaches elements. Rows inside
    nav/header/footer/aside are menus and sidebars, rows under comments are comments: neither is considered.
    """
    if root is None:
        return ListingRows()
    token = _READING.set(_PageReading({}, _hidden_text_holders(root), _PageLinks(root), {}))
    try:
        return _listing_rows(root, base_url)
    finally:
        _READING.reset(token)


def _listing_rows(root, base_url: str | None) -> ListingRows:
    verdicts: dict = {}  # element -> 'comments', 'aside' or '' (the containers share their ancestors)
    candidates: list[_Candidate] = []
    tables, selects = page_tables(root)
    grouped = ((container, children, ()) for container, children in _candidate_containers(root))
    for order, (container, children, areas) in enumerate(chain(grouped, _same_header_tables(tables))):
        around = {_verdict(el, verdicts) for el in (container, *container.iterancestors())}
        if "comments" in around or ("aside" in around and not base_url):
            continue
        # every text node, a script's too: a digit anywhere, and the characters at most (a bound, not a count)
        text = " ".join(_TEXTS(container))
        candidates.append(_Candidate(order, container, children, "aside" in around,
                                     _DIGIT.search(text) is not None or _HAS_TIME(container), _most_chars(text), areas))
    # Cheap exits that choose the same run: a dated run (every date is written with digits, or is a
    # <time>) outranks every undated one, so containers without a digit are read only when no dated run
    # is found, and then from the one with the most text down: a container's rows hold at most its text.
    runs = [run for candidate in candidates if candidate.dated and (run := _page_run(candidate, base_url))]
    runs += _option_runs(selects, len(candidates))
    if not any(run.dated for run in runs):
        best = max((run.chars for run in runs), default=0)
        for candidate in sorted((c for c in candidates if not c.dated), key=lambda c: c.most_chars, reverse=True):
            if candidate.most_chars < best:
                break
            if run := _page_run(candidate, base_url):
                runs.append(run)
                best = max(best, run.chars)
    runs.sort(key=lambda run: run.order)  # reading order again: the ranking below keeps it among equals
    empty_board = any(_is_headed(table) for table in _one_row_tables(root))
    grid_links = month_grid_links(root, base_url, tables)
    if not runs:  # no rows to weigh: their pagination and the prose beside them say nothing
        return ListingRows(empty_board=empty_board, filter_chars=filter_chars(root), grid_links=grid_links)
    # most dated rows first, then most text: a listing's rows carry titles and fields, a menu's a word each
    runs.sort(key=lambda r: (r.dated, sum(row.chars for row in r.rows)), reverse=True)
    chosen = [runs[0]]
    if runs[0].dated:
        for run in runs[1:]:
            if (run.dated >= MIN_EXTRA_RUN_ROWS and run.dated >= MIN_DATED_SHARE * len(run.rows)
                    and not _overlaps(run, chosen)):
                chosen.append(run)
    headed = tag_of(runs[0].container) == "table" and _is_headed(runs[0].container)
    if len(chosen) > 1:  # back into reading order
        order = {el: i for i, el in enumerate(root.iter())}
        chosen.sort(key=lambda r: order.get(r.container, 0))
    rows = [row for run in chosen for row in run.rows]
    links = tuple(ListingLink(i, row.title, _absolute(row.href, base_url) if row.href else None, row.posted_at,
                              _views(row.element)) for i, row in enumerate(rows, start=1))
    found = ListingRows(links, sum(r.dated for r in chosen), sum(row.chars for row in rows), 0,
                        row_texts=tuple(row.text for row in rows), headed=headed, empty_board=empty_board,
                        filter_chars=filter_chars(root), grid_links=grid_links)
    if not found.weighable:  # too few rows for any listing: nothing weighs them against the page
        return found
    return replace(found, pagination=has_pagination(root), paragraphs=_paragraphs(root, {area for r in chosen for area in r.areas}),
                   links_children=links_children(rows, base_url))


# An archive may offer its documents as a dropdown: each option names a meeting ('May 2019') and carries its
# document's address (data-url or value: 'content/pdfs/minutes/2019/5/Meeting-Minutes-05-09-2019.pdf'), which a
# script opens. Options that carry documents are rows; options that carry pages are a jump menu or a filter.
def _option_runs(selects: list, first_order: int) -> list[_Run]:
    """The runs of the page's dropdowns whose options carry document addresses (MIN_RUN_ROWS or more, each
    with a title of MIN_ROW_TITLE_CHARS), dated by their text or their file's name."""
    runs = []
    for select in selects:
        rows = []
        for option in select.iter("option"):
            href = (option.get("data-url") or option.get("value") or "").strip()
            title = text_of(option)
            if not DOCUMENT_LINK.search(href) or len(title) < MIN_ROW_TITLE_CHARS:
                continue
            posted_at, _, dated = _dates_of(title, "")
            posted_at = posted_at or file_name_date(href)
            squashed = "".join(title.split())
            rows.append(_Row(option, title, href, posted_at, dated or posted_at is not None, len(squashed), squashed))
        if len(rows) >= MIN_RUN_ROWS:
            runs.append(_Run(select, rows, first_order + len(runs), (select,)))
    return runs


def filter_chars(root) -> int:
    """Non-space characters of the labels of the page's checkboxes and radio buttons (0 below
    MIN_FILTER_CHOICES of them): how much of the page is a form of filters."""
    if sum(1 for el in root.iter("input") if el.get("type") in _CHOICE_TYPES) < MIN_FILTER_CHOICES:
        return 0
    return sum(len("".join(text_of(label).split())) for label in _choice_labels(root))


def _choice_labels(root) -> list:
    """The page's labels (in document order) that hold a checkbox or radio button or name one by its id
    ('<label for=...>')."""
    document = root.getroottree().getroot()  # as '//' reads it: the whole document
    ids = {el.get("id") for el in document.iter("input") if el.get("type") in _CHOICE_TYPES} - {None}
    return [label for label in document.iter("label") if label.get("for") in ids
            or any(el.get("type") in _CHOICE_TYPES for el in label.iter("input"))]


PROSE_MIN_CHARS = 60  # a paragraph of one Korean sentence is 50-150 characters, an English one 100-300


_PROSE_XPATH = etree.XPath("//p[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or "
                           "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template "
                           "or ancestor::head)]")


def _paragraphs(root, containers: set) -> tuple[str, ...]:
    """Texts of <p> elements outside the rows and nav/header/footer/aside: the page's prose as its markup
    has it, which a cleaner that lost an article's body cannot hide."""
    in_rows = {p for container in containers for p in container.iter("p")}
    texts = []
    for p in _PROSE_XPATH(root):
        if p in in_rows:
            continue
        text = text_of(p)
        if len(text) >= PROSE_MIN_CHARS:
            texts.append(text)
    return tuple(texts)


def text_listing_rows(lines: list[str]) -> ListingRows:
    """Listing rows of a text dump: the longest run of short lines that each show a date."""
    best: list[tuple[str, str, datetime | None]] = []
    run: list[tuple[str, str, datetime | None]] = []
    for line in lines + [""]:
        posted_at, written = find_date(line) if len(line) <= MAX_LINE_ROW_CHARS else (None, None)
        title = _WS.sub(" ", line.replace(written, " ")).strip() if written else ""
        if written and len(title) >= MIN_ROW_TITLE_CHARS:
            run.append((line, title, posted_at))
            continue
        if len(run) > len(best):
            best = run
        run = []
    links = tuple(ListingLink(i, title, None, posted_at,
                              int(v.group(1).replace(",", "")) if (v := _VIEWS_LABELLED.search(line)) else None)
                  for i, (line, title, posted_at) in enumerate(best, start=1))
    return ListingRows(links, len(links), sum(_nonspace(line) for line, _, _ in best), sum(map(_nonspace, lines)))


def _nonspace(text: str) -> int:
    return len(text) - text.count(" ")
