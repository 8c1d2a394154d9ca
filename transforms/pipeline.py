"""The pure pipeline: RawPage -> Document or Reject. No Prefect, no disk.

process_page never raises: any failure becomes a Reject with a reason a user can act on.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from cityclips.defaults import MAX_PAGE_MB
from cityclips.transforms.attachments import (attachment_notes, listed_files, merge_attachments, read_attachments,
                                              set_apart_attachment_lines)
from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.decode import decode_page, looks_binary
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.language import LanguageDetector, document_language, language_shares
from cityclips.transforms.limits import OverLimit, WorkLimits, check_lines, check_nodes, flattening_record
from cityclips.transforms.markup import markup_metadata
from cityclips.transforms.listing import ListingRows, listing_rows, text_listing_rows
from cityclips.transforms.page_kind import (KindMarkup, PageEvidence, PageKind, decide_page_kind, frame_text,
                                            prose_chars, read_kind_markup)
from cityclips.transforms.paths import doc_id_for, sha256_of
from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.reconcile import reconcile_metadata, title_hints
from cityclips.transforms.records import (Attachment, Block, CleanPage, DecodedPage, Document, MarkupMetadata, PageSource,
                                          RawPage, Reject, RemovedLine)
from cityclips.transforms.segment import segment_page
from cityclips.transforms.dedup import EMPTY_FINGERPRINT, Assignment, Copy, assign_groups, page_fingerprint
from cityclips.transforms.source import charset_from_content_type, page_url, site_of
from cityclips.transforms.template import TemplateStats, block_signatures, dom_pairs, page_group, page_signatures

DEFAULT_MAX_PAGE_BYTES = int(MAX_PAGE_MB * 1024 ** 2)
# the article's running text leaves out the headline and photo captions (segments of their own), as
# schema.org's articleBody does
BODY_EXCLUDED_KINDS = frozenset({"title", "caption"})
MAX_ERROR_LINE_CHARS = 1000  # an error message is a line or two (a small board form around it at most)
NO_MESSAGE_RULES = frozenset({"html_script", "html_style", "html_noscript", "html_template"})  # code, not words


@dataclass(frozen=True)
class PageSettings:
    """Per-page bounds, all counted in work (see transforms/limits.py): the same result on any machine."""

    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    limits: WorkLimits = WorkLimits()
    # URL of the input root for files saved from one site (cityclips run --base-url): a file's URL is
    # this joined with its source path when neither a WARC record nor the page itself gives one.
    base_url: str | None = None


@dataclass(frozen=True)
class PageParts:
    """A page decoded and split into blocks, with what was read from its DOM before the split."""

    blocks: list[Block]
    removed: list[RemovedLine]
    title: str | None
    decoded: DecodedPage
    markup: MarkupMetadata
    source: PageSource
    rows: ListingRows
    kind_markup: KindMarkup = KindMarkup()  # item markup, neighbour links, alerts (transforms/page_kind.py)
    fetched_url: str | None = None  # the URL the page was fetched from (a WARC record), if any
    attachments: tuple[Attachment, ...] = ()  # the files its links list (transforms/attachments.py)
    attachment_notes: tuple[str, ...] = ()  # the notes its files' links point to (attachments.attachment_notes)


@dataclass(frozen=True)
class PageLines:
    """What the corpus-level passes (duplicates, then templates) need to know about a page."""

    source_path: str
    content_sha256: str
    group: str
    signatures: frozenset[int]
    fingerprint: bytes = EMPTY_FINGERPRINT  # MinHash of its article text (transforms/dedup.py)
    article_chars: int = 0  # characters of its article text: the most complete copy has the most
    dom_pairs: tuple[tuple[int, int], ...] = ()  # (DOM path, line) signatures of its HTML blocks

    def as_copy(self) -> Copy:
        return Copy(self.source_path, doc_id_for(self.source_path), self.content_sha256, self.fingerprint,
                    self.article_chars)


@dataclass
class Detectors:
    """One memoising language detector per default language, reused across a batch."""

    by_default: dict[str, LanguageDetector] = field(default_factory=dict)

    def get(self, default: str) -> LanguageDetector:
        if default not in self.by_default:
            self.by_default[default] = LanguageDetector(default=default)
        return self.by_default[default]


def _precheck(raw: RawPage, settings: PageSettings) -> tuple[str, str] | None:
    if raw.source_bytes > settings.max_page_bytes:
        return "too_large", f"{raw.source_bytes} bytes is over the {settings.max_page_bytes}-byte page limit (--max-page-mb)"
    if not raw.data.removeprefix(b"\xef\xbb\xbf").strip():
        return "empty", "the file is empty or only whitespace"
    if looks_binary(raw.data):
        return "binary", "the file holds binary data (NUL or control bytes), not text or HTML"
    return None


class Undecodable(ValueError):
    """No encoding explains the page's bytes."""


def _decoded(raw: RawPage) -> DecodedPage:
    decoded = decode_page(raw, hint=charset_from_content_type(raw.content_type))
    if not decoded.explained:
        raise Undecodable(f"no encoding explains these bytes: {decoded.replaced_chars:,} of {len(raw.data):,} "
                          "would be U+FFFD (tried a BOM, UTF-16, UTF-8, the declared charset and detection)")
    return decoded


def read_page_parts(raw: RawPage, settings: PageSettings = PageSettings(), page_kind: bool = True) -> PageParts:
    """Decode a page (the HTTP charset as the first evidence), read its metadata, URL and listing rows
    from the DOM, then split it into blocks.

    page_kind=False leaves out what only the page-kind decision reads (listing rows, kind markup):
    the template pass needs none of it (those reads were a third of a page's time in round 3, a fifth in round 4).

    Raises Undecodable, or OverLimit when the page is over a work bound (elements, lines).
    """
    limits = settings.limits
    decoded = _decoded(raw)
    rows, kind_markup, attachments, notes = ListingRows(), KindMarkup(), (), ()
    if raw.source_format == "html":
        root = parse_html(decoded.text)
        check_nodes(root, limits)
        flattened = flattening_record(root)
        # read-only stages first: html_blocks detaches chrome (<head> among it) from the tree
        markup = markup_metadata(root)
        url = page_url(raw.url, markup.canonical_url, settings.base_url, raw.source_path)
        if page_kind:
            rows = listing_rows(root, url)
            kind_markup = read_kind_markup(root)
            attachments = read_attachments(root, url)  # process_page's too: the template pass drops its parts
            notes = attachment_notes(root, attachments, url)
        blocks, removed, title = html_blocks(root)
        removed = [*flattened, *removed]
    else:
        check_lines(decoded.text.count("\n") + 1, limits)
        url = page_url(raw.url, None, settings.base_url, raw.source_path)
        blocks, removed, title, markup = text_blocks(decoded.text), [], None, MarkupMetadata()
        if page_kind:
            rows = text_listing_rows([b.text for b in blocks])
    check_lines(len(blocks), limits)
    source = PageSource(url, site_of(url), raw.fetched_at, raw.http_status, raw.content_type)
    return PageParts(blocks, removed, title, decoded, markup, source, rows, kind_markup, raw.url, attachments, notes)


def page_blocks(raw: RawPage, limits: WorkLimits = WorkLimits()) -> tuple[list[Block], list[RemovedLine], str | None,
                                                                          str, int, MarkupMetadata]:
    """Decode a page and split it into blocks.

    Returns (blocks, removed markup, html title, encoding, replaced chars, what the markup says).
    Raises Undecodable, or OverLimit when the page is over a work bound (elements, lines).
    """
    parts = read_page_parts(raw, PageSettings(limits=limits))
    return parts.blocks, parts.removed, parts.title, parts.decoded.encoding, parts.decoded.replaced_chars, parts.markup


def page_lines(raw: RawPage, settings: PageSettings = PageSettings()) -> PageLines | None:
    """The template-pass view of a page, or None when the page will be rejected anyway.

    Its group is its site (the URL's host when known, else its top folder) and script.
    """
    return scan_page(raw, settings, page_kind=False)[0]  # its parts are dropped: no page-kind evidence read


def scan_page(raw: RawPage, settings: PageSettings = PageSettings(),
              page_kind: bool = True) -> tuple[PageLines | None, PageParts | None]:
    """page_lines, and the PageParts read for it: process_page can take them instead of reading the
    page a second time (decoding and the DOM passes are about a third of processing a page).
    page_kind=False skips the page-kind evidence (listing rows, kind markup): only for callers that
    drop the parts, since process_page needs it."""
    try:
        if _precheck(raw, settings):
            return None, None
        with _collector_paused():
            parts = read_page_parts(raw, settings, page_kind=page_kind)
    except Exception:  # noqa: BLE001 - the full pass will reject it with a reason
        return None, None
    return lines_of(raw, parts), parts


def lines_of(raw: RawPage, parts: PageParts) -> PageLines:
    """The template-pass view of a page read into parts."""
    blocks = parts.blocks
    signatures = block_signatures(blocks)
    fingerprint = page_fingerprint(blocks)
    return PageLines(raw.source_path, sha256_of(raw.data), page_group(raw.source_path, blocks, parts.source.site),
                     page_signatures(blocks, signatures), fingerprint.values, fingerprint.article_chars,
                     dom_pairs(blocks, signatures))


def duplicate_groups(lines: Sequence[PageLines]) -> list[Assignment]:
    """Each scanned page's duplicate group and canonical page (see transforms/dedup.py)."""
    return assign_groups([page.as_copy() for page in lines])


def templates_of(lines: Sequence[PageLines], groups: Sequence[Assignment] | None = None) -> dict[str, frozenset[int]]:
    """Template signatures per group, counted over distinct articles (duplicate groups)."""
    groups = duplicate_groups(lines) if groups is None else groups
    stats = TemplateStats()
    for page, assignment in zip(lines, groups):
        stats.add(page.group, assignment.duplicate_group, page.signatures, page.dom_pairs)
    return stats.templates()


def corpus_templates(pages: Iterable[RawPage]) -> dict[str, frozenset[int]]:
    """Template lines of a small corpus held in memory (evaluation sets, inspect's siblings, benchmarks)."""
    return templates_of([lines for lines in map(page_lines, pages) if lines])


def _segment_text(kind: str, marker: str, text: str) -> str:
    return f"{marker} {text}" if marker else text


def _process(raw: RawPage, templates: Mapping[str, frozenset[int]], detectors: Detectors,
             settings: PageSettings, started: float, parts: PageParts | None = None) -> Document | Reject:
    digest = sha256_of(raw.data)
    problem = _precheck(raw, settings)
    if problem:
        # an over-limit file was not read whole: no hash of its content can be given
        return Reject(raw.source_path, problem[0], problem[1], raw.source_bytes,
                      "" if problem[0] == "too_large" else digest)
    parts = read_page_parts(raw, settings) if parts is None else parts
    blocks, decoded, markup = parts.blocks, parts.decoded, parts.markup
    group = page_group(raw.source_path, blocks, parts.source.site)
    signatures = block_signatures(blocks)  # once a page: for template removal and for the manifest
    fingerprint = page_fingerprint(blocks)  # for the manifest: later runs group new copies with this page
    clean = clean_blocks(raw.source_path, raw.source_format, blocks, templates.get(group, frozenset()),
                         parts.title, parts.removed, signatures, title_hints(markup), markup.day_first)
    # the page shows when it was published (a byline, a board's 등록일), not only when it last changed,
    # which reconcile takes as its date when it shows no other
    shows_published = clean.metadata.published_at is not None or markup.board.published_at is not None
    metadata = reconcile_metadata(markup, clean.metadata)
    attachments = merge_attachments(parts.attachments, metadata.attachments, listed_files(blocks))
    clean = replace(clean, metadata=replace(metadata, attachments=attachments))
    kind = _page_kind(parts, clean, shows_published)
    # rows, an error message or a front page's chrome the cleaner took: the page is still what it is
    if not clean.body and kind.kind not in ("listing", "error", "home"):
        return Reject(raw.source_path, "no_article", f"only chrome: all {len(clean.removed)} lines were removed "
                      "as boilerplate (kept in the boilerplate table)", len(raw.data), digest, clean.removed)
    # an item's files go from its text to boilerplate once read (after the page kind: a page that shows files is
    # their page); a listing's files are its rows (an archive of agendas), its content
    if kind.kind != "listing":
        clean = set_apart_attachment_lines(clean, parts.attachment_notes)
    segments = segment_page(clean)
    detector = detectors.get(group.rsplit("|", 1)[-1])
    guesses = [detector.detect(segment.text) for segment in segments]
    labelled = [replace(segment, language=guess.language, language_method=guess.method,
                        language_confidence=guess.confidence, letters=guess.letters)
                for segment, guess in zip(segments, guesses)]
    shares = language_shares(guesses)
    quotes = extract_quotes(labelled, {block.line_no: block.dom_path for block in clean.body if block.dom_path})
    body_text = "\n".join(_segment_text(s.kind, s.marker, s.text) for s in labelled if s.kind not in BODY_EXCLUDED_KINDS)
    replaced = decoded.replaced_chars
    warnings = tuple(note for count, note in ((replaced, f"{replaced} undecodable bytes replaced"),
                                              (decoded.nul_chars, f"{decoded.nul_chars} NUL bytes removed")) if count)
    return Document(doc_id=doc_id_for(raw.source_path), source_path=raw.source_path,
                    source_format=raw.source_format, content_sha256=digest, source_bytes=len(raw.data),
                    encoding=decoded.encoding, replaced_chars=replaced, metadata=clean.metadata,
                    language=document_language(shares), language_shares=shares, segments=tuple(labelled),
                    quotes=tuple(quotes), removed=clean.removed, body_text=body_text,
                    parse_ms=(time.perf_counter() - started) * 1000, warnings=warnings,
                    template_group=group, signatures=page_signatures(blocks, signatures),
                    fingerprint=fingerprint.values, article_chars=fingerprint.article_chars,
                    dom_pairs=dom_pairs(blocks, signatures),
                    encoding_confidence=decoded.encoding_confidence, source=parts.source,
                    page_kind=kind.kind, links=kind.links)


def _page_kind(parts: PageParts, clean: CleanPage, shows_published: bool) -> PageKind:
    texts = [block.text for block in clean.body]
    body_chars = sum(map(len, texts))
    # A page the cleaner emptied is searched for an error message in the short lines it removed
    # (not in whole removed forms or menus, whose words say nothing about the page).
    said = texts or [line.text for line in clean.removed
                     if len(line.text) <= MAX_ERROR_LINE_CHARS and line.rule not in NO_MESSAGE_RULES]
    return decide_page_kind(PageEvidence(
        url=parts.source.url, http_status=parts.source.http_status, rows=parts.rows, body_chars=body_chars,
        fetched_url=parts.fetched_url,
        prose_chars=prose_chars(texts, parts.rows), body_text="\n".join(said)[:50_000],
        title=clean.metadata.title or parts.title, has_published_at=shows_published,
        article_markup=parts.kind_markup.article_markup, neighbour_links=parts.kind_markup.neighbour_links,
        script_messages=parts.kind_markup.script_messages, page_links=parts.kind_markup.page_links,
        frame_text=frame_text(clean.body, clean.removed)))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while one page is processed, as it was before.

    A page makes tens of thousands of short-lived objects (element proxies, Size records, tuples, Blocks)
    and nearly no cycles: reference counting frees them as the page goes on, and the collector's passes
    (one per 700 allocations, each a scan of the young objects, every hundredth of all of them) found
    almost nothing on the peers' 579 pages (under one object a page) while costing 2-5 % of a page.
    Whatever cycle a page leaves is collected by the first pass after it. Another thread may switch the
    collector on again meanwhile: that costs speed only, never a result."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def process_page(raw: RawPage, templates: Mapping[str, frozenset[int]] | None = None,
                 detectors: Detectors | None = None, settings: PageSettings = PageSettings(),
                 parts: PageParts | None = None) -> Document | Reject:
    """Process one page into a Document, or a Reject with a reason. Never raises.

    parts: what read_page_parts(raw, settings) returned for this page (scan_page), if at hand.
    parse_ms is measured for the record only: no decision depends on the clock.
    """
    started = time.perf_counter()
    try:
        with _collector_paused():
            return _process(raw, templates or {}, detectors or Detectors(), settings, started, parts)
    except OverLimit as over:
        return Reject(raw.source_path, over.reason, over.detail, len(raw.data), sha256_of(raw.data))
    except Undecodable as error:
        return Reject(raw.source_path, "undecodable", str(error), len(raw.data), sha256_of(raw.data))
    except Exception as error:  # noqa: BLE001 - a bad page must never stop a run
        return Reject(raw.source_path, "error", f"{type(error).__name__}: {error}"[:500], len(raw.data),
                      sha256_of(raw.data))


def process_pages(pages: Iterable[RawPage], templates: Mapping[str, frozenset[int]] | None = None,
                  settings: PageSettings = PageSettings(),
                  parts: Mapping[str, PageParts] | None = None) -> list[Document | Reject]:
    """Process a batch of pages with shared language caches (parts: by source path, from scan_page)."""
    detectors = Detectors()
    parts = parts or {}
    return [process_page(raw, templates, detectors, settings, parts.get(raw.source_path)) for raw in pages]
