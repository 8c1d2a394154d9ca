"""What kind of page this is (article, listing, static, error, home), and a listing's rows as links. Pure.

A crawl holds more than articles: board listings, search results, error pages. Structure decides,
URL patterns are evidence: a listing is a page whose main text is mostly a run of similar rows
(table rows or list items) that each hold one link and most of which show a date, often with
pagination; an error page is an HTTP error or a short page that says it is one; a home page is a
site's front page (its URL has no path but a language or index page); an article is a
page with a publication date, or an article-like URL; anything else with content is static (a
city overview, directions). Words such as '제목' or 'list.do' are evidence, never the verdict.

    >>> decide_page_kind(PageEvidence(http_status=404)).kind
    'error'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from cityclips.transforms.records import ListingLink
from cityclips.transforms.source import absolute_url

KINDS = ("article", "listing", "static", "error", "home")
# A listing shows at least this many item rows: a board page 10-20, a yearly meeting archive 4-12;
# 4 with dates, or 8 without (a list of titles only). A related-news box under an article has as
# many: the prose share below tells them apart.
MIN_LISTING_ROWS = 4
MIN_UNDATED_LISTING_ROWS = 8
MIN_EXTRA_RUN_ROWS = 3  # a second table or list of dated rows on a listing page counts from 3 rows
MAX_ROWS_WITHOUT_ITEM = 20  # children read before a container without a single item row is given up (an
# events list opens with month headers: 6 lost one of the dev listings)
MIN_DATED_SHARE = 0.6  # most of a board's rows show a date; a menu's items show none
# Rows without dates make a weak case (menus, tag clouds, reference lists are undated rows too):
# measured on the article pages of ../shared/peers, 12 of 579 came out listings on 8+ undated rows
# with no other evidence, and 1 more with pagination. So undated rows need a listing URL or
# pagination, and more of the page.
MIN_UNDATED_ROWS_TEXT_SHARE = 0.7
# A row's link is its title only when the link is much of the row ('12 | Title | admin | 2024-05-01
# | 75'); a list item that is a sentence with a link in it is prose.
MIN_TITLE_SHARE_OF_ROW = 0.4
# ... and the rows carry this share of the rows and the page's prose together (an article's own
# prose outweighs the related-news rows beneath it).
MIN_ROWS_TEXT_SHARE = 0.5
# A block of this many characters or more is prose (a paragraph of one Korean sentence is 50-150
# characters, an English one 100-300); a block holding a row's title is a row however long it is.
PROSE_MIN_CHARS = 60
MIN_REPEATED_SHAPE = 3  # a short block shape seen 3 times on a page is the items' metadata, not prose
MAX_REPEATED_SHAPE_CHARS = 200  # ... while long paragraphs of one shape are still prose (addresses masked)
MIN_ROW_TITLE_CHARS = 4  # '더보기', 'more' are links but not titles
MAX_ROW_CHARS = 400  # a row is a line of a list; a longer element is content
MIN_PAGINATION_LINKS = 3  # '1 2 3' at least
ERROR_MAX_CHARS = 600  # an error page says so in a few lines; a long page about errors is an article
ERROR_SEARCH_CHARS = 50_000  # where the message is searched (the whole of what a cleaner removed, on an empty page)
ERROR_PHRASES = re.compile(
    r"(page (was )?not found|404 not found|\b404\b.{0,80}\berror\b|\berror 404\b|does not exist|no longer available|"
    r"access denied|forbidden|internal server error|service unavailable|"
    r"페이지를 찾을 수 없|요청하신 페이지|존재하지 않는|잘못된 (접근|경로|요청)|삭제된 게시물|"
    r"접근 권한이 없|오류가 발생|서비스 점검|등록된 (데이터|게시물|글|자료)가? 없|no (records|results|posts) found)", re.IGNORECASE)
# URL evidence (query and path words crawlers meet on board software: eGovFrame's list.do,
# board.es?act=list, bbs/list.php ...). Evidence only: they move the decision when structure is thin.
LISTING_URL = re.compile(r"(list\.(do|jsp|php|asp|html?)|[?&](act|mode|cmd)=list|/list(/|$|\?)|boardlist|"
                         r"bbslist|[?&]page(index|no)?=\d|/search|[?&](q|query|keyword|searchwrd)=)", re.IGNORECASE)
ARTICLE_URL = re.compile(r"(view\.(do|jsp|php|asp|html?)|[?&](act|mode|cmd)=view|/view(/|$|\?)|"
                         r"[?&](nttid|articleno|article_id|seq|idx|wr_id|no|list_no|board_seq)=\d+|"
                         r"/(news|article|articles|press)/\S*\d{3,})", re.IGNORECASE)
# Dates as rows show them: 2024-05-01, 2024.05.01, 24.05.01, 2024년 5월 1일; May 1, 2024; 1 May 2024; 5/1/2024.
# A site's front page: no path, a language code, or an index/main page, and no query.
HOME_URL = re.compile(r"^https?://[^/?#]+(/[a-z]{2}(-[a-z]{2})?)?(/((index|main|home|default)(\.[a-z]{2,5})?)?)?$",
                      re.IGNORECASE)
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})[-./년]\s?(0?[1-9]|1[0-2])[-./월]\s?(0?[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
DATE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\.?\s+{_MONTH}\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
DATE_US = re.compile(r"(?<![\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)\d{2})(?![\d/])")
_VIEWS_LABELLED = re.compile(r"(?:조회(?:수)?|views?|hits?)\s*[:：]?\s*(\d[\d,]{0,12})(?![\d,])", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*\d[\d,]{0,8}\s*$")
_TITLE_CLASS = re.compile(r"(^|[\s_-])(subject|title|tit|sbj)([\s_-]|$)", re.IGNORECASE)
_PAGINATION_CLASS = re.compile(r"pag(e|ing|ination)|page_?num|board_?page", re.IGNORECASE)
_WS = re.compile(r"\s+")
_SHAPE_MASK = re.compile(r"https?://\S+|\d+|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
_NOT_CONTAINERS = frozenset({"tr", "tbody", "thead", "li", "p", "a", "span", "select", "option", "svg"})
# Elements whose class or id contains 'pag' (the regex then decides): XPath runs in C, the page has thousands
# (a pagination bar holds a few dozen links at most: a <body class="page-..."> is not one)
_PAGINATION_XPATH = etree.XPath("//*[(contains(@class, 'pag') or contains(@id, 'pag') or contains(@class, 'Pag') "
                                "or contains(@id, 'Pag')) and count(.//a) <= 60]")
# Elements with 3 or more element children, and tables: the only possible containers of a run (in C,
# so the thousands of other elements of a page never become Python objects)
_HAS_HIDDEN_TEXT = etree.XPath("boolean(.//script | .//style | .//noscript | .//template)")
_CONTAINER_XPATH = etree.XPath("//*[count(*) >= 3] | //table")
_CHROME = frozenset({"nav", "header", "footer"})


@dataclass(frozen=True)
class ListingRows:
    """The best run of item rows found in a page's DOM, and how much of the page it is."""

    links: tuple[ListingLink, ...] = ()
    dated_rows: int = 0
    rows_chars: int = 0  # non-space characters of text in the rows
    page_chars: int = 0  # non-space characters of a text dump's lines (0 for HTML: its prose is weighed instead)
    pagination: bool = False
    row_texts: tuple[str, ...] = ()  # each row's text without whitespace (to tell rows from prose)
    paragraphs: tuple[str, ...] = ()  # the text of the page's <p> elements outside the rows and chrome


@dataclass(frozen=True)
class PageEvidence:
    """What decide_page_kind weighs. Every field has a neutral default (a text dump has no DOM)."""

    url: str | None = None
    http_status: int | None = None
    rows: ListingRows = field(default_factory=ListingRows)
    # the URL the page was fetched from: a canonical link can name the front page from any page, so
    # only a fetched URL says a page is the front page
    fetched_url: str | None = None
    body_chars: int = 0  # characters in the cleaned article body
    prose_chars: int = 0  # non-space characters of its prose: blocks of PROSE_MIN_CHARS or more
    body_text: str = ""  # its head is searched for error phrases on short pages
    title: str | None = None
    has_published_at: bool = False
    article_markup: bool = False  # og:type article, article:published_time, <time>, JSON-LD datePublished


@dataclass(frozen=True)
class PageKind:
    kind: str  # one of KINDS
    reason: str  # which evidence decided, e.g. 'rows=12 dated=12 share=0.71'
    links: tuple[ListingLink, ...] = ()  # a listing's rows (empty for other kinds)


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text(el, cap: int | None = None) -> str:
    """el's visible text, whitespace collapsed; reading stops once cap characters are passed.

    lxml's itertext (in C) when el holds no script or style; else a walk that skips them.
    """
    if _HAS_HIDDEN_TEXT(el):
        pieces = (piece for node in el.iter() if _tag(node) not in _SKIP
                  for piece in (node.text if _tag(node) else None, node.tail if node is not el else None) if piece)
    else:
        pieces = el.itertext()
    parts, size = [], 0
    for piece in pieces:
        parts.append(piece)
        size += len(piece)
        if cap is not None and size > cap:
            break
    return _WS.sub(" ", " ".join(parts)).strip()


def _main_link(row) -> etree._Element | None:
    """The row's title: its longest link (an <a>, or any element with an onclick, as boards built on
    script links have), else a cell whose class says it holds the title ('subject', 'title')."""
    links = [(len(_text(a)), a) for a in row.iter() if _tag(a) and (a.get("onclick") or
                                                                   (_tag(a) == "a" and a.get("href") is not None))]
    links = [(n, a) for n, a in links if n >= MIN_ROW_TITLE_CHARS]
    if links:
        return max(links, key=lambda pair: pair[0])[1]
    titled = [c for c in row.iter() if _tag(c) and _TITLE_CLASS.search(c.get("class") or "")
              and len(_text(c)) >= MIN_ROW_TITLE_CHARS]
    return titled[0] if titled else None


def _views(row, title: str) -> int | None:
    text = _text(row)
    labelled = _VIEWS_LABELLED.search(text)
    if labelled:
        return int(labelled.group(1).replace(",", ""))
    cells = [c for c in row if _tag(c) in ("td", "span", "em", "dd")]
    numbers = [_text(c) for c in cells if _BARE_NUMBER.match(_text(c))]
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
    chars: int
    text: str  # without whitespace


def _row_of(row) -> _Row | None:
    """The row's title, link and date, or None when it is not an item row (too long, no title link)."""
    text = _text(row, cap=MAX_ROW_CHARS)
    if not text or len(text) > MAX_ROW_CHARS:
        return None
    link = _main_link(row)
    title = _text(link) if link is not None else ""
    posted_at, written = find_date(text.replace(title, " ") if title else text)
    posted_at = posted_at or _time_element_date(row)
    if link is None or len(title) < MIN_TITLE_SHARE_OF_ROW * len(text):
        # A dated row whose links are generic ('Agenda', 'Minutes', an icon) is titled by its own text.
        first = next((a for a in row.iter("a") if a.get("href")), None)
        if posted_at is None or first is None:
            return None
        link, title = first, _WS.sub(" ", text.replace(written, " ") if written else text).strip()[:MAX_ROW_CHARS]
        if len(title) < MIN_ROW_TITLE_CHARS:
            title = text
    href = link.get("href") if _tag(link) == "a" else None
    squashed = "".join(text.split())
    return _Row(row, title, href, posted_at, len(squashed), squashed)


def _day(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[datetime | None, str | None]:
    """The first date a row shows, and the text that wrote it; (None, None) when it shows none."""
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
    match = DATE_US.search(text)
    if match:
        month, day, year = match.groups()
        return _day(int(year), int(month), int(day)), match.group(0)
    return None, None


def _time_element_date(row) -> datetime | None:
    for element in row.iter("time"):
        value = (element.get("datetime") or "")[:10]
        found, _ = find_date(value) if value else (None, None)
        if found:
            return found
    return None


def _row_key(el) -> tuple[str, str]:
    return _tag(el), (el.get("class") or "").strip()


def _candidate_containers(root, min_rows: int = 3):
    """(container, rows) pairs: tables (their rows), lists (their items), and any element whose children
    repeat one tag and class min_rows times or more (boards built of divs, articles, sections)."""
    for el in _CONTAINER_XPATH(root):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if len(el) < min_rows and tag != "table":
            continue
        if not tag or tag in _SKIP or tag in _NOT_CONTAINERS:
            continue
        if tag == "table":
            rows = [tr for tr in el.iter("tr") if tr.getparent() is el or _tag(tr.getparent()) in ("tbody", "thead")
                    and tr.getparent().getparent() is el]
        elif tag in ("ul", "ol"):
            rows = [c for c in el if _tag(c) == "li"]
        elif tag == "dl":
            rows = [c for c in el if _tag(c) in ("dt", "dd")]
        else:
            children = [c for c in el if isinstance(c.tag, str)]
            if len(children) < min_rows:
                continue
            keys = Counter(_row_key(child) for child in children)
            key, count = keys.most_common(1)[0]
            rows = [c for c in children if _row_key(c) == key] if count >= min_rows else []
        if len(rows) >= min_rows:
            yield el, rows


def _has_pagination(root) -> bool:
    """True when an element whose class or id says 'paging' holds MIN_PAGINATION_LINKS numbered links."""
    for el in _PAGINATION_XPATH(root):
        if _PAGINATION_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            numbered = [a for a in el.iter("a", "strong", "span") if _text(a, cap=12).isdigit()]
            if len(numbered) >= MIN_PAGINATION_LINKS:
                return True
    return False


@dataclass
class _Run:
    container: object
    rows: list[_Row]

    @property
    def dated(self) -> int:
        return sum(row.posted_at is not None for row in self.rows)


def _run_of(container, children) -> _Run:
    rows = []
    for index, child in enumerate(children):
        row = _row_of(child)
        if row is not None:
            rows.append(row)
        elif index >= MAX_ROWS_WITHOUT_ITEM and not rows:  # a run that has shown no item row by now has none
            break
    return _Run(container, rows)


def _overlaps(run: _Run, chosen: list[_Run]) -> bool:
    ancestors = set(run.container.iterancestors())
    return any(other.container in ancestors or run.container in set(other.container.iterancestors())
               or other.container is run.container for other in chosen)


def listing_rows(root, base_url: str | None = None) -> ListingRows:
    """The page's runs of link rows (table rows, list items, repeated blocks): each row a title, a
    link, a date, views. The best run (most dated rows), plus every other run of MIN_EXTRA_RUN_ROWS
    or more mostly dated rows elsewhere on the page (a meeting archive has one table per year).

    Read-only: run it on the parsed page before html_blocks, which detaches elements. Rows inside
    nav/header/footer are menus, not listings, and are not considered.
    """
    if root is None:
        return ListingRows()
    runs = []
    for container, children in _candidate_containers(root):
        if _tag(container) in _CHROME or any(_tag(a) in _CHROME for a in container.iterancestors()):
            continue
        run = _run_of(container, children)
        if run.rows:
            runs.append(run)
    if not runs:
        return ListingRows(pagination=_has_pagination(root), paragraphs=_paragraphs(root, set()))
    runs.sort(key=lambda r: (r.dated, len(r.rows)), reverse=True)
    chosen = [runs[0]]
    if runs[0].dated:
        for run in runs[1:]:
            if (run.dated >= MIN_EXTRA_RUN_ROWS and run.dated >= MIN_DATED_SHARE * len(run.rows)
                    and not _overlaps(run, chosen)):
                chosen.append(run)
    if len(chosen) > 1:  # back into reading order
        order = {el: i for i, el in enumerate(root.iter())}
        chosen.sort(key=lambda r: order.get(r.container, 0))
    rows = [row for run in chosen for row in run.rows]
    links = tuple(ListingLink(i, row.title, absolute_url(row.href, base_url) if row.href else None, row.posted_at,
                              _views(row.element, row.title)) for i, row in enumerate(rows, start=1))
    return ListingRows(links, sum(r.dated for r in chosen), sum(row.chars for row in rows), 0,
                       _has_pagination(root), tuple(row.text for row in rows),
                       _paragraphs(root, {r.container for r in chosen}))


def _paragraphs(root, containers: set) -> tuple[str, ...]:
    """Texts of <p> elements outside the rows and nav/header/footer: the page's prose as its markup
    has it, which a cleaner that lost an article's body cannot hide."""
    texts = []
    for p in root.iter("p"):
        ancestors = list(p.iterancestors())
        if any(a in containers for a in ancestors) or any(_tag(a) in _CHROME or _tag(a) in _SKIP for a in ancestors):
            continue
        text = _text(p)
        if len(text) >= PROSE_MIN_CHARS:
            texts.append(text)
    return tuple(texts)


MAX_ARTICLE_TIME_ELEMENTS = 2
# og:type 'article' and article:modified_time are not here: WordPress and Drupal put them on every
# page, listings included.
_ARTICLE_META = frozenset({"article:published_time", "og:article:published_time", "datepublished", "pubdate",
                           "publishdate", "date"})


def has_article_markup(root) -> bool:
    """True when the markup dates the page as an article: a publication-time meta, one or two
    <time datetime> elements, or JSON-LD with a datePublished. Read-only, before html_blocks."""
    if root is None:
        return False
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _ARTICLE_META and (meta.get("content") or "").strip():
            return True
    for script in root.iter("script"):
        if "ld+json" in (script.get("type") or "").lower() and "datePublished" in (script.text or ""):
            return True
    # one <time> (two: published and updated) dates the page; many date the items of a list
    return 0 < sum(1 for el in root.iter("time") if el.get("datetime")) <= MAX_ARTICLE_TIME_ELEMENTS


def text_listing_rows(lines: list[str]) -> ListingRows:
    """Listing rows of a text dump: the longest run of short lines that each show a date."""
    best: list[tuple[str, str, datetime | None]] = []
    run: list[tuple[str, str, datetime | None]] = []
    for line in lines + [""]:
        posted_at, written = find_date(line) if len(line) <= MAX_ROW_CHARS else (None, None)
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


def decide_page_kind(evidence: PageEvidence) -> PageKind:
    """The page's kind from its evidence (see the module docstring); a listing carries its rows."""
    status = evidence.http_status
    if status is not None and status >= 400:
        return PageKind("error", f"http_status={status}")
    head = f"{evidence.title or ''} {evidence.body_text[:ERROR_SEARCH_CHARS]}"
    if evidence.body_chars <= ERROR_MAX_CHARS and ERROR_PHRASES.search(head):
        return PageKind("error", "short page with an error message")
    rows = evidence.rows
    n_rows = len(rows.links)
    # The rows against the page's prose: an article's paragraphs outweigh a related-news box; a
    # listing has little prose besides its rows (chrome the cleaner removed does not count).
    # The cleaner's prose or the markup's <p> prose, whichever is more: a cleaner that lost an
    # article's body leaves its related-news rows looking like the page's content.
    prose = max(evidence.prose_chars, prose_chars(list(rows.paragraphs), rows))
    share = rows.rows_chars / max(rows.rows_chars + prose, 1)
    dated = rows.dated_rows >= MIN_LISTING_ROWS and rows.dated_rows >= MIN_DATED_SHARE * n_rows
    listing_url = bool(evidence.url and LISTING_URL.search(evidence.url))
    article_url = bool(evidence.url and ARTICLE_URL.search(evidence.url))
    # undated rows only with a listing URL or pagination, never on a page whose body the cleaner emptied
    undated = n_rows >= MIN_UNDATED_LISTING_ROWS and (listing_url or rows.pagination) and evidence.body_chars > 0
    # Evidence shifts the share a listing needs: pagination or a list URL lower it, an article URL
    # raises it (article markup does not: CMSs put publication times on listing pages too).
    shift = -0.15 * rows.pagination - 0.15 * listing_url + 0.2 * article_url
    reason = f"rows={n_rows} dated={rows.dated_rows} share={share:.2f} pagination={rows.pagination}"
    if evidence.fetched_url and HOME_URL.search(evidence.fetched_url):
        return PageKind("home", "the site's front page (URL)")
    if (dated and share >= MIN_ROWS_TEXT_SHARE + shift) or (undated and share >= MIN_UNDATED_ROWS_TEXT_SHARE + shift):
        return PageKind("listing", reason, rows.links)
    if evidence.has_published_at or article_url or evidence.article_markup:
        return PageKind("article", reason)
    return PageKind("static", reason)


def _shape(text: str) -> str:
    """A block with its digits, month names and web addresses masked: the items of a list repeat one shape."""
    return _SHAPE_MASK.sub("0", text.lower())


def prose_chars(texts: list[str], rows: ListingRows) -> int:
    """Non-space characters of the texts (a page's cleaned blocks) that are prose: PROSE_MIN_CHARS
    or longer, not one of the rows (a long row title is still a row), and not a line repeated in
    one shape under every item of a list."""
    titles = [link.title for link in rows.links if len(link.title) >= MIN_ROW_TITLE_CHARS]
    shapes = Counter(_shape(text) for text in texts if len(text) >= PROSE_MIN_CHARS)
    total = 0
    for text in texts:
        if len(text) < PROSE_MIN_CHARS or any(title in text for title in titles):
            continue
        shape = _shape(text)
        if len(shape) < MAX_REPEATED_SHAPE_CHARS and shapes[shape] >= MIN_REPEATED_SHAPE:  # 'Posted on ... by'
            continue
        squashed = "".join(text.split())
        if not any(squashed in row or row in squashed for row in rows.row_texts):
            total += len(squashed)
    return total
