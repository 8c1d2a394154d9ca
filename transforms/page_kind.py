"""What kind of page this is (article, listing, static, error, home), and a listing's rows as links. Pure.

A crawl holds more than articles: board listings, search results, error pages. Structure decides,
URL patterns and words are evidence:
- error: an HTTP error, or a short page that says it is one (in Korean or English), or an empty page
  whose script alerts it, or a page that keeps a few words and no sentence, no rows, no file's name and
  nothing that dates it (the chrome around a captcha or a wrong address's message, in place of the item);
- home: a site's front page, by the URL it was fetched from;
- listing: a page whose main text is mostly a run of similar rows (transforms/listing.py) that each
  hold one link and most of which show a date; pagination, a listing URL or a board table's header
  row make a thinner run enough, an article URL asks for more; dated rows that link the page's own
  children make a page that is no item a listing, and so do dated rows that each link a document (a
  meeting archive's agendas and minutes as PDF or HWP files) or a long run of dated rows, and so does a month's calendar grid with events in
  its cells (day numbers 1-31 in a run, the events' lines between them), and a page that shows nothing
  but a form of filters (its checkboxes' labels; a search or calendar saved before its script ran), and
  rows grouped under dated lines of one shape ('Published in the Law Journal of <date>:') that link two
  documents a date, or entries under such lines each followed by its title or summary; a long run of dated
  rows outweighs a date field at the top; a page the cleaner emptied is one by paginated rows of one title shape;
- article: one dated item: it shows when it was published (a byline, a board's 등록일), its markup
  says so (article:published_time, JSON-LD Article/Event/JobPosting, a <time>), its URL is an
  item's (view.do?nttId=7, a date in the path), it links its neighbours (이전글/다음글, previous
  post), or it shows a date as a field near its top (신청기간 : 2012-06-12, Meeting date: ...) that is not
  one line of a schedule (a day per meeting: a committee's page, a month's notices), in its body or in
  the frame just above it that the cleaner took out (a byline, 등록일, an event's 'Date/Time:' and its value),
  or a record's field table above its rows (5+ labels on lines of their own: 'Case:', 'Date Filed:', '사건번호 :').
  A date in a line whose shape the page shows with 3+ different dates ('Posted: <date>' under each row) dates
  rows: no date field and no byline of the page;
- static: anything else with content (a glossary, a committee page, directions). A date the page
  shows only as when it was last changed ('Date modified', 최종수정일) makes no item.

    >>> decide_page_kind(PageEvidence(http_status=404)).kind
    'error'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

from cityclips.transforms.listing import (COMPACT_DATE, DATE, DATE_DAY_FIRST, DATE_MONTH_FIRST, DATE_US, DOCUMENT_LINK,
                                          MIN_BOARD_ROWS, MIN_MONTH_DAYS, MIN_ROW_TITLE_CHARS, MIN_UNDATED_LISTING_ROWS,
                                          PROSE_MIN_CHARS, ListingRows, is_next_day)
from cityclips.transforms.dates import TIME_RANGE
from cityclips.transforms.field_items import _SENTENCE_MARK as SENTENCE_MARK  # a full stop, '...다': one definition
from cityclips.transforms.markup import ARTICLE_TYPES, json_ld_object_types
from cityclips.transforms.metadata import parse_metadata_line
from cityclips.transforms.records import Block, ListingLink, RemovedLine
from cityclips.transforms.source import absolute_url

KINDS = ("article", "listing", "static", "error", "home")
# A listing shows at least this many item rows: a board page 10-20, a yearly meeting archive 4-12;
# 4 with dates, or 8 without (a list of titles only). A related-news box under an article has as
# many: the prose share below tells them apart.
MIN_LISTING_ROWS = 4
# (MIN_UNDATED_LISTING_ROWS = 8, from transforms/listing.py: a list of titles only.)
# When nothing on the page says it is one item, fewer dated rows make a listing: a board table (a
# header row, and pagination or a list URL) from MIN_BOARD_ROWS (3, transforms/listing.py), as the
# last page of a board holds a few; or rows that are nearly all of the page's text (a search that found three).
MIN_THIN_RUN_SHARE = 0.9
MIN_DATED_SHARE = 0.6  # most of a board's rows show a date; a menu's items show none
# Rows without dates make a weak case (menus, tag clouds, reference lists are undated rows too):
# measured on the article pages of ../shared/peers, 12 of 579 came out listings on 8+ undated rows
# with no other evidence, and 1 more with pagination. So undated rows need a listing URL or
# pagination, and more of the page.
MIN_UNDATED_ROWS_TEXT_SHARE = 0.7
# ... and the rows carry this share of the rows and the page's prose together (an article's own
# prose outweighs the related-news rows beneath it).
MIN_ROWS_TEXT_SHARE = 0.5
# pagination, a listing URL, rows that link the page's children (/about/meetings/ -> /about/meetings/
# june-13-2019-agenda/): each lowers the share a listing needs by this
LISTING_EVIDENCE_SHIFT = 0.15
ARTICLE_URL_SHIFT = 0.2  # an item's URL raises it by this
# ... and markup that names the page one item (JSON-LD NewsArticle, article:published_time), or links to
# the previous and next item, by this each: an article page whose text the cleaner lost still says it is one
# (a listing's markup can carry a publication time: these move the share, they do not decide)
ITEM_MARKUP_SHIFT = 0.15
MIN_REPEATED_SHAPE = 3  # a short block shape seen 3 times on a page is the items' metadata, not prose
MAX_REPEATED_SHAPE_CHARS = 200  # ... while long paragraphs of one shape are still prose (addresses masked)
ERROR_MAX_CHARS = 600  # an error page says so in a few lines; a long page about errors is an article
ERROR_SEARCH_CHARS = 50_000  # where the message is searched (the whole of what a cleaner removed, on an empty page)
ERROR_PHRASES = re.compile(
    r"(page (was )?not found|404 not found|\b404\b.{0,80}\berror\b|\berror 404\b|does not exist|no longer available|"
    r"access denied|forbidden|internal server error|service unavailable|"
    r"페이지를 찾을 수 없|요청하신 페이지|존재하지 않는|잘못된 (접근|경로|요청)|삭제된 게시물|"
    r"접근 권한이 없|오류가 발생|서비스 점검|등록된 (데이터|게시물|글|자료)가? 없|no (records|results|posts) found|"
    r"해당 [^.!?\n]{1,40}(없습니다|존재하지 않|찾을 수 없))", re.IGNORECASE)
# A server that answers an unknown id with an empty page may say so only in a script's alert('...')
# (then sends the reader back): the message of an alert on a page that shows nothing is its text.
_ALERT = re.compile(r"""\balert\s*\(\s*(["'])(.{4,300}?)\1\s*\)""")
# ... or alert(name) of a variable the script set to a message: var msg = '...'; alert(msg)
_ALERT_VARIABLE = re.compile(r"\balert\s*\(\s*([A-Za-z_$][\w$]*)\s*\)")
_ASSIGNED = r"""\b{name}\s*=\s*(["'])(.{{4,300}}?)\1"""
# URL evidence (query and path words crawlers meet on board software: eGovFrame's list.do,
# board.es?act=list, bbs/list.php ...). Evidence only: they move the decision when structure is thin.
LISTING_URL = re.compile(r"(list\.(do|jsp|php|asp|html?)|[?&](act|mode|cmd)=list|/list(/|$|\?)|boardlist|"
                         r"bbslist|[?&]page(index|no)?=\d|/search|[?&](q|query|keyword|searchwrd)=)", re.IGNORECASE)
_ARTICLE_URL_NAMED = (r"(view|detail|read)\.(do|jsp|php|asp|html?)|[?&](act|mode|cmd)=(view|detail|read)|"
                      r"/(view|details?)(/|$|\?)|"
                      r"[?&](nttid|articleno|article_id|seq|idx|wr_id|no|list_no|board_seq)=\d+|"
                      r"/(news|article|articles|press)/\S*\d{3,}")
# a news CMS's slug and id: /Breaking-News/Son-of-former-...-Berlin-608399
_ARTICLE_URL_SLUG = r"/[^/?#]*[a-z][^/?#]*-[a-z][^/?#]*[-_!]\d{5,}(\.html?)?/?(\?|#|$)"
ARTICLE_URL = re.compile(f"({_ARTICLE_URL_NAMED}|{_ARTICLE_URL_SLUG})", re.IGNORECASE)
# is_item_url asks the parts apart: the slug's three nested runs backtrack over every hyphen of a long slug
# (up to 4 ms on a 230-character news URL), so it is tried only where its end, the id, is found first
_ARTICLE_URL_NAMED_RE = re.compile(_ARTICLE_URL_NAMED, re.IGNORECASE)
_ARTICLE_URL_SLUG_RE = re.compile(_ARTICLE_URL_SLUG, re.IGNORECASE)
_SLUG_ID_END = re.compile(r"[-_!]\d{5,}(\.html?)?/?(\?|#|$)", re.IGNORECASE)
# An item's URL dates it in its path, before its slug: /2019/09/13/slug, /2018/10/slug.html, or in the
# slug itself: ...-committee-20190913/, ...-meeting-11-20-2019-6350. A bare /2019/09/ is an archive (a listing).
DATED_URL = re.compile(r"^https?://[^/?#]+/(?:[^?#]*/)?(?:(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:\d{1,2}/)?[^/?#]*[a-z]"
                       r"[^/?#]{3,}|[^/?#]*[a-z][^/?#]*[-_](?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}|\d{1,2}-\d{1,2}-"
                       r"(?:19|20)\d{2})(?:[-_./]|$))", re.IGNORECASE)
# A site's front page: no path, a language code, or an index/main page, and no query.
HOME_URL = re.compile(r"^https?://[^/?#]+(/[a-z]{2}(-[a-z]{2})?)?(/((index|main|home|default)(\.[a-z]{2,5})?)?)?$",
                      re.IGNORECASE)
# ... or a section's main page as eGovFrame and portal software name it (/news/newsMain.do, /kor/main.do):
# a front page only when its structure does not make it a listing.
SECTION_HOME_URL = re.compile(r"^https?://[^/?#]+/(?:[^?#]*/)?[a-z]*main\.(do|jsp|php|aspx?|html?)$", re.IGNORECASE)
# A site that lives in a hosting folder (a school's site under its education office's host:
# https://school.sc.jne.kr/school_sc/): its front page is that folder, and the page's own links
# nearly all lie under it. A section's folder (/news/) is not: its menu links the rest of the site.
FOLDER_URL = re.compile(r"^https?://([^/?#]+)(/[^/?#]+)/(?:(?:index|main|home|default)(?:\.[a-z]{2,5})?)?$",
                        re.IGNORECASE)
MIN_FOLDER_SITE_LINKS = 20  # a front page links its site's sections and items: dozens of links
MIN_FOLDER_SITE_SHARE = 0.9  # ... and (nearly) all its links to its host lie under the folder
# ... spread over the site's sections: a page whose links mostly go to one place under the folder (its
# documents: /jailoversight/wp-content/...) is that folder's list of them. A front page's busiest
# section (its notices) holds a third of its links.
MAX_FOLDER_SECTION_SHARE = 0.6
# A splash page: a few words and a few links, most of them to front pages (the site's portals, a
# sister site's root), before the front page proper: /home/main.cs, https://tour.example.kr/.
# A front page's link: a host, its root, a folder ('/eng/'), or an index or main page in one; not '/login.do'.
FRONT_PAGE_LINK = re.compile(r"^(?:https?://[^/?#]+)?(?:/|/[^/?#]+/|(?:/[^/?#]+)?/(?:index|main|home|default)"
                             r"(?:\.[a-z]{2,5})?)?$", re.IGNORECASE)
MIN_FILTER_SHARE = 0.6  # a filter form's labels are most of a results page that shows no results
MAX_SPLASH_CHARS = 300  # what the cleaner keeps of a splash page: a title and the portals' names
MIN_SPLASH_FRONT_LINKS = 2
MIN_SPLASH_FRONT_SHARE = 0.6
# og:type 'article' and article:modified_time are not here: WordPress and Drupal put them on every
# page, listings included.
_ARTICLE_META = frozenset({"article:published_time", "og:article:published_time", "datepublished", "pubdate",
                           "publishdate", "date"})
# JSON-LD of one or two items (an article and its video) names the page; a calendar's or a news list's
# JSON-LD names each of its items (an events calendar: 23 Event objects)
MAX_ARTICLE_JSON_LD_ITEMS = 2
MAX_ARTICLE_TIME_ELEMENTS = 2  # one <time> (two: published and updated) dates the page; many date a list's items
# schema.org types that make a page one item: markup's article types, and types named as posts and
# events are (BlogPosting, JobPosting, Event, BusinessEvent). WebPage is not: CMSs give every page a
# WebPage with a datePublished.
_ITEM_TYPE_ENDINGS = ("article", "posting", "event")
# Links to the previous and next item: a board's view shows them under the post, a blog under the
# entry. 'Older posts' is a listing's pagination and not here; nor is a book's 'Next page'.
NEIGHBOUR_LABEL = re.compile(r"^\W{0,3}(이전\s?글|다음\s?글|윗\s?글|아랫\s?글|이전\s?게시물|다음\s?게시물|"
                             r"prev(ious)?\s+(post|article|story|entry|item)|next\s+(post|article|story|entry|item))"
                             r"\W{0,3}$", re.IGNORECASE)
MAX_NEIGHBOUR_LABEL_CHARS = 30
# The labels anywhere in the page's text: most pages show none, and finding their first words in its
# text (serialized in C) says so for a fraction of what asking each text node costs
_NEIGHBOUR_FIRST_WORDS = ("이전", "다음", "윗", "아랫", "prev", "Prev", "PREV", "next", "Next", "NEXT")
_NEIGHBOUR_WORDS = re.compile(NEIGHBOUR_LABEL.pattern[len(r"^\W{0,3}"):-len(r"\W{0,3}$")], re.IGNORECASE)
_ALERTING_SCRIPTS = etree.XPath("//script[contains(., 'alert')]")  # in C: most pages' scripts alert nothing
# ... then only the short text nodes holding a first word the page shows are asked for (in C; the
# regex then decides)
_LABEL_TEXTS = etree.XPath("//text()[string-length(.) <= $most][contains(., $word)]")
# A date shown as a field near the page's top: a short line that is mostly a date ('• 2025-12-17',
# '사업기간 : 선정 후 ~ 2025. 9. 30.(화)') or a labelled value ('신청기간 : 2012-06-12'). Its own date
# is shown above an item's text; dates further down are the text's.
HEAD_CHARS = 800
MAX_FIELD_LINE_CHARS = 60
MAX_FIELD_WORDS_CHARS = 25  # what a date field's line holds besides its dates: a label, a weekday
# (a weekday may come between the label and its date: 'Date : Tuesday, September 18, 2018')
_LABELLED_DATE = re.compile(r"(?:^|[\s|•·ㆍ])[^\s:：|•]{2,12}\s*[:：]\s*(?:[A-Za-z]{3,9}\.?,?\s*)?$")
# A date labelled as a change is not the item's date ('Date modified: 2022-05-13', '최종수정일 : ...').
# A form's field may write its date as eight digits ('사업신청기간 : 20250605 ~ 20250621'): a date only
# after a label and a colon (unlabelled, eight digits are as often an id): listing.COMPACT_DATE.
# A month's calendar grid shows its days as numbers in cells: 21 and more in a row, with the events
# written in the cells between them (a calendar of meetings is a listing of them).
# (MIN_MONTH_DAYS = 21, three weeks of days, and is_next_day: transforms/listing.py, which finds grids in tables)
# ... with this many events at least: a board's calendar may show its two meetings of the month
MIN_GRID_EVENTS = 2
_CHANGE_LABEL = re.compile(r"modif|updat|revis|review|수정|갱신|변경", re.IGNORECASE)
# An item shows its own date once or twice at its top (posted, an event's day); a run of lines that are
# each a date ('Wednesday, July 31, 2024', 'October 10, 2019 (cancelled)', 'December 12, 2019') is a
# schedule of several meetings: a committee's page or a month's notices, not one dated item.
MIN_SCHEDULE_LINES = 3
MIN_SCHEDULE_DATES = 2  # ... of at least two different dates (a page may repeat its own date)
MAX_SCHEDULE_PREFIX_CHARS = 12  # what a schedule's line shows before its date: a weekday ('Wednesday, '), a bullet
# ... and nothing else: a line that names what its date is of ('Minutes of Nov 6, 2018', a meeting
# page's outline linking earlier minutes) is a line of the item's text, not a day of a schedule.
_SCHEDULE_PREFIX = re.compile(r"^[\W\d_]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?[\W_]*$", re.IGNORECASE)
SCHEDULE_CHARS = 10_000  # where a schedule's lines are sought (a month's meetings run past the head)


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
    body_text: str = ""  # its head is searched for error phrases on short pages, and for date fields
    title: str | None = None
    # the page shows when it was published (a byline, a board's 등록일), not only when it last changed
    has_published_at: bool = False
    article_markup: bool = False  # article:published_time, an item's JSON-LD type, one or two <time>
    neighbour_links: bool = False  # links to the previous or next item (이전글 / 다음글, previous post)
    script_messages: tuple[str, ...] = ()  # what its scripts' alert() calls say
    page_links: tuple[str, ...] = ()  # the hrefs of the page's links (fragments and scripts left out)
    # the lines just above the body that the cleaner took out of it (frame_text): a byline, a board's
    # 작성자/등록일 line, an event's 'Date/Time:' and its value; searched for a date field as the body is
    frame_text: str = ""


@dataclass(frozen=True)
class KindMarkup:
    """What the parsed page's markup says about its kind (read before html_blocks detaches elements)."""

    article_markup: bool = False
    neighbour_links: bool = False
    script_messages: tuple[str, ...] = ()
    page_links: tuple[str, ...] = ()  # the hrefs of its links, as written (no fragments, scripts, mail)


def read_kind_markup(root) -> KindMarkup:
    """Item markup, links to neighbour items and alert() messages of a parsed page (None: a text dump)."""
    if root is None:
        return KindMarkup()
    return KindMarkup(has_article_markup(root), has_neighbour_links(root), script_messages(root), page_links(root))


_HREFS = etree.XPath("//a/@href", smart_strings=False)
_NOT_PAGE_LINK = ("#", "javascript:", "mailto:", "tel:", "data:")


def page_links(root) -> tuple[str, ...]:
    """The hrefs of the page's links as written, without in-page, script, mail and phone links."""
    return tuple(href for raw in _HREFS(root) if (href := raw.strip()) and not href.lower().startswith(_NOT_PAGE_LINK))


def is_hosted_site_root(url: str | None, links: tuple[str, ...]) -> bool:
    """True when url is a folder (https://host/folder/) under which nearly all of the page's links to its
    host lie: the front page of a site that lives in a hosting folder."""
    match = FOLDER_URL.match(url or "")
    if not match:
        return False
    host, folder = match.group(1).lower(), match.group(2).lower() + "/"
    paths = []
    for link in links:
        absolute = absolute_url(link, url)
        parts = urlsplit(absolute) if absolute else None
        if parts and parts.netloc.lower() == host:
            paths.append(parts.path.lower())
    inside = [path[len(folder):].split("/", 1)[0] for path in paths if path.startswith(folder)]
    busiest = max(Counter(inside).values(), default=0)
    return (len(paths) >= MIN_FOLDER_SITE_LINKS and len(inside) >= MIN_FOLDER_SITE_SHARE * len(paths)
            and busiest <= MAX_FOLDER_SECTION_SHARE * len(inside))


def is_filter_shell(evidence: PageEvidence) -> bool:
    """True when a page shows nothing but a form of filters (MIN_FILTER_SHARE of its text the labels of
    its checkboxes and radio buttons): a search or a calendar saved before its script loaded the results."""
    rows = evidence.rows
    body = len("".join(evidence.body_text.split()))
    return (rows.filter_chars > 0 and not rows.dated_rows and evidence.prose_chars == 0 and body > 0
            and rows.filter_chars >= MIN_FILTER_SHARE * body and not item_evidence(evidence))


def is_splash_page(evidence: PageEvidence) -> bool:
    """True when a short page with no rows and nothing that makes it an item links mostly front pages
    (a site's portals)."""
    if (evidence.body_chars > MAX_SPLASH_CHARS or evidence.rows.links or not evidence.page_links
            or item_evidence(evidence)):
        return False
    front = sum(bool(FRONT_PAGE_LINK.match(link)) for link in evidence.page_links)
    return front >= MIN_SPLASH_FRONT_LINKS and front >= MIN_SPLASH_FRONT_SHARE * len(evidence.page_links)


@dataclass(frozen=True)
class PageKind:
    kind: str  # one of KINDS
    reason: str  # which evidence decided, e.g. 'rows=12 dated=12 share=0.71'
    links: tuple[ListingLink, ...] = ()  # a listing's rows (empty for other kinds)


def has_article_markup(root) -> bool:
    """True when the markup says the page is one item: a publication-time meta, JSON-LD of an article,
    post or event type, or one or two <time datetime> elements. Read-only, before html_blocks."""
    if root is None:
        return False
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _ARTICLE_META and (meta.get("content") or "").strip():
            return True
    items = sum(1 for kinds in json_ld_object_types(root) if any(kind in ARTICLE_TYPES or kind.endswith(_ITEM_TYPE_ENDINGS)
                                                                for kind in kinds))
    if 0 < items <= MAX_ARTICLE_JSON_LD_ITEMS:
        return True
    return 0 < sum(1 for el in root.iter("time") if el.get("datetime")) <= MAX_ARTICLE_TIME_ELEMENTS


def _neighbour_words(text: str) -> list[str]:
    """The first words of the neighbour labels the text holds, as it writes them, in the order the text
    first shows each as a label: the label's pattern is tried only where one of its first words is (each
    found by str.find, in C; their cases named: lower-casing a page's text costs more than the search)."""
    found: list[tuple[int, str]] = []  # (where the word first opens a label, the word)
    for word in _NEIGHBOUR_FIRST_WORDS:  # str.find per word runs in C; most pages hold none of them
        # a word's first character is looked for first: CPython finds one character several times faster than
        # two in a page whose text is not all Latin-1 ('이전' in an English page with a curly quote: 42 -> 5 ms
        # over the peers' 579 pages), and a page without it cannot hold the word
        start = text.find(word) if word[0] in text else -1
        while start >= 0:
            if _NEIGHBOUR_WORDS.match(text, start):
                found.append((start, word))
                break
            start = text.find(word, start + 1)
    return [word for _, word in sorted(found)]


def has_neighbour_links(root) -> bool:
    """True when the page links the previous or next item: a short label (이전글, 'Next post') with a
    link beside it or on it, outside scripts. Read-only, before html_blocks."""
    if root is None:
        return False
    words = _neighbour_words(etree.tostring(root, method="text", encoding="unicode"))
    texts = (text for word in words for text in _LABEL_TEXTS(root, word=word, most=MAX_NEIGHBOUR_LABEL_CHARS))
    for text in texts:
        if not NEIGHBOUR_LABEL.match(text.strip()):
            continue
        owner = text.getparent()
        if owner is None or owner.tag in ("script", "style"):
            continue
        near = owner.getparent() if owner.getparent() is not None else owner
        if any(a.get("href") is not None or a.get("onclick") for a in near.iter("a")):
            return True
    return False


def script_messages(root) -> tuple[str, ...]:
    """The messages the page's inline scripts show with alert('...') or alert(name) of a variable set to a
    string ('var msgStr = ...; alert(msgStr)'), in page order."""
    messages = []
    for script in _ALERTING_SCRIPTS(root):
        code = script.text
        if not code or "alert" not in code:
            continue
        messages.extend(match.group(2) for match in _ALERT.finditer(code))
        for match in _ALERT_VARIABLE.finditer(code):
            assigned = re.search(_ASSIGNED.format(name=re.escape(match.group(1))), code[:match.start()])
            if assigned:
                messages.append(assigned.group(2))
    return tuple(messages)


# A date written as numbers with its four-digit year last and dots or dashes between ('09.26.2019',
# '26-09-2019'): month first (US) or day first (Europe), either way a day of a year. Listing rows do not
# read it (transforms/listing.py): a row's '1.2.2019' may be a version; a field's line is one date.
DATE_NUMBERS_YEAR_LAST = re.compile(r"(?<![\d.\-/])(?:(?:1[0-2]|0?[1-9])([.\-])(?:3[01]|[12]\d|0?[1-9])|"
                                    r"(?:3[01]|[12]\d|0?[1-9])([.\-])(?:1[0-2]|0?[1-9]))(?:\1|\2)(?:19|20)\d{2}(?![\d.\-])")
# ... and a day with its ordinal before the month ('13th March 2019 - Wednesday', an events list's day)
DATE_ORDINAL_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                                    r"[a-z]*\.?\s+((?:19|20)\d{2})\b", re.IGNORECASE)
# ... and a day, a month's name and a year joined by dashes ('ePublished Date : 10-Mar-2026 10:34 PM'), as
# procurement portals and Oracle-made pages write them
DATE_DAY_MONTH_DASHED = re.compile(r"(?<![\w-])(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                                   r"[a-z]*\.?-((?:19|20)\d{2})(?![\w-])", re.IGNORECASE)

# ... and a line that is nothing but a date of two-digit numbers ('05.19.15' above a press release's title and
# teaser, '25.05.19' in a Korean board's row): a date only alone on its line (inside a line, '1.2.19' is as often
# a version or a rule's number), zero-padded, one separator.
SHORT_DATE_LINE = re.compile(r"^\s*(?P<a>\d{2})(?P<sep>[./-])(?P<b>\d{2})(?P=sep)(?P<c>\d{2})\s*$")


_YEAR = re.compile(r"(?:19|20)\d{2}")  # every date _full_dates reads has a four-digit year: lines without are skipped


def _full_dates(line: str) -> list[re.Match]:
    """The dates a line shows with a four-digit year (a rule number '20.1.3' is not one), or the line when it is
    a short date alone (SHORT_DATE_LINE)."""
    if (alone := SHORT_DATE_LINE.match(line)) and _is_short_date(alone):
        return [alone]
    if not _YEAR.search(line):  # but a short date alone: most lines show no year, and one scan (in C) says so
        return []
    found = [m for m in DATE.finditer(line) if len(m.group(1)) == 4]
    for pattern in (DATE_MONTH_FIRST, DATE_DAY_FIRST, DATE_US, DATE_NUMBERS_YEAR_LAST, DATE_ORDINAL_DAY_FIRST,
                    DATE_DAY_MONTH_DASHED):
        found.extend(pattern.finditer(line))
    return found


def _is_short_date(match: re.Match) -> bool:
    """True when SHORT_DATE_LINE's three numbers read as a day: month, day, year ('05.19.15') or year,
    month, day ('25.05.19')."""
    first, second, third = (int(match.group(name)) for name in ("a", "b", "c"))
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= third <= 31)


def _date_line(line: str) -> str | None:
    """The date a short line mostly is ('Wednesday, July 31, 2024', '• 2025-12-17'), or None."""
    if len(line) > MAX_FIELD_LINE_CHARS:
        return None
    dates = _full_dates(line)
    if not dates or len(line) - sum(len(m.group(0)) for m in dates) > MAX_FIELD_WORDS_CHARS:
        return None
    first = min(dates, key=lambda m: m.start())
    return None if _CHANGE_LABEL.search(line[:first.start()][-20:]) else first.group(0)


def _schedule_date(line: str) -> str | None:
    """The date a short line opens with ('Wednesday, July 31, 2024 (changed from June 26, 2024)'), or None."""
    if len(line) > MAX_FIELD_LINE_CHARS:
        return None
    dates = [m for m in _full_dates(line)
             if m.start() <= MAX_SCHEDULE_PREFIX_CHARS and _SCHEDULE_PREFIX.match(line[:m.start()])]
    if not dates:
        return None
    first = min(dates, key=lambda m: m.start())
    return None if _CHANGE_LABEL.search(line[:first.start()]) else first.group(0)


# A list's rows may be grouped under dated lines of one shape ('Published in the Law Journal of 10/17/2023:',
# '2024 OK 54 , SCBD-7680 Decided 06/24/2024', '게시일 : 2023. 10. 17.', 'Posted: May 7, 2026'): the same words
# around a different date, line after line. Each line's dates and the words holding a digit are masked; a shape shown
# with this many different dates dates rows, as a schedule's lines date meetings (MIN_SCHEDULE_LINES): no item's
# own date or date field (an item shows its own date once or twice).
MIN_ROW_DATING_DATES = MIN_SCHEDULE_LINES
_HOLDS_DIGIT = re.compile(r"\S*\d\S*")
MAX_DATED_SHAPE_LINE_CHARS = 300  # a row's dated line: its date, a label, a title at most


def _dated_shape(line: str, found: Sequence[re.Match]) -> str:
    """The line (stripped) with its dates (found in it) masked and its words that hold a digit made '0'."""
    for match in sorted(found, key=lambda m: m.start(), reverse=True):
        line = f"{line[:match.start()]}\x00{line[match.end():]}"
    return _HOLDS_DIGIT.sub("0", line.strip().lower())


@lru_cache(maxsize=8)  # asked of one page's text by several rules (item_evidence is asked up to four times)
def dated_line_shapes(text: str) -> Counter:
    """For each shape of the short lines of the text's first SCHEDULE_CHARS that show a date (their dates
    and digit-holding words masked), how many different dates its lines show."""
    dates: dict[str, set[str]] = {}
    for line in text[:SCHEDULE_CHARS].splitlines():
        if len(line) > MAX_DATED_SHAPE_LINE_CHARS or not (found := _full_dates(line)):
            continue
        dates.setdefault(_dated_shape(line, found), set()).add(min(found, key=lambda m: m.start()).group(0))
    return Counter({shape: len(seen) for shape, seen in dates.items()})


def dates_rows(line: str, found: Sequence[re.Match], text: str) -> bool:
    """True when the line (of text, showing the dates found) has a shape that text shows with
    MIN_ROW_DATING_DATES or more different dates: one of a run of rows' dated lines."""
    return (len(line) <= MAX_DATED_SHAPE_LINE_CHARS
            and dated_line_shapes(text)[_dated_shape(line, found)] >= MIN_ROW_DATING_DATES)


def most_dated_shape(text: str) -> int:
    """The most different dates one shape of dated lines shows in the text (dated_line_shapes), 0 for none."""
    return max(dated_line_shapes(text).values(), default=0)


MIN_DATED_ENTRIES = MIN_LISTING_ROWS  # entries under dated lines (dated_entries) that make a listing


def dated_entries(text: str) -> int:
    """How many of the text's dated lines of one shape that dates rows (shown with MIN_ROW_DATING_DATES or more
    different dates) a line of PROSE_MIN_CHARS or more follows that is no such line, right after it or after one
    short line (its title: a Korean press page's 'date, title, teaser'): entries, each its date and then its title
    or summary (a court's decisions of the month: '2024 OK 54 , SCBD-7680 Decided 06/24/2024' and
    the case's first paragraph; several decided on one day). A schedule's dated lines follow one another, or a
    room and an address follow them."""
    shapes = dated_line_shapes(text)
    if max(shapes.values(), default=0) < MIN_ROW_DATING_DATES:
        return 0
    entries: Counter = Counter()
    lines = text[:SCHEDULE_CHARS].splitlines()
    for index, line in enumerate(lines[:-1]):
        if len(line) > MAX_DATED_SHAPE_LINE_CHARS or not (found := _full_dates(line)):
            continue
        shape = _dated_shape(line, found)
        if shapes[shape] < MIN_ROW_DATING_DATES:
            continue
        after = lines[index + 1]
        if _of_shape(after, shape):
            continue
        # its text right after its date, or after its short title (a press page's run: date, title, teaser)
        if len(after.strip()) >= PROSE_MIN_CHARS or (
                index + 2 < len(lines) and after.strip() and len(lines[index + 2].strip()) >= PROSE_MIN_CHARS
                and not _of_shape(lines[index + 2], shape)):
            entries[shape] += 1
    return max(entries.values(), default=0)


def _of_shape(line: str, shape: str) -> bool:
    """True when the line shows a date in the given dated shape (_dated_shape): another entry's dated line."""
    return bool((dates := _full_dates(line)) and _dated_shape(line, dates) == shape)


# A dated group's documents: a day's opinion and its dissent, a meeting's agenda and minutes (one a date is
# as many as a notice's attachments beside its schedule of sessions)
MIN_DOCUMENTS_PER_DATE = 2


def document_links(links: Sequence[str]) -> int:
    """How many of the page's links (hrefs) name a document file (DOCUMENT_LINK, transforms/listing.py)."""
    return sum(bool(DOCUMENT_LINK.search(link)) for link in links)


def shows_schedule(body_text: str) -> bool:
    """True when MIN_SCHEDULE_LINES or more of the body's first SCHEDULE_CHARS lines are short lines that
    open with a date, of MIN_SCHEDULE_DATES or more different dates: a schedule of meetings, not one
    item's date."""
    dates = [date for line in body_text[:SCHEDULE_CHARS].splitlines() if (date := _schedule_date(line))]
    return len(dates) >= MIN_SCHEDULE_LINES and len(set(dates)) >= MIN_SCHEDULE_DATES


def shows_date_field(body_text: str, context: str | None = None) -> bool:
    """True when the body's first HEAD_CHARS show a date as a field: a date after a short label and a
    colon, or a short line that is mostly a date unless the body is a schedule of such lines; never a
    date labelled as a change, nor a labelled date of a line that dates rows (dates_rows) in context (the
    text the body is part of; the body itself when not given)."""
    unlabelled = False
    label = ""  # the line before, when it is a label of its own ('Start Date/Time:' above its value)
    for line in body_text[:HEAD_CHARS].splitlines():
        found = _full_dates(line)
        for match in found:
            before = line[:match.start()]
            if (not _CHANGE_LABEL.search(f"{label} {before[-20:]}") and _LABELLED_DATE.search(f"{label} {before}")
                    and not dates_rows(line, found, context or body_text)):
                return True
        unlabelled = unlabelled or (_date_line(line) is not None and not _CHANGE_LABEL.search(label)
                                    and not dates_rows(line, found, context or body_text))
        label = line.strip() if len(line.strip()) <= MAX_FIELD_WORDS_CHARS and _LABELLED_DATE.search(line) else ""
        for match in COMPACT_DATE.finditer(line):  # eight digits only as a labelled field's value
            if _LABELLED_DATE.search(line[:match.start()]) and not _CHANGE_LABEL.search(line[:match.start()][-20:]):
                return True
    return unlabelled and not shows_schedule(body_text)


# A list of events or notices may show each item whole, one after another: a line that opens with the
# item's date (and names it: '8/29/2019 9:00 am to 12:00 pm : Advisory Board meeting', '2024.05.01 설명회'),
# then the item's fields, each a label and its value ('Description: ...', 'Location: ...', '장소 : ...').
# Items that repeat the same labels under their own dates are a listing's items; one item shows its
# fields once, and a schedule's lines (a committee's meeting days) carry no fields of their own.
MAX_RECORD_DATE_PREFIX_CHARS = MAX_SCHEDULE_PREFIX_CHARS
MAX_RECORD_OPENING_CHARS = 300  # a record's first line: its date, time and title
MIN_RECORD_FIELDS = 2  # labelled lines under a record's date ('Description:', 'Location:')
MIN_RECORDS = MIN_LISTING_ROWS  # records, of different dates, that each repeat one label
_FIELD_LABEL = re.compile(r"^\s*([^\W\d_][^:：]{0,23}?)\s*[:：]")


def _record_date(line: str) -> str | None:
    """The date a record's first line opens with (after a weekday or a bullet at most), or None."""
    if len(line) > MAX_RECORD_OPENING_CHARS:
        return None
    dates = [m for m in _full_dates(line)
             if m.start() <= MAX_RECORD_DATE_PREFIX_CHARS and _SCHEDULE_PREFIX.match(line[:m.start()])]
    return min(dates, key=lambda m: m.start()).group(0) if dates else None


def shows_dated_records(body_text: str) -> bool:
    """True when the body's first SCHEDULE_CHARS show MIN_RECORDS or more items, each a line that opens
    with its own date followed by MIN_RECORD_FIELDS or more labelled fields, and one label recurs in
    MIN_RECORDS of them (the items of one list, each shown whole)."""
    records: list[tuple[str, set[str]]] = []
    for line in body_text[:SCHEDULE_CHARS].splitlines():
        date = _record_date(line)
        if date:
            records.append((date, set()))
        elif records and (label := _FIELD_LABEL.match(line)) and not _full_dates(label.group(1)):
            records[-1][1].add(label.group(1).strip().lower())
    fielded = [(date, labels) for date, labels in records if len(labels) >= MIN_RECORD_FIELDS]
    if len({date for date, _ in fielded}) < MIN_RECORDS:
        return False
    counts = Counter(label for _, labels in fielded for label in labels)
    return bool(counts) and counts.most_common(1)[0][1] >= MIN_RECORDS


# A grid's day is its number alone ('8', '8일'), or, in a grid whose cells name their day in full for
# screen readers, a weekday and a month with it ('Tuesday, October 8', '10월 8일 (화)').
_DAY_NUMBER = re.compile(r"^\s*(?:(\d{1,2})\s*일?|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})|"
                         r"(?:1[0-2]|0?[1-9])월\s?(\d{1,2})일(?:\s*\(?[월화수목금토일]\)?)?)\s*$", re.IGNORECASE)


def shows_month_grid(body_text: str) -> bool:
    """True when the body reads as a month's calendar grid: MIN_MONTH_DAYS or more day numbers in a run
    (each a line of its own, one more than the last; a grid may open on the last days of the month
    before: 30, 31, 1, 2 ...) with MIN_GRID_EVENTS or more lines of text between them (its events).
    A date picker or a blog's calendar widget shows the numbers alone."""
    days, events = month_grid_days(body_text)
    return days >= MIN_MONTH_DAYS and events >= MIN_GRID_EVENTS


def month_grid_days(body_text: str) -> tuple[int, int]:
    """(days, events): the longest run of day numbers the body shows as lines of their own (see
    shows_month_grid), and the lines of text between them."""
    days = events = best_days = best_events = 0
    last = None
    for line in body_text.splitlines():
        match = _DAY_NUMBER.match(line)
        if not match:
            events += bool(days) and len(line.strip()) >= MIN_ROW_TITLE_CHARS
            continue
        day = int(next(group for group in match.groups() if group))
        if is_next_day(last, day):
            days += 1
        else:
            days, events = 1, 0
        last = day
        if days > best_days:
            best_days, best_events = days, events
    return best_days, best_events


def labelled_date_lines(body_text: str) -> list[str]:
    """The lines of the body's first HEAD_CHARS that show a date after a short label and a colon
    ('Date : Tuesday, September 18, 2018', '신청기간 : 2012-06-12'), never a date labelled as a change."""
    found = []
    for line in body_text[:HEAD_CHARS].splitlines():
        for match in _full_dates(line):
            before = line[:match.start()]
            if not _CHANGE_LABEL.search(before[-20:]) and _LABELLED_DATE.search(before):
                found.append(line)
                break
    return found


def shows_own_date_field(evidence: PageEvidence) -> bool:
    """True when the page shows a labelled date field of its own above its rows: a field none of its rows
    holds (an event's 'Date : ...' above a 'More events' box; a listing's dates are its rows'), in a line of no
    shape that dates rows ('Posted: <date>' under each of them: dates_rows)."""
    rows, text = evidence.rows.row_texts, shown_text(evidence)
    return any(not _held_by_a_row(line, rows) and not dates_rows(line, _full_dates(line), text)
               for line in labelled_date_lines(evidence.body_text) if "".join(line.split()))


def _held_by_a_row(line: str, row_texts: Sequence[str]) -> bool:
    """True when one of the rows (their text without whitespace) holds the line, whitespace aside."""
    squashed = "".join(line.split())
    return any(squashed in row for row in row_texts)


# An item's frame: the few lines between its headline and its text (a byline, the date, an event's
# 'Date/Time:', 'Location:' and their values, share buttons). A cleaner takes them out of the body as
# metadata or as the region's edge, yet they are what dates the item; 10 lines hold an event's fields.
MAX_FRAME_LINES = 10
MAX_FRAME_LINE_CHARS = 200  # a frame's line is short ('Start Date/Time:'); longer removed lines are menus and code
# ... not code nor what the page never shows (the <head>, hidden elements)
_UNSHOWN_RULES = frozenset({"html_script", "html_style", "html_noscript", "html_template", "html_head", "hidden"})


def frame_text(body: Sequence[Block], removed: Sequence[RemovedLine]) -> str:
    """The last MAX_FRAME_LINES short lines the cleaner removed above the body's first line, in page order
    (removed lines and blocks share one numbering), one a line; '' for a page with no body."""
    if not body:
        return ""
    first = min(block.line_no for block in body)
    above = sorted((line for line in removed if 0 < line.line_no < first and line.rule not in _UNSHOWN_RULES
                    and len(line.text) <= MAX_FRAME_LINE_CHARS),
                   key=lambda line: line.line_no)
    return "\n".join(line.text for line in above[-MAX_FRAME_LINES:])


def shows_own_board_fields(evidence: PageEvidence) -> bool:
    """True when a line of the frame above the body gives an author and a view count or a publication date as
    labelled fields ('작성자 : 김태하 ㅣ 조회수 : 426', '작성자 : 공원과 등록일 : 2025-05-19', 'Posted by admin |
    Views: 75') and none of the rows holds it, nor is it of a shape that dates rows (dates_rows): one post's own
    fields. A listing shows those as its columns' names, or in each row."""
    rows, text = evidence.rows.row_texts, shown_text(evidence)
    for line in evidence.frame_text.splitlines():
        fields = parse_metadata_line(line)
        if (fields.author and (fields.view_count is not None or fields.published_at is not None)
                and not _held_by_a_row(line, rows) and not dates_rows(line, _full_dates(line), text)):
            return True
    return False


# A record's page shows its fields as a table of labels, each on a line of its own above its value ('Case:',
# 'Date Filed:', 'Case Type:', 'Style:', '사건번호 :', '접수일 :'), before whatever rows it holds (a case's
# docket: its filings and events by date, each linking its documents). Five labels and more, each shown once, above the
# first row: a listing's rows repeat their labels (or name them once in a header row, on one line), and a filter
# form above a list names two or three. An event's page shows four (date, time, location, link): an item anyway.
MIN_RECORD_LABELS = 5
_LABEL_ALONE = re.compile(r"^\s*([^\W\d_][^:：\n]{0,23}?)\s*[:：]\s*$")


def shows_record_fields(evidence: PageEvidence) -> bool:
    """True when the body's first HEAD_CHARS, above the first line a row holds, show MIN_RECORD_LABELS or
    more different labels on lines of their own, each once: one record's fields."""
    labels: Counter = Counter()
    for line in evidence.body_text[:HEAD_CHARS].splitlines():
        if "".join(line.split()) and _held_by_a_row(line, evidence.rows.row_texts):
            break
        if label := _LABEL_ALONE.match(line):
            labels[label.group(1).strip().lower()] += 1
    return sum(count == 1 for count in labels.values()) >= MIN_RECORD_LABELS


# An event's page says when and where it takes place as fields: a label of its time ('Date/Time:', 'When:',
# '일시 :') and one of its place ('Location:', 'Where:', '장소 :') at the start of lines near its top, with
# their values or without (a calendar's pop-up saved before its script filled them in): one item, dated or not.
_WHEN_LABEL = re.compile(r"^\W{0,3}(?:date\s*/\s*time|start\s+date(?:\s*/\s*time)?|date|time|when|일시|일자|날짜|시간)"
                         r"\s*[:：]", re.IGNORECASE)
_WHERE_LABEL = re.compile(r"^\W{0,3}(?:location|where|venue|place|장소|위치)\s*[:：]", re.IGNORECASE)
# ... or it shows the hours it runs as a line of their own ('9:00 AM - 11:00 AM', '14:00~16:00', 'Time: 6:30 pm -
# 8:30 pm'), one range on a line or two (its title may repeat it); a committee's schedule shows several ranges, or
# lines that open with a clock time ('8:30 am Finance & Audit Committee'), and a calendar one range in many cells.
MAX_EVENT_HOURS_LINES = 2
_OPENS_WITH_CLOCK = re.compile(r"^\W{0,3}(?:(?:오[전후]\s*)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|시)|\d{1,2}:\d{2})",
                               re.IGNORECASE)


def _head_lines(evidence: PageEvidence) -> list[str]:
    """The lines of the frame above the body and of the body's first HEAD_CHARS, stripped."""
    return [line.strip() for line in f"{evidence.frame_text}\n{evidence.body_text[:HEAD_CHARS]}".splitlines()
            if line.strip()]


def shows_event_fields(evidence: PageEvidence) -> bool:
    """True when the frame or the body's head has a line that opens with a label of when ('Date/Time:',
    '일시 :') and one that opens with a label of where ('Location:', '장소 :'): an event's own fields."""
    lines = _head_lines(evidence)
    return any(_WHEN_LABEL.match(line) for line in lines) and any(_WHERE_LABEL.match(line) for line in lines)


def shows_event_hours(evidence: PageEvidence) -> bool:
    """True when a line of the frame or the body's head is a time range (with a label or a few words at
    most), the head shows no other range, on MAX_EVENT_HOURS_LINES lines at most, and no line that opens
    with a clock time outside one, and the body is no schedule and no month's grid (whose events show
    their hours between its days): the hours of one event."""
    ranges, lines, alone = set(), 0, False
    for line in _head_lines(evidence):
        found = list(TIME_RANGE.finditer(line))
        if not found and _OPENS_WITH_CLOCK.match(line):
            return False
        ranges.update("".join(match.group(0).lower().split()) for match in found)
        lines += bool(found)
        alone = alone or bool(found and len(line) - len(found[0].group(0)) <= MAX_FIELD_WORDS_CHARS)
    return (alone and len(ranges) == 1 and lines <= MAX_EVENT_HOURS_LINES and not shows_schedule(evidence.body_text)
            and month_grid_days(evidence.body_text)[0] < MIN_MONTH_DAYS)


def is_item_url(url: str | None) -> bool:
    """True when a URL is an item's: a view or detail page, an item id, a date in its path before a slug."""
    if not url:
        return False
    slug = _SLUG_ID_END.search(url) is not None and _ARTICLE_URL_SLUG_RE.search(url) is not None
    return bool(_ARTICLE_URL_NAMED_RE.search(url) or slug or DATED_URL.search(url))


def shown_text(evidence: PageEvidence) -> str:
    """The frame above the body and the body, in page order: the text whose dated lines may date rows."""
    return f"{evidence.frame_text}\n{evidence.body_text}"


def byline_dates_rows(evidence: PageEvidence) -> bool:
    """True when a line of the frame above the body shows a date in a shape that dates rows (dates_rows) in
    the frame and body: the date a byline reader took for the page's ('게시일 : 2023. 10. 3.' above a list of
    the same lines) is its first row's. So is the body's first dated line in its head, which the byline reader
    may read instead ('2025.05.19' above a press page's first title and teaser)."""
    text = shown_text(evidence)
    if any(dates_rows(line, found, text) for line in evidence.frame_text.splitlines()
           if (found := _full_dates(line))):
        return True
    first = next(((line, found) for line in evidence.body_text[:HEAD_CHARS].splitlines()
                  if (found := _full_dates(line))), None)
    return first is not None and dates_rows(*first, text)


def item_evidence(evidence: PageEvidence) -> str:
    """What says the page is one item (see the module docstring), or '' when nothing does."""
    for name, present in (("published_at", evidence.has_published_at), ("article_markup", evidence.article_markup),
                          ("article_url", is_item_url(evidence.url)),
                          ("neighbour_links", evidence.neighbour_links),
                          ("date_field", shows_date_field(evidence.body_text)),
                          ("frame_date", shows_date_field(evidence.frame_text, shown_text(evidence))),
                          ("event_fields", shows_event_fields(evidence)), ("event_hours", shows_event_hours(evidence))):
        if present:
            return name
    return ""


# A meeting's row may be a run of links: its date, then its materials under the same names in every
# meeting ('Minutes', 'Board Report', '회의록'). Undated rows whose title recurs this often among the rows
# are the dated items' materials, not items of their own (a menu's items each have a name of their own).
MIN_MATERIAL_REPEATS = MIN_REPEATED_SHAPE


def material_rows(rows: ListingRows) -> int:
    """How many of the rows are undated and share their title with MIN_MATERIAL_REPEATS - 1 others."""
    counts = Counter(link.title.strip().lower() for link in rows.links if link.posted_at is None)
    return sum(count for count in counts.values() if count >= MIN_MATERIAL_REPEATS)


def shaped_rows(rows: ListingRows) -> int:
    """How many of the rows share the most common shape of title (_shape: digits and month names masked)."""
    return max(Counter(_shape(link.title) for link in rows.links).values(), default=0)


# A row that links a document file (its agenda, its minutes: .pdf, .hwp, .docx ...) is a document's row; dated
# rows most of which link documents are an archive of them (a board's meetings, 회의록 by date), not a menu.
MIN_DOCUMENT_SHARE = 0.6
# ... and this many dated documents are an archive even on a page whose markup or byline dates it (a CMS
# dates every page): a year of monthly meetings, 10-12 with a month or two off. An item's attachments are 1-5.
MIN_ARCHIVE_ROWS = 10
# A page that is no item and shows this many dated rows lists them, whatever its prose: a board page holds
# 10-20, a year's meetings 12; a related-news box beside an article holds 4-8 (and the article is an item).
MIN_LONG_RUN_ROWS = 12


def document_rows(rows: ListingRows) -> int:
    """How many of the rows link a document file (DOCUMENT_LINK, transforms/listing.py)."""
    return sum(bool(link.url and DOCUMENT_LINK.search(link.url)) for link in rows.links)


# A file's name as a line shows it ('모집공고.hwp', 'Agenda.pdf', '11.jpg'): an attachment's row
_FILE_NAME_LINE = re.compile(r"\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|odt|rtf|zip|jpe?g|png|gif)\s*$", re.IGNORECASE)


def shows_files(evidence: PageEvidence) -> bool:
    """True when a line of the body ends with a file's name: a notice whose text is its attachments ('붙임 참조'
    above '모집공고.hwp') shows them. (The page's links are no evidence: menus and footers link manuals as PDFs.)"""
    return any(_FILE_NAME_LINE.search(line) for line in evidence.body_text.splitlines())


# What item_evidence names before a date the page shows (it tries these first): a byline's date, item
# markup, an item's URL, links to its neighbours.
STRONG_ITEM_EVIDENCE = frozenset({"published_at", "article_markup", "article_url", "neighbour_links"})


def decide_page_kind(evidence: PageEvidence) -> PageKind:
    """The page's kind from its evidence (see the module docstring); a listing carries its rows."""
    status = evidence.http_status
    if status is not None and status >= 400:
        return PageKind("error", f"http_status={status}")
    if evidence.has_published_at and byline_dates_rows(evidence):  # its date is a row's, not the page's
        evidence = replace(evidence, has_published_at=False)
    head = f"{evidence.title or ''} {evidence.body_text[:ERROR_SEARCH_CHARS]}"
    # an item's page can say 'no results found' in a widget (an events plugin's empty list under the event):
    # a page that shows or marks up one item is that item; an item's URL is no evidence (an unknown id's URL is one)
    if (evidence.body_chars <= ERROR_MAX_CHARS and ERROR_PHRASES.search(head)
            and not item_evidence(replace(evidence, url=None))):
        return PageKind("error", "short page with an error message")
    if evidence.body_chars == 0 and any(ERROR_PHRASES.search(message) for message in evidence.script_messages):
        return PageKind("error", "empty page with an error alert")
    if evidence.body_chars == 0 and evidence.rows.empty_board:
        return PageKind("listing", "an empty page with a board table's header and no rows (a script loads them)")
    if is_filter_shell(evidence):
        return PageKind("listing", "a form of filters and no results (a script loads them)", evidence.rows.links)
    if evidence.fetched_url and HOME_URL.search(evidence.fetched_url):
        return PageKind("home", "the site's front page (URL)")
    if is_hosted_site_root(evidence.fetched_url, evidence.page_links):
        return PageKind("home", "the front page of a site in a hosting folder (URL and links)")
    if is_splash_page(evidence):
        return PageKind("home", "a splash page: a few words and links to front pages")
    rows = evidence.rows
    n_rows = len(rows.links)
    # The rows against the page's prose: an article's paragraphs outweigh a related-news box; a
    # listing has little prose besides its rows (chrome the cleaner removed does not count).
    # The cleaner's prose or the markup's <p> prose, whichever is more: a cleaner that lost an
    # article's body leaves its related-news rows looking like the page's content.
    prose = max(evidence.prose_chars, prose_chars(list(rows.paragraphs), rows))
    share = rows.rows_chars / max(rows.rows_chars + prose, 1)
    dated = rows.dated_rows >= MIN_LISTING_ROWS and rows.dated_rows >= MIN_DATED_SHARE * (n_rows - material_rows(rows))
    listing_url = bool(evidence.url and LISTING_URL.search(evidence.url))
    article_url = is_item_url(evidence.url)
    # undated rows only with a listing URL or pagination, on a page whose body the cleaner emptied only with
    # pagination and rows most of which share one title shape (numbered results: 'View Opinion No. 16-0775')
    undated = n_rows >= MIN_UNDATED_LISTING_ROWS and (listing_url or rows.pagination) and (
        evidence.body_chars > 0 or (rows.pagination and shaped_rows(rows) >= MIN_DATED_SHARE * n_rows))
    # A labelled date field that no row holds ('생산일자 : 2025-12-17' in a document's fields above its related
    # documents): the page's own date. Not on a page the cleaner emptied: its 'body' is then the chrome it
    # removed, where a header's date ('Today: May 02, 2013') is the line the byline reader took too.
    # (asked only where it can decide: rows that could make a listing, or markup or a byline to say it twice)
    own_date = (evidence.body_chars > 0 and (dated or undated or evidence.article_markup or evidence.has_published_at)
                and shows_own_date_field(evidence))
    # ... or a date the page shows as its own just above its text: a byline's (one that dates no rows: see above)
    # or a date field of the frame the cleaner took out ('작성일 : 2025-05-19', 'Posted on May 19, 2025', '2025.05.19'
    # under the title), where the frame's last line is no row's (a listing's first row may go to the frame)
    shows_own_date = own_date or (evidence.body_chars > 0 and (dated or undated) and (
        evidence.has_published_at or shows_date_field(evidence.frame_text, shown_text(evidence)))
        and not _held_by_a_row(evidence.frame_text.rsplit("\n", 1)[-1], rows.row_texts))
    # Evidence shifts the share a listing needs: pagination or a list URL lower it; an item's URL,
    # its markup, links to its neighbours and a date of its own raise it.
    shift = (LISTING_EVIDENCE_SHIFT * (-rows.pagination - listing_url - rows.links_children)
             + ARTICLE_URL_SHIFT * article_url
             + ITEM_MARKUP_SHIFT * (evidence.article_markup + evidence.neighbour_links + shows_own_date))
    reason = f"rows={n_rows} dated={rows.dated_rows} share={share:.2f} pagination={rows.pagination}"
    # One item said twice, by its markup or byline and by a date field of its own that no row holds: the
    # rows are what the page shows beside it (more events, related posts), however much of the page they are
    # (on an emptied page the two are one header line read twice: no item said twice).
    if (evidence.article_markup or evidence.has_published_at) and own_date:
        return PageKind("article", f"{reason} item: markup and its own date field")
    # ... or by an event's fields: its own date field and the labels of when and where ('Date: June 3, 2025',
    # 'Location: City Hall'; '일시 : 2025. 6. 3.', '장소 : 시청') above a box of more events
    if own_date and shows_event_fields(evidence):
        return PageKind("article", f"{reason} item: an event's own date and place above its rows")
    # A board's view may show the board's list under the post: the post's author and views or date above its text
    # are its own (a board view with its list; the rows are the board's other posts).
    if shows_own_board_fields(evidence):
        return PageKind("article", f"{reason} item: its own author and view count or date above its text")
    # A record's field table above its rows: the rows are its own (a case's filings by date, a study's sites)
    if shows_record_fields(evidence):
        return PageKind("article", f"{reason} item: a record's fields above its rows")
    if (dated and share >= MIN_ROWS_TEXT_SHARE + shift) or (undated and share >= MIN_UNDATED_ROWS_TEXT_SHARE + shift):
        return PageKind("listing", reason, rows.links)
    item = item_evidence(evidence)
    thin = rows.dated_rows >= MIN_BOARD_ROWS and rows.dated_rows >= MIN_DATED_SHARE * n_rows
    if thin and not item and rows.headed and (rows.pagination or listing_url):
        return PageKind("listing", f"{reason} board table", rows.links)
    if thin and not item and share >= MIN_THIN_RUN_SHARE:
        return PageKind("listing", f"{reason} rows are the page", rows.links)
    # dated rows that each link a document (a meeting archive: each meeting's agenda or minutes as a PDF or
    # HWP file) on a page that is no item: a table of dated documents, however much the page says besides
    # (a date field is as often the next meeting's as an item's; a byline or item markup gives way only to a
    # whole archive: a year of meetings)
    if (thin and document_rows(rows) >= MIN_DOCUMENT_SHARE * n_rows
            and (item not in STRONG_ITEM_EVIDENCE or rows.dated_rows >= MIN_ARCHIVE_ROWS)):
        return PageKind("listing", f"{reason} dated rows of documents", rows.links)
    # a long run of dated rows on a page that is no item: a year's meetings, an events calendar's list; a date
    # field in the body's head gives way to it (a list's own 'as of' date: 'Published Opinions: September 12,
    # 2025' above the day's opinions), an item's byline, markup, URL, neighbours or event fields do not
    if dated and item in ("", "date_field") and rows.dated_rows >= MIN_LONG_RUN_ROWS:
        return PageKind("listing", f"{reason} a long run of dated rows", rows.links)
    # groups of rows under dated lines of one shape, on a page that is no item and links document files, two
    # and more a date (an opinion archive: each day's opinions as PDF files under 'Published ... of <date>:');
    # a committee's schedule shows dated lines too, but links no document per date, and a notice's sessions
    # ('○ 1차 설명회 : 2024. 3. 11.') a few attachments for them all
    dated_lines = most_dated_shape(shown_text(evidence))
    if (not item and dated_lines >= MIN_ROW_DATING_DATES
            and document_links(evidence.page_links) >= MIN_DOCUMENTS_PER_DATE * dated_lines):
        return PageKind("listing", f"{reason} {dated_lines} dated lines of one shape and their documents", rows.links)
    # entries under dated lines of one shape, each with its title or summary, on a page that is no item
    if not item and dated_entries(shown_text(evidence)) >= MIN_DATED_ENTRIES:
        return PageKind("listing", f"{reason} dated entries, each with its text", rows.links)
    # items shown whole, each under its own date with the same fields: a list of them, unless the page's
    # own markup, byline or neighbour links name it one item (a date field is each record's own)
    if item not in STRONG_ITEM_EVIDENCE and shows_dated_records(evidence.body_text):
        return PageKind("listing", f"{reason} dated records with the same fields", rows.links)
    if not item and shows_month_grid(evidence.body_text):
        return PageKind("listing", f"{reason} a month's calendar grid", rows.links)
    # ... or a table of day cells with events linked in them (the cleaner may take the events out of the text)
    if not item and len(rows.grid_links) >= MIN_GRID_EVENTS:
        return PageKind("listing", f"{reason} a month's calendar grid of linked events", rows.grid_links)
    # dated rows that link the page's own children (/about/meetings/ -> /about/meetings/august-8-2019-agenda/)
    # on a page that is no item: its items, however much the page says about them besides
    if dated and not item and rows.links_children:
        return PageKind("listing", f"{reason} rows link the page's children", rows.links)
    if evidence.fetched_url and SECTION_HOME_URL.search(evidence.fetched_url):
        return PageKind("home", "a section's front page (URL)")
    if item:
        return PageKind("article", f"{reason} item: {item}")
    # less than a sentence kept (a few words, none of its lines a sentence), no rows and nothing that makes it an
    # item: the page shows a word or two of its chrome in place of content (a marquee's 'announcement', a welcome
    # line: the cleaner took an invalid address's or a captcha's message with the chrome around it). It shows no
    # item, as an error page does (a page with nothing kept is rejected as no article); a page that shows files is
    # their page (a notice whose text is '붙임 참조' and its attachments).
    if (0 < evidence.body_chars < PROSE_MIN_CHARS and not prose and not rows.weighable and not shows_files(evidence)
            and not any(SENTENCE_MARK.search(line.strip()) for line in evidence.body_text.splitlines())):
        return PageKind("error", f"{reason} no content: a few words, no sentence and no rows")
    return PageKind("static", reason)


def _shape(text: str) -> str:
    """A block with its digits, month names and web addresses masked: the items of a list repeat one shape."""
    return _SHAPE_MASK.sub("0", text.lower())


# (the lookahead names the letters a masked piece opens with: the regex engine skips to them in C)
_SHAPE_MASK = re.compile(r"(?=[\dhjfmasond])(?:https?://\S+|\d+|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")


def prose_chars(texts: list[str], rows: ListingRows) -> int:
    """Non-space characters of the texts (a page's cleaned blocks) that are prose: PROSE_MIN_CHARS
    or longer, not one of the rows (a long row title is still a row), and not a line repeated in
    one shape under every item of a list."""
    titles = [link.title for link in rows.links if len(link.title) >= MIN_ROW_TITLE_CHARS]
    long_texts = [text for text in texts if len(text) >= PROSE_MIN_CHARS]
    shaped = {text: _shape(text) for text in long_texts}  # each block's shape once (a text may recur)
    shapes = Counter(shaped[text] for text in long_texts)
    total = 0
    for text in long_texts:
        if any(title in text for title in titles):
            continue
        shape = shaped[text]
        if len(shape) < MAX_REPEATED_SHAPE_CHARS and shapes[shape] >= MIN_REPEATED_SHAPE:  # 'Posted on ... by'
            continue
        squashed = "".join(text.split())
        if not any(squashed in row or row in squashed for row in rows.row_texts):
            total += len(squashed)
    return total
