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
from lxml import etree

from cityclips.transforms.dates import parse_markup_date
from cityclips.transforms.dom import text_content
from cityclips.transforms.metadata import merge_fields, parse_field
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
# Sources in the order their dates are trusted: an article object's own field first, a stray <time> last.
DATE_SOURCE_RANK = {"json_ld": 0, "microdata": 1, "opengraph": 2, "meta": 3, "time": 4}
MAX_TITLE_CHARS = 400  # a headline; longer 'titles' are descriptions put in the wrong field
MAX_TIME_ELEMENTS = 5  # the article's own <time> comes early; later ones date comments and teasers
# <time> in these belongs to other stories or to the site, not the article.
_OFF_ARTICLE_TAGS = frozenset({"aside", "nav", "footer"})
# ... and <time> in an event's box dates the event (a meeting, a festival), not the page.
_OFF_ARTICLE_CLASS = re.compile(r"related|sidebar|comment|recommend|popular|most-?read|teaser|widget|"
                                r"event|calendar|schedule|agenda", re.IGNORECASE)
MAX_FIELD_LABEL_CHARS = 12  # '등록일', '담당부서', 'Date posted': a field label is a word or two
MAX_FIELD_VALUE_CHARS = 300  # a field's value is short; a longer cell is content laid out in a table
_BOARD_TITLE_LABEL = re.compile(r"^(?:제\s?목|title|subject)$", re.IGNORECASE)
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


def _date(text: str | None, source: str) -> MarkupDate | None:
    parsed = parse_markup_date(text)
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
        self.board = MetadataFields()

    def title(self, source: str, text: object) -> None:
        value = _clean(text)
        if value and len(value) <= MAX_TITLE_CHARS and (source, value) not in self.titles:
            self.titles.append((source, value))

    def site_name(self, text: object) -> None:
        value = _clean(text)
        if value and value not in self.site_names:
            self.site_names.append(value)

    def date(self, target: list[MarkupDate], text: object, source: str) -> None:
        found = _date(text, source) if isinstance(text, str) else None
        if found:
            target.append(found)


def _read_json_ld(root: etree._Element, got: _Collected) -> None:
    articles, pages = [], []
    for obj in _json_ld_objects(root):
        types = _types(obj)
        if types & ARTICLE_TYPES:
            articles.append(obj)
        elif types & PAGE_TYPES:
            pages.append(obj)
        elif types & SITE_TYPES:
            got.site_name(obj.get("name"))
        for key in ("publisher", "isPartOf"):
            part = obj.get(key)
            if isinstance(part, dict) and (key == "publisher" or _types(part) & SITE_TYPES):
                got.site_name(part.get("name"))
    for obj in articles + pages:  # an article's fields first; a WebPage's only to fill gaps
        is_article = obj in articles
        got.title("json_ld", obj.get("headline") or (obj.get("name") if is_article else None))
        got.date(got.published, obj.get("datePublished") or obj.get("dateCreated"), "json_ld")
        got.date(got.modified, obj.get("dateModified"), "json_ld")
        got.authors.extend(("json_ld", name) for name in _names(obj.get("author")))
        got.section = got.section or _first_text(obj.get("articleSection"))
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
            elif key == "og:url" and _URL.match(content.strip()):
                got.og_url = got.og_url or content.strip()


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
        target = got.modified if re.search(r"updat|modif|수정", words) else got.published
        got.date(target, el.get("datetime"), "time")


def _value_cell(label: etree._Element) -> etree._Element | None:
    cell = label.getnext()
    while cell is not None and not isinstance(cell.tag, str):  # a comment between th and td
        cell = cell.getnext()
    return cell if cell is not None and cell.tag in ("td", "dd") else None


def _read_field_tables(root: etree._Element, got: _Collected) -> None:
    """'th : td' and 'dt : dd' pairs whose label names a metadata field (등록일, 작성자, 조회수, 담당부서 ...)."""
    for label in root.iter("th", "dt"):
        name = _WS.sub(" ", text_content(label)).strip(" :：\t\n")
        cell = _value_cell(label)
        if cell is None:
            # a title row written in one cell: '<th colspan="4">제 목 : 관광산업 ... 공고</th>'
            inline = _INLINE_TITLE.match(name)
            if inline and len(name) <= MAX_FIELD_VALUE_CHARS:
                got.board_title = got.board_title or inline["value"].strip(" :：") or None
            continue
        if not name or len(name) > MAX_FIELD_LABEL_CHARS:
            continue
        value = _WS.sub(" ", text_content(cell)).strip()
        if not value or len(value) > MAX_FIELD_VALUE_CHARS:
            continue
        if _BOARD_TITLE_LABEL.match(name):
            got.board_title = got.board_title or value
        elif (fields := parse_field(name, value)) is not None:
            got.board = merge_fields(got.board, fields)


def _read_links(root: etree._Element, got: _Collected) -> None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and _URL.match((link.get("href") or "").strip()):
            got.canonical = (link.get("href") or "").strip()
            return


def _language(root: etree._Element) -> str | None:
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip().lower()
    primary = re.split(r"[-_]", lang)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def markup_metadata(root: etree._Element | None) -> MarkupMetadata:
    """Everything the markup of a parsed page says about its title, site, URL, dates and authors.

    Never raises on odd markup (broken JSON-LD is skipped); None (no markup) gives an empty record.
    """
    if root is None:
        return MarkupMetadata()
    got = _Collected()
    _read_json_ld(root, got)
    _read_meta(root, got)
    _read_microdata(root, got)
    _read_time_elements(root, got)
    _read_links(root, got)
    _read_field_tables(root, got)
    title_el = root.find(".//title")
    if title_el is not None:
        got.title("html_title", text_content(title_el))
    rank = {source: i for i, source in enumerate(("json_ld", "opengraph", "microdata", "meta", "html_title"))}
    titles = sorted(got.titles, key=lambda t: rank[t[0]])  # stable: within a source, document order

    def by_rank(dates: list[MarkupDate]) -> tuple[MarkupDate, ...]:
        return tuple(sorted(dates, key=lambda d: DATE_SOURCE_RANK[d.source]))

    return MarkupMetadata(titles=tuple(titles), site_names=tuple(got.site_names),
                          canonical_url=got.canonical or got.og_url, published=by_rank(got.published),
                          modified=by_rank(got.modified), authors=tuple(dict.fromkeys(got.authors)),
                          section=got.section, board_title=got.board_title, board=got.board,
                          language=_language(root))


def json_ld_object_types(root: etree._Element | None) -> list[frozenset[str]]:
    """The schema.org types (lower-cased) of each object in the page's JSON-LD, object by object
    ({'newsarticle'}, {'event'}, {'webpage'}): page kinds count the objects that name an item."""
    if root is None:
        return []
    return [frozenset(_types(obj)) for obj in _json_ld_objects(root)]
