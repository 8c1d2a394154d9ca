"""Typed records passed between the pure stages.

RawPage -> DecodedPage -> list[Block] -> CleanPage -> Document (with Segment, Attachment, Quote,
RemovedLine) or Reject. The fields here are the contract between stages; the pyarrow schemas in
warehouse/schemas.py are the contract with users.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class InputFile:
    """An input file found on disk (not yet read)."""

    path: str  # absolute path on disk
    # relative to the input folder (or the common parent of several), '/'-separated, stored as
    # transforms.paths.path_text: the stable identity of the page
    source_path: str
    source_format: str  # 'text' | 'html'
    size: int
    mtime_ns: int
    # A page inside a WARC archive: path is the archive, warc_offset the record's byte offset (-1 for
    # a plain file), and the record's URL, fetch time (UTC) and HTTP status and Content-Type.
    warc_offset: int = -1
    url: str | None = None
    fetched_at: datetime | None = None
    http_status: int | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class RawPage:
    """Bytes of one input file, exactly as read."""

    source_path: str  # relative to the input root, '/'-separated
    data: bytes
    source_format: str  # 'text' | 'html'
    size: int = -1  # the file's full size when only its head was read (over the size limit); else -1
    url: str | None = None  # where the page was fetched from (a WARC record's target URI), if known
    fetched_at: datetime | None = None  # when it was fetched (UTC), if known
    http_status: int | None = None  # the HTTP status of the fetch, if known
    content_type: str | None = None  # the HTTP Content-Type header, charset included, if known

    @property
    def source_bytes(self) -> int:
        return max(self.size, len(self.data))


@dataclass(frozen=True)
class DecodedPage:
    """A page decoded to str with newlines normalised."""

    source_path: str
    source_format: str
    text: str
    encoding: str  # e.g. 'utf-8', 'utf-8-sig', 'cp949'
    replaced_chars: int  # bytes that could not be decoded and became U+FFFD
    encoding_confidence: float = 1.0  # 1.0 for a BOM, valid UTF-8 or a clean declaration; else the detector's
    explained: bool = True  # False when no encoding explains the bytes (the page is rejected as undecodable)
    nul_chars: int = 0  # NUL characters removed from the text


@dataclass(frozen=True)
class Block:
    """One logical line of a page, from a text dump line or an HTML block element.

    hint says what the source markup says it is: 'line' (text dump), 'p', 'heading', 'li',
    'caption', 'cell' (table row), 'title' (HTML <title>/<h1>).
    """

    line_no: int  # 1-based line number (text) or block ordinal (HTML)
    text: str
    hint: str = "line"
    depth: int = 0  # list nesting from markup (HTML ul/ol nesting, text indentation)
    marker: str = ""  # list marker given by markup ('•' for ul, '1.' for ol), '' if none
    blank_before: bool = False  # a blank line (or block boundary) precedes this one
    # Where the block sits in the page's DOM (HTML only; '' for text dumps): its ancestors' tags and
    # classes, digits masked, e.g. 'body/div.wrap/div.content/p'. Chrome recurs at the same path on
    # a site's pages, so template detection and the content region both read it.
    dom_path: str = ""
    # '' for a block of the page's main content (and every text-dump line); else the rule that keeps
    # it out of the body ('outside_region': outside the HTML page's main-content region). Cleaning
    # may still read a title, a date or an attachment from such a block, never body text.
    excluded_by: str = ""
    # How the markup sets the block (HTML only; False for text dumps): bold when all its visible text lies
    # inside <strong>/<b> or an inline 'font-weight: bold|600-900' ('<p><strong>□ 추진 배경</strong></p>'), centred
    # when a <center>, an align="center" or 'text-align: center' box holds it. Evidence for segment's bold
    # headings, never a verdict: a bold lead sentence or a bold 'Contact:' is no heading.
    bold: bool = False
    centered: bool = False


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner took out of the body, and the rule or signal that took it."""

    line_no: int
    text: str
    rule: str


@dataclass(frozen=True)
class Attachment:
    """A file a page lists: its name as shown, and where on the page it was read."""

    ordinal: int
    name: str
    extension: str
    size_bytes: int | None
    downloads: int | None
    url: str | None = None  # the link's target, made absolute against the page's URL when that is known
    # Where it was read: 'link_text' (a link whose text is the file name), 'link_target' (a link to a document
    # shown as a download, named by its title or URL), 'text_line' (a line such as '1.jpg[size: 783.2 KB]'),
    # 'field_row' (inside a metadata row: '첨부 : 현황.xls [size: 1.32 MB]').
    source: str = "text_line"
    withheld: bool | None = None  # True when the page lists the file but says it is not public ('비공개 문서')


@dataclass(frozen=True)
class Metadata:
    """Fields parsed from the page's markup and from the chrome around an article.

    Each *_source says where its field came from: 'json_ld', 'microdata', 'opengraph', 'meta'
    (name=date, Dublin Core, author), 'time' (<time datetime>), 'html_title', 'heading' (the
    visible headline), 'board_table' (a 'th : td' row or dl field list), 'byline' ('입력 ...',
    'By ...'), 'text_line' (a text dump's metadata line); None when the field is empty.
    """

    title: str | None = None
    category: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    view_count: int | None = None
    contact_department: str | None = None
    contact_phone: str | None = None
    attachments: tuple[Attachment, ...] = ()
    modified_at: datetime | None = None
    department: str | None = None  # the registering or responsible department (등록부서, 담당부서)
    site_name: str | None = None  # og:site_name, the JSON-LD publisher or WebSite name
    canonical_url: str | None = None  # <link rel="canonical"> or og:url
    title_source: str | None = None
    author_source: str | None = None
    published_at_source: str | None = None
    modified_at_source: str | None = None
    department_source: str | None = None
    # When the event the page announces takes place (a meeting, a course, a festival): its start, from a
    # JSON-LD Event or a labelled field ('Meeting Date', '행사일시'); published_at stays when the page was posted.
    event_at: datetime | None = None
    event_at_source: str | None = None


@dataclass(frozen=True)
class MetadataFields:
    """Fields of one metadata line or field list ('작성자 : 대변인실 등록일 : 2022-03-14 조회 : 3208')."""

    author: str | None = None
    published_at: datetime | None = None
    view_count: int | None = None
    modified_at: datetime | None = None
    department: str | None = None
    phone: str | None = None

    @property
    def found(self) -> int:
        """How many of the fields that make a line metadata (author, dates, views) it gave."""
        return sum(value is not None for value in (self.author, self.published_at, self.view_count, self.modified_at))


@dataclass(frozen=True)
class MarkupDate:
    """A date the markup states, with where it was read."""

    value: datetime  # wall-clock time in the offset the page gave (no zone)
    source: str  # json_ld, microdata, opengraph, meta, time
    has_time: bool  # False when the markup gave a day only
    utc: bool  # True when the page gave it in UTC ('Z', +00:00): the site's local time may differ


@dataclass(frozen=True)
class MarkupMetadata:
    """What a page's markup (JSON-LD, OpenGraph, meta tags, <time>, canonical link) says about it.

    Read from the parsed tree before any element is removed. Candidates are kept in rank order so
    that the visible page can confirm or overrule them (transforms/reconcile.py).
    """

    titles: tuple[tuple[str, str], ...] = ()  # (source, text), best first; <title> last
    site_names: tuple[str, ...] = ()  # names the site gives itself (og:site_name, publisher, WebSite)
    canonical_url: str | None = None
    published: tuple[MarkupDate, ...] = ()  # best first
    modified: tuple[MarkupDate, ...] = ()
    authors: tuple[tuple[str, str], ...] = ()  # (source, name)
    section: str | None = None  # article:section, JSON-LD articleSection
    # A board's field table (<th>등록일</th><td>...</td>, <dt>작성자</dt><dd>...</dd>), read from the
    # tree before any chrome is removed: it survives when the board sits in a <form> the cleaner drops.
    language: str | None = None  # <html lang="ko-KR"> -> 'ko'
    board_title: str | None = None  # the '제목' / 'Title' field
    # A register's name field ('제품명 : 홈매트 리퀴드 에스', 'Product name : ...'): the title of a record page whose
    # visible pick is its number field ('정보공개번호 : 2025-182'), never one over a headline the page shows.
    record_name: str | None = None
    board: MetadataFields = MetadataFields()
    # When the page's event takes place: a JSON-LD Event's startDate, a 'Meeting date' / '행사일시' field, a
    # <time> or date element in an event's box. Never the page's published_at (Metadata.event_at; not yet a column).
    events: tuple[MarkupDate, ...] = ()
    # Other labelled dates the page shows beside its title ('촬영일자 2025-12-17', the day a video was shot):
    # the page's date only when it shows no posting or modification date.
    other_dates: tuple[MarkupDate, ...] = ()
    url_date: datetime | None = None  # the day the canonical URL's path gives ('/2019/08/02/')
    is_event: bool = False  # the page announces an event (a JSON-LD Event, an event field, an /events/ URL)
    # Names the page's chrome gives the site: the footer's copyright holder ('© 열린 아카이브 KTV 나누리'), the
    # text or image of the logo link to the site's root. Only for telling the site's name from a title.
    site_marks: tuple[str, ...] = ()
    # How the page writes a numeric date whose first two numbers could each be the month ('08-07-2024'): True day
    # first, False month first, None unknown (dates.writes_day_first: its language, and its host's country).
    day_first: bool | None = None
    # The section the page's marked breadcrumb names ('<ol class="breadcrumb"><li>Press Release</li><li class="active">
    # headline…</li>'), its JSON-LD BreadcrumbList's else: the category when the visible page gives none.
    path_section: str | None = None


@dataclass(frozen=True)
class CleanPage:
    """A page after boilerplate removal and metadata extraction."""

    source_path: str
    source_format: str
    metadata: Metadata
    body: tuple[Block, ...]
    captions: tuple[str, ...]
    removed: tuple[RemovedLine, ...]


@dataclass(frozen=True)
class Segment:
    seq: int
    kind: str  # title, summary, heading, paragraph, list_item, caption, note
    text: str
    marker: str = ""
    depth: int = 0
    parent_seq: int | None = None
    heading_seq: int | None = None  # the heading this segment falls under
    ordinal: int | None = None  # "First, ..." -> 1 for ordinal prose paragraphs
    language: str = "und"
    language_method: str = "default"
    language_confidence: float = 0.0
    letters: int = 0
    source_line: int = 0


@dataclass(frozen=True)
class Quote:
    seq: int  # the segment the quote is in
    ordinal: int  # position among the document's quotes
    speaker: str | None
    speaker_as_written: str | None
    text: str


@dataclass(frozen=True)
class ListingLink:
    """One row of a listing page (a board list, search results): a link to an item, as the row shows it."""

    ordinal: int  # position among the page's rows, from 1
    title: str
    url: str | None  # the link's target, made absolute against the page's URL when that is known
    posted_at: datetime | None = None  # the date the row shows
    view_count: int | None = None  # the views the row shows


@dataclass(frozen=True)
class PageSource:
    """Where a page came from: its URL and site, when it was fetched, and the HTTP answer."""

    url: str | None = None
    site: str | None = None  # the URL's host, lower-cased, without port or a leading 'www.' (source.site_of)
    fetched_at: datetime | None = None
    http_status: int | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_path: str
    source_format: str
    content_sha256: str
    source_bytes: int
    encoding: str
    replaced_chars: int
    metadata: Metadata
    language: str
    language_shares: dict[str, float]
    segments: tuple[Segment, ...]
    quotes: tuple[Quote, ...]
    removed: tuple[RemovedLine, ...]
    body_text: str
    parse_ms: float = 0.0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    template_group: str = ""  # site folder and script the page's lines were counted under
    signatures: frozenset[int] = frozenset()  # its line signatures, for corpus template statistics
    encoding_confidence: float = 1.0  # how sure the decoder was of `encoding` (see transforms/decode.py)
    source: PageSource = PageSource()
    page_kind: str = "article"  # article, listing, static, error (transforms/page_kind.py)
    links: tuple[ListingLink, ...] = ()  # a listing page's rows
    fingerprint: bytes = b""  # MinHash of its article text, for duplicate detection (transforms/dedup.py)
    article_chars: int = 0  # characters of that article text (the most complete copy is canonical)
    dom_pairs: tuple[tuple[int, int], ...] = ()  # (DOM path, line) signatures, for DOM templates
    duplicate_group: str = ""  # doc_id of the first copy of its article by source path ('' until the corpus pass says)
    canonical_doc_id: str = ""  # doc_id of the most complete copy of its article
    seen_ns: int = 0  # when the page was fetched: its file's modification time (ns), 0 when unknown


@dataclass(frozen=True)
class Reject:
    source_path: str
    reason: str  # one word; every value and its meaning: REJECT_REASONS in warehouse/schemas.py
    detail: str
    source_bytes: int
    content_sha256: str
    removed: tuple[RemovedLine, ...] = ()  # lines taken out before the page was rejected (no_article)
