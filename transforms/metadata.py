"""Parse the metadata the chrome carries: author/date/views lines, attachments, contacts, breadcrumbs."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from cityclips.transforms.dates import (CLOCK_LINE, POSTING_WORDS, TIME_RANGE, names_document_date, parse_date,
                                       parse_labelled_date)
from cityclips.transforms.records import Attachment, Block, MetadataFields

MAX_METADATA_LINE_CHARS = 200  # a metadata line is a handful of fields; longer lines are prose
MAX_CONTACT_LINE_CHARS = 160  # a contact footer names a department and a number, nothing more
SIZE_MULTIPLIERS = {"B": 1, "BYTE": 1, "BYTES": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}
# Counts and sizes past these are digit runs glued to something else, not real values; they would also
# overflow the int64 columns they are written to, so they become None.
MAX_PLAUSIBLE_COUNT = 10 ** 12
MAX_PLAUSIBLE_BYTES = 1024 ** 5

# Field labels as the sites write them, by the field they name (longest first wins where several match).
# The first group of each kind is matched glued to what precedes it ('adminDate :', the scrape joins
# cells); labels added for real pages' bylines and board tables must stand as words of their own.
AUTHOR_LABELS = ("Name", "Writer", "Author", "Posted by", "By", "작성자", "글쓴이", "등록자", "게시자", "담당자", "작성부서",
                 "Department", "담당부서", "부서명")
# Department labels also start contact footers ('담당부서 : 인공지능산업과 ☎ ...'): they count as
# metadata only beside a date, never on their own.
WEAK_LABELS = ("department", "담당부서", "담당자", "부서명", "수정일", "최종수정일", "modified", "last modified", "updated",
               "등록부서", "소관부서", "관리부서", "담당과", "연락처", "전화번호", "문의전화", "수정", "업데이트", "기사수정", "최종수정",
               "last updated", "updated on", "phone", "telephone", "tel", "contact number")
DATE_LABELS = ("Date", "Posted", "Posted on", "Registered", "Reg. Date", "등록일", "작성일", "게시일", "등록일자", "날짜")
GENERIC_DATE_LABELS = frozenset({"date", "날짜"})
VIEW_LABELS = ("Views", "View", "Hits", "Hit", "Read", "조회수", "조회")
# A modification date sits beside the publication date; it is recognised (so the line is metadata)
# but never taken for published_at.
MODIFIED_LABELS = ("수정일", "최종수정일", "Modified", "Last modified", "Updated")
# Labels of real pages' bylines ('입력 2025.12.06 16:43 수정 ...', '기자명 홍길동'), board field lists
# (등록부서, 담당부서) and contact fields (연락처: kept so that its number does not run into the department).
WORD_AUTHOR_LABELS = ("기자명", "Written by", "Reporter")
WORD_DATE_LABELS = ("입력", "기사입력", "입력일", "입력일시", "등록", "등록일시", "작성일시", "게시일시", "발행일", "승인", "보도일",
                    "보도일자", "보도일시", "배포일", "배포일시", "Published", "Published on", "Release date", "Released",
                    "게시일자", "작성일자", "공고일", "공고일자", "Publication date", "Created", "Created on", "Issued",
                    "Date issued", "Issue date")
WORD_MODIFIED_LABELS = ("수정", "기사수정", "최종수정", "수정일시", "최종수정일시", "업데이트", "Last updated", "Updated on",
                        "Page last updated", "Last reviewed", "Last revised", "Revised", "Reviewed", "Page last reviewed")
WORD_VIEW_LABELS = ("조회 수", "열람수", "열람 수", "Visitor Counter", "Visitor count", "Page views")
# The department that registered or answers for the page. The first four were always read as the
# author too (the pages name no person); the others fill the author only when no author label does.
DEPARTMENT_LABELS = ("작성부서", "Department", "담당부서", "부서명", "등록부서", "소관부서", "관리부서", "담당과")
PHONE_LABELS = ("연락처", "전화번호", "문의전화", "Phone", "Telephone", "Tel", "Contact number")
# Labels that may stand without a colon ('Writer Incheon City  Date 2023-04-05  Hit 321', '등록일 2023-09-14 | 조회 2,317').
# A line using only these must also carry a date or two fields to count as metadata.
BARE_LABELS = ("Writer", "Author", "Posted by", "Posted on", "Posted", "Reg. Date", "By", "Date", "Views", "Hits", "Hit",
               "작성자", "등록일", "등록일자", "작성일", "게시일", "조회수", "조회", "작성부서", "담당부서") \
    + WORD_AUTHOR_LABELS + WORD_DATE_LABELS + WORD_MODIFIED_LABELS + WORD_VIEW_LABELS \
    + ("등록부서", "소관부서", "관리부서", "연락처", "전화번호")
_KINDS = (("author", AUTHOR_LABELS + WORD_AUTHOR_LABELS), ("date", DATE_LABELS + WORD_DATE_LABELS),
          ("views", VIEW_LABELS + WORD_VIEW_LABELS), ("modified", MODIFIED_LABELS + WORD_MODIFIED_LABELS),
          ("department", DEPARTMENT_LABELS), ("phone", PHONE_LABELS))
_LABEL_KIND = {label.lower(): kind for kind, labels in _KINDS for label in labels}
_AUTHOR_TOO = frozenset(label.lower() for label in AUTHOR_LABELS if label in DEPARTMENT_LABELS)
# A bare (colon-less) date label must be followed by its date ('입력 2025.12.06'), so that prose
# starting with the word ('등록 기간은 2025.12.06까지') is not taken for a byline.
_BARE_DATE_KINDS = ("date", "modified")
_GLUED = sorted((label for label in _LABEL_KIND if label not in {w.lower() for w in
                 WORD_AUTHOR_LABELS + WORD_DATE_LABELS + WORD_MODIFIED_LABELS + WORD_VIEW_LABELS
                 + DEPARTMENT_LABELS[4:] + PHONE_LABELS}), key=len, reverse=True)
_WORDS = sorted(set(_LABEL_KIND) - set(_GLUED), key=len, reverse=True)
_GLUED_RE = "|".join(re.escape(label) for label in _GLUED)
_WORDS_RE = "|".join(re.escape(label) for label in _WORDS)
_BARE = "|".join(re.escape(label) for label in sorted(BARE_LABELS, key=len, reverse=True))
# A label followed by ':' needs no word boundary before it, since the scrape glues 'adminDate :';
# a bare label must stand as a word of its own.
_LABEL_RE = re.compile(rf"(?:(?:({_GLUED_RE})|(?<![^\W_])({_WORDS_RE}))\s*[:：]\s*|(?<![^\W_])({_BARE})(?![^\W_])\s*)",
                       re.IGNORECASE)
_LINE_START_LABEL = re.compile(rf"^\W{{0,3}}(?:({_GLUED_RE}|{_WORDS_RE})\s*[:：]|({_BARE})(?![^\W_]))", re.IGNORECASE)
_INT_RE = re.compile(r"\d[\d,]*")

_SIZE = r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[KMG]B|bytes?|B)"
SIZE_RE = re.compile(_SIZE, re.IGNORECASE)  # a size shown beside a file's link ('(136 KB)', '49.69 KB')
# Download counts come as ', Download: 1', ' / 다운로드 17회', ' Downloads 27' or ' - downloaded 11 times'.
_DOWNLOAD_COUNT = r"(?:downloads?|downloaded|다운로드|다운|hits)\s*[:：]?\s*(?P<dl{n}>\d[\d,]*)\s*(?:회|times)?"
_DOWNLOADS = rf"(?:\s*[,/-]?\s*{_DOWNLOAD_COUNT})?"
DOWNLOADS_RE = re.compile(_DOWNLOAD_COUNT.format(n=""), re.IGNORECASE)  # a count beside a file's link ('다운로드 17회')
_ATTACHMENT_BODY = (rf"\.(?P<ext>[A-Za-z0-9]{{1,6}}))\s*(?P<open>[\[(])?\s*(?:(?:size|크기|용량)\s*[:：]\s*)?{_SIZE}"
                    rf"{_DOWNLOADS.format(n=1)}\s*(?(open)[\])]){_DOWNLOADS.format(n=2)}")
_ATTACHMENT_RE = re.compile(rf"^[\W_ㆍ·•]{{0,3}}\s*(?:(?:첨부\s?파일|파일\s?첨부|첨부|attachments?|attached files?|files?|"
                            rf"download)\s*(?:\(\d+\))?\s*[:：]?\s*)?(?P<name>(?:\[[^\]\n]{{1,30}}\])?[^\[\]\n]{{1,200}}?{_ATTACHMENT_BODY}\s*$",
                            re.IGNORECASE)
# Inside a metadata row ('첨부 : 현황.xls [size: 1.32 MB, Download: 63]') the name has no spaces.
_INLINE_ATTACHMENT_RE = re.compile(rf"(?P<name>[^\s\[\]:：]{{1,200}}?{_ATTACHMENT_BODY}", re.IGNORECASE)
ATTACHMENT_HEADER_RE = re.compile(r"^(files?|attachments?|attached files?|첨부\s?파일|첨부|파일)\s*[:：]?"
                                  r"(\s*\(\d+\))?(\s*(개|건))?$", re.IGNORECASE)

# The area code may close with a bracket alone, as Korean pages write it: '062)613-2321'. A number written in the
# international form goes by its country code, the trunk '(0)' and groups of digits as the country writes them
# ('+43 (0) 50 11 50 - 3320', '+43 1 711 00-3320', '+82 (0)62 613 2321'): eight digits or more, two groups or more after
# the code, the last of two digits or more, a lone space or a dash (perhaps spaced) between them.
_NATIONAL_PHONE = r"\(?0?\d{1,3}(?:\)\s?|\)?[-.\s])\d{3,4}[-.\s]\d{4}"
# (after a country code, a number the national form reads whole, '+1-646-558-8656', is read as before: '646-558-8656')
_INTERNATIONAL_PHONE = (rf"\+(?=(?:[\s().-]{{0,3}}\d){{8}})\d{{1,3}}(?![-.\s]?{_NATIONAL_PHONE}(?!\d))(?:\s?\(0\))?"
                        r"(?:(?:\s?[-.]\s?|\s)\d{1,5}){1,5}(?:\s?[-.]\s?|\s)\d{2,8}(?![\d-])")
_PHONE = rf"(?:\+82[-\s]?(?:\(0\))?[-\s]?)?{_NATIONAL_PHONE}|{_INTERNATIONAL_PHONE}"
_PHONE_RE = re.compile(_PHONE)
# Korean labels may stand without a colon ('문의 교통정책과'); English ones need it, so that
# 'Department of Policy Planning : ...' keeps its name while 'Department : Transport Division' loses the label.
_CONTACT_LABEL = re.compile(r"^\W{0,3}(?:[가-힣]{1,6}\s){0,3}?(?:(?:담당\s?부서|담당자|담당|부서|문의처?|연락처|contact)\s*[:：]?|"
                            r"(?:(?:page |content )?(?:contact(?: us)?|inquiries|enquiries|department(?: in charge)?|division|"
                            r"person in charge|manager|responsible (?:department|division)))\s*[:：])\s*", re.IGNORECASE)
_DEPARTMENT_WORD = re.compile(r"(department|division|office|bureau|team|center|centre|section|headquarters|"
                              r"agency|committee|institute|"
                              r"[가-힣](과|팀|실|국|센터|본부|단|담당관|사업소))(\s|$|[:：(☎])", re.IGNORECASE)
_NORMALISE = re.compile(r"[\W_]+")


def norm(text: str | None) -> str:
    """Letters and digits only, lower-cased: the key titles, breadcrumb steps and field values are compared by
    ('Board Meeting – Agenda' -> 'boardmeetingagenda'); reconcile.py and markup.py use it too."""
    return _NORMALISE.sub("", (text or "").lower())


_BREADCRUMB_SEP = re.compile(r"\s*[>›»/]\s*")
BREADCRUMB_ROOT = re.compile(r"^(home|홈|처음|메인|main)$", re.IGNORECASE)


@dataclass(frozen=True)
class MetadataRun:
    """The first run of metadata blocks on a page: blocks[start:end], their fields and their shape."""

    start: int
    end: int
    fields: MetadataFields
    source: str  # 'board_table' (a 'th : td' row or dl), 'byline' (other HTML blocks), 'text_line' (text dumps)


def starts_with_label(text: str) -> bool:
    """True when a short line starts with a metadata label, with or without a colon."""
    return len(text) <= MAX_METADATA_LINE_CHARS and bool(_LINE_START_LABEL.match(text))


def is_metadata_line(text: str, day_first: bool | None = None) -> bool:
    """True when a line starts with an author/date/views label ('Name :', '작성자 :', 'Posted on', '입력').

    A line that starts with a bare label (no colon) must also give a date or two fields, so that
    prose such as 'By the end of the year...' is not taken for metadata.
    """
    if len(text) > MAX_METADATA_LINE_CHARS:
        return False
    start = _LINE_START_LABEL.match(text)
    if not start:
        return False
    if start.group(1) and start.group(1).lower() not in WEAK_LABELS:
        return True
    fields = parse_metadata_line(text, day_first)
    return fields.published_at is not None or fields.modified_at is not None or fields.found >= 2


def _to_int(text: str) -> int | None:
    match = _INT_RE.search(text)
    value = int(match.group().replace(",", "")) if match else None
    return value if value is not None and value <= MAX_PLAUSIBLE_COUNT else None


_STARTS_WITH_DATE = re.compile(rf"^[(\[]?\s*(?:(?:19|20)\d{{2}}\s*[-./년]|(?:{'|'.join(('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'))})[a-z]*\.?\s+\d)",
                               re.IGNORECASE)
_STARTS_WITH_DATE_OR_DAY = re.compile(rf"{_STARTS_WITH_DATE.pattern}|^\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+[^\W\d_]{{3}}",
                                      re.IGNORECASE)
_WORD_LABELS = frozenset(_WORDS)
_LABEL_ONLY = re.compile(rf"^\W{{0,3}}(?:{_GLUED_RE}|{_WORDS_RE}|{_BARE})\s*[:：]?\s*$", re.IGNORECASE)
_FIELD_SEPARATOR = re.compile(r"\s+[|·•/]\s+")


# A run of short names each closed by a colon, nothing after the last: the header cells of a table ('Purpose : Expires :').
_COLUMN_NAMES = re.compile(r"^(?:\s*[^\s:：][^:：]{0,29}[:：])+\s*$")


def parse_metadata_line(text: str, day_first: bool | None = None) -> MetadataFields:
    """Parse author, dates, view count, department and phone from a metadata line, spaced or glued.

    day_first: how the page writes '08-07-2024' (dates.writes_day_first; None: as parse_date reads it).

    >>> f = parse_metadata_line("Name : adminDate : 2020-01-20 14:4975")
    >>> f.author, f.published_at.isoformat(), f.view_count
    ('admin', '2020-01-20T14:49:00', 75)
    >>> parse_metadata_line("작성자 : 대변인실등록일 : 2022-03-1411:20조회수 : 3208").view_count
    3208
    >>> parse_metadata_line("입력 2025.12.06 16:43 수정 2025.12.07 09:10").modified_at.isoformat()
    '2025-12-07T09:10:00'
    """
    labels = list(_LABEL_RE.finditer(text))
    author = department_author = published_at = modified_at = views = department = phone = None
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = text[label.end():end].strip(" |/·,:")
        word = (label.group(1) or label.group(2) or label.group(3)).lower()
        kind = _LABEL_KIND[word]
        if label.group(3) and word in _WORD_LABELS and kind in _BARE_DATE_KINDS and not _STARTS_WITH_DATE.match(value):
            continue  # '등록 기간은 ...': the word, not a label
        if _COLUMN_NAMES.match(text[label.end():end]):
            continue  # 'Name : Purpose : Expires :', '이름 : 용도 : 보존기간 :': a table's header row names columns, no values
        if kind == "author" and value:
            # 'By Kim Min-ji | April 1, 2024 9:30 AM': a byline's other fields follow a separator
            author, *others = _FIELD_SEPARATOR.split(value)
            for other in others:
                published_at = published_at or parse_date(other, day_first)[0]
        elif kind == "department" and value:
            # a department names the author only when no person is named ('작성부서 : 대변인실')
            department = department or value
            if word in _AUTHOR_TOO or department_author is None:
                department_author = value
        elif kind == "phone" and value:
            phone = phone or _phone_number(value)
        elif kind == "date":
            published_at, consumed = parse_labelled_date(value, day_first)
            rest = value[consumed:] if published_at else ""
            # A bare number right after the date is the view count ("14:4975", "13:25 57").
            if views is None and re.fullmatch(r"\s*\d[\d,]*\s*", rest or "x"):
                views = _to_int(rest)
        elif kind == "modified":
            modified_at = parse_labelled_date(value, day_first)[0] or modified_at
        elif kind == "views":
            views = _to_int(value)
    return MetadataFields(author or department_author, published_at, views, modified_at, department, phone)


# The number a phone field starts with: '1661-1357(내선 2)' -> '1661-1357', '3476' (an extension), '+82 62-613-2321',
# and the range of lines a desk answers on ('033-739-1322~1329').
_PHONE_VALUE = re.compile(r"[+(]?\d[\d\s().+-]*\d(?:\s?[~∼]\s?\d{1,4}(?!\d))?")


def _phone_number(value: str) -> str | None:
    number = _PHONE_VALUE.match(value.strip())
    return number.group() if number else None


def as_contact(fields: MetadataFields) -> tuple[MetadataFields, tuple[str, str] | None]:
    """A department given with a phone number ('담당부서 : 사회복지과 / 연락처 : 031-678-2247', 'Department : Port
    Logistics / Phone : 032-440-4521') is whom to call about the page, not who wrote it: (department, phone) is the
    contact, and the department no longer stands for the author (a person a writer's label names stays)."""
    if not (fields.department and fields.phone):
        return fields, None
    author = None if fields.author == fields.department else fields.author
    return replace(fields, author=author), (fields.department, fields.phone)


def merge_fields(first: MetadataFields, second: MetadataFields) -> MetadataFields:
    """Fields of first, filled in from second (for one-field-per-line metadata)."""
    return MetadataFields(first.author or second.author, first.published_at or second.published_at,
                          first.view_count if first.view_count is not None else second.view_count,
                          first.modified_at or second.modified_at, first.department or second.department,
                          first.phone or second.phone)


_SPACELESS_KIND = {label.replace(" ", ""): kind for label, kind in _LABEL_KIND.items()}


# Field labels of a record's table that name the body in charge of it, not its writer ('부서 : 디지털기술융합센터',
# '운영기관 : 관악구청 자치행정과', '주관 기관 : 청년사업담당관', 'Sponsor : Civilian Oversight Board'): read only as a
# table's label cell, never in a line of text, where '주관기관 : 대학' may describe who may apply.
FIELD_DEPARTMENT_LABELS = frozenset({"부서", "responsibledepartment"})
# ... and labels that name the institution that runs or hosts it ('주관기관 : 중소기업기술정보진흥원' above '담당부서 : R&D
# 콜센터'): a department field, when the table has one, names the office within it, so these only fill in.
FIELD_BODY_LABELS = frozenset({"운영기관", "주관기관", "담당기관", "소관기관", "sponsor", "sponsoredby", "organizer",
                               "organiser", "leadagency"})


def names_body_in_charge(label: str) -> bool:
    """True for a table's label that names the institution running or hosting the page's subject ('주관 기관', 'Sponsor')."""
    return re.sub(r"[\s:：]+", "", label).lower() in FIELD_BODY_LABELS
# A label cell naming two fields, the second in brackets ('작성자(전화번호)', '담당자(연락처)'), over a value written
# the same way ('박인현 (02-2133-4316)').
_PAIRED = re.compile(r"^\s*(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)\s*$")


def parse_field(label: str, value: str, day_first: bool | None = None) -> MetadataFields | None:
    """Fields of a labelled cell pair ('등록일', '2025-06-05'), or None when the label names no field.

    Only the label decides: 'Conflict' / '... by the same lawyer' in a glossary is not an author.

    >>> parse_field("작성자(전화번호)", "박인현 (02-2133-4316)").phone
    '02-2133-4316'
    """
    key = re.sub(r"[\s:：]+", "", label).lower()
    if key in FIELD_DEPARTMENT_LABELS or key in FIELD_BODY_LABELS:
        return MetadataFields(department=value.strip()) if _NAME_VALUE.match(value.strip()) else None
    paired, values = _PAIRED.match(label), _PAIRED.match(value)
    if paired and values and key not in _SPACELESS_KIND:
        first, second = (parse_field(paired[n], values[n], day_first) for n in ("first", "second"))
        if first is not None and second is not None:
            return merge_fields(first, second)
    if key not in _SPACELESS_KIND:
        # '채용공고 등록일시': what was registered, then the date label; a bare 'date' after a noun is
        # that thing's date ('행사 날짜', 'Event date'), not the page's
        last = label.strip(" :：").split()[-1:] or [""]
        if len(label.split()) < 2 or _SPACELESS_KIND.get(last[0].lower()) != "date" \
                or last[0].lower() in GENERIC_DATE_LABELS:
            return None
        label = last[0]
    return parse_metadata_line(f"{label.strip(' :：')} : {value}", day_first)


MAX_METADATA_LINES = 4  # one-field-per-line metadata spans author, date, views (and maybe a department)


def _run_source(block: Block) -> str:
    if block.hint == "cell":
        return "board_table"
    return "text_line" if block.hint == "line" else "byline"


EVENT_LOOKAHEAD_BLOCKS = 4  # an event's fields after its date: time, 'Recurring Event', its caption, location
# a place field ('Location:', 'Venue', '장소 : 시청') as a label line or a 'label: value' line
_PLACE_LABEL = re.compile(r"^\W{0,3}(?:location|where|venue|장소)\s*(?:[:：].*)?$", re.IGNORECASE)
_TIME_LABEL = re.compile(r"^\W{0,3}(?:time|hours|시간)\s*[:：]", re.IGNORECASE)  # 'Time: 8:30 AM - 10:00 AM' after 'Date:'


def _describes_an_event(blocks: Sequence[Block], start: int, end: int, fields: MetadataFields) -> bool:
    """A field list of an event ('Name: Board Meeting / Date: November 20, 2019 / Time: 8:30 AM - 10:00 AM'):
    its date is the event's and its 'Name' the event's title, so it stays in the body as content.
    A date alone (no author, no views, no posting label such as 'Posted' or '등록일') followed within a
    few fields by a clock time, a time range or a place ('Location:', '장소 :') is an event's date too:
    a page's own date never comes with a place."""
    following = blocks[end:end + 1] if end < len(blocks) and _TIME_LABEL.match(blocks[end].text) else []
    if any(TIME_RANGE.search(block.text) for block in list(blocks[start:end]) + following):
        return True
    if fields.author is None and fields.view_count is None \
            and not any(POSTING_WORDS.search(block.text) for block in blocks[start:end]):
        after = [block.text for block in blocks[end:end + EVENT_LOOKAHEAD_BLOCKS]]
        if any(TIME_RANGE.search(text) or CLOCK_LINE.match(text) or _PLACE_LABEL.match(text) for text in after):
            return True
    name = re.sub(r"\W+", "", (fields.author or "").lower())
    return bool(name) and any(re.sub(r"\W+", "", block.text.lower()) == name for block in blocks[:start])


MAX_DATE_FIRST_BYLINE_CHARS = 100  # 'January 17, 2017 at 6:08 PM ET by Kori Schulman': a date, a zone and a name
# What may follow a byline's leading date: a time zone, a separator, then 'by Name' or 'Name 기자'.
_AFTER_BYLINE_DATE = re.compile(r"^\s*(?:[A-Z]{2,4}\b)?\s*[|·•,/-]?\s*(?:(?:posted\s+)?by\s+(?P<en>[^\W\d_][^\W\d_.'’ -]*"
                                r"(?:[ .'’-]+[^\W\d_]+){0,3})|(?P<ko>[가-힣]{2,4})\s*기자)\s*$", re.IGNORECASE)


def parse_date_first_byline(text: str) -> MetadataFields | None:
    """A byline that starts with its date and names its writer after it, with no label:
    'January 17, 2017 at 6:08 PM ET by Kori Schulman', '2025.12.06 16:43 홍길동 기자'; None for any other line.

    >>> parse_date_first_byline("January 17, 2017 at 6:08 PM ET by Kori Schulman").author
    'Kori Schulman'
    """
    if len(text) > MAX_DATE_FIRST_BYLINE_CHARS or not _STARTS_WITH_DATE.match(text) or TIME_RANGE.search(text):
        return None
    published_at, consumed = parse_date(text)
    rest = _AFTER_BYLINE_DATE.match(text[consumed:]) if published_at else None
    if rest is None:
        return None
    return MetadataFields(author=rest["en"] or rest["ko"], published_at=published_at)


MIN_RECORD_ROWS = 2  # other 'label: value' rows beside a date's ('File Type: PDF', 'Total Pages: 5'): a record's list


def _record_rows(blocks: Sequence[Block], start: int, end: int) -> int:
    """How many 'label: value' rows that name no byline field ('File Type: PDF', 'Total Pages: 5', 'Funding Opportunity
    Number: 663-A-08-002', '문서번호 : 2024-123', '보존기간 : 5년') stand right above and below blocks[start:end], each
    next to the last: the rows of a record the date line belongs to."""
    rows = 0
    for step, first in ((-1, start - 1), (1, end)):
        k = first
        while 0 <= k < len(blocks) and is_field_line(blocks[k].text) and len(blocks[k].text) <= MAX_METADATA_LINE_CHARS:
            rows += not starts_with_label(blocks[k].text)
            k += step
    return rows


def _record_date_run(blocks: Sequence[Block], start: int, end: int, fields: MetadataFields) -> str | None:
    """What a date-only run is when it is one row of a record (MIN_RECORD_ROWS other field rows beside it): 'document'
    when its label names the document's own date ('Issue Date: 06/05/2003' among a form's File Type / Revision Date /
    Total Pages, '시행일 : 2025. 10. 1.'), 'posting' for any other label ('Posted Date: Nov 09, 2007' in a grant
    notice's table); None when the run has a byline's other fields (author, views) or no record around it."""
    if fields.author or fields.view_count is not None or fields.department or fields.phone:
        return None
    if not is_field_line(blocks[start].text) or _record_rows(blocks, start, end) < MIN_RECORD_ROWS:
        return None
    label = re.split(r"[:：]", blocks[start].text, maxsplit=1)[0]
    return "document" if names_document_date(label) else "posting"


def find_metadata_run(blocks: Sequence[Block], day_first: bool | None = None) -> MetadataRun | None:
    """The first run of metadata blocks (one line, or one field per line) and its parsed fields.

    day_first: how the page writes numeric dates whose first two numbers could each be the month (writes_day_first).

    A run counts when its lines together give a date, or two fields, or use 'Label :' colons.

    A date line that is one row of a record (_record_date_run) is the record's content, not the page's byline: the run
    is returned empty (start == end: its lines stay in the body) with its date. A record's date of the document itself
    ('Issue Date', '시행일') dates the page only when no other run follows: a page's own posted or updated line
    ('Reviewed/Updated Date: May 12, 2011' under a form's record) says when the page was made.
    """
    event_end = 0
    document_run: MetadataRun | None = None
    for i, block in enumerate(blocks):
        if i < event_end:
            continue
        if not starts_with_label(block.text):
            byline = parse_date_first_byline(block.text)
            if byline is not None:
                return MetadataRun(i, i + 1, byline, _run_source(block))
            continue
        j, fields, strong = i, MetadataFields(), False
        while j < len(blocks) and j < i + MAX_METADATA_LINES and starts_with_label(blocks[j].text):
            text = blocks[j].text
            if _LABEL_ONLY.match(text) and j + 1 < len(blocks) and not starts_with_label(blocks[j + 1].text):
                j += 1  # 'Last updated:' and its value on the next line ('26 March 2021')
                text = f"{text} {blocks[j].text}"
            fields = merge_fields(fields, parse_metadata_line(text, day_first))
            strong = strong or is_metadata_line(text, day_first)
            j += 1
        found = fields.found
        if not found or not (strong or fields.published_at or fields.modified_at or found >= 2):
            continue
        if _describes_an_event(blocks, i, j, fields):
            event_end = j  # none of its lines starts another run
            continue
        record = _record_date_run(blocks, i, j, fields)
        if record == "document":
            document_run = document_run or MetadataRun(i, i, fields, _run_source(block))
            continue
        if record == "posting":
            return MetadataRun(i, i, fields, _run_source(block))
        return MetadataRun(i, j, fields, _run_source(block))
    return document_run


def size_in_bytes(number: str, unit: str) -> int | None:
    """A size as shown ('1,234.5', 'KB') in bytes, KB = 1024; None when it is past any real file's size."""
    size_float = float(number.replace(",", "")) * SIZE_MULTIPLIERS.get(unit.upper(), 1)  # inf for 400 digits
    return round(size_float) if math.isfinite(size_float) and size_float <= MAX_PLAUSIBLE_BYTES else None


def _attachment(match: re.Match[str], ordinal: int, source: str = "text_line") -> Attachment:
    count = match["dl1"] or match["dl2"]
    downloads = _to_int(count) if count else None
    return Attachment(ordinal, match["name"].strip(), match["ext"].lower(), size_in_bytes(match["num"], match["unit"]),
                      downloads, source=source)


def parse_attachment(text: str, ordinal: int) -> Attachment | None:
    """Parse an attachment item such as '1.jpg[size: 783.2 KB, Download: 1]' (KB = 1024 bytes)."""
    if len(text) > MAX_METADATA_LINE_CHARS:
        return None
    match = _ATTACHMENT_RE.match(text)
    return _attachment(match, ordinal) if match else None


def find_attachments(text: str, first_ordinal: int) -> list[Attachment]:
    """Attachments listed inside a longer line, such as a metadata table row."""
    return [_attachment(m, first_ordinal + i, "field_row") for i, m in enumerate(_INLINE_ATTACHMENT_RE.finditer(text))]


def names_department(name: str) -> bool:
    """True when a name starts or ends with its kind ('Department of ...', '... Division', '...과').

    A sentence that merely mentions one ('For details, call the Transport Division at') does neither.
    """
    return any(m.start() == 0 or m.end(1) == len(name) for m in _DEPARTMENT_WORD.finditer(name + " "))


# A Korean body's legal form before its name ('(재)환동해산업연구원', '( 사 ) 한국협회', '㈜'): no word of the department's
# name, and a lone '재' once the brackets go.
_LEGAL_FORM = re.compile(r"[(（]\s*[재사주]\s*[)）]|[㈜㈔㈕]")


def parse_contact(text: str) -> tuple[str, str] | None:
    """Parse a contact footer into (department, phone), or None.

    >>> parse_contact("담당부서 : 인공지능산업과 ☎ 062-613-3871")
    ('인공지능산업과', '062-613-3871')
    """
    if len(text) > MAX_CONTACT_LINE_CHARS:
        return None
    phone = _PHONE_RE.search(text)
    if not phone:
        return None
    labelled = _CONTACT_LABEL.match(text)
    before = text[:phone.start()]
    department = _LEGAL_FORM.sub(" ", _CONTACT_LABEL.sub("", before))
    department = re.sub(r"(☎|\btel\b\.?|\bphone\b|전화(번호)?|연락처|[:：()\[\]|/,])", " ", department, flags=re.IGNORECASE)
    department = " ".join(department.split())
    if not department or not (labelled or names_department(department)):
        return None
    if len(department.split()) > 8 or re.search(r"[.!?다]$", department):
        return None
    number = phone.group().strip()
    if number.startswith("(") and ")" not in number:  # '(062-613-4321)': the bracket wraps the number
        number = number[1:]
    return department, number


MAX_BREADCRUMB_PART_WORDS = 5  # 'News & Media', '문화·관광': a path element is a short name


_PHONE_LABEL_WORDS = r"^\W{0,3}(?:tel|phone|telephone|telefon|전화(?:번호)?|연락처|☎)\.?\s*[:：]?\s*"
_PHONE_LABEL = re.compile(_PHONE_LABEL_WORDS, re.IGNORECASE)


def parse_split_contact(first: str, second: str) -> tuple[str, str] | None:
    """A contact written over two lines: 'Department : Port Logistics Division' then 'Phone : 032-440-4521'."""
    if not _CONTACT_LABEL.match(first) or not _PHONE_LABEL.match(second) or _PHONE_RE.search(first):
        return None
    return parse_contact(f"{first} {second}")


MAX_INQUIRY_LINE_CHARS = 80  # '○ 문의처 : 031-8045-6750 / 정현민 행정매니저': a label, a number, perhaps a name or an address
# An inquiry line's label: a few words that end in an inquiry or phone word, then a colon ('■ 교육 및 신청문의 :',
# '- 사업 관련 문의 :', 'Phone:', 'For more information, call:'; German's 'Telefon:').
_INQUIRY_LABEL = re.compile(r"^[^:：]{0,20}?(?:문의처?|연락처|전화(?:번호)?|phone|telephone|telefon|tel\.?|call|contact|enquiries|inquiries)"
                            r"\s*[:：]\s*", re.IGNORECASE)


def parse_inquiry(text: str) -> str | None:
    """The phone number of an inquiry line in an article ('문의 : 063-240-2422', '■교육 및 신청문의 : 062-611-5190',
    'Phone: 517-284-6135'), or None. The line is the article's text and stays in its body; the number right
    after the label is whom to call about the page.

    >>> parse_inquiry("○ 문의처 : 031-8045-6750 /정현민 행정매니저")
    '031-8045-6750'
    """
    phone = parse_inquiry_line(text)
    return phone if phone is not None else inquiry_sentence_phone(text)


def parse_inquiry_line(text: str) -> str | None:
    """The number right after an inquiry line's label ('문의 : 063-240-2422', 'Phone: 517-284-6135'), or None (a
    sentence that asks the reader to call is inquiry_sentence_phone's)."""
    label = _INQUIRY_LABEL.match(text) if len(text) <= MAX_INQUIRY_LINE_CHARS else None
    phone = _PHONE_RE.match(text, label.end()) if label else None
    return phone.group().strip() if phone else None


MAX_INQUIRY_SENTENCE_CHARS = 300  # a sentence or two of the article that tells the reader whom to call
# The verb of a sentence that asks the reader to call ('please call The Department ... 313-224-4950', 'More information
# contact Rogers Park Business Alliance, 773-508-5885', '자세한 사항은 교통정책과(062-613-2321)로 문의하면 된다').
# English asks before the number, Korean after it ('...(062-613-2321)로 문의', '... 연락 바랍니다'); a meeting's 'Call-in
# Number' is how to join it, not whom to ask.
_INQUIRY_VERB = re.compile(r"\b(?:call(?!-in)|contact|phone|telephone|reach)\b", re.IGNORECASE)
_KOREAN_INQUIRY_VERB = re.compile(r"문의|연락")


def inquiry_sentence_phone(text: str) -> str | None:
    """The one phone number of a sentence that asks the reader to call about the page, or None: the verb must
    come before the number within the sentence, and a sentence with two numbers (a list of desks) gives none."""
    if len(text) > MAX_INQUIRY_SENTENCE_CHARS:
        return None
    phones = list(_PHONE_RE.finditer(text))
    if len(phones) != 1:
        return None
    if not _INQUIRY_VERB.search(text, 0, phones[0].start()) and not _KOREAN_INQUIRY_VERB.search(text, phones[0].end()):
        return None
    number = phones[0].group().strip()
    return number[1:] if number.startswith("(") and ")" not in number else number


MAX_CONTACT_BOX_LINES = 3  # after its label, a contact box gives a name, a department (or both), then the number
# A contact box's label alone on its line, with no colon: a heading over the card ('Media contact', 'Contacts', '문의처';
# 'Contact Information', '연락처 정보'; German's 'Rückfragehinweis', 'Pressekontakt').
_BARE_CONTACT_LABEL = re.compile(r"^[^:：\d]{0,20}?(?:contacts?|enquiries|inquiries|문의처?|연락처|kontakt|rückfragen?(?:hinweis)?)"
                                 r"(?:\s+(?:information|info|details)|\s?정보)?\s*$", re.IGNORECASE)


def parse_contact_box(lines: Sequence[str]) -> tuple[str | None, str] | None:
    """A contact written as a label alone on its line, then the name and the number on the next one or two
    ('Contact:' / 'Board of Education Office' / '678-676-0027', 'MEDIA CONTACT:' / 'Steve Irwin: 614-728-5417',
    '문의처 :' / '기업지원팀' / '054-780-3422'): (the department when the line before the number names one, the number),
    or None. A line with more than a name and a number (a sentence, an address) is not the box's."""
    if not lines or len(lines[0]) > MAX_INQUIRY_LINE_CHARS:
        return None
    label = _INQUIRY_LABEL.match(lines[0])
    if (label is None or label.end() < len(lines[0].rstrip())) and not _BARE_CONTACT_LABEL.match(lines[0].strip()):
        return None
    department, names = None, 0
    for line in lines[1:1 + MAX_CONTACT_BOX_LINES]:
        if _PHONE_LABEL_ALONE.match(line):
            continue  # 'Phone:' on its line, the number on the next: the number's label, not a name
        if len(line) > MAX_INQUIRY_LINE_CHARS or _INQUIRY_LABEL.match(line) and not _PHONE_RE.search(line):
            return None
        phone = _PHONE_RE.search(line)
        if phone:
            return department, phone.group().strip()
        if re.search(r"\d|[.!?:：]$|다$", line):
            return None  # a sentence, an address, or another field's label ('Email:'): no name of the card
        # a card gives the person, then where they work ('Janine Workman' / 'Cabinet Communications' / '867-...',
        # '김민수 주무관' / '청년정책과' / '062-...'): a second line before the number is the department
        department = line.strip() if names_department(line.strip()) or names >= 1 else None
        names += 1
    return None


# A phone label alone on its line ('Phone:', '전화 :', 'Tel.'), its number on the next.
_PHONE_LABEL_ALONE = re.compile(_PHONE_LABEL_WORDS + "$", re.IGNORECASE)


MAX_DATELINE_CHARS = 80  # 'Schengen, 3. Juli 2018 — Aussendung': a place, a date and perhaps the release's kind
# A press release's dateline: the place, a comma, the date ('SEOUL, Dec. 6, 2025', 'Wien, 12. März 2020').
_DATELINE = re.compile(r"^\s*(?P<place>[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3}),\s*(?:le\s+|den\s+|am\s+)?(?=\d|[^\W\d_]{3})")


_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
                      r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[a-z]*\.?$|^[월화수목금토일]요일$", re.IGNORECASE)


def parse_dateline(text: str) -> datetime | None:
    """The date of a press release's dateline ('Schengen, 3. Juli 2018 — Aussendung'), or None.

    The date must follow the place and its comma directly, alone: a line with two dates is a period,
    one with a time range is an event's schedule.
    >>> parse_dateline("Schengen, 3. Juli 2018 — Aussendung")
    datetime.datetime(2018, 7, 3, 0, 0)
    """
    if len(text) > MAX_DATELINE_CHARS or TIME_RANGE.search(text):
        return None
    start = _DATELINE.match(text)
    if not start or _WEEKDAY.match(start["place"]):
        return None  # 'Tue, Jul 30 2024': a weekday leads an event's date, a place leads a release's
    value, end = parse_date(text[start.end():])
    if value is None or not _STARTS_WITH_DATE_OR_DAY.match(text[start.end():]) or parse_date(text[start.end() + end:])[0]:
        return None
    return value


# A field whose value is a number or a code ('정보공개번호 : 2025-182', 'Registration No. : 0525-0074'): a record's
# number, which names no headline.
_CODE_FIELD = re.compile(r"^[^:：]{1,30}[:：]\s*[\d\W_]+$")


# A field of a record's field list: a short label, a colon, its value ('Opportunity Category: Discretionary',
# '사업분류 : 일반'). A headline may hold a colon too ('VA Form 10-0137 - VA Advance Directive: Living Will'), so
# callers tell a field by its neighbours (a field list has several).
MAX_FIELD_LINE_LABEL_WORDS = 5
_FIELD_LINE = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]\s*\S")
_TITLE_FIELD_LABEL = re.compile(r"^\s*(제\s?목|title|subject)\s*[:：]", re.IGNORECASE)


def is_field_line(text: str) -> bool:
    """True for 'label: value' with a short label that is no title label ('제목 :' names the headline).

    >>> is_field_line("Opportunity Category: Discretionary"), is_field_line("제목 : 공고")
    (True, False)
    """
    field = _FIELD_LINE.match(text)
    return bool(field) and len(field[1].split()) <= MAX_FIELD_LINE_LABEL_WORDS and not _TITLE_FIELD_LABEL.match(text)


def is_code_field(text: str) -> bool:
    """True for a 'label : value' field whose value is a number or a code, no words ('정보공개번호 : 2025-182')."""
    return bool(_CODE_FIELD.match(text))


def section_step(steps: Sequence[str]) -> int:
    """Which step of a breadcrumb that ends with the page's headline names its section: the one before the last,
    or further up while a step is the start of the step below it, words whole ('Home > Samvidhan@75 > Event >
    1st Regional Event > 1st Regional Event – Overview' -> 2, 'Event'; '홈 > 행사 > 광주 비엔날레 > 광주 비엔날레 개막식' -> 1): such
    a step is the page's parent item, which the page's headline names again, not the section it sits in.

    >>> section_step(["Home", "Events", "Board Meeting", "Board Meeting – Agenda"])
    1
    """
    k = len(steps) - 2
    while k > 1 and _starts_words(steps[k], steps[k + 1]):
        k -= 1
    return k


def _starts_words(step: str, below: str) -> bool:
    """True when below starts with step's words, more words after them ('1st Regional Event' / '1st Regional Event –
    Overview'; not 'Event' / 'Events calendar')."""
    head, rest = norm(step), below.strip()
    if not head or not rest.lower().startswith(step.strip().lower()):
        return False
    after = rest[len(step.strip()):]
    return bool(after) and not after[0].isalnum() and bool(norm(after))


def breadcrumb_steps(text: str) -> list[str]:
    """Every step of a breadcrumb ('홈 > 촬영영상 > 클립본(원본)' -> ['홈', '촬영영상', '클립본(원본)'])."""
    return [part.strip() for part in _BREADCRUMB_SEP.split(text.strip()) if part.strip()]


def parse_breadcrumb(text: str) -> str | None:
    """The last element of a breadcrumb ('홈 > 광주소식 > 보도자료' -> '보도자료'), or None; the one before it when the
    last is the page's headline, longer than a step's name.

    With a root ('Home', '홈') any of > › » / separates; without one, only '>' (or › ») does, and
    every element must be a short name, so 'A > B' in prose is not taken for a path.
    """
    if len(text) > 200:
        return None
    parts = [p for p in _BREADCRUMB_SEP.split(text.strip()) if p]
    # 'Home/away matches will be played in Gwangju.' starts like a path but goes on as a sentence
    if (len(parts) >= 2 and BREADCRUMB_ROOT.match(parts[0])
            and all(len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and not re.search(r"[.,!?:;]$", p) for p in parts)):
        return parts[-1]
    arrows = [p.strip() for p in re.split(r"[>›»]", text) if p.strip()]
    if len(arrows) >= 2 and all(len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and not re.search(r"[.,!?:;]$", p)
                                for p in arrows):
        return arrows[-1]
    # 'Media > News Releases > February 2026 > Fourth Defendant Pleads Guilty in Decade-long Ponzi Scheme': three short
    # steps or more, then the page itself, named by its headline: the section is the step before it
    if len(arrows) > MIN_STEPS_BEFORE_HEADLINE and len(arrows[-1].split()) <= MAX_HEADLINE_STEP_WORDS \
            and not _PROSE_STEP_END.search(arrows[-1]) \
            and all(len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and not _PROSE_STEP_END.search(p) for p in arrows[:-1]):
        return arrows[-2]
    return None


MIN_STEPS_BEFORE_HEADLINE = 3  # two arrows may sit in a sentence ('A > B > click Apply'); three short steps are a path
MAX_HEADLINE_STEP_WORDS = 20
_PROSE_STEP_END = re.compile(r"[.,!?:;]$")


MAX_BARE_BYLINE_VALUES = 4  # a board view's unlabelled byline: writer or department, date, views, perhaps a time
MAX_BARE_VALUE_CHARS = 30  # '약제기준부', '2025-09-25', '1,504', 'Communications Office': one value each
_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,9}$")
_NAME_VALUE = re.compile(r"^[^\W\d_][^\d:：|]*$")


def _date_alone(text: str, day_first: bool | None = None) -> datetime | None:
    """The date a value is, whole ('2025-09-25', '2/6/2026', 'February 6, 2026 10:30'), or None: a weekday
    leads an event's date ('Tue, Jul 30 2024'), and a time range or a second date make a schedule or a period."""
    value = text.strip(" .")
    if not value or TIME_RANGE.search(value) or _WEEKDAY.match(value.split()[0].rstrip(",")):
        return None
    found, consumed = parse_date(value, day_first)
    if found is None or consumed < len(value) or not _STARTS_WITH_DATE_OR_NUMBER.match(value):
        return None
    return found


_STARTS_WITH_DATE_OR_NUMBER = re.compile(rf"{_STARTS_WITH_DATE.pattern}|^\d{{1,2}}[-./]\d{{1,2}}[-./](?:19|20)\d{{2}}",
                                         re.IGNORECASE)


def parse_bare_byline(values: Sequence[str], day_first: bool | None = None) -> MetadataFields | None:
    """The fields of a byline written without labels, one value a line or item ('약제기준부' / '2025-09-25' /
    '1,504' under a board post's title; '2/6/2026' alone under a release's headline): exactly one value is a date
    alone, the others are a count (the views) and a short name. None for anything else (a sentence, a second date,
    a second count, a second name: 'Regular Meeting' / '1/7/2019 6:30 PM' / 'City Council Chamber' is a meeting's
    heading, its time and its place, a label). The name is the author only beside a date and a count, the columns of a
    board's byline (writer, date, views); beside a date alone it may as well be a place or a section."""
    if not 1 <= len(values) <= MAX_BARE_BYLINE_VALUES or any(len(v) > MAX_BARE_VALUE_CHARS for v in values):
        return None
    dates = [d for v in values if (d := _date_alone(v, day_first)) is not None]
    counts = [v for v in values if _COUNT.match(v.strip())]
    names = [v for v in values if _NAME_VALUE.match(v.strip()) and not _SENTENCE_LIKE.search(v)]
    if len(dates) != 1 or len(counts) > 1 or len(names) > 1 or len(dates) + len(counts) + len(names) != len(values):
        return None
    # beside a date and a view count the name is the board's writer column (a person or the department that posted)
    author = names[0].strip() if names and counts else None
    return MetadataFields(author=author, published_at=dates[0], view_count=_to_int(counts[0]) if counts else None)


_SENTENCE_LIKE = re.compile(r"[.!?]$|다$|^(?:by|작성자|등록일)\b", re.IGNORECASE)


MAX_CATEGORY_FIELD_CHARS = 40  # 'Council Sessions', '신규사업공모': a section's name is a few words
MAX_CATEGORY_FIELD_WORDS = 5
MAX_CATEGORY_LINE_CHARS = 100  # 'February 11, 2026 | Topic: Peoples AG': a field row, not a paragraph
# A category field: its label at the line's start or after a field separator, then a colon ('Category: BOC Meeting',
# '... | Topic: Peoples AG', '분류 : 공지사항'); 'Event Category' and '행사 분류' name the kind of an event; the type of a
# record's document ('Document Type: Grants Notice', '문서유형 : 공고', '게시물 종류 : 보도자료') names which stream of
# publications it is, as a category does.
_CATEGORY_FIELD = re.compile(r"(?:^|[|·]\s*)\W{0,3}(?:(?:(?:event|news|post)\s+)?(?:categor(?:y|ies)|topics?|(?:행사\s?)?분류|카테고리)"
                             r"|(?:document|notice|release|post)\s+type|(?:문서|게시물|공고)\s?(?:유형|종류|구분))"
                             r"\s*[:：]+\s*(?P<value>[^|:：]*)", re.IGNORECASE)
# A file's format is no section ('Document Type: PDF' in a form's record gives the file's type).
_FILE_FORMAT = re.compile(r"^(?:pdf|hwpx?|docx?|xlsx?|pptx?|html?|txt|rtf|odt|zip|csv|jpe?g|png)$", re.IGNORECASE)


def _category_value(value: str) -> str | None:
    value = value.strip(" ,;")
    if not value or len(value) > MAX_CATEGORY_FIELD_CHARS or len(value.split()) > MAX_CATEGORY_FIELD_WORDS \
            or re.search(r"[.!?]$|다$|@|https?:", value) or _FILE_FORMAT.match(value):
        return None
    return value.split(",")[0].strip() or None  # 'Public Forum, Public Hearing': the first is the page's


def parse_category_field(text: str, following: str | None = None) -> str | None:
    """The section a labelled field names: 'Category: BOC Meeting', 'February 11, 2026 | Topic: Peoples AG', '분류 : 공지사항',
    or the label alone on its line ('Category:') and the value on the next (following). None for anything else: a
    label inside a sentence ('해양바이오산업 분류 : ...' is the text's), a long value, a sentence.

    >>> parse_category_field("Category:", "Council Sessions")
    'Council Sessions'
    """
    if len(text) > MAX_CATEGORY_LINE_CHARS:
        return None
    field = _CATEGORY_FIELD.search(text)
    if field is None or text[field.end():].lstrip().startswith((":", "：")):
        return None  # 'Document type : Committee : Reference : Date :': a table's header row names its columns
    if field["value"].strip():
        return _category_value(field["value"])
    if field.end() < len(text.rstrip()) or following is None or _CATEGORY_FIELD.search(following) or ":" in following:
        return None
    return _category_value(following)
