"""Remove chrome from a page's blocks, keeping every removed line on record, and parse what it carries.

Order of decisions for each block: metadata line > attachment item > breadcrumb > contact footer >
named line rule > corpus template. Then the title is chosen, the category is the short line above it,
everything else above the title is header chrome, and the title's repeat in the body is dropped.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cityclips.transforms.captions import split_doubled_captions
from cityclips.transforms.metadata import (ATTACHMENT_HEADER_RE, MetadataFields, find_attachments, is_metadata_line, merge_fields,
                                 parse_split_contact, starts_with_label,
                                 parse_attachment, parse_breadcrumb, parse_contact, parse_metadata_line)
from cityclips.transforms.records import Attachment, Block, CleanPage, Metadata, RemovedLine
from cityclips.transforms.rules import match_line_rule
from cityclips.transforms.template import block_signatures, template_rules

MAX_METADATA_LINES = 4  # one-field-per-line metadata spans author, date, views (and maybe a department)
MAX_CATEGORY_CHARS = 40  # a section name is a few words ('News Clips', '보도자료')
MAX_CATEGORY_WORDS = 5
MAX_TITLE_CHARS = 300  # longer 'titles' are paragraphs: fall back to the next candidate
TITLE_SEARCH_BLOCKS = 12  # a static page's title is among its first dozen non-chrome lines
TITLE_REPEAT_WINDOW = 8  # the headline repeated in the body appears within a few lines of the top
MAX_PARSED_LINE_CHARS = 200  # chrome, attachment and contact lines are all shorter than this
_BREADCRUMB_CHARS = re.compile(r"[>›»/]")
_FILE_HINT = re.compile(r"\.[A-Za-z0-9]{1,6}\b.*\d\s*(?:[KMG]B|bytes?)", re.IGNORECASE)
_PHONE_HINT = re.compile(r"\d{3,4}[-.\s)]\d{4}")
_TITLE_LABEL = re.compile(r"^(제목|title|subject)\s*[:：]\s*", re.IGNORECASE)
# 'Related News' / '관련 기사' and the list of other articles under it.
_RELATED_HEADER = re.compile(r"^(related (news|articles?|posts?|stories|links)|more news|"
                             r"관련\s?(기사|뉴스|소식|게시물|글)|다른 기사|함께 보면 좋은 (기사|글))\s*:?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[,;]$|(?<![A-Z])\.$")
_NORMALISE = re.compile(r"\W+")


def _norm(text: str) -> str:
    return _NORMALISE.sub("", text.lower())


class _Marks:
    """Per-block removal decisions and the fields collected while making them."""

    def __init__(self, blocks: Sequence[Block]):
        self.blocks = blocks
        self.rule: list[str | None] = [None] * len(blocks)
        self.fields = MetadataFields()
        self.metadata_at: int | None = None
        self.attachments: list[Attachment] = []
        self.contact: tuple[str, str] | None = None
        self.breadcrumb: str | None = None

    def kept(self, i: int) -> bool:
        return self.rule[i] is None


def _mark_metadata(m: _Marks) -> None:
    """Find the first run of metadata lines (one line, or one field per line) and parse it.

    A run counts when its lines together give a date, or two fields, or use 'Label :' colons.
    """
    for i, block in enumerate(m.blocks):
        if not starts_with_label(block.text):
            continue
        j, fields, strong = i, MetadataFields(), False
        while j < len(m.blocks) and j < i + MAX_METADATA_LINES and starts_with_label(m.blocks[j].text):
            fields = merge_fields(fields, parse_metadata_line(m.blocks[j].text))
            strong = strong or is_metadata_line(m.blocks[j].text)
            j += 1
        found = sum(v is not None for v in (fields.author, fields.published_at, fields.view_count))
        if not found or not (strong or fields.published_at or found >= 2):
            continue
        m.metadata_at, m.fields = i, fields
        for k in range(i, j):
            m.rule[k] = "metadata"
            # a metadata table row may list the attachments too
            m.attachments.extend(find_attachments(m.blocks[k].text, len(m.attachments) + 1))
        return


def _mark_parsed_lines(m: _Marks) -> None:
    for i, block in enumerate(m.blocks):
        if not m.kept(i):
            continue
        text = block.text
        if len(text) > MAX_PARSED_LINE_CHARS:
            continue  # article prose: no chrome rule, attachment or contact pattern applies to lines this long
        attachment = parse_attachment(text, len(m.attachments) + 1) if _FILE_HINT.search(text) else None
        if attachment:
            m.attachments.append(attachment)
            m.rule[i] = "attachment"
        elif ATTACHMENT_HEADER_RE.match(text):
            m.rule[i] = "attachment_header"
        elif block.hint == "breadcrumb" or (_BREADCRUMB_CHARS.search(text) and parse_breadcrumb(text)):
            m.breadcrumb = m.breadcrumb or parse_breadcrumb(text)
            m.rule[i] = "breadcrumb"
        elif _PHONE_HINT.search(text) and (contact := parse_contact(text)) is not None:
            m.contact = m.contact or contact
            m.rule[i] = "contact"
        elif i + 1 < len(m.blocks) and (contact := parse_split_contact(text, m.blocks[i + 1].text)) is not None:
            m.contact = m.contact or contact
            m.rule[i] = m.rule[i + 1] = "contact"
        elif (rule := match_line_rule(text)) is not None:
            m.rule[i] = rule


def _mark_related(m: _Marks) -> None:
    """A 'Related News' header and the run of short lines under it are links to other articles."""
    for i, block in enumerate(m.blocks):
        if not _RELATED_HEADER.match(block.text):
            continue
        m.rule[i] = "related"
        for j in range(i + 1, len(m.blocks)):
            following = m.blocks[j]
            if following.blank_before and j > i + 1 and following.hint != "li":
                break
            if len(following.text) > MAX_PARSED_LINE_CHARS:
                break
            if m.rule[j] is None:
                m.rule[j] = "related"


def _mark_templates(m: _Marks, templates: frozenset[int], signatures: Sequence[int | None] | None) -> None:
    if not templates:
        return
    signatures = block_signatures(m.blocks) if signatures is None else signatures
    rules = template_rules(m.blocks, signatures, templates, [m.kept(i) for i in range(len(m.blocks))])
    for i, rule in enumerate(rules):
        if rule is not None:
            m.rule[i] = rule


def _title_index(m: _Marks, html_title: str | None) -> int | None:
    """Where the headline is: an <h1>; else the nearest line (or HTML heading) above the metadata;
    else the first headline-like line after the breadcrumb, skipping a repeat of the section name."""
    kept = [i for i in range(len(m.blocks)) if m.kept(i) and m.blocks[i].hint != "caption"]
    h1 = [i for i in kept if m.blocks[i].hint == "title"]
    if h1:
        return h1[0]
    headings = [i for i in kept if m.blocks[i].hint == "heading"]
    if m.metadata_at is not None:
        above = [i for i in kept if i < m.metadata_at and len(m.blocks[i].text) <= MAX_TITLE_CHARS]
        headings_above = [i for i in headings if i < m.metadata_at]
        if headings_above:
            return headings_above[-1]
        if above:
            return above[-1]
    after = max((i for i, rule in enumerate(m.rule) if rule == "breadcrumb"), default=-1)
    section = _norm(m.breadcrumb or "")
    candidates = [i for i in kept if i > after and _norm(m.blocks[i].text) != section] or kept
    headings = [i for i in candidates if m.blocks[i].hint == "heading"]
    if headings and (not html_title or headings[0] <= candidates[min(2, len(candidates) - 1)]):
        return headings[0]
    for i in candidates[:TITLE_SEARCH_BLOCKS]:
        text = m.blocks[i].text
        if len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text) and split_doubled_captions(text) is None:
            return i
    return candidates[0] if candidates else None


def _mark_section_repeat(m: _Marks, title_at: int) -> None:
    """The section name repeated as a line near the title ('일반현황' under '홈 > 청주소개 > 일반현황')."""
    section = _norm(m.breadcrumb or "")
    if not section:
        return
    for i in range(max(0, title_at - TITLE_REPEAT_WINDOW), min(len(m.blocks), title_at + TITLE_REPEAT_WINDOW + 1)):
        if m.kept(i) and _norm(m.blocks[i].text) == section:
            m.rule[i] = "category"


def _category_above(m: _Marks, title_at: int) -> str | None:
    for i in range(title_at - 1, -1, -1):
        if m.rule[i] not in (None, "template", "dom_template"):
            continue
        text = m.blocks[i].text
        if len(text) <= MAX_CATEGORY_CHARS and len(text.split()) <= MAX_CATEGORY_WORDS \
                and not _SENTENCE_END.search(text):
            m.rule[i] = "category"
            return text
        return None
    return None


def _mark_title_repeat(m: _Marks, title_at: int, title: str) -> None:
    wanted = _norm(title)
    following = [i for i in range(title_at + 1, len(m.blocks)) if m.kept(i)][:TITLE_REPEAT_WINDOW]
    for start, first in enumerate(following):
        joined = ""
        for i in following[start:]:
            joined += _norm(m.blocks[i].text)
            if joined == wanted:
                for j in following[start:following.index(i) + 1]:
                    m.rule[j] = "title_repeat"
                return
            if not wanted.startswith(joined):
                break


def _split_captions(blocks: Sequence[Block], keep: Sequence[bool]) -> tuple[list[Block], list[str]]:
    body: list[Block] = []
    captions: list[str] = []
    for block, kept in zip(blocks, keep):
        if not kept:
            continue
        split = split_doubled_captions(block.text) if block.hint in ("line", "p") else None
        if split:
            body.extend(Block(block.line_no, c, "caption", 0, "", block.blank_before) for c in split)
            captions.extend(split)
        elif block.hint == "caption":
            if not captions or captions[-1] != block.text:  # img alt and its figcaption say it twice
                body.append(block)
                captions.append(block.text)
        else:
            body.append(block)
    return body, captions


def clean_blocks(source_path: str, source_format: str, blocks: Sequence[Block],
                 templates: frozenset[int] = frozenset(), html_title: str | None = None,
                 removed_markup: Sequence[RemovedLine] = (),
                 signatures: Sequence[int | None] | None = None) -> CleanPage:
    """Separate article blocks from chrome and parse metadata, attachments, contact and category.

    Every block that does not reach the body is returned in CleanPage.removed with its rule.
    signatures: block_signatures(blocks), when the caller has them already (computed once a page).
    """
    m = _Marks(blocks)
    _mark_metadata(m)
    _mark_parsed_lines(m)
    _mark_related(m)
    _mark_templates(m, templates, signatures)
    title_at = _title_index(m, html_title)
    title = category = None
    if title_at is not None:
        title = _TITLE_LABEL.sub("", blocks[title_at].text) or blocks[title_at].text
        m.rule[title_at] = "title"
        category = m.breadcrumb or _category_above(m, title_at)
        for i in range(title_at):
            if m.kept(i):
                m.rule[i] = "before_title"
        _mark_title_repeat(m, title_at, title)
        _mark_section_repeat(m, title_at)
    keep = [m.kept(i) for i in range(len(blocks))]
    body, captions = _split_captions(blocks, keep)
    removed = list(removed_markup) + [RemovedLine(b.line_no, b.text, m.rule[i]) for i, b in enumerate(blocks)
                                      if m.rule[i] not in (None, "title")]
    department, phone = m.contact if m.contact else (None, None)
    metadata = Metadata(title=title, category=category or m.breadcrumb, author=m.fields.author,
                        published_at=m.fields.published_at, view_count=m.fields.view_count,
                        contact_department=department, contact_phone=phone, attachments=tuple(m.attachments))
    return CleanPage(source_path, source_format, metadata, tuple(body), tuple(captions),
                     tuple(sorted(removed, key=lambda r: r.line_no)))
