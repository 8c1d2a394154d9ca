"""The pure pipeline: RawPage -> Document or Reject. No Prefect, no disk.

process_page never raises: any failure becomes a Reject with a reason a user can act on.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.decode import decode_page, looks_binary
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.language import LanguageDetector, document_language, language_shares
from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Block, Document, RawPage, Reject, RemovedLine
from cityclips.transforms.segment import segment_page
from cityclips.transforms.dedup import EMPTY_FINGERPRINT, Assignment, Copy, assign_groups, page_fingerprint
from cityclips.transforms.template import TemplateStats, block_signatures, dom_pairs, page_group, page_signatures

DEFAULT_MAX_PAGE_BYTES = 20 * 1024 ** 2  # the largest real page seen is ~1 MB; 20 MB is a mis-saved file
DEFAULT_PAGE_BUDGET_S = 10.0  # a page is a few ms; one that takes seconds is pathological
UNDECODABLE_SHARE = 0.3  # if 30% of characters were undecodable, the page is not text in any codec we know
DOC_ID_CHARS = 16  # 64 bits of sha256: collision-free for any realistic corpus


@dataclass(frozen=True)
class PageSettings:
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    page_budget_s: float = DEFAULT_PAGE_BUDGET_S


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


class _Timeout(Exception):
    pass


def doc_id_for(source_path: str) -> str:
    """Stable document id: the same source path always gets the same id."""
    return hashlib.sha256(source_path.encode("utf-8")).hexdigest()[:DOC_ID_CHARS]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _precheck(raw: RawPage, settings: PageSettings) -> tuple[str, str] | None:
    if raw.source_bytes > settings.max_page_bytes:
        return "too_large", f"{raw.source_bytes} bytes is over the {settings.max_page_bytes}-byte page limit (--max-page-mb)"
    if not raw.data.removeprefix(b"\xef\xbb\xbf").strip():
        return "empty", "the file is empty or only whitespace"
    if looks_binary(raw.data):
        return "binary", "the file holds binary data (NUL or control bytes), not text or HTML"
    return None


def page_blocks(raw: RawPage) -> tuple[list[Block], list[RemovedLine], str | None, str, int]:
    """Decode a page and split it into blocks: (blocks, removed markup, html title, encoding, replaced)."""
    decoded = decode_page(raw)
    if raw.source_format == "html":
        blocks, removed, title = html_blocks(parse_html(decoded.text))
    else:
        blocks, removed, title = text_blocks(decoded.text), [], None
    return blocks, removed, title, decoded.encoding, decoded.replaced_chars


def page_lines(raw: RawPage) -> PageLines | None:
    """The template-pass view of a page, or None when the page will be rejected anyway."""
    try:
        if _precheck(raw, PageSettings()):
            return None
        blocks = page_blocks(raw)[0]
    except Exception:  # noqa: BLE001 - the full pass will reject it with a reason
        return None
    signatures = block_signatures(blocks)
    fingerprint = page_fingerprint(blocks)
    return PageLines(raw.source_path, sha256_of(raw.data), page_group(raw.source_path, blocks),
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
             settings: PageSettings, started: float) -> Document | Reject:
    digest = sha256_of(raw.data)

    def check_budget() -> None:
        if time.perf_counter() - started > settings.page_budget_s:
            raise _Timeout

    problem = _precheck(raw, settings)
    if problem:
        # an over-limit file was not read whole: no hash of its content can be given
        return Reject(raw.source_path, problem[0], problem[1], raw.source_bytes,
                      "" if problem[0] == "too_large" else digest)
    blocks, removed_markup, html_title, encoding, replaced = page_blocks(raw)
    if replaced and replaced / max(1, sum(len(b.text) for b in blocks)) > UNDECODABLE_SHARE:
        return Reject(raw.source_path, "undecodable", f"{replaced} characters could not be decoded "
                      "as UTF-8 or CP949", len(raw.data), digest)
    check_budget()
    group = page_group(raw.source_path, blocks)
    signatures = block_signatures(blocks)  # once a page: for template removal and for the manifest
    fingerprint = page_fingerprint(blocks)  # for the manifest: later runs group new copies with this page
    clean = clean_blocks(raw.source_path, raw.source_format, blocks, templates.get(group, frozenset()),
                         html_title, removed_markup, signatures)
    check_budget()
    if not clean.body:
        return Reject(raw.source_path, "no_article", f"only chrome: all {len(clean.removed)} lines were removed "
                      "as boilerplate", len(raw.data), digest)
    segments = segment_page(clean)
    check_budget()
    detector = detectors.get(group.rsplit("|", 1)[-1])
    guesses = [detector.detect(segment.text) for segment in segments]
    labelled = [replace(segment, language=guess.language, language_method=guess.method,
                        language_confidence=guess.confidence, letters=guess.letters)
                for segment, guess in zip(segments, guesses)]
    shares = language_shares(guesses)
    quotes = extract_quotes(labelled)
    body_text = "\n".join(_segment_text(s.kind, s.marker, s.text) for s in labelled if s.kind != "title")
    warnings = (f"{replaced} undecodable bytes replaced",) if replaced else ()
    return Document(doc_id=doc_id_for(raw.source_path), source_path=raw.source_path,
                    source_format=raw.source_format, content_sha256=digest, source_bytes=len(raw.data),
                    encoding=encoding, replaced_chars=replaced, metadata=clean.metadata,
                    language=document_language(shares), language_shares=shares, segments=tuple(labelled),
                    quotes=tuple(quotes), removed=clean.removed, body_text=body_text,
                    parse_ms=(time.perf_counter() - started) * 1000, warnings=warnings,
                    template_group=group, signatures=page_signatures(blocks, signatures),
                    fingerprint=fingerprint.values, article_chars=fingerprint.article_chars,
                    dom_pairs=dom_pairs(blocks, signatures))


def process_page(raw: RawPage, templates: Mapping[str, frozenset[int]] | None = None,
                 detectors: Detectors | None = None, settings: PageSettings = PageSettings()) -> Document | Reject:
    """Process one page into a Document, or a Reject with a reason. Never raises."""
    started = time.perf_counter()
    try:
        return _process(raw, templates or {}, detectors or Detectors(), settings, started)
    except _Timeout:
        return Reject(raw.source_path, "timeout", f"processing took over {settings.page_budget_s:g} s",
                      len(raw.data), sha256_of(raw.data))
    except Exception as error:  # noqa: BLE001 - a bad page must never stop a run
        return Reject(raw.source_path, "error", f"{type(error).__name__}: {error}"[:500], len(raw.data),
                      sha256_of(raw.data))


def process_pages(pages: Iterable[RawPage], templates: Mapping[str, frozenset[int]] | None = None,
                  settings: PageSettings = PageSettings()) -> list[Document | Reject]:
    """Process a batch of pages with shared language caches."""
    detectors = Detectors()
    return [process_page(raw, templates, detectors, settings) for raw in pages]
