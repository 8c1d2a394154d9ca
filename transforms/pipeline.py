"""The pure pipeline: RawPage -> Document or Reject. No Prefect, no disk.

process_page never raises: any failure becomes a Reject with a reason a user can act on.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.decode import decode_page, looks_binary
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.language import LanguageDetector, document_language, language_shares
from cityclips.transforms.limits import OverLimit, WorkLimits, check_lines, check_nodes, flattening_record
from cityclips.transforms.paths import doc_id_for, sha256_of
from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Block, DecodedPage, Document, RawPage, Reject, RemovedLine
from cityclips.transforms.segment import segment_page
from cityclips.transforms.template import TemplateStats, block_signatures, page_group, page_signatures

DEFAULT_MAX_PAGE_BYTES = 20 * 1024 ** 2  # the largest real page seen is ~1 MB; 20 MB is a mis-saved file


@dataclass(frozen=True)
class PageSettings:
    """Per-page bounds, all counted in work (see transforms/limits.py): the same result on any machine."""

    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    limits: WorkLimits = WorkLimits()


@dataclass(frozen=True)
class PageLines:
    """What the corpus-level template pass needs to know about a page."""

    source_path: str
    content_sha256: str
    group: str
    signatures: frozenset[int]


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
    decoded = decode_page(raw)
    if not decoded.explained:
        raise Undecodable(f"no encoding explains these bytes: {decoded.replaced_chars:,} of {len(raw.data):,} "
                          "would be U+FFFD (tried a BOM, UTF-16, UTF-8, the declared charset and detection)")
    return decoded


def _page_parts(raw: RawPage, limits: WorkLimits) -> tuple[list[Block], list[RemovedLine], str | None, DecodedPage]:
    decoded = _decoded(raw)
    if raw.source_format == "html":
        root = parse_html(decoded.text)
        check_nodes(root, limits)
        flattened = flattening_record(root)
        blocks, removed, title = html_blocks(root)
        removed = [*flattened, *removed]
    else:
        check_lines(decoded.text.count("\n") + 1, limits)
        blocks, removed, title = text_blocks(decoded.text), [], None
    check_lines(len(blocks), limits)
    return blocks, removed, title, decoded


def page_blocks(raw: RawPage, limits: WorkLimits = WorkLimits()) -> tuple[list[Block], list[RemovedLine], str | None,
                                                                          str, int]:
    """Decode a page and split it into blocks: (blocks, removed markup, html title, encoding, replaced).

    Raises Undecodable, or OverLimit when the page is over a work bound (elements, lines).
    """
    blocks, removed, title, decoded = _page_parts(raw, limits)
    return blocks, removed, title, decoded.encoding, decoded.replaced_chars


def page_lines(raw: RawPage, settings: PageSettings = PageSettings()) -> PageLines | None:
    """The template-pass view of a page, or None when the page will be rejected anyway."""
    try:
        if _precheck(raw, settings):
            return None
        blocks = page_blocks(raw, settings.limits)[0]
    except Exception:  # noqa: BLE001 - the full pass will reject it with a reason
        return None
    return PageLines(raw.source_path, sha256_of(raw.data), page_group(raw.source_path, blocks),
                     page_signatures(blocks))


def corpus_templates(pages: Iterable[RawPage]) -> dict[str, frozenset[int]]:
    """Template lines of a small corpus held in memory (evaluation sets, inspect's siblings, benchmarks)."""
    stats = TemplateStats()
    for raw in pages:
        lines = page_lines(raw)
        if lines:
            stats.add(lines.group, lines.content_sha256, lines.signatures)
    return stats.templates()


def _segment_text(kind: str, marker: str, text: str) -> str:
    return f"{marker} {text}" if marker else text


def _process(raw: RawPage, templates: Mapping[str, frozenset[int]], detectors: Detectors,
             settings: PageSettings, started: float) -> Document | Reject:
    digest = sha256_of(raw.data)
    problem = _precheck(raw, settings)
    if problem:
        # an over-limit file was not read whole: no hash of its content can be given
        return Reject(raw.source_path, problem[0], problem[1], raw.source_bytes,
                      "" if problem[0] == "too_large" else digest)
    blocks, removed_markup, html_title, decoded = _page_parts(raw, settings.limits)
    group = page_group(raw.source_path, blocks)
    signatures = block_signatures(blocks)  # once a page: for template removal and for the manifest
    clean = clean_blocks(raw.source_path, raw.source_format, blocks, templates.get(group, frozenset()),
                         html_title, removed_markup, signatures)
    if not clean.body:
        return Reject(raw.source_path, "no_article", f"only chrome: all {len(clean.removed)} lines were removed "
                      "as boilerplate (kept in the boilerplate table)", len(raw.data), digest, clean.removed)
    segments = segment_page(clean)
    detector = detectors.get(group.rsplit("|", 1)[-1])
    guesses = [detector.detect(segment.text) for segment in segments]
    labelled = [replace(segment, language=guess.language, language_method=guess.method,
                        language_confidence=guess.confidence, letters=guess.letters)
                for segment, guess in zip(segments, guesses)]
    shares = language_shares(guesses)
    quotes = extract_quotes(labelled)
    body_text = "\n".join(_segment_text(s.kind, s.marker, s.text) for s in labelled if s.kind != "title")
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
                    encoding_confidence=decoded.encoding_confidence)


def process_page(raw: RawPage, templates: Mapping[str, frozenset[int]] | None = None,
                 detectors: Detectors | None = None, settings: PageSettings = PageSettings()) -> Document | Reject:
    """Process one page into a Document, or a Reject with a reason. Never raises.

    parse_ms is measured for the record only: no decision depends on the clock.
    """
    started = time.perf_counter()
    try:
        return _process(raw, templates or {}, detectors or Detectors(), settings, started)
    except OverLimit as over:
        return Reject(raw.source_path, over.reason, over.detail, len(raw.data), sha256_of(raw.data))
    except Undecodable as error:
        return Reject(raw.source_path, "undecodable", str(error), len(raw.data), sha256_of(raw.data))
    except Exception as error:  # noqa: BLE001 - a bad page must never stop a run
        return Reject(raw.source_path, "error", f"{type(error).__name__}: {error}"[:500], len(raw.data),
                      sha256_of(raw.data))


def process_pages(pages: Iterable[RawPage], templates: Mapping[str, frozenset[int]] | None = None,
                  settings: PageSettings = PageSettings()) -> list[Document | Reject]:
    """Process a batch of pages with shared language caches."""
    detectors = Detectors()
    return [process_page(raw, templates, detectors, settings) for raw in pages]
