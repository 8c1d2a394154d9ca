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
    source_path: str  # relative to its input root, '/'-separated: the stable identity of the page
    source_format: str  # 'text' | 'html'
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class RawPage:
    """Bytes of one input file, exactly as read."""

    source_path: str  # relative to the input root, '/'-separated
    data: bytes
    source_format: str  # 'text' | 'html'
    size: int = -1  # the file's full size when only its head was read (over the size limit); else -1

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


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner took out of the body, and the rule or signal that took it."""

    line_no: int
    text: str
    rule: str


@dataclass(frozen=True)
class Attachment:
    ordinal: int
    name: str
    extension: str
    size_bytes: int | None
    downloads: int | None


@dataclass(frozen=True)
class Metadata:
    """Fields parsed from the chrome around an article."""

    title: str | None = None
    category: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    view_count: int | None = None
    contact_department: str | None = None
    contact_phone: str | None = None
    attachments: tuple[Attachment, ...] = ()


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
    fingerprint: bytes = b""  # MinHash of its article text, for duplicate detection (transforms/dedup.py)
    article_chars: int = 0  # characters of that article text (the most complete copy is canonical)
    dom_pairs: tuple[tuple[int, int], ...] = ()  # (DOM path, line) signatures, for DOM templates
    duplicate_group: str = ""  # doc_id of the first copy of its article by source path ('' until the corpus pass says)
    canonical_doc_id: str = ""  # doc_id of the most complete copy of its article
    seen_ns: int = 0  # when the page was fetched: its file's modification time (ns), 0 when unknown


@dataclass(frozen=True)
class Reject:
    source_path: str
    reason: str  # short code: empty, binary, too_large, no_article, timeout, unreadable, error
    detail: str
    source_bytes: int
    content_sha256: str
