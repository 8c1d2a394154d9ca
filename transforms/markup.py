"""Read what a page's markup says about it: JSON-LD, microdata, OpenGraph and article meta tags,
Dublin Core, <meta name="date">, <time datetime>, <link rel="canonical"> and <title>.

Read-only over the tree from transforms/html.py: parse_html; it must run before html_blocks,
which detaches chrome (<head>, <header>, <script>) from the tree. Values are candidates: the
visible page confirms or overrules them in transforms/reconcile.py.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from lxml import etree

from cityclips.transforms.dates import (TIME_RANGE, classify_date_label, parse_date, parse_markup_date, parse_url_date,
                                        writes_day_first)
from cityclips.transforms.dom import hidden_rule, remembered, tag_of, text_content
from cityclips.transforms.metadata import (BREADCRUMB_ROOT, WEAK_LABELS, is_field_line,
                                           is_metadata_line, merge_fields, names_body_in_charge, parse_field,
                                           starts_with_label)
from cityclips.transforms.reconcile import NAVIGATION_LABEL, norm, same_title
from cityclips.transforms.records import MarkupDate, MarkupMetadata, MetadataFields

# schema.org types whose headline and dates are the page's own article.
ARTICLE_TYPES = frozenset(t.lower() for t in (
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
    "ScholarlyArticle", "TechArticle", "Report", "PressRelease", "GovernmentPermit", "Announcement"))
# A WebPage's name is its title only when no article object says otherwise.
PAGE_TYPES = frozenset(t.lower() for t in ("WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage", "ContactPage"))
SITE_TYPES = frozenset(t.lower() for t in ("WebSite", "Organization", "NewsMediaOrganization",
                                           "GovernmentOrganization", "Corporation"))
# schema.org event types: their startDate is when the event happens, their name the page's title.
EVENT_TYPES = frozenset(t.lower() for t in (
    "Event", "BusinessEvent", "EducationEvent", "ExhibitionEvent", "Festival", "SocialEvent", "PublicationEvent",
    "CourseInstance", "ScreeningEvent", "SportsEvent", "TheaterEvent", "MusicEvent", "ChildrensEvent", "LiteraryEvent"))
# Meta keys (name=, property=, itemprop=) by what they state, best first within each group.
TITLE_KEYS = {"og:title": "opengraph", "twitter:title": "meta", "dc.title": "meta", "dcterms.title": "meta",
              "title": "meta", "headline": "microdata"}
SITE_NAME_KEYS = ("og:site_name", "application-name", "al:android:app_name", "al:ios:app_name")
PUBLISHED_KEYS = {"article:published_time": "opengraph", "og:published_time": "opengraph",
                  "article:published": "opengraph", "datepublished": "microdata",
                  "date": "meta", "pubdate": "meta", "publishdate": "meta", "publish_date": "meta",
                  "publish-date": "meta", "publication_date": "meta", "sailthru.date": "meta",
                  "dc.date": "meta", "dc.date.issued": "meta", "dc.date.created": "meta", "dcterms.issued": "meta",
                  "dcterms.created": "meta", "dcterms.date": "meta", "article.published": "meta",
                  "parsely-pub-date": "meta", "datecreated": "microdata"}
MODIFIED_KEYS = {"article:modified_time": "opengraph", "og:updated_time": "opengraph",
                 "article:modified": "opengraph", "datemodified": "microdata", "dcterms.modified": "meta",
                 "dc.date.modified": "meta", "last-modified": "meta", "lastmod": "meta", "article.updated": "meta"}
AUTHOR_KEYS = {"author": "meta", "article:author": "opengraph", "dc.creator": "meta", "dcterms.creator": "meta",
               "byl": "meta", "sailthru.author": "meta", "parsely-author": "meta"}
SECTION_KEYS = ("article:section", "section", "category")
# Other sites' meta keys by what they name ('shareaholic:article_published_time', 'datePublished', 'rnews:date_created'):
# a key that says 'published' (or 'created', 'issued') and 'date' or 'time' is a publication date.
_PUBLISHED_KEY = re.compile(r"(?:publish|pub_?date|creat|issued|release).*(?:date|time)|(?:date|time).*(?:publish|creat|issued)",
                            re.IGNORECASE)
_MODIFIED_KEY = re.compile(r"(?:modif|updat|revis).*(?:date|time)|(?:date|time).*(?:modif|updat|revis)", re.IGNORECASE)
# Sources in the order their dates are trusted: an article object's own field first, a stray <time> last.
DATE_SOURCE_RANK = {"json_ld": 0, "microdata": 1, "opengraph": 2, "meta": 3, "time": 4, "byline": 5}
MAX_TITLE_CHARS = 400  # a headline; longer 'titles' are descriptions put in the wrong field
MAX_TIME_ELEMENTS = 5  # the article's own <time> comes early; later ones date comments and teasers
# <time> in these belongs to other stories or to the site, not the article.
_OFF_ARTICLE_TAGS = frozenset({"aside", "nav", "footer"})
# ... and <time> in an event's box dates the event (a meeting, a festival), not the page.
_OFF_ARTICLE_CLASS = re.compile(r"related|sidebar|comment|recommend|popular|most-?read|teaser|widget|"
                                r"event|calendar|schedule|agenda", re.IGNORECASE)
_EVENT_CLASS = re.compile(r"event|calendar|schedule|agenda|meeting", re.IGNORECASE)
_OTHER_STORIES_CLASS = re.compile(r"related|sidebar|comment|recommend|popular|most-?read|teaser|widget|"
                                  r"reply|footer|(?:^|[-_ ])nav|menu|upcoming|more-", re.IGNORECASE)
# An element whose class or id says it holds the page's date ('post-date', 'entry-meta', 'date', 'regdate'),
# and what kind: the class is evidence; its text must also be a date and little else.
_DATE_CLASS = re.compile(r"date|time|posted|publish|byline|updat|modif|(?:^|[-_ ])(?:meta|info)(?:$|[-_ ])",
                         re.IGNORECASE)
MAX_DATE_ELEMENTS = 3  # the page's own date element comes first; later ones date teasers and comments
MAX_DATE_ELEMENT_CHARS = 60  # 'Posted on March 3, 2024 at 9:05 am by the Office': a date and a word or two
MAX_DATE_ELEMENT_SCAN = 400  # elements with a date-like class looked at, in document order
# Words of a URL path that make the page an event's ('/events/event/board-meeting-november-13-2018/').
_EVENT_URL = re.compile(r"/(?:events?|meetings?|calendar|agendas?|hearings?|행사)(?:/|[-_.]|$)", re.IGNORECASE)
MAX_FIELD_LABEL_CHARS = 12  # '등록일', '담당부서', 'Date posted': a field label is a word or two
MAX_FIELD_VALUE_CHARS = 300  # a field's value is short; a longer cell is content laid out in a table
_BOARD_TITLE_LABEL = re.compile(r"^(?:제\s?목|title|subject)$", re.IGNORECASE)
# ... and in a row of label, colon and value cells, perhaps naming the record's kind ('Tender Title', '공고 제목'); not a
# person's title ('Job title'). Only there: a glossary's <dt>Native title</dt> is a term, its <dd> the definition.
_KIND_TITLE_LABEL = re.compile(r"^(?:[가-힣]{1,4}\s?)?제\s?목$|^(?:(?!job\b)[a-z]+\s)?(?:title|subject)$", re.IGNORECASE)
_INLINE_TITLE = re.compile(r"^(?:제\s?목|title|subject)\s*[:：]\s*(?P<value>\S.*)$", re.IGNORECASE)
_WS = re.compile(r"\s+")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_URL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def _clean(text: object) -> str | None:
    """One line of text: entities decoded (JSON-LD often carries '&amp;'), whitespace squashed."""
    if not isinstance(text, str):
        return None
    value = _WS.sub(" ", html.unescape(text)).strip()
    return value or None


def _date(text: str | None, source: str, day_first: bool | None = None) -> MarkupDate | None:
    parsed = parse_markup_date(text, day_first)
    return MarkupDate(parsed[0], source, parsed[1], parsed[2]) if parsed else None


def _json_ld_objects(root: etree._Element) -> Iterator[dict]:
    """Every object in the page's JSON-LD scripts: lists and @graph flattened, broken scripts skipped."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        text = script.text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        try:
            data = json.loads(text, strict=False)  # strict=False: raw newlines inside strings are common
        except ValueError:
            try:
                data = json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack[:0] = graph
                yield item


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _names(value: object) -> list[str]:
    """Names in a JSON-LD person/organization field: a string, an object with name, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _clean(item.get("name") if isinstance(item, dict) else item)
        if name and not _URL.match(name):
            names.append(name)
    return names


def _first_text(value: object) -> str | None:
    return _clean(value[0] if isinstance(value, list) and value else value)


class _Collected:
    def __init__(self) -> None:
        self.titles: list[tuple[str, str]] = []
        self.site_names: list[str] = []
        self.published: list[MarkupDate] = []
        self.modified: list[MarkupDate] = []
        self.authors: list[tuple[str, str]] = []
        self.section: str | None = None
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.board_title: str | None = None
        self.record_name: str | None = None  # a register's name field ('제품명', 'Product name'; _RECORD_NAME_LABEL)
        self.board = MetadataFields()
        self.body_in_charge: str | None = None  # '주관 기관', 'Sponsor' (metadata.FIELD_BODY_LABELS): the department when none is named
        self.events: list[MarkupDate] = []
        self.other_dates: list[MarkupDate] = []
        self.closing_dates: list[MarkupDate] = []  # a notice's closing date above its issuer (_read_closing_date)
        self.generic_dates: list[MarkupDate] = []  # 'Date:' fields: the page's date unless the page is an event's
        self.class_dates: list[MarkupDate] = []  # date elements' dates of the page (published)
        self.class_modified: list[MarkupDate] = []  # ... and of its last change ('<span class="updated">')
        self.class_boxes: list[etree._Element] = []  # the element of each of class_dates
        self.is_event = False
        self.day_first: bool | None = None  # how the page's language writes '05/06/2025' (dates.writes_day_first)
        # a WebPage object's dates: when the CMS made the page, which on an event's page is no posting date it shows
        self.page_published: list[MarkupDate] = []
        self.site_marks: list[str] = []
        self.path_section: str | None = None  # the section the page's marked breadcrumb names (_read_path_section)
        self.heading_section: str | None = None  # ... and a line of the headline's box (_heading_box_section)

    def title(self, source: str, text: object) -> None:
        value = _clean(text)
        if value and len(value) <= MAX_TITLE_CHARS and (source, value) not in self.titles:
            self.titles.append((source, value))

    def site_name(self, text: object) -> None:
        value = _clean(text)
        if value and value not in self.site_names:
            self.site_names.append(value)

    def date(self, target: list[MarkupDate], text: object, source: str) -> None:
        found = _date(text, source, self.day_first) if isinstance(text, str) else None
        if found:
            target.append(found)


def _read_json_ld(root: etree._Element, got: _Collected) -> None:
    articles, pages, events = [], [], []
    for obj in _json_ld_objects(root):
        types = _types(obj)
        if types & ARTICLE_TYPES:
            articles.append(obj)
        elif types & PAGE_TYPES:
            pages.append(obj)
        elif types & SITE_TYPES:
            got.site_name(obj.get("name"))
        elif types & EVENT_TYPES:
            events.append(obj)
        for key in ("publisher", "isPartOf"):
            part = obj.get(key)
            if isinstance(part, dict) and (key == "publisher" or _types(part) & SITE_TYPES):
                got.site_name(part.get("name"))
    for obj in articles + pages:  # an article's fields first; a WebPage's only to fill gaps
        is_article = obj in articles
        got.title("json_ld", obj.get("headline") or (obj.get("name") if is_article else None))
        got.date(got.published if is_article else got.page_published, obj.get("datePublished")
                 or obj.get("dateCreated"), "json_ld")
        got.date(got.modified, obj.get("dateModified"), "json_ld")
        got.authors.extend(("json_ld", name) for name in _names(obj.get("author")))
        got.section = got.section or _first_text(obj.get("articleSection"))
    for obj in events[:1]:  # an event page's own event comes first; later ones are other dates of a calendar
        got.is_event = True
        got.title("json_ld", obj.get("name"))
        got.date(got.events, obj.get("startDate"), "json_ld")
    for obj in pages:  # a WebPage's name is often '<headline> | <site>': a candidate after the others
        got.title("json_ld", obj.get("name"))


def _read_meta(root: etree._Element, got: _Collected) -> None:
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if not key:
                continue
            if key in TITLE_KEYS:
                got.title(TITLE_KEYS[key], content)
            elif key in SITE_NAME_KEYS:
                got.site_name(content)
            elif key in PUBLISHED_KEYS:
                got.date(got.published, content, "microdata" if attribute == "itemprop" else PUBLISHED_KEYS[key])
            elif key in MODIFIED_KEYS:
                got.date(got.modified, content, "microdata" if attribute == "itemprop" else MODIFIED_KEYS[key])
            elif key in AUTHOR_KEYS:
                name = _clean(re.sub(r"^by\s+", "", content, flags=re.IGNORECASE))
                if name and not _URL.match(name):
                    got.authors.append((AUTHOR_KEYS[key], name))
            elif key in SECTION_KEYS:
                got.section = got.section or _clean(content)
            elif _MODIFIED_KEY.search(key):
                got.date(got.modified, content, "meta")
            elif _PUBLISHED_KEY.search(key):
                got.date(got.published, content, "meta")


# all itemprop elements, filtered in Python: measured faster than an XPath that tests the values
_MICRODATA_XPATH = etree.XPath("//*[@itemprop][not(self::meta)]")
_TIME_XPATH = etree.XPath("//time[@datetime]")


def _read_microdata(root: etree._Element, got: _Collected) -> None:
    """itemprop on elements other than <meta> (those are read with the meta tags)."""
    for el in _MICRODATA_XPATH(root):
        prop = (el.get("itemprop") or "").strip().lower()
        if prop in ("datepublished", "datemodified"):
            value = el.get("datetime") or el.get("content") or text_content(el)
            got.date(got.published if prop == "datepublished" else got.modified, value, "microdata")
        elif prop == "headline":
            got.title("microdata", el.get("content") or text_content(el))


def _off_article(el: etree._Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor.tag in _OFF_ARTICLE_TAGS or _OFF_ARTICLE_CLASS.search(ancestor.get("class") or ""):
            return True
    return False


def _read_time_elements(root: etree._Element, got: _Collected) -> None:
    for el in _TIME_XPATH(root)[:MAX_TIME_ELEMENTS]:
        if el.get("itemprop") or _off_article(el):
            continue  # itemprop ones were read as microdata
        words = " ".join(filter(None, (el.get("class"), el.get("id"), el.getparent().get("class")
                                       if el.getparent() is not None else None))).lower()
        # 'entry-date published updated': a post never edited carries both; published says which it is first
        target = got.modified if re.search(r"updat|modif|수정", words) and "publish" not in words else got.published
        got.date(target, el.get("datetime"), "time")


def _value_cell(label: etree._Element) -> etree._Element | None:
    cell = label.getnext()
    while cell is not None and not isinstance(cell.tag, str):  # a comment between th and td
        cell = cell.getnext()
    return cell if cell is not None and cell.tag in ("td", "dd") else None


# A row written as label cell, a cell holding only the colon, then the value ('<td>ePublished Date</td><td><b>:</b></td>
# <td>10-Mar-2026 10:34 PM</td>'): the colon cell says the first is a label, as a <th> would.
_COLON_ROW_LABELS = etree.XPath("//td[following-sibling::*[1][self::td][normalize-space(.)=':' or normalize-space(.)='：']]")


def _colon_row_fields(root: etree._Element) -> Iterator[tuple[etree._Element, etree._Element]]:
    """(label cell, value cell) of each row written with a colon cell between them (see _COLON_ROW_LABELS)."""
    for label in _COLON_ROW_LABELS(root):
        colon = label.getnext()
        value = colon.getnext() if colon is not None else None
        if value is not None and value.tag == "td":
            yield label, value


def _read_field_tables(root: etree._Element, got: _Collected) -> None:
    """'th : td' and 'dt : dd' pairs whose label names a metadata field (등록일, 작성자, 조회수, 담당부서 ...), and rows
    of a label cell, a colon cell and a value cell (_colon_row_fields)."""
    # a colon row's label is a plain cell, weaker evidence than a <th>: it gives the title, dates and views, no writer
    # ('Name : AE-C-6' under a tender's inviting authority names an office's post, not who wrote the page)
    pairs = [(label, _value_cell(label), False) for label in root.iter("th", "dt")] \
        + [(label, cell, True) for label, cell in _colon_row_fields(root)]
    for label, cell, colon_row in pairs:
        name = _WS.sub(" ", text_content(label)).strip(" :：\t\n")
        if cell is None:
            # a title row written in one cell: '<th colspan="4">제 목 : 관광산업 ... 공고</th>'
            inline = _INLINE_TITLE.match(name)
            if inline and len(name) <= MAX_FIELD_VALUE_CHARS:
                got.board_title = got.board_title or inline["value"].strip(" :：") or None
            continue
        if not name or len(name) > (MAX_PAIR_LABEL_CHARS if colon_row else MAX_FIELD_LABEL_CHARS):
            continue
        value = _WS.sub(" ", text_content(cell)).strip()
        if not value or len(value) > MAX_FIELD_VALUE_CHARS:
            continue
        if _BOARD_TITLE_LABEL.match(name) or (colon_row and _KIND_TITLE_LABEL.match(name)):
            got.board_title = got.board_title or value
        elif _RECORD_NAME_LABEL.match(name):
            got.record_name = got.record_name or value
        elif _SECTION_LABEL.match(name) and len(value) <= MAX_SECTION_VALUE_CHARS:
            got.section = got.section or value  # '<th>정책 유형</th><td>일자리</td>': the board's field names the section
        elif not colon_row or ((classify_date_label(name) is not None or _VIEW_LABEL.match(name))
                               and not _names_someone(name, value, got.day_first)):
            _labelled(got, name, value)


def _names_someone(name: str, value: str, day_first: bool | None) -> bool:
    """True when a field names a writer or a department ('작성자 : 홍길동', whose '작성' reads as a posting word too)."""
    fields = parse_field(name, value, day_first)
    return fields is not None and bool(fields.author or fields.department)


MAX_TITLE_ROW_CHARS = 200  # a board post's title row holds a headline, never a paragraph
# A field table's label for the section or kind a post belongs to ('분류', '정책 유형', '카테고리', 'Category', 'Topic',
# 'News type'); a kind glued to its noun ('살생물제품유형 : 살충제') describes the item, not the page's section.
_SECTION_LABEL = re.compile(r"^(?:[가-힣]{1,4}\s)?(?:분류|유형|카테고리)$|^(?:(?:news|post|notice|policy|program(?:me)?)\s)?"
                            r"(?:category|categories|topics?)$|^(?:news|post|notice|policy|program(?:me)?)\stype$", re.IGNORECASE)
MAX_SECTION_VALUE_CHARS = 40  # '일자리', 'Press Releases': a section's name is a few words
# The field that names what a record page describes (a product, a programme, a facility): '제품명 : 홈매트 리퀴드 에스'
# in a register's field table. Names of persons, firms and departments ('성명', '업체명', '부서명') are not listed.
_RECORD_NAME_LABEL = re.compile(r"^(?:제품명|상품명|품명|명칭|사업명|과제명|행사명|교육명|과정명|강좌명|시설명|공고명|프로그램명|건명|"
                                r"(?:product|item|programme|program|project|facility|course) name|name of (?:the )?"
                                r"(?:product|item|programme|program|project|facility|course))$", re.IGNORECASE)
MAX_RECORD_TABLES = 20  # tables looked at, in document order: a page's own record comes early
def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("th", "td")]


def _read_record_row(root: etree._Element, got: _Collected) -> None:
    """A page that shows its own record as a table of one row under labelled columns ('Title | Date | View /
    Download' over 'Grant of Dearness Allowance ... | 11/04/2025 | ...', '제목 | 등록일 | 조회' over one post): the row's
    fields are the page's, when its title cell is the page's headline (the <title> holds it). A table of several
    rows is a list of other pages, and a row whose title the page does not bear is another page's."""
    title_el = root.find(".//title")
    page_title = norm(text_content(title_el)) if title_el is not None else ""
    if not page_title:
        return
    for n, table in enumerate(root.iter("table")):
        if n >= MAX_RECORD_TABLES:
            return
        rows = [row for row in table.iter("tr") if _cells(row)]
        if len(rows) != 2:
            continue
        head, body = _cells(rows[0]), _cells(rows[1])
        if len(head) != len(body) or len(head) < 2 or any(cell.tag != "th" for cell in head) \
                or any(cell.tag != "td" for cell in body):
            continue
        labels = [_WS.sub(" ", text_content(cell)).strip(" :：") for cell in head]
        values = [_WS.sub(" ", text_content(cell)).strip() for cell in body]
        title_at = next((i for i, label in enumerate(labels) if _BOARD_TITLE_LABEL.match(label)), None)
        if title_at is None:
            continue
        title = norm(values[title_at])
        if len(title) < MIN_RECORD_TITLE_CHARS or title not in page_title:
            continue
        for label, value in zip(labels, values):
            if label and len(label) <= MAX_FIELD_LABEL_CHARS and value and len(value) <= MAX_FIELD_VALUE_CHARS \
                    and not _BOARD_TITLE_LABEL.match(label):
                _labelled(got, label, value)
        return


MIN_RECORD_TITLE_CHARS = 8  # a headline, not a number or a word the <title> holds by chance
# A row of this many links, their text nearly all of its text, is a link line (a footer's 'Disclaimer
# Accessibility Privacy Policy FOIA', a menu's '이용안내 개인정보처리방침 저작권정책'), never a headline: a board links its
# post's title once at most ('<a href=view>[공지] 제목</a>'), so two links may still be a tag and a title.
MIN_LINK_LINE_LINKS = 3
LINK_LINE_TEXT_SHARE = 0.8  # of the row's characters (spaces aside) inside its links


def is_link_line(element: etree._Element) -> bool:
    """True when an element's text is a line of several links and little else (MIN_LINK_LINE_LINKS)."""
    links = [text for a in element.iter("a") if (text := _WS.sub("", text_content(a)))]
    total = len(_WS.sub("", text_content(element)))
    return len(links) >= MIN_LINK_LINE_LINKS and total > 0 and sum(map(len, links)) >= LINK_LINE_TEXT_SHARE * total


def _row_text(row: etree._Element) -> str:
    return _WS.sub(" ", text_content(row)).strip()


def _read_title_row(root: etree._Element, got: _Collected) -> None:
    """A board post's title written as the row just above its byline row, with no '제목' label:
    '<tr><td>2025년 제1차 입주기업 모집 공고</td></tr><tr><td>작성자 : 김태하 ㅣ 조회수 : 426</td></tr>'.
    The first byline row of the page decides; the row above must be one cell of text that is no field."""
    if got.board_title:
        return
    for row in root.iter("tr"):
        if not is_metadata_line(_row_text(row)):
            continue
        above = row.getprevious()
        while above is not None and (not isinstance(above.tag, str) or not _row_text(above)):
            above = above.getprevious()  # spacer rows ('<tr><td height="1"></td></tr>') and comments
        if above is None or above.tag != "tr":
            return
        cells = [cell for cell in above if isinstance(cell.tag, str) and _row_text(cell)]
        text = _row_text(above)
        # nor a field of a field list ('Opportunity Category: Discretionary' under 'Document Type: Grants Notice')
        before = above.getprevious()
        listed = is_field_line(text) and before is not None and before.tag == "tr" and is_field_line(_row_text(before))
        if len(cells) == 1 and len(text) <= MAX_TITLE_ROW_CHARS and not starts_with_label(text) \
                and parse_date(text)[0] is None and not is_link_line(above) and not listed:
            got.board_title = text
        return


MAX_ISSUER_CHARS = 30  # '( 재 ) 환동해산업연구원장', '은행연합회', 'Jane Doe, City Clerk': a name, no sentence
MAX_CLOSING_TEXTS = 4000  # text nodes looked at, in document order
_SKIPPED_TEXT_PARENTS = frozenset({"script", "style", "option", "title", "a"})


def _read_closing_date(root: etree._Element, got: _Collected) -> None:
    """A notice's closing: its date alone, then the issuer's name ('2025. 02. 14.' / '( 재 ) 환동해산업연구원장',
    '2024년 10월 16일' / '은행연합회'). The last such pair of the page is the date it was issued; it stands only when
    nothing else dates the page (reconcile's fallback, after other labelled dates)."""
    # most pages (546 of the peers' 579) have no text that starts with a year, and so no closing date: plain strings
    # say so at half the cost of the smart ones below (text.lstrip() starts as " ".join(text.split()) does)
    if not any(_STARTS_WITH_YEAR.match(text.lstrip()) for text in _BODY_TEXTS(root)[:MAX_CLOSING_TEXTS]):
        return
    texts = []
    for n, node in enumerate(root.xpath("//body//text()")):
        if n >= MAX_CLOSING_TEXTS:
            break
        if node.isspace():  # the indentation between tags: most text nodes (tested before the parent is read)
            continue
        parent = node.getparent()  # for a tail, the element before the text: its holder is that one's parent
        if parent is not None and node.is_tail:
            parent = parent.getparent()
        if parent is None or parent.tag in _SKIPPED_TEXT_PARENTS:
            continue
        text = " ".join(node.split())  # as _WS.sub(" ", ...).strip(): str.split's whitespace is re's \s
        if text:
            texts.append(text)
    closing = None
    for date_text, issuer in zip(texts, texts[1:]):
        if not _STARTS_WITH_YEAR.match(date_text):  # cheap first: most texts are no date at all
            continue
        found, consumed = parse_date(date_text, got.day_first)
        if found is None or consumed < len(date_text.rstrip(" .")):
            continue
        if len(issuer) <= MAX_ISSUER_CHARS and not re.search(r"\d|[.!?:：]$", issuer) and not starts_with_label(issuer):
            closing = MarkupDate(found, "byline", False, False)
    if closing is not None and all(d.value != closing.value for d in got.other_dates):
        got.closing_dates.append(closing)


_STARTS_WITH_YEAR = re.compile(r"^(?:19|20)\d{2}\s*[-./년]")  # a notice writes its date year first
_BODY_TEXTS = etree.XPath("//body//text()", smart_strings=False)  # the text nodes _read_closing_date reads, as str


def _labelled(got: _Collected, name: str, value: str, table: bool = True) -> None:
    """A field's label and value: a board field parse_field knows (등록일, 작성자, 조회수), else a date the
    label says the kind of (Meeting Date, Date posted, 촬영일자); a 'Date' field is held back until the
    page is known to be an event's or not. table: the pair is a table's (th : td, dt : dd); a label element's
    pair (_read_label_pairs) gives dates and views only, since a '<label>운영기관</label>' names a form's control."""
    kind = classify_date_label(name)
    timed = kind in ("event", "generic", "other", "deadline") and bool(TIME_RANGE.search(value))
    if kind in ("event", "generic") or (kind in ("other", "deadline") and timed):
        # 'Date: November 13, 2018 2:30 pm – 3:30 pm': a time range makes a date field an event's, unless its
        # label says it is a posting or an edit ('Release Date: Thursday, 28 April 2022 – 3:55pm')
        found = _visible_date(value, day_first=got.day_first)
        if found:
            (got.events if kind == "event" or timed else got.generic_dates).append(found)
            got.is_event = got.is_event or kind == "event" or timed
            return
        if kind == "generic" or timed or not table:
            return
        # no date after an event's word: '운영기관 : 관악구청 자치행정과' (운영, run) may name a field
    fields = parse_field(name, value, got.day_first)
    if fields is not None and names_body_in_charge(name):
        held, named = got.body_in_charge, fields.department
        # '주관 기관 : 관악구청' then '운영기관 : 관악구청 자치행정과': the office within the institution says more
        got.body_in_charge = named if held is None or (named and named.startswith(held)) else held
        return
    # a phone field is the contact beside a department; a department alone ('부서 : 디지털기술융합센터') answers for the page
    if fields is not None and (fields.found or fields.phone or fields.department):
        board = got.board
        if fields.author and board.author is not None and board.author == board.department != fields.author \
                and _WS.sub("", name).lower() not in WEAK_LABELS:
            # a writer's field ('작성자 : 박인현') after the department's ('부서명 : 청년사업담당관'), which stood for
            # the author only while no person was named; a person in charge ('담당자 : 이준호') is the contact's, no writer
            board = replace(board, author=None)
        got.board = merge_fields(board, fields)
        return
    found = _visible_date(value, day_first=got.day_first) if kind in ("published", "modified", "other") else None
    if found is None:
        return
    if kind == "published":
        got.board = merge_fields(got.board, MetadataFields(published_at=found.value))
    elif kind == "modified":
        got.board = merge_fields(got.board, MetadataFields(modified_at=found.value))
    else:
        got.other_dates.append(found)


MAX_DATE_VALUE_CHARS = 80  # 'Tuesday, July 30, 2024, 9:00 am': a field's date, perhaps with its weekday and time


def _visible_date(value: str, source: str = "board_table", day_first: bool | None = None) -> MarkupDate | None:
    """The date a field's value starts with (a weekday may lead), or None: '2025-12-17', 'Tue, Jul 30 2024'."""
    value = value.strip()
    if not value or len(value) > MAX_DATE_VALUE_CHARS:
        return None
    found, end = parse_date(value, day_first)
    lead = _LEADING_WORDS.match(value)
    if found is None or (lead and parse_date(value[lead.end():], day_first)[0] != found):
        return None  # the value is about something else and mentions a date later
    return MarkupDate(found, source, bool(re.search(r"\d:\d{2}|\d\s*시", value[:end])), False)


# More than a weekday before the date ('Tuesday, ', '(월) '): the value is prose that mentions a date.
_LEADING_WORDS = re.compile(r"^(?:[^\W\d_]+[\s,.]+){3,}")


# Label/value shapes other than tables: '<li><span>촬영일자</span><strong>2025-12-17</strong></li>',
# '<p><strong>Posted:</strong> June 5, 2025</p>', '<div class="tit">등록일</div><div class="txt">2025-06-05</div>'.
_LABEL_TAGS = ("strong", "b", "span", "label", "em", "div", "p", "h4", "h5", "h6", "i")
MAX_LABEL_ELEMENTS = 3000  # label-like elements looked at, in document order (a page's fields come early)
MAX_PAIR_LABEL_CHARS = 30
# View counts are the one non-date field read from such pairs: author and department labels start contact
# blocks and glossary entries too ('Department: ...'), and are read from tables and visible lines only.
_VIEW_LABEL = re.compile(r"^(?:조회\s?수?|views?|hits?|조회|열람\s?수|visitor count(?:er)?|page views)\s*[:：]?$", re.IGNORECASE)
# A view count written in the label's own text ('<span id="lblViews">Visitor Counter : 1121</span>', '<span>조회수 : 426</span>').
_INLINE_COUNT = re.compile(r"^(?P<label>[^:：\d]{2,20}?)\s*[:：]\s*(?P<value>\d[\d,]*)$")


def _value_after(el: etree._Element) -> str:
    """The text that follows a label element: its tail, else its next element, else (a label alone in
    its box) the next box's text."""
    tail = (el.tail or "").strip(" :：\t\n")
    if tail:
        return tail
    nxt = _next_element(el)
    if nxt is not None:
        return text_content(nxt)
    parent = el.getparent()
    if parent is not None and len(parent) == 1 and not (parent.text or "").strip():
        box = _next_element(parent)
        if box is not None:
            return text_content(box)
    return ""


def _next_element(el: etree._Element) -> etree._Element | None:
    """The element's next sibling that is an element (comments and processing instructions passed over)."""
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def _hidden(el: etree._Element) -> bool:
    """True when the element or a box around it is hidden (hidden, aria-hidden, display:none, 'sr-only'):
    a date nobody sees is not the date the page shows."""
    return any(hidden_rule(box, tag_of(box)) for box in (el, *el.iterancestors()))


# The site's footer: a <footer> or role="contentinfo" box, or one whose id or class is a footer's name ('footer',
# 'site-footer', 'foot', 'ft_wrap'; not 'post-footer', an entry's own), outside any <article> and <main>. Its
# 'Last Updated: Aug 11, 2025' is when the site was last published, the same on every page (doj.gov.in); its
# '최종수정일' is the site's too.
_FOOTER_NAME = re.compile(r"(?:^|\s)(?:(?:site|global|page|main)[-_]?)?(?:footer|foot|ft)(?:$|[-_\s])", re.IGNORECASE)
_CONTENT_TAGS = frozenset({"article", "main"})


def in_site_footer(el: etree._Element) -> bool:
    """True when el sits in the site's footer (see _FOOTER_NAME), not in an article's own footer
    (<article><footer>Posted on ...</footer></article>, whose date is the article's)."""
    footer = False
    for box in el.iterancestors():
        tag = box.tag
        if tag in _CONTENT_TAGS or (box.get("role") or "").lower() == "main":
            return False
        if not footer and (tag == "footer" or (box.get("role") or "").lower() == "contentinfo"
                           or _FOOTER_NAME.search(f"{box.get('id') or ''} {box.get('class') or ''}")):
            footer = True
    return footer


_LABEL_KINDS: dict[str, str | None] = {}  # classify_date_label's answers by text (see _label_kind)
MAX_LABEL_KINDS = 50_000  # the cache is emptied past this (a long run sees many texts)
_UNKNOWN = object()


def _label_kind(name: str) -> str | None:
    """classify_date_label(name), once per distinct text: a page's short texts ('Share', 'Home', '더보기') recur on it
    and across a site's pages, and the label loop below asks about every one (half of its time, measured)."""
    kind = _LABEL_KINDS.get(name, _UNKNOWN)
    if kind is _UNKNOWN:
        if len(_LABEL_KINDS) > MAX_LABEL_KINDS:
            _LABEL_KINDS.clear()
        kind = _LABEL_KINDS[name] = classify_date_label(name)
    return kind


def _read_label_pairs(root: etree._Element, got: _Collected) -> None:
    """Fields written as a label element and its value (see _LABEL_TAGS), in both languages."""
    for n, el in enumerate(root.iter(*_LABEL_TAGS)):
        if n >= MAX_LABEL_ELEMENTS:
            return
        name = (el.text or "").strip()
        if not name or len(name) > MAX_PAIR_LABEL_CHARS:
            continue  # a label is a short run of text
        inline = _INLINE_COUNT.match(name) if not len(el) else None
        if inline and _VIEW_LABEL.match(inline["label"]):
            name, value = inline["label"], inline["value"]
        elif _label_kind(name) is None and not _VIEW_LABEL.match(name):
            continue
        else:
            # '<p class="date">발행일 <span class="num">2025.04.03. 11:36</span></p>': the value inside, after the label
            value = text_content(el)[len(el.text):] if len(el) else _value_after(el)
        value = _WS.sub(" ", value).strip(" :：")
        if value and not _hidden(el) and not in_site_footer(el):
            _labelled(got, name.rstrip(" :："), value, table=False)


def _spans_to_events(got: _Collected) -> None:
    """Two sibling date elements giving one day at two clock times ('<div id="formatDateA">11/2/2017 9:00
    AM</div><div id="formatDateB">11/2/2017 12:00 PM</div>') are an event's start and end: the page is an
    event's, and they date the event. (A posting and its edit are labelled or classed so, and go to modified.)"""
    pairs = zip(got.class_dates, got.class_dates[1:], got.class_boxes, got.class_boxes[1:])
    if any(a.has_time and b.has_time and a.value.date() == b.value.date() and a.value < b.value
           and box_a.getparent() is box_b.getparent() for a, b, box_a, box_b in pairs):
        got.events.extend(got.class_dates)
        got.class_dates.clear()
        got.is_event = True


MAX_DATE_SCAN_NODES = 20 * MAX_DATE_ELEMENT_SCAN  # nodes (elements, comments) looked at, in document order
_NOT_DATE_ELEMENTS = frozenset({"time", "script", "style", "meta", "a", "option"})  # read elsewhere, or no page date
# _DATE_CLASS without re.IGNORECASE, for lower-cased ASCII words: the same matches at half the cost (a
# case-insensitive alternation folds every character it tries). Non-ASCII words keep _DATE_CLASS, whose
# IGNORECASE also takes U+0130, U+0131, U+017F and U+212A for ASCII letters.
_DATE_CLASS_LOWER = re.compile(_DATE_CLASS.pattern)


_DATE_NAMES: dict[str, bool] = {}  # class-and-id strings recur on a page and across a site's pages
MAX_DATE_NAMES = 50_000  # the cache is emptied past this (a long run sees many names)


def _names_a_date(words: str) -> bool:
    """_DATE_CLASS.search(words), faster (and once per distinct name)."""
    return remembered(_DATE_NAMES, words, MAX_DATE_NAMES, _read_names_a_date)


def _read_names_a_date(words: str) -> bool:
    return bool(_DATE_CLASS_LOWER.search(words.lower()) if words.isascii() else _DATE_CLASS.search(words))


def _read_date_elements(named: list[NamedElement], got: _Collected) -> None:
    """Elements whose class or id says 'date' and whose text is a date ('<span class="post-date">12.
    September 2013</span>', '<p class="date">등록일 2025.06.05</p>'), the first few in document order;
    one in an event's box dates the event, one in a teaser or comment another story. named: _named_elements(root)."""
    seen = 0
    for n, el, classes, ident, _ in named:
        if n >= MAX_DATE_SCAN_NODES or seen >= MAX_DATE_ELEMENTS:
            return
        if el.tag in _NOT_DATE_ELEMENTS or not (classes or ident):
            continue
        words = f"{classes} {ident}"
        if len(words) < 5:
            continue
        names_date = _DATE_NAMES.get(words)  # _names_a_date's cache read here: the call was a fifth of this loop
        if not (_names_a_date(words) if names_date is None else names_date):
            continue
        text = _WS.sub(" ", text_content(el)).strip()
        if not text or len(text) > MAX_DATE_ELEMENT_CHARS:
            continue
        label, found = _split_label(text, got.day_first)
        if found is None or _hidden(el):
            continue
        kind = classify_date_label(label) if label else None
        ancestry = words + " " + " ".join(f"{a.get('class') or ''} {a.get('id') or ''}" for a in el.iterancestors())
        if _OTHER_STORIES_CLASS.search(ancestry) or any(a.tag in _OFF_ARTICLE_TAGS for a in el.iterancestors()):
            continue  # a teaser's, a comment's or a sidebar calendar's date
        if kind == "event" or _EVENT_CLASS.search(ancestry):
            target = got.events
        elif kind == "modified" or (kind is None and re.search(r"updat|modif", words, re.IGNORECASE)
                                    and not re.search(r"publish|post|entry-date", words, re.IGNORECASE)):
            target = got.class_modified  # hAtom's 'entry-date published updated' is the posting date
        elif kind in (None, "published", "generic"):
            target = got.class_dates
        else:
            continue
        if any(d.value == found.value for d in target):
            continue  # the same date its box gave already (div.entry-meta > span.post-date)
        seen += 1
        target.append(found)
        if target is got.events:
            got.is_event = True
        elif target is got.class_dates:
            got.class_boxes.append(el)


# What follows the first day of a period that is still open ('..., to present', '– now', '~ 현재', '부터'): no day of the page.
_OPEN_PERIOD = re.compile(r"^[\s,.]*(?:(?:to|until|till|through|thru|[-–—~∼])\s*(?:the\s+)?(?:present|now|today|date|현재)\b|"
                          r"onwards?\b|부터|이후|~\s*$)", re.IGNORECASE)


def _split_label(text: str, day_first: bool | None = None) -> tuple[str, MarkupDate | None]:
    """'Posted on March 3, 2024' -> ('Posted on', its date); '2025.06.05' -> ('', its date)."""
    found, end = parse_date(text, day_first)
    if found is None:
        return "", None
    head = text[:end]
    # the date must take up the text, after a short label: 'Posted on', '등록일', 'Updated:'
    first_digit = re.search(r"\d", head)
    label = text[:first_digit.start()] if first_digit else ""
    month_first = re.search(r"[A-Za-z]{3,}\.?\s+\d", head)
    if month_first and month_first.start() < (first_digit.start() if first_digit else len(head)):
        label = text[:month_first.start()]
    label = label.strip(" :：|,-–").strip()
    if len(label) > 25 or len(text) - end > 25:
        return label, None
    if re.search(r"\d", text[end:]) and parse_date(text[end:], day_first)[0] is not None:
        return label, None  # two dates: a period ('2025.06.01 ~ 2025.06.30'), not a day
    if _OPEN_PERIOD.match(text[end:]):
        return label, None  # 'Monday, November 22, 2021, to present', '2024.03.01 ~ 현재': a period's start
    return label, MarkupDate(found, "byline", bool(re.search(r"\d:\d{2}|\d\s*시", head)), False)


def _copyright_texts(root: etree._Element) -> list[str]:
    """The first MAX_SITE_MARKS text nodes (scripts' included, as XPath's //text()) holding '©', 'opyright',
    'COPYRIGHT', '(c)' or '(C)', in document order. itertext with substring tests: measured 2.5 times
    faster than an XPath of five contains(), which converts every text node five times and reads to the end."""
    found = []
    for text in root.itertext():
        if "©" in text or "opyright" in text or "COPYRIGHT" in text or "(c)" in text or "(C)" in text:
            found.append(text)
            if len(found) == MAX_SITE_MARKS:
                break
    return found


_COPYRIGHT_WORDS = re.compile(r"copyright|©|\([cC]\)|all rights reserved\.?|alle rechte vorbehalten\.?|"
                              r"(?:19|20)\d{2}(?:\s*[-–~]\s*(?:19|20)?\d{2,4})?|by|\bthe\b", re.IGNORECASE)
MAX_SITE_MARK_CHARS = 60  # 'Public Building Commission of Chicago': a name, not a sentence
MAX_SITE_MARKS = 4
# A link to the site's root: '/', './', '/index.do', 'https://www.example.org/' (no query, no fragment).
_ROOT_HREF = re.compile(r"^(?:(?:https?:)?//[^/?#]+/?|\.?/)(?:(?:index|main|default)\.\w+)?$", re.IGNORECASE)
_HOME_WORD = re.compile(r"^(?:home|홈|처음|메인|main|logo|로고|home ?page|홈페이지)$", re.IGNORECASE)
MAX_LOGO_LINK = 60  # the logo is among a page's first links


def _site_mark(text: str | None) -> str | None:
    value = _clean(text)
    if not value:
        return None
    value = _WS.sub(" ", _COPYRIGHT_WORDS.sub(" ", value)).strip(" .,:;|-–")
    if not value or len(value) > MAX_SITE_MARK_CHARS or len(value.split()) > 8 or value.endswith(("다", ".")):
        return None
    return value


def _read_site_marks(root: etree._Element, got: _Collected) -> None:
    """The site's name as its chrome writes it: the copyright holder in the footer, the logo link's text or
    image to the site's root ('<a href="/"><img alt="열린 아카이브 KTV 나누리"></a>')."""
    for text in _copyright_texts(root):
        # the footer's line starts with the mark and gives a year or 'All rights reserved' ('© 2024 ...',
        # 'Copyright © ...'); a caption's '&copy;이마음' or a credit '© Stephan Höferer' names a photographer
        if len(text) <= 2 * MAX_SITE_MARK_CHARS and re.match(r"\s*(?:©|copyright|\(c\))", text, re.IGNORECASE) \
                and re.search(r"(?:19|20)\d{2}|rights reserved|rechte vorbehalten", text, re.IGNORECASE):
            mark = _site_mark(re.split(r"©|copyright|\([cC]\)", text, maxsplit=1, flags=re.IGNORECASE)[-1])
            if mark and mark not in got.site_marks:
                got.site_marks.append(mark)
    for n, link in enumerate(root.iter("a")):
        if n >= MAX_LOGO_LINK:
            break
        if not _ROOT_HREF.match((link.get("href") or "").strip()):
            continue
        # the first link to the site's root is its logo; later ones are 'Home' in menus and breadcrumbs
        image = next(link.iter("img"), None)
        mark = _site_mark(image.get("alt") if image is not None else text_content(link))
        if mark and len(mark) >= 2 and not _HOME_WORD.match(mark) and mark not in got.site_marks:
            got.site_marks.append(mark)
        break


def _read_links(root: etree._Element, got: _Collected) -> None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and _URL.match((link.get("href") or "").strip()):
            got.canonical = (link.get("href") or "").strip()
            return


def _read_og_url(root: etree._Element, got: _Collected) -> None:
    """The first og:url the page declares as a URL (in property=, name= or itemprop=, any case), read once, before the
    other meta tags: with no canonical link it is the page's own URL, which says how its country writes dates."""
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if _URL.match(content) and any((meta.get(attribute) or "").strip().lower() == "og:url"
                                       for attribute in ("property", "name", "itemprop")):
            got.og_url = content
            return


def _lang(root: etree._Element) -> str:
    return (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip().lower()


def _language(root: etree._Element) -> str | None:
    primary = re.split(r"[-_]", _lang(root))[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def markup_metadata(root: etree._Element | None) -> MarkupMetadata:
    """Everything the markup of a parsed page says about its title, site, URL, dates and authors.

    Never raises on odd markup (broken JSON-LD is skipped); None (no markup) gives an empty record.
    """
    if root is None:
        return MarkupMetadata()
    got = _Collected()
    _read_links(root, got)  # first: the page's own URL says how its country writes dates (dates.writes_day_first)
    _read_og_url(root, got)
    got.day_first = writes_day_first(_lang(root), got.canonical or got.og_url)
    _read_json_ld(root, got)
    _read_meta(root, got)
    _read_microdata(root, got)
    _read_time_elements(root, got)
    _read_field_tables(root, got)
    _read_title_row(root, got)
    _read_record_row(root, got)
    _read_label_pairs(root, got)
    named = _named_elements(root)
    _read_date_elements(named, got)
    _read_site_marks(root, got)
    _read_closing_date(root, got)
    title_el = root.find(".//title")
    if title_el is not None:
        got.title("html_title", text_content(title_el))
    _read_path_section(root, got, named)
    rank = {source: i for i, source in enumerate(("json_ld", "opengraph", "microdata", "meta", "html_title"))}
    titles = sorted(got.titles, key=lambda t: rank[t[0]])  # stable: within a source, document order

    def by_rank(dates: list[MarkupDate]) -> tuple[MarkupDate, ...]:
        return tuple(sorted(dates, key=lambda d: DATE_SOURCE_RANK[d.source]))

    url = got.canonical or got.og_url
    _spans_to_events(got)
    is_event = got.is_event or bool(_EVENT_URL.search(url or ""))
    board = got.board
    if board.department is None and got.body_in_charge:
        board = replace(board, department=got.body_in_charge)
    if got.generic_dates and not is_event and board.published_at is None:
        board = replace(board, published_at=got.generic_dates[0].value)  # 'Date: 2025-06-05' on an article
    events = got.events + (got.generic_dates if is_event else [])
    # a date element ranks after every markup field: its class is evidence, not a statement
    published = by_rank(got.published + ([] if is_event else got.page_published)) + tuple(got.class_dates)
    modified = by_rank(got.modified) + tuple(got.class_modified)
    return MarkupMetadata(titles=tuple(titles), site_names=tuple(got.site_names),
                          canonical_url=url, published=published,
                          modified=modified, authors=tuple(dict.fromkeys(got.authors)),
                          section=got.section, board_title=got.board_title, record_name=got.record_name, board=board,
                          language=_language(root), events=tuple(events), other_dates=tuple(got.other_dates + got.closing_dates),
                          url_date=None if is_event else parse_url_date(url), is_event=is_event,
                          site_marks=tuple(got.site_marks), day_first=got.day_first,
                          path_section=got.heading_section or got.path_section)


# A path the page marks as its breadcrumb ('<ol class="breadcrumb">', 'soi-page-breadcrumb', '<div class="crumbs">'):
# a name, not its look (html.py reads paths by their separators and root words).
_CRUMB_NAME = re.compile(r"bread_?crumb|(?:^|[-_\s])crumbs?(?:$|[-_\s])", re.IGNORECASE)
_CRUMB_SEPARATOR = re.compile(r"\s*[>›»/|]\s*")
_CURRENT_STEP = re.compile(r"(?:^|[-_\s])(?:active|current|last)(?:$|[-_\s])|currentnode", re.IGNORECASE)
_FOLDER_STEP = re.compile(r"^[\d\W_]+$")  # '2018', '07': an archive's year and month folders, no section's name
MAX_CRUMB_SCAN_NODES = 4000  # elements looked at for a marked path, in document order: it sits near the top
# A site's home step: named with the site ('EUR-Lex home'), or in another language ('Startseite', 'Portada', 'Accueil').
_HOME_STEP = re.compile(r"\shome$|^홈\s|\s홈$|^(?:startseite|portada|inicio|accueil)$", re.IGNORECASE)
MAX_SECTION_STEP_WORDS = 5  # 'News & Media', 'Press Releases', '보도자료': a section's name is a few words


def _visible_pieces(el: etree._Element) -> Iterator[str]:
    """The text of el and its descendants a reader sees (hidden boxes, scripts and nested lists left out)."""
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and not hidden_rule(child, tag_of(child)) and child.tag not in ("ul", "ol"):
            yield from _visible_pieces(child)
        if child.tail:
            yield child.tail


def _step_text(el: etree._Element) -> str:
    return _WS.sub(" ", "".join(_visible_pieces(el))).strip(" >›»/|·\t\n")


# (its position among the page's nodes in document order, the element, its class, id and aria-label, '' when absent)
NamedElement = tuple[int, etree._Element, str, str, str]
MAX_NAMED_SCAN_NODES = max(MAX_DATE_SCAN_NODES, MAX_CRUMB_SCAN_NODES)


def _named_elements(root: etree._Element) -> list[NamedElement]:
    """The elements among the page's first MAX_NAMED_SCAN_NODES nodes (root.iter(): elements, comments, processing
    instructions) that have a class, an id or an aria-label, in document order. The date elements' scan and the
    marked path's read nothing else of the others: one walk over the tree for both (each walked it in Python)."""
    named = []
    for n, el in enumerate(root.iter()):
        if n >= MAX_NAMED_SCAN_NODES:
            break
        if el.tag.__class__ is str:
            classes, ident, label = el.get("class"), el.get("id"), el.get("aria-label")
            if classes or ident or label:
                named.append((n, el, classes or "", ident or "", label or ""))
    return named


def _marked_path(named: list[NamedElement]) -> list[tuple[str, bool]]:
    """The steps of the first path the page marks as its breadcrumb (_CRUMB_NAME), each with whether it is the page's
    own (no link, and marked current or active or the last while every other step is a link), in reading order.
    named: _named_elements(root)."""
    for n, el, classes, ident, label in named:
        if n >= MAX_CRUMB_SCAN_NODES:
            return []
        if el.tag in ("html", "body", "script", "style", "meta", "link"):
            continue
        words = f"{classes} {ident} {label}"
        # every _CRUMB_NAME match holds 'crumb', and only ASCII letters fold to its letters under IGNORECASE (U+0130,
        # U+0131, U+017F and U+212A fold to i, s and k): the substring test first, the search on a few elements
        if len(words) < 6 or "crumb" not in words.lower() or not _CRUMB_NAME.search(words) or _hidden(el):
            continue
        items = [item for item in el.iter("li") if not hidden_rule(item, "li")]
        if not items:  # each text node a step, or the steps one node's separators part
            return [(step.strip(), False) for piece in _visible_pieces(el) for step in _CRUMB_SEPARATOR.split(piece)
                    if norm(step)]
        # a step marked current that links elsewhere is the section the page sits in (SharePoint's 'CurrentNode' on
        # 'Events'); the page's own step is no link: marked current, or the last one when every other is a link
        steps = [(_step_text(item), bool(_CURRENT_STEP.search(item.get("class") or "") or item.get("aria-current")),
                  bool(item.findall(".//a[@href]"))) for item in items]
        steps = [step for step in steps if norm(step[0])]
        last_alone = len(steps) > 1 and all(linked for _, _, linked in steps[:-1])
        return [(text, not linked and (current or (last_alone and n == len(steps) - 1)))
                for n, (text, current, linked) in enumerate(steps)]
    return []


def _json_ld_path(root: etree._Element) -> list[tuple[str, bool]]:
    """The steps of a JSON-LD BreadcrumbList, by position; an item with no link of its own is the page's."""
    for obj in _json_ld_objects(root):
        crumbs = obj.get("breadcrumb") if isinstance(obj.get("breadcrumb"), dict) else obj
        if "breadcrumblist" not in _types(crumbs):
            continue
        items = [item for item in crumbs.get("itemListElement") or [] if isinstance(item, dict)]
        items.sort(key=lambda item: item.get("position") if isinstance(item.get("position"), int) else 0)
        return [(name, not item.get("item")) for item in items if (name := _clean(item.get("name") or (
            item.get("item") or {}).get("name") if isinstance(item.get("item"), dict) else item.get("name")))]
    return []


def crumb_section(steps: list[tuple[str, bool]], titles: list[str]) -> str | None:
    """The section a page's marked path names: its innermost step before the page's own, which is left out when marked
    current or when it is the page's headline (one of titles, or cut short with '…'); the site's root ('Home', '홈'),
    a label ('Sie sind hier:'), the navigation's name ('Breadcrumb') and an archive's year or month folders name none.

    >>> crumb_section([("Home", False), ("News", False), ("News Releases", False), ("Paxton Sues Snapchat", False)],
    ...              ["Paxton Sues Snapchat"])
    'News Releases'
    """
    names = [(text, current) for text, current in steps if not text.endswith(":") and not NAVIGATION_LABEL.match(text)]
    if names and (names[-1][1] or names[-1][0].rstrip().endswith(("…", "...")) or any(
            same_title(names[-1][0], title) for title in titles)):
        names = names[:-1]
    names = [(text, current) for text, current in names if not _FOLDER_STEP.match(text)]
    # the site's root ('Home', '홈', 'EUR-Lex home') and the portal steps before it ('EUROPA > EUR-Lex home') are no section
    roots = [n for n, (text, _) in enumerate(names) if BREADCRUMB_ROOT.match(text) or _HOME_STEP.search(text)]
    names = names[roots[-1] + 1:] if roots else names
    if not names:
        return None
    section = names[-1][0]
    return section if len(section.split()) <= MAX_SECTION_STEP_WORDS and len(section) <= MAX_SECTION_VALUE_CHARS else None


def _read_path_section(root: etree._Element, got: _Collected, named: list[NamedElement]) -> None:
    """The section the page's marked breadcrumb names (its HTML, else its JSON-LD BreadcrumbList): shown_section.
    named: _named_elements(root)."""
    h1 = root.find(".//h1")
    h1_text = _step_text(h1) if h1 is not None else None
    titles = [text for _, text in got.titles] + ([h1_text] if h1_text is not None else [])
    got.heading_section = _heading_box_section(h1, h1_text, [text for _, text in got.titles], got.day_first)
    for steps in (_marked_path(named), _json_ld_path(root)):
        section = crumb_section(steps, titles)
        if section:
            got.path_section = section
            return


# A class that names the section a headline belongs to ('ep-layout_category', 'post-category', 'news-categories').
_CATEGORY_CLASS = re.compile(r"categor(?:y|ies)", re.IGNORECASE)
# A date line that names the post's kind after a bar ('February 11, 2026 | Press Release').
_DATED_KIND = re.compile(r"^(?P<date>[^|]{6,40}?)\s+\|\s+(?P<kind>[^\W\d_][^|\d]{1,38})$")
MAX_HEADING_BOX_ELEMENTS = 60  # elements of the headline's box looked at: a title, a kicker, a byline or two


MIN_SHARED_TITLE_WORDS = 0.6  # 'Parliament paves way for ...' under <title> 'EP paves way for ... | News': most words
_TITLE_TAIL = re.compile(r"\s+[|｜]\s+|\s+[-–—]\s+")  # where a <title>'s headline ends and the site's parts begin


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _names_a_title(text: str, titles: list[str]) -> bool:
    """True when a heading and the headline part of one of the markup's titles share most of each other's words (the
    headline, perhaps worded a little apart: 'Parliament paves way ...' for 'EP paves way ... | News | European
    Parliament'); a site's name in its <h1> shares few."""
    words = _words(text)
    for title in titles:
        head = _words(_TITLE_TAIL.split(title)[0])
        shared = len(words & head)
        if words and head and shared >= MIN_SHARED_TITLE_WORDS * max(len(words), len(head)):
            return True
    return False


def _heading_box_section(h1: etree._Element | None, h1_text: str | None, titles: list[str],
                         day_first: bool | None) -> str | None:
    """The section a line in the headline's own box names (the box that holds the first <h1>, h1, whose visible text
    is h1_text): an element classed a category ('<div class="ep-layout_category">Press Releases</div>' under the
    <h1>), or a date line that names the post's kind after a bar ('February 11, 2026 | Press Release' above it). One
    short name, no link (a link classed so
    goes to a list of posts, or is a control: '카테고리 이동'). The <h1> must be the page's headline (one of titles, the
    markup's): a site's <h1> holds its name, and its box is the site's header."""
    box = h1.getparent() if h1 is not None else None
    if box is None or _hidden(h1) or not _names_a_title(h1_text, titles):
        return None
    around = set(h1.iterancestors())  # the box itself: it holds the headline too
    for n, el in enumerate(box.iter()):
        if n >= MAX_HEADING_BOX_ELEMENTS:
            return None
        if not isinstance(el.tag, str) or el is h1 or el in around or el.tag in ("script", "style") or h1 in el.iterancestors() \
                or hidden_rule(el, tag_of(el)):
            continue
        if "|" not in text_content(el) and not _CATEGORY_CLASS.search(el.get("class") or ""):
            continue  # neither test below can hold (a dated kind's line has a bar): its visible text is not read
        text = _step_text(el)
        if not text or len(text) > MAX_SECTION_VALUE_CHARS + 40 or len(el.findall(".//a")) > 1:
            continue
        if _CATEGORY_CLASS.search(el.get("class") or "") and el.tag != "a" and el.find(".//a") is None \
                and len(text.split()) <= MAX_SECTION_STEP_WORDS \
                and len(text) <= MAX_SECTION_VALUE_CHARS and not re.search(r"\d|[:：]|[.!?]$", text):  # no 'Tags: ...' field
            return text
        dated = _DATED_KIND.match(text)
        if dated and len(dated["kind"].split()) <= MAX_SECTION_STEP_WORDS:
            found, end = parse_date(dated["date"], day_first)
            if found is not None and end >= len(dated["date"].strip()) - 1:
                return dated["kind"].strip()
    return None


def json_ld_object_types(root: etree._Element | None) -> list[frozenset[str]]:
    """The schema.org types (lower-cased) of each object in the page's JSON-LD, object by object
    ({'newsarticle'}, {'event'}, {'webpage'}): page kinds count the objects that name an item."""
    if root is None:
        return []
    return [frozenset(_types(obj)) for obj in _json_ld_objects(root)]
