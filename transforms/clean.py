"""Remove chrome from a page's blocks, keeping every removed line on record, and parse what it carries.

Order of decisions for each block: metadata line > attachment item > breadcrumb > contact footer >
named line rule > related list > small box after the article's body (tail_boxes) > corpus template. Then the title
is chosen, the category is the section the breadcrumb names (or, with none, the short line above the title), a path
written below the title is text again, everything else above the title is header chrome, and the title's repeat in
the body is dropped.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from cityclips.transforms.captions import split_doubled_captions
from cityclips.transforms.contacts import find_contact
from cityclips.transforms.dates import parse_date
from cityclips.transforms.field_items import merge_field_items
from cityclips.transforms.metadata import (ATTACHMENT_HEADER_RE, BREADCRUMB_ROOT, MAX_BARE_BYLINE_VALUES, MAX_BARE_VALUE_CHARS,
                                           MAX_BREADCRUMB_PART_WORDS, parse_category_field,
                                           MetadataFields, as_contact, breadcrumb_steps, find_attachments, find_metadata_run,
                                           parse_attachment, parse_bare_byline, parse_breadcrumb, parse_contact, section_step, is_code_field,
                                           parse_dateline, parse_split_contact)
from cityclips.transforms.metadata import is_field_line, parse_metadata_line
from cityclips.transforms.reconcile import find_title_block, path_section, path_sections, same_title
from cityclips.transforms.html import OUTSIDE_REGION, REGION_EDGE, is_schedule_line, reads_as_prose, text_weight
from cityclips.transforms.records import Attachment, Block, CleanPage, Metadata, RemovedLine
from cityclips.transforms.rules import CONTROL_RULE, match_line_rule
from cityclips.transforms.tail_boxes import ARTICLE_TAIL, article_home, article_tail
from cityclips.transforms.template import block_signatures, template_rules

MAX_CATEGORY_CHARS = 40  # a section name is a few words ('News Clips', '보도자료')
MAX_CATEGORY_WORDS = 5
MAX_TITLE_CHARS = 300  # longer 'titles' are paragraphs: fall back to the next candidate
TITLE_SEARCH_BLOCKS = 12  # a static page's title is among its first dozen non-chrome lines
TITLE_REPEAT_WINDOW = 8  # the headline repeated in the body appears within a few lines of the top
MAX_PARSED_LINE_CHARS = 200  # chrome, attachment and contact lines are all shorter than this
_BREADCRUMB_CHARS = re.compile(r"[>›»/]")
_FILE_HINT = re.compile(r"\.[A-Za-z0-9]{1,6}\b.*\d\s*(?:[KMG]B|bytes?)", re.IGNORECASE)
_PHONE_HINT = re.compile(r"\d{3,4}[-.\s)]\d{4}")
_TITLE_LABEL = re.compile(r"^(제\s?목|title|subject)\s*[:：]\s*", re.IGNORECASE)
# 'Related News' / '관련 기사' and the list of other articles under it.
# ... and of other pages of the site's own kinds ('Related Events', 'Related Documents', '관련 행사', '관련 문서')
_RELATED_HEADER = re.compile(r"^(related (news|articles?|posts?|stories|links|events|documents)|more news|"
                             r"관련\s?(기사|뉴스|소식|게시물|글|행사|문서)|다른 기사|함께 보면 좋은 (기사|글))\s*:?$",
                             re.IGNORECASE)
# A line ending in a comma or a full stop goes on or closes a sentence; not one ending in an abbreviation, capitals
# ('U.S.') or letters with stops between them ('... @ 9:30 a.m. - 12:00 p.m.', a meeting's headline).
_SENTENCE_END = re.compile(r"[,;]$|(?<![A-Z])(?<!\.[a-z])\.$")
MAX_PROSE_TITLE_CHARS = 150  # a headline this long that ends as a sentence ends is the article's first paragraph
_PROSE_END = re.compile(r"[.!?。…”\"’)]$|다$")
_NORMALISE = re.compile(r"\W+")
# The hints of blocks that state a headline: <h1>/<title>, another heading, a board's title cell.
STATED_TITLE_HINTS = ("title", "heading", "cell")
META_CLASS_RULE = "html_meta_class"  # html.py's rule for a box its class names metadata ('event-meta', 'info')
FACT_DIGIT_SHARE = 0.25  # 'Date: November 20, 2019' is 30% digits; 'Copyright 2019 Gwangju' 20%


def _norm(text: str) -> str:
    return _NORMALISE.sub("", text.lower())


class _Marks:
    """Per-block removal decisions and the fields collected while making them."""

    def __init__(self, blocks: Sequence[Block], day_first: bool | None = None):
        self.blocks = blocks
        self.day_first = day_first  # how the page writes numeric dates (MarkupMetadata.day_first)
        self.sections: set[str] = set()  # the <title> path's middle steps, normalised (reconcile.path_sections)
        self.section: str | None = None  # ... and its innermost one (reconcile.path_section)
        self.rule: list[str | None] = [None] * len(blocks)
        self.fields = MetadataFields()
        self.metadata_at: int | None = None
        self.metadata_source: str | None = None
        self.attachments: list[Attachment] = []
        self.contact: tuple[str, str] | None = None
        self.breadcrumb: str | None = None
        self.breadcrumb_at: list[int] = []  # blocks read as breadcrumbs

    def kept(self, i: int) -> bool:
        return self.rule[i] is None

    def content(self, i: int) -> bool:
        """Kept, and a block of the page's main content (not one outside an HTML page's region)."""
        return self.rule[i] is None and not self.blocks[i].excluded_by


def _mark_metadata(m: _Marks) -> None:
    """Find the first run of metadata lines (one line, or one field per line) and parse it."""
    run = find_metadata_run(m.blocks, m.day_first)
    if run is None:
        return
    m.metadata_at, m.metadata_source = run.start, run.source
    m.fields, m.contact = as_contact(run.fields)
    for k in range(run.start, run.end):
        m.rule[k] = "metadata"
        # a metadata table row may list the attachments too
        m.attachments.extend(find_attachments(m.blocks[k].text, len(m.attachments) + 1))


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
            m.breadcrumb_at.append(i)
            m.rule[i] = "breadcrumb"
        elif _PHONE_HINT.search(text) and (contact := parse_contact(text)) is not None:
            m.contact = m.contact or contact
            m.rule[i] = "contact"
        elif i + 1 < len(m.blocks) and (contact := parse_split_contact(text, m.blocks[i + 1].text)) is not None:
            m.contact = m.contact or contact
            m.rule[i] = m.rule[i + 1] = "contact"
        elif (rule := match_line_rule(text)) is not None and not (rule == COPYRIGHT_RULE and _caption_credit(block)):
            m.rule[i] = rule


COPYRIGHT_RULE = "copyright"  # rules' name for '© 2020 Seoul Metropolitan Government', 'All rights reserved'
MIN_CREDITED_WEIGHT = 16  # a caption's own words before the mark: a phrase at least ('광주시청 전경' is 12)
MAX_CREDIT_CHARS = 40  # ... and after it a name ('이마음', 'Jane Doe/City of Gwangju'), not a notice
_COPYRIGHT_MARK = re.compile(r"[ⓒ©]|\(c\)", re.IGNORECASE)
_RIGHTS = re.compile(r"rights reserved|무단|저작권", re.IGNORECASE)


def _caption_credit(block: Block) -> bool:
    """True when a caption ends with its picture's credit ('... 다리 역할을 하고 있다. ©이마음', 'The old fortress wall at
    dawn. © Jane Doe'): the mark follows the caption's own words and names a photographer, so the line is the caption,
    credit included, not the site's copyright line (which opens with the mark or reserves rights)."""
    if block.hint != "caption":
        return False
    mark = _COPYRIGHT_MARK.search(block.text)
    if mark is None:
        return False
    before, after = block.text[:mark.start()].strip(), block.text[mark.end():].strip()
    return text_weight(before) >= MIN_CREDITED_WEIGHT and 0 < len(after) <= MAX_CREDIT_CHARS \
        and not _COPYRIGHT_MARK.search(after) and not _RIGHTS.search(block.text)


# A line of labelled fields whose values are single tokens ('(Release ID: 2296782) Visitor Counter : 1121'): no sentence.
_FIELDS_ONLY = re.compile(r"^(?:\(?[^:：()]{1,30}[:：]\s*[^\s()]+\)?\s*)+$")


def _mark_counter_lines(m: _Marks) -> None:
    """A content line of labelled fields alone, one of them a view count ('(Release ID: 2296782) Views : 1121',
    '(보도번호 : 123) 조회수 : 1,121'), is the page's counter wherever it sits (under the article's sign-off, away from
    the byline's metadata run): a count of readers is never the article's text. Its views are the page's when the
    metadata run gave none."""
    for i, block in enumerate(m.blocks):
        if not m.content(i) or len(block.text) > MAX_PARSED_LINE_CHARS or not _FIELDS_ONLY.match(block.text):
            continue
        views = parse_metadata_line(block.text).view_count
        if views is None:
            continue
        m.rule[i] = "metadata"
        if m.fields.view_count is None:
            m.fields = replace(m.fields, view_count=views)


MIN_FIELD_ROWS = 2  # two other kept 'label : value' rows beside it: the tag row is one field of a record's list
_LABELLED_ROW = re.compile(r"^[^\s:：][^:：]{0,30}[:：]\s*\S")


def _keep_field_list_tags(m: _Marks) -> None:
    """A keyword row that is one row of a record's field list ('<li>키워드 : #산업통상부 #업무보고</li>' among '<li>방송형태 :
    뉴스</li>', '<li>출연자 : ...</li>', 'Keywords: #budget #transit' among a dataset's fields) is the record's field,
    not a tag bar under an article: two other kept labelled rows at its DOM path say so (recurrence). A byline's
    rows are metadata, not kept, so a news page's 'Tags:' row beside them still goes."""
    for i, block in enumerate(m.blocks):
        if m.rule[i] != "tags" or block.hint != "cell" or not block.dom_path or not _LABELLED_ROW.match(block.text):
            continue
        rows = sum(1 for j, other in enumerate(m.blocks) if j != i and other.dom_path == block.dom_path
                   and other.hint == "cell" and m.content(j) and _LABELLED_ROW.match(other.text))
        if rows >= MIN_FIELD_ROWS:
            m.rule[i] = None


MIN_STAMP_COPIES = 3  # a box of the same sentences in three places of one page is a stamp the site put in each section
MIN_STAMP_WEIGHT = 40  # ... a sentence ('[출처] Bizinfo 제공하는 지원사업정보입니다.'), not a label ('Presentation')
_STAMP_SENTENCE = re.compile(r"[.!?。]\s|[.!?。]$|다\.")
PAGE_STAMP = "page_stamp"


def _mark_page_stamps(m: _Marks) -> None:
    """The content blocks at a DOM path that holds nothing but copies of the same sentences, each in
    MIN_STAMP_COPIES places or more apart from each other ('[출처] Bizinfo 제공하는 지원사업정보입니다.' and 'RSS 및 티커
    서비스를 ...' under every section of a notice): a stamp the site repeats, not the article's text, which says a
    thing once (recurrence within the page). Paragraphs repeated among other text of their box (a minutes page's
    'hearing no comment, he closed the public comment period.' after each item) stay: their path holds other lines."""
    by_path: dict[str, list[int]] = {}
    for i, block in enumerate(m.blocks):
        if m.content(i) and block.dom_path:
            by_path.setdefault(block.dom_path, []).append(i)
    for members in by_path.values():
        if len(members) < MIN_STAMP_COPIES:
            continue
        copies: dict[str, list[int]] = {}
        for i in members:
            copies.setdefault(m.blocks[i].text, []).append(i)
        if all(len(at) >= MIN_STAMP_COPIES and _apart(at) and text_weight(text) >= MIN_STAMP_WEIGHT
               and _STAMP_SENTENCE.search(text) for text, at in copies.items()):
            for i in members:
                m.rule[i] = PAGE_STAMP


def _apart(at: list[int]) -> bool:
    """True when no two of the block indices are neighbours: copies placed in separate parts of the page."""
    return all(b - a > 1 for a, b in zip(at, at[1:]))


LOGIN_PROMPT = "login_prompt"  # rules' name for 'Please log in to comment.', '로그인 후 작성 가능합니다.'
LOGIN_WIDGET = "login_widget"
MAX_WIDGET_LEVELS = 3  # the prompt's box, the widget's box around it, one more: a comment form is a small nest of boxes
MAX_WIDGET_LINES = 6  # a form's title, its prompt and a few notes; a box of more lines is the page's own text


def _mark_login_widgets(m: _Marks) -> None:
    """The lines of a small box around a login prompt ('채용 담당자에게 질문하기' / '*로그인 후 작성 가능합니다.' / '이 댓글에 대한
    법적 책임은 작성자에게 귀속됩니다.', 'Leave a comment' / 'Please log in to comment.' / 'Comments are moderated.'): a
    comment or question form the reader must log in to use, with its title and its notes, is the site's widget. The
    box is the largest of the prompt's first ancestors (MAX_WIDGET_LEVELS) holding MAX_WIDGET_LINES lines or fewer,
    all short; a prompt inside a box of the page's own text (a notice's many lines, or a short post's few lines of
    prose: the box tail_boxes calls the article's home) takes nothing with it."""
    home = None
    for i, block in enumerate(m.blocks):
        if m.rule[i] != LOGIN_PROMPT or not block.dom_path:
            continue
        if home is None:  # a box holding the article's own prose is never a widget, however short the article
            home = article_home(m.blocks, [m.content(j) for j in range(len(m.blocks))])
        steps = block.dom_path.split("/")
        widget: list[int] = []
        for level in range(1, min(MAX_WIDGET_LEVELS, len(steps) - 1) + 1):
            box = "/".join(steps[:-level])
            lines = [j for j, other in enumerate(m.blocks) if other.dom_path == box
                     or other.dom_path.startswith(box + "/")]
            if len(lines) > MAX_WIDGET_LINES or any(len(m.blocks[j].text) > MAX_PARSED_LINE_CHARS for j in lines) \
                    or (home and (home == box or home.startswith(box + "/"))):
                break
            widget = lines
        for j in widget:
            if m.content(j):
                m.rule[j] = LOGIN_WIDGET


def _mark_related(m: _Marks) -> None:
    """A 'Related News' header and the run of short lines under it are links to other articles. Under an HTML heading
    the run is what the heading's own box holds after it (the cards of a 'Related Events' box: a picture, a summary,
    a time and a place each, with the dates the walk kept out between them), and it ends where the box ends: a
    paragraph in the next box is the article's ('related news' as a heading over one quote, then the story goes
    on); in a text dump, the lines up to the next paragraph break."""
    home = None
    for i, block in enumerate(m.blocks):
        if block.excluded_by or not _RELATED_HEADER.match(block.text):
            continue
        m.rule[i] = "related"
        box = block.dom_path.rpartition("/")[0] if block.hint == "heading" else ""
        if box:
            if home is None:
                home = article_home(m.blocks, [m.content(j) for j in range(len(m.blocks))])
            if home and (home == box or home.startswith(box + "/")):
                box = ""  # a heading among the article's own paragraphs: its box is the article, not a related list
        for j in range(i + 1, len(m.blocks)):
            following = m.blocks[j]
            if box and following.dom_path != box and not following.dom_path.startswith(box + "/"):
                break  # out of the heading's box: the article goes on ('related news' over a box of its own)
            if following.excluded_by:
                if box:
                    continue  # a card's date the walk kept out: the box goes on
                break
            if not box and following.blank_before and j > i + 1 and following.hint != "li":
                break
            if len(following.text) > MAX_PARSED_LINE_CHARS:
                break
            if m.rule[j] is None:
                m.rule[j] = "related"


def _mark_article_tail(m: _Marks) -> None:
    """Small boxes after the article's body in an HTML page's region: bios, sign-ups, ratings (tail_boxes)."""
    for i in article_tail(m.blocks, [m.content(i) for i in range(len(m.blocks))]):
        m.rule[i] = ARTICLE_TAIL


def _digits_carry(text: str) -> bool:
    """True when digits are a large share of a line's characters (a time, a date, a room number):
    its template signature masks what the line says."""
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and sum(c.isdigit() for c in chars) >= FACT_DIGIT_SHARE * len(chars)


def _mark_templates(m: _Marks, templates: frozenset[int], signatures: Sequence[int | None] | None) -> None:
    if not templates:
        return
    signatures = block_signatures(m.blocks) if signatures is None else signatures
    rules = template_rules(m.blocks, signatures, templates, [m.content(i) for i in range(len(m.blocks))])
    for i, rule in enumerate(rules):
        if rule == "template" and m.content(i) and _digits_carry(m.blocks[i].text):
            continue  # '2:00pm to 4:00pm' recurs with its digits masked: the digits are the page's own facts
        if rule == "template" and m.content(i) and (_amid_own_text(m, i, rules) or _heads_own_text(m, i, rules)):
            continue
        if rule is not None:
            m.rule[i] = rule


def _amid_own_text(m: _Marks, i: int, rules: Sequence[str | None]) -> bool:
    """True when a recurring sentence of an HTML page's content sits between the page's own lines of its
    box: the nearest content blocks before and after it at its DOM path recur on no other page. A series
    of pages shares a standing sentence in the flow of each one's text ('Only the Mayor appointed and vetted
    Commissioners may make motions and vote.' between a meeting's own paragraphs); a site's chrome sits
    around the article, not inside it. A short line ('Advertisement') is no sentence (html.reads_as_prose)."""
    block = m.blocks[i]
    if not block.dom_path or not reads_as_prose(block):
        return False
    return _own_neighbour(m, i, rules, range(i - 1, -1, -1)) and _own_neighbour(m, i, rules, range(i + 1, len(m.blocks)))


def _heads_own_text(m: _Marks, i: int, rules: Sequence[str | None]) -> bool:
    """True when a recurring heading of an HTML page's content opens the page's own prose: a series of pages
    names its sections alike ('Answer of the European Commission', '추진 배경') over each page's own text, where
    a site's chrome heading heads links or recurring lines ('Related news' is marked by _mark_related first, and
    a content block already marked keeps its rule)."""
    if m.blocks[i].hint != "heading":
        return False
    j = next((j for j in range(i + 1, len(m.blocks)) if m.content(j)), None)
    return j is not None and rules[j] is None and m.blocks[j].hint != "heading" and reads_as_prose(m.blocks[j])


def _own_neighbour(m: _Marks, i: int, rules: Sequence[str | None], order: range) -> bool:
    """True when the nearest content block in order at block i's DOM path is one the template pass left alone."""
    path = m.blocks[i].dom_path
    j = next((j for j in order if m.content(j) and m.blocks[j].dom_path == path), None)
    return j is not None and rules[j] is None


def _title_candidates(m: _Marks) -> list[int]:
    """Kept blocks that may be the headline: the content's, and headings above the content that
    sit outside the HTML page's main-content region (a headline is often just above the article).
    Captions and list items are never the headline ('Annual Report (FY 2017)' in a list of documents)."""
    first_content = _first_content(m)
    # nor a table's number field ('정보공개번호 : 2025-182'): a record's number, kept as its text (metadata.is_code_field)
    return [i for i in range(len(m.blocks)) if m.kept(i) and m.blocks[i].hint not in ("caption", "li")
            and not (m.blocks[i].hint == "cell" and is_code_field(m.blocks[i].text)) and not _is_field_row(m, i)
            and not is_bare_date(m.blocks[i].text)  # '16 April 2020', '2025. 12. 06.': when, never what
            and (not m.blocks[i].excluded_by or (i < first_content and (
                m.blocks[i].hint in ("title", "heading") or m.blocks[i].excluded_by == REGION_EDGE)))]


# A box the page's markup classes as accessibility help or footer chrome ('div.acc_hide', 'div.a11y', 'footer',
# 'div.foot-links'): evidence, not a verdict: a line inside one is a headline only when no other line is. A class
# of a few words says what the box is; a long one ('genesis-footer-widgets-hidden' on <body>) describes a page.
_CHROME_WORDS = frozenset({"acc", "accessibility", "a11y", "footer", "foot", "ft"})
MAX_CHROME_CLASS_WORDS = 2  # 'acc_hide', 'foot-links'


# Words that may stand around a date without naming anything: month and weekday names, ordinals' tails.
_DATE_ONLY_WORDS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
                         r"august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|"
                         r"tuesday|wednesday|thursday|friday|saturday|sunday|st|nd|rd|th|of|[년월일]|[월화수목금토일](?:요일)?)$",
                         re.IGNORECASE)


def is_bare_date(text: str) -> bool:
    """True when a line is a date and nothing more ('16 April 2020', 'Thursday, April 16, 2020', '2025. 12. 06.(토)'):
    a date line or heading says when the page was written, never what it is, so it is never the page's title.

    >>> is_bare_date("2025. 12. 06.(토)"), is_bare_date("16 April 2020"), is_bare_date("Update - 16 April 2020")
    (True, True, False)
    """
    if not re.search(r"\d", text) or parse_date(text)[0] is None:
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return all(_DATE_ONLY_WORDS.match(word) for word in words)


def _chrome_box_end(dom_path: str) -> int:
    """Where the first accessibility or footer box of a DOM path ends (the index after its step), or -1. <body>
    (the path's first step) is the page, never a box of it."""
    at = 0
    for n, step in enumerate(dom_path.split("/")):
        at += len(step) + 1
        tag, *classes = step.split(".")
        if n and (tag == "footer" or any(len(words := re.split(r"[_-]", name.lower())) <= MAX_CHROME_CLASS_WORDS
                                         and _CHROME_WORDS & set(words) for name in classes)):
            return at
    return -1


def _passed_chrome_boxes(m: _Marks, title_at: int) -> tuple[str, ...]:
    """The DOM paths of the accessibility or footer boxes above the title that hold an <h1> (hint 'title')."""
    return tuple(block.dom_path[:end] for block in m.blocks[:title_at]
                 if block.hint == "title" and block.dom_path and (end := _chrome_box_end(block.dom_path)) > 0)


def _in_chrome_box(block: Block) -> bool:
    """True when a block's DOM path passes through a box classed as accessibility help or footer chrome."""
    return bool(block.dom_path) and _chrome_box_end(block.dom_path) > 0


def _is_field_row(m: _Marks, i: int) -> bool:
    """True when block i is a cell of a field list: a 'label: value' cell with a 'label: value' cell at its DOM
    path just before or after it. A field names one fact of the record, never its headline."""
    block = m.blocks[i]
    if block.hint != "cell" or not block.dom_path or not is_field_line(block.text):
        return False
    near = [j for j in (i - 1, i + 1) if 0 <= j < len(m.blocks)]
    return any(m.blocks[j].hint == "cell" and m.blocks[j].dom_path == block.dom_path and is_field_line(m.blocks[j].text)
               for j in near)


def _first_content(m: _Marks) -> int:
    """The first block of the page's content (len(blocks) when it has none)."""
    return next((i for i in range(len(m.blocks)) if m.content(i)), len(m.blocks))


def _page_path_steps(m: _Marks) -> set[str]:
    """The steps of the page's own breadcrumb (one above its content), normalised: a line that repeats
    one ('클립본(원본)' under '홈 > 촬영영상 > 클립본(원본)') names the section, not the article. A '>'
    path inside the article ('홈페이지 > 채용정보 > 검색') is a direction to the reader."""
    return {_norm(step) for i in _page_paths(m) for step in breadcrumb_steps(m.blocks[i].text)
            if len(step.split()) <= MAX_BREADCRUMB_PART_WORDS} - {""}  # a longer last step is the page's headline


def _page_paths(m: _Marks) -> list[int]:
    """Breadcrumbs that give the page's own path: in HTML those above its main content; a text dump
    has no region to tell them apart, so all of them."""
    if not any(block.dom_path for block in m.blocks):
        return m.breadcrumb_at
    first = _first_content(m)
    return [i for i in m.breadcrumb_at if i < first]


def _title_index(m: _Marks, html_title: str | None, title_hints: Sequence[tuple[str, str]] = ()) -> int | None:
    """Where the headline is: the first line a markup title confirms; else an <h1>; else the nearest
    line (or HTML heading) above the metadata; else the first headline-like line after the
    breadcrumb, skipping a repeat of the section name (or of any step of the page's breadcrumb)."""
    kept = _title_candidates(m)
    # a line in an accessibility or footer box gives way to any other ('Accessibility Information' above the program)
    kept = [i for i in kept if not _in_chrome_box(m.blocks[i])] or kept
    steps = _page_path_steps(m) | {_norm(m.breadcrumb or "")}
    unsectioned = [i for i in kept if _norm(m.blocks[i].text) not in steps or _names_own_step(m, i, title_hints)]
    confirmed = find_title_block([m.blocks[i].text for i in unsectioned], title_hints) if title_hints else None
    if confirmed is not None:
        return unsectioned[confirmed]
    first = _first_content(m)
    # a board's '제목 : ...' field names the headline outright, even in a field table outside the region
    labelled = [i for i in sorted(set(unsectioned[:TITLE_SEARCH_BLOCKS]) | {
        i for i in range(first) if m.kept(i) and m.blocks[i].hint == "cell"}) if _TITLE_LABEL.match(m.blocks[i].text)]
    if labelled and len(m.blocks[labelled[0]].text) <= MAX_TITLE_CHARS:
        return labelled[0]
    h1 = [i for i in kept if m.blocks[i].hint == "title"]
    if h1:
        # an <h1> in the region first, else the last one above the region
        inside = [i for i in h1 if m.blocks[i].excluded_by != OUTSIDE_REGION]
        return inside[0] if inside else _nearest_heading(m, h1[-1], first)
    headings = [i for i in kept if m.blocks[i].hint == "heading"]
    if m.metadata_at is not None:
        # the nearest line above the metadata, even outside the region (a board table's title row)
        above = [i for i in range(m.metadata_at) if m.kept(i) and m.blocks[i].hint != "caption"
                 and len(m.blocks[i].text) <= MAX_TITLE_CHARS and not _is_field_row(m, i)
                 # nor a paragraph of the page's notes, nor a step of its breadcrumb ('Synopsis' under '... > Synopsis')
                 and not _reads_as_prose(m.blocks[i].text) and _norm(m.blocks[i].text) not in steps]
        # a heading above that names a section of the <title>'s path ('사업공고' for '사이트>공고˙안내>사업공고>상세') is the
        # section's; then a heading right under the byline is the headline ('공고 제 2025-136호' / '게시일 : ...' / headline)
        sections = m.sections
        headings_above = [i for i in headings if i < m.metadata_at and _norm(m.blocks[i].text) not in sections]
        if headings_above:
            return headings_above[-1]
        under = next((i for i in range(m.metadata_at, len(m.blocks)) if m.kept(i)), None)
        if sections and under is not None and under in headings:
            return under
        if above:
            return above[-1]
    after = max(_page_paths(m), default=-1)
    candidates = [i for i in kept if i > after and _norm(m.blocks[i].text) not in steps] or kept
    headings = [i for i in candidates if m.blocks[i].hint == "heading"]
    if headings and (not html_title or headings[0] <= candidates[min(2, len(candidates) - 1)]):
        return headings[0]
    for i in candidates[:TITLE_SEARCH_BLOCKS]:
        text = m.blocks[i].text
        if len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text) and split_doubled_captions(text) is None:
            return i
    if candidates and m.blocks[candidates[0]].dom_path and _reads_as_prose(m.blocks[candidates[0]].text):
        # An HTML page with no headline-like line: its first paragraph is article text, not a title (the
        # markup's title, if any, is used instead; a text dump's first line is its title).
        return None
    return candidates[0] if candidates else None


def _names_own_step(m: _Marks, i: int, title_hints: Sequence[tuple[str, str]]) -> bool:
    """True when the <h1> i repeats the last step of the page's breadcrumb and a markup title says the same: the
    breadcrumb ends at the page itself ('Home > Stories > Women in wartime' over <h1>Women in wartime</h1>, <title>
    'Women in wartime | ...'; '홈 > 보도자료 > 제목' over <h1>제목</h1>, <title>'제목 | 광주광역시'), so its last step is the
    page's name, not a section's, where the <title> names the page so too."""
    block = m.blocks[i]
    return (block.hint == "title" and bool(m.breadcrumb) and _norm(block.text) == _norm(m.breadcrumb)
            and any(_norm(hint) == _norm(block.text) for _, hint in title_hints))


def _nearest_heading(m: _Marks, h1_at: int, first: int) -> int:
    """The heading nearest the body when only headings lie between the last <h1> above the region and
    the region's first block: an <h1> naming the agency, then 'Chapter 123', 'Division 450' and the
    rule's own name ('OREGON ARTS PROGRAM GRANTS') just above its text."""
    between = range(h1_at + 1, first)
    if between and all(m.kept(i) and m.blocks[i].hint in ("heading", "title") for i in between) \
            and len(m.blocks[first - 1].text) <= MAX_TITLE_CHARS:
        return first - 1
    return h1_at


def _reads_as_prose(text: str) -> bool:
    """A paragraph, not a headline: longer than a headline and ending as a sentence ends."""
    return len(text) > MAX_PROSE_TITLE_CHARS and bool(_PROSE_END.search(text))


def _mark_section_repeat(m: _Marks, title_at: int) -> None:
    """The section name repeated as a line near the title ('일반현황' under '홈 > 청주소개 > 일반현황')."""
    section = _norm(m.breadcrumb or "")
    if not section:
        return
    for i in range(max(0, title_at - TITLE_REPEAT_WINDOW), min(len(m.blocks), title_at + TITLE_REPEAT_WINDOW + 1)):
        if m.kept(i) and _norm(m.blocks[i].text) == section:
            m.rule[i] = "category"


def _dateline(m: _Marks, title_at: int) -> datetime | None:
    """The date of a press release's dateline just above or below the title ('Schengen, 3. Juli 2018 —
    Aussendung', 'SEOUL, Dec. 6, 2025'): the page's own date when no metadata line gives one."""
    near = [i for i in (title_at - 1, title_at + 1) if 0 <= i < len(m.blocks)
            and m.rule[i] in (None, "category", REGION_EDGE, OUTSIDE_REGION)]  # metadata wherever the region put it
    return next((d for i in near if (d := parse_dateline(m.blocks[i].text)) is not None), None)


def _mark_bare_byline(m: _Marks, title_at: int) -> None:
    """A byline without labels right under the title, its values siblings of one box ('<ul class="writer"><li>약제기준부
    <li>2025-09-25<li>1,504</ul>', '<p>2/6/2026</p>'): its date and views are the page's (metadata.parse_bare_byline),
    and its lines (two values or more) are metadata, not list items of the body."""
    first = title_at + 1
    if first >= len(m.blocks) or m.rule[first] not in (None, REGION_EDGE, OUTSIDE_REGION):
        return
    path = m.blocks[first].dom_path
    run = list(itertools.takewhile(lambda i: m.blocks[i].dom_path == path and len(m.blocks[i].text) <= MAX_BARE_VALUE_CHARS
                                   and m.rule[i] in (None, REGION_EDGE, OUTSIDE_REGION),
                                   range(first, min(len(m.blocks), first + MAX_BARE_BYLINE_VALUES + 1))))
    fields = parse_bare_byline([m.blocks[i].text for i in run], m.day_first) if path else None
    if fields is None:
        return
    m.fields, m.metadata_source = fields, "byline"
    if len(run) < 2:
        return  # a date alone stays text: on an event's page it is the event's date ('Apr 8, 2026'), which the reader needs
    for i in run:
        if m.rule[i] is None:
            m.rule[i] = "metadata"


def _stated_section(m: _Marks, title_at: int) -> str | None:
    """The line just above the title when it repeats a step of the page's breadcrumb: the section the
    page names twice ('클립본(원본)' above the headline), more exact than the path's last step."""
    above = next((i for i in range(title_at - 1, -1, -1) if m.kept(i)), None)
    if above is None or m.blocks[above].hint not in ("heading", "title", "p", "line"):
        return None
    if any(above < i < title_at for i in m.breadcrumb_at):
        return None  # a heading above the breadcrumb names the menu the path runs through, the path's end is more exact
    if _norm(m.blocks[above].text) not in _page_path_steps(m) - {_norm(m.breadcrumb or "")}:
        return None
    m.rule[above] = "category"
    return m.blocks[above].text


def _category(m: _Marks, title_at: int, title: str, title_hints: Sequence[tuple[str, str]]) -> str | None:
    """The page's section: a line above the title that repeats a step of its breadcrumb, else what the
    breadcrumb names; with no breadcrumb, the short line above the title, when that title is one the page
    states (a heading, a board's title field) or the markup confirms: above an unstated line that the
    markup's title will replace (a photo credit, a teaser) the line above is whatever chrome came before."""
    stated = _stated_section(m, title_at)
    if stated:
        return stated
    # a heading above the title that names the innermost section of the <title>'s path ('사업공고' of '사이트>공고˙안내>사업공고>상세')
    named = next((i for i in range(title_at - 1, -1, -1) if m.kept(i) and m.blocks[i].hint == "heading"
                  and _norm(m.blocks[i].text) == m.section), None)
    if named is not None:
        m.rule[named] = "category"
        return m.blocks[named].text
    crumb_at = next((i for i in m.breadcrumb_at if parse_breadcrumb(m.blocks[i].text)), None)  # a path, not 'Home' alone
    if crumb_at is not None:
        return _breadcrumb_section(m, crumb_at, title)
    unstated = m.blocks[title_at].hint not in STATED_TITLE_HINTS
    if unstated and title_hints and not any(same_title(title, hint) for _, hint in title_hints):
        return None
    return _category_above(m, title_at)


def _category_field(m: _Marks) -> str | None:
    """The section a labelled field names ('Category: BOC Meeting', '... | Topic: Peoples AG', '분류 : 공지사항', or the
    label on one line and its value on the next): it states outright what a breadcrumb or a line above the title
    suggests. The first such field of the page, wherever the region put it (a board's field rows often sit outside)."""
    blocks = m.blocks
    return next((found for i, block in enumerate(blocks) if ":" in block.text or "：" in block.text
                 if (found := parse_category_field(block.text, blocks[i + 1].text if i + 1 < len(blocks) else None))), None)


def _category_above(m: _Marks, title_at: int) -> str | None:
    """The short line just above the title, when the page has no breadcrumb to name its section.

    Not an image's alt text ('Search by Algolia', a logo's file name: a caption names a picture) nor a
    control's label: a line that starts or ends with a button's word ('Print This Page', '이 페이지 인쇄').
    A board's one-sentence description between its name and the post ('공지사항' / '... 최근 소식과 정보입니다.' / the
    headline, 'News' / 'The latest news from the department.' / the headline) is passed over to the heading above
    it, and is the board's as its name is: it leaves the body with it (SECTION_DESCRIPTION), said once for every post."""
    described = None
    for i in range(title_at - 1, -1, -1):
        if m.rule[i] not in (None, "template", "dom_template"):
            continue
        text = m.blocks[i].text
        if m.blocks[i].hint == "caption" or _is_control_label(text):
            return None
        if len(text) <= MAX_CATEGORY_CHARS and len(text.split()) <= MAX_CATEGORY_WORDS \
                and not _SENTENCE_END.search(text) and (described is None or m.blocks[i].hint == "heading"):
            m.rule[i] = "category"
            if described is not None:
                m.rule[described] = SECTION_DESCRIPTION
            return _unseparated_path_end(m, i) or text
        if described is not None or not _SENTENCE_END.search(text) or len(text) > MAX_BOARD_DESCRIPTION_CHARS:
            return None
        described = i
    return None


SECTION_DESCRIPTION = "section_description"


def _unseparated_path_end(m: _Marks, at: int) -> str | None:
    """The last step of a path written without separators (its arrows are images: '홈 알림마당 사업공고', 'Home News Press
    Releases'): the line starts with a root word and ends with the text of a heading or caption above it (the
    section's own heading, '사업공고'), which is that step; None for any other line."""
    words = m.blocks[at].text.split()
    if len(words) < 3 or not BREADCRUMB_ROOT.match(words[0]):
        return None
    key = _norm(m.blocks[at].text)
    for i in range(at - 1, -1, -1):
        step = _norm(m.blocks[i].text)
        if m.blocks[i].hint in ("heading", "title", "caption") and len(step) >= MIN_PATH_STEP_CHARS \
                and key.endswith(step) and len(step) < len(key) - len(_norm(words[0])):
            return m.blocks[i].text
    return None


MIN_PATH_STEP_CHARS = 2  # '공지', 'News': a step's name
MAX_BOARD_DESCRIPTION_CHARS = 120  # '수출지원기반활용사업에서 알려드리는 최근 소식과 정보입니다.': one sentence about the board


_HANGUL_END = re.compile(r"[가-힣]$")


def _is_control_label(text: str) -> bool:
    """A button's or link's label: its verb is a control's word, first in English ('Print This Page', 'Share this
    story'), last in Korean ('이 페이지 인쇄', '본문 공유'). A name that merely ends with one ('The GiveWell Blog') is not."""
    words = text.split()
    if not words:
        return False
    verb = words[-1] if _HANGUL_END.search(text) else words[0]
    return match_line_rule(verb) == CONTROL_RULE


def _release_directions(m: _Marks, title_at: int) -> None:
    """A path written in the article's text below its headline ('홈페이지 게시판 (커뮤니티>문의하기) 온라인 문의',
    '1) 학생 -> YuTopia를 통한 접수') is a direction to the reader, kept as text: a page's breadcrumb sits above
    its headline (or is marked as one). HTML only: a text dump has no region to tell the article's text apart."""
    directions = [i for i in m.breadcrumb_at if i > title_at and m.blocks[i].dom_path
                  and not m.blocks[i].excluded_by and m.blocks[i].hint != "breadcrumb"]
    for i in directions:
        m.rule[i] = None
        m.breadcrumb_at.remove(i)
    if directions:
        m.breadcrumb = next((crumb for i in m.breadcrumb_at if (crumb := parse_breadcrumb(m.blocks[i].text))), None)


def _breadcrumb_section(m: _Marks, first: int, title: str) -> str | None:
    """The section the breadcrumb at block first names: its last step, or the step before it when the last is the
    page itself ('Home > City Events > Human Rights Commission Meeting' under that headline; a root such as
    'Home' names no section). None when a step repeats ('홈 > 법규·규제 > 규제운영 > 자율규제 > 규제운영'):
    the line runs the site's menus together, and its steps do not say which one is the page's section."""
    steps = [step for step in breadcrumb_steps(m.blocks[first].text) if _norm(step)]
    keys = [_norm(step) for step in steps]
    if len(set(keys)) < len(keys):
        return None
    if len(steps) >= 2 and keys[-1] == _norm(title):
        section = steps[section_step(steps)]  # past the page's parent item its headline names (metadata.section_step)
        return None if BREADCRUMB_ROOT.match(section) else section
    return m.breadcrumb


def _inquiry_contact(m: _Marks, title_at: int | None) -> tuple[str | None, str | None]:
    """With no contact footer, whom to call about the page (contacts.find_contact): an inquiry line the body keeps
    ('문의 : 063-240-2422', 'Phone: 517-284-6135') or the article's header gives between its title and its text ('Contact:
    (916) 210-6000, agpressoffice@doj.ca.gov' under the date, wherever the region put it), else a contact box
    ('Contact:' / 'Board of Education Office' / '678-676-0027'), else a sentence asking the reader to call."""
    header = range(title_at + 1, _first_content(m)) if title_at is not None else range(0)
    content = sorted({i for i in range(len(m.blocks)) if m.content(i)} | set(header))
    # a contact card after the article's body is its furniture (article_tail, or a card the site repeats under every
    # release: template lines of the region, or a box its class names the page's metadata) and still says whom to call
    around = sorted(set(content) | {i for i in range(len(m.blocks)) if m.rule[i] in (ARTICLE_TAIL, META_CLASS_RULE)
                                    or (m.rule[i] == "template" and not m.blocks[i].excluded_by)})
    return find_contact([block.text for block in m.blocks], content, around)


def _mark_title_repeat(m: _Marks, title_at: int, title: str) -> None:
    wanted = _norm(title)
    following = [i for i in range(title_at + 1, len(m.blocks)) if m.content(i)][:TITLE_REPEAT_WINDOW]
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


def _title_source(block: Block) -> str:
    if block.hint == "cell":
        return "board_table"
    return "heading" if block.hint in ("title", "heading") else "text_line"


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


def _schedule_headings_as_text(body: list[Block]) -> list[Block]:
    """A heading that states only when ('<h2>Tue, Jul 30 2024, 9 - 11am</h2>', '<h3>2025년 12월 17일 (수) 14:00</h3>': a
    date with its weekday or under a label, html.is_schedule_line) is the event's fact set large, not a section
    of the text: it comes out as a paragraph."""
    return [replace(b, hint="p") if b.hint == "heading" and is_schedule_line(b.text) else b for b in body]


def clean_blocks(source_path: str, source_format: str, blocks: Sequence[Block],
                 templates: frozenset[int] = frozenset(), html_title: str | None = None,
                 removed_markup: Sequence[RemovedLine] = (),
                 signatures: Sequence[int | None] | None = None,
                 title_hints: Sequence[tuple[str, str]] = (), day_first: bool | None = None) -> CleanPage:
    """Separate article blocks from chrome and parse metadata, attachments, contact and category.

    Every block that does not reach the body is returned in CleanPage.removed with its rule.
    signatures: block_signatures(blocks), when the caller has them already (computed once a page).
    title_hints: (source, title) from the page's markup (reconcile.title_hints): the line they match is the title.
    day_first: how the page writes '08-07-2024' (MarkupMetadata.day_first), for its metadata lines' dates.
    """
    m = _Marks(blocks, day_first)
    m.sections, m.section = path_sections(html_title), path_section(html_title)
    _mark_metadata(m)
    _mark_parsed_lines(m)
    _mark_counter_lines(m)
    _keep_field_list_tags(m)
    _mark_page_stamps(m)
    _mark_login_widgets(m)
    _mark_related(m)
    _mark_article_tail(m)
    _mark_templates(m, templates, signatures)
    title_at = _title_index(m, html_title, title_hints)
    title = category = None
    if title_at is not None:
        title = _TITLE_LABEL.sub("", blocks[title_at].text).rstrip(" :：") or blocks[title_at].text
        m.rule[title_at] = "title"
        _release_directions(m, title_at)
        category = _category_field(m) or _category(m, title_at, title, title_hints)
        # Above the title: a text dump's header chrome. In HTML the region decides what is content,
        # so a block of the region is never dropped only for coming before a (perhaps wrong) title.
        # An accessibility or footer box above the title whose <h1> the title passed over (the 'Accessibility
        # Information' box) is no content either: the box's lines go with its heading.
        passed = _passed_chrome_boxes(m, title_at)
        for i in range(title_at):
            if m.kept(i) and (source_format != "html" or (blocks[i].dom_path or "").startswith(passed)):
                m.rule[i] = "before_title"
        _mark_title_repeat(m, title_at, title)
        _mark_section_repeat(m, title_at)
    for i, block in enumerate(blocks):
        if block.excluded_by and m.rule[i] is None:
            m.rule[i] = block.excluded_by
    if title_at is not None and m.metadata_at is None:
        _mark_bare_byline(m, title_at)
    keep = [m.kept(i) for i in range(len(blocks))]
    body, captions = _split_captions(blocks, keep)
    body = merge_field_items(body)  # '<li>경력<p>관계없음</p></li>': one field row, not two list items
    body = _schedule_headings_as_text(body)
    removed = list(removed_markup) + [RemovedLine(b.line_no, b.text, m.rule[i]) for i, b in enumerate(blocks)
                                      if m.rule[i] not in (None, "title")]
    department, phone = m.contact if m.contact else _inquiry_contact(m, title_at)
    fields, source = m.fields, m.metadata_source
    if fields.published_at is None and title_at is not None and (dated := _dateline(m, title_at)) is not None:
        fields = replace(fields, published_at=dated)
    category = category if title_at is not None else m.breadcrumb  # no title: the breadcrumb's last step
    metadata = Metadata(title=title, category=category, author=fields.author,
                        published_at=fields.published_at, view_count=fields.view_count,
                        contact_department=department, contact_phone=phone, attachments=tuple(m.attachments),
                        modified_at=fields.modified_at, department=fields.department,
                        title_source=_title_source(blocks[title_at]) if title_at is not None else None,
                        author_source=source if fields.author else None,
                        published_at_source=(source if m.fields.published_at else "byline") if fields.published_at else None,
                        modified_at_source=source if fields.modified_at else None,
                        department_source=source if fields.department else None)
    return CleanPage(source_path, source_format, metadata, tuple(body), tuple(captions),
                     tuple(sorted(removed, key=lambda r: r.line_no)))
