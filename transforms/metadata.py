"""Parse the metadata the chrome carries: author/date/views lines, attachments, contacts, breadcrumbs."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from cityclips.transforms.records import Attachment

MAX_METADATA_LINE_CHARS = 200  # a metadata line is a handful of fields; longer lines are prose
MAX_CONTACT_LINE_CHARS = 160  # a contact footer names a department and a number, nothing more
SIZE_MULTIPLIERS = {"B": 1, "BYTE": 1, "BYTES": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}
# Counts and sizes past these are digit runs glued to something else, not real values; they would also
# overflow the int64 columns they are written to, so they become None.
MAX_PLAUSIBLE_COUNT = 10 ** 12
MAX_PLAUSIBLE_BYTES = 1024 ** 5

# Field labels as the sites write them. Order inside each group does not matter: longest first wins.
AUTHOR_LABELS = ("Name", "Writer", "Author", "Posted by", "By", "작성자", "글쓴이", "등록자", "게시자", "담당자", "작성부서",
                 "Department", "담당부서", "부서명")
# Department labels also start contact footers ('담당부서 : 인공지능산업과 ☎ ...'): they count as
# metadata only beside a date, never on their own.
WEAK_LABELS = ("department", "담당부서", "담당자", "부서명", "수정일", "최종수정일", "modified", "last modified", "updated")
DATE_LABELS = ("Date", "Posted", "Posted on", "Registered", "Reg. Date", "등록일", "작성일", "게시일", "등록일자", "날짜")
VIEW_LABELS = ("Views", "View", "Hits", "Hit", "Read", "조회수", "조회")
# A modification date sits beside the publication date; it is recognised (so the line is metadata)
# but never taken for published_at.
MODIFIED_LABELS = ("수정일", "최종수정일", "Modified", "Last modified", "Updated")
# Labels that may stand without a colon ('Writer Incheon City  Date 2023-04-05  Hit 321', '등록일 2023-09-14 | 조회 2,317').
# A line using only these must also carry a date or two fields to count as metadata.
BARE_LABELS = ("Writer", "Author", "Posted by", "Posted on", "Posted", "Reg. Date", "By", "Date", "Views", "Hits", "Hit",
               "작성자", "등록일", "작성일", "게시일", "조회수", "조회", "작성부서", "담당부서")
_LABEL_KIND = {label.lower(): kind for kind, labels in
               (("author", AUTHOR_LABELS), ("date", DATE_LABELS), ("views", VIEW_LABELS),
                ("modified", MODIFIED_LABELS)) for label in labels}
_LABELS = "|".join(re.escape(label) for label in sorted(_LABEL_KIND, key=len, reverse=True))
_BARE = "|".join(re.escape(label) for label in sorted(BARE_LABELS, key=len, reverse=True))
# A label followed by ':' needs no word boundary before it, since the scrape glues 'adminDate :';
# a bare label must stand as a word of its own.
_LABEL_RE = re.compile(rf"(?:({_LABELS})\s*[:：]\s*|(?<![^\W_])({_BARE})(?![^\W_])\s*)", re.IGNORECASE)
_LINE_START_LABEL = re.compile(rf"^\W{{0,3}}(?:({_LABELS})\s*[:：]|({_BARE})(?![^\W_]))", re.IGNORECASE)
# Minutes are always two digits, so '14:4975' is 14:49 and 75 views; '2022-03-1411:20' is the 14th, 11:20.
_DATE_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})(?:일|\.)?"
                      r"(?:\s*(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d)?)?")
_INT_RE = re.compile(r"\d[\d,]*")

_SIZE = r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[KMG]B|bytes?|B)"
# Download counts come as ', Download: 1', ' / 다운로드 17회', ' Downloads 27' or ' - downloaded 11 times'.
_DOWNLOADS = r"(?:\s*[,/-]?\s*(?:downloads?|downloaded|다운로드|다운|hits)\s*[:：]?\s*(?P<dl{n}>\d[\d,]*)\s*(?:회|times)?)?"
_ATTACHMENT_BODY = (rf"\.(?P<ext>[A-Za-z0-9]{{1,6}}))\s*(?P<open>[\[(])?\s*(?:(?:size|크기|용량)\s*[:：]\s*)?{_SIZE}"
                    rf"{_DOWNLOADS.format(n=1)}\s*(?(open)[\])]){_DOWNLOADS.format(n=2)}")
_ATTACHMENT_RE = re.compile(rf"^[\W_ㆍ·•]{{0,3}}\s*(?:(?:첨부\s?파일|파일\s?첨부|첨부|attachments?|attached files?|files?|"
                            rf"download)\s*(?:\(\d+\))?\s*[:：]?\s*)?(?P<name>(?:\[[^\]\n]{{1,30}}\])?[^\[\]\n]{{1,200}}?{_ATTACHMENT_BODY}\s*$",
                            re.IGNORECASE)
# Inside a metadata row ('첨부 : 현황.xls [size: 1.32 MB, Download: 63]') the name has no spaces.
_INLINE_ATTACHMENT_RE = re.compile(rf"(?P<name>[^\s\[\]:：]{{1,200}}?{_ATTACHMENT_BODY}", re.IGNORECASE)
ATTACHMENT_HEADER_RE = re.compile(r"^(files?|attachments?|attached files?|첨부\s?파일|첨부|파일)\s*[:：]?"
                                  r"(\s*\(\d+\))?(\s*(개|건))?$", re.IGNORECASE)

# The area code may close with a bracket alone, as Korean pages write it: '062)613-2321'.
_PHONE = r"(?:\+82[-\s]?(?:\(0\))?[-\s]?)?\(?0?\d{1,3}(?:\)\s?|\)?[-.\s])\d{3,4}[-.\s]\d{4}"
_PHONE_RE = re.compile(_PHONE)
# Korean labels may stand without a colon ('문의 교통정책과'); English ones need it, so that
# 'Department of Policy Planning : ...' keeps its name while 'Department : Transport Division' loses the label.
_CONTACT_LABEL = re.compile(r"^\W{0,3}(?:[가-힣]{1,6}\s){0,3}?(?:(?:담당\s?부서|담당자|담당|부서|문의처?|연락처|contact)\s*[:：]?|"
                            r"(?:(?:page |content )?(?:contact(?: us)?|inquiries|enquiries|department(?: in charge)?|division|"
                            r"person in charge|manager|responsible (?:department|division)))\s*[:：])\s*", re.IGNORECASE)
_DEPARTMENT_WORD = re.compile(r"(department|division|office|bureau|team|center|centre|section|headquarters|"
                              r"agency|committee|institute|"
                              r"[가-힣](과|팀|실|국|센터|본부|단|담당관|사업소))(\s|$|[:：(☎])", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"\s*[>›»/]\s*")
_BREADCRUMB_ROOT = re.compile(r"^(home|홈|처음|메인|main)$", re.IGNORECASE)


@dataclass(frozen=True)
class MetadataFields:
    author: str | None = None
    published_at: datetime | None = None
    view_count: int | None = None


def starts_with_label(text: str) -> bool:
    """True when a short line starts with a metadata label, with or without a colon."""
    return len(text) <= MAX_METADATA_LINE_CHARS and bool(_LINE_START_LABEL.match(text))


def is_metadata_line(text: str) -> bool:
    """True when a line starts with an author/date/views label ('Name :', '작성자 :', 'Posted on').

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
    fields = parse_metadata_line(text)
    found = sum(value is not None for value in (fields.author, fields.published_at, fields.view_count))
    return fields.published_at is not None or found >= 2


def parse_date(text: str) -> tuple[datetime | None, int]:
    """Parse the first date (and optional HH:MM) in text; return it and the index just after it."""
    match = _DATE_RE.search(text)
    if not match:
        return None, 0
    try:
        value = datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                         int(match["H"] or 0), int(match["M"] or 0))
    except ValueError:
        return None, 0
    return value, match.end()


def _to_int(text: str) -> int | None:
    match = _INT_RE.search(text)
    value = int(match.group().replace(",", "")) if match else None
    return value if value is not None and value <= MAX_PLAUSIBLE_COUNT else None


def parse_metadata_line(text: str) -> MetadataFields:
    """Parse author, published_at and view_count from a metadata line, spaced or glued.

    >>> f = parse_metadata_line("Name : adminDate : 2020-01-20 14:4975")
    >>> f.author, f.published_at.isoformat(), f.view_count
    ('admin', '2020-01-20T14:49:00', 75)
    >>> parse_metadata_line("작성자 : 대변인실등록일 : 2022-03-1411:20조회수 : 3208").view_count
    3208
    """
    labels = list(_LABEL_RE.finditer(text))
    author = published_at = views = None
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = text[label.end():end].strip(" |/·,:")
        kind = _LABEL_KIND[(label.group(1) or label.group(2)).lower()]
        if kind == "author" and value:
            author = value
        elif kind == "date":
            published_at, consumed = parse_date(value)
            rest = value[consumed:] if published_at else ""
            # A bare number right after the date is the view count ("14:4975", "13:25 57").
            if views is None and re.fullmatch(r"\s*\d[\d,]*\s*", rest or "x"):
                views = _to_int(rest)
        elif kind == "views":
            views = _to_int(value)
    return MetadataFields(author, published_at, views)


def merge_fields(first: MetadataFields, second: MetadataFields) -> MetadataFields:
    """Fields of first, filled in from second (for one-field-per-line metadata)."""
    return MetadataFields(first.author or second.author, first.published_at or second.published_at,
                          first.view_count if first.view_count is not None else second.view_count)


def _attachment(match: re.Match[str], ordinal: int) -> Attachment:
    unit = match["unit"].upper()
    size_float = float(match["num"].replace(",", "")) * SIZE_MULTIPLIERS.get(unit, 1)  # inf for 400 digits
    size = round(size_float) if math.isfinite(size_float) and size_float <= MAX_PLAUSIBLE_BYTES else None
    count = match["dl1"] or match["dl2"]
    downloads = _to_int(count) if count else None
    return Attachment(ordinal, match["name"].strip(), match["ext"].lower(), size, downloads)


def parse_attachment(text: str, ordinal: int) -> Attachment | None:
    """Parse an attachment item such as '1.jpg[size: 783.2 KB, Download: 1]' (KB = 1024 bytes)."""
    if len(text) > MAX_METADATA_LINE_CHARS:
        return None
    match = _ATTACHMENT_RE.match(text)
    return _attachment(match, ordinal) if match else None


def find_attachments(text: str, first_ordinal: int) -> list[Attachment]:
    """Attachments listed inside a longer line, such as a metadata table row."""
    return [_attachment(m, first_ordinal + i) for i, m in enumerate(_INLINE_ATTACHMENT_RE.finditer(text))]


def _names_department(name: str) -> bool:
    """True when a name starts or ends with its kind ('Department of ...', '... Division', '...과').

    A sentence that merely mentions one ('For details, call the Transport Division at') does neither.
    """
    return any(m.start() == 0 or m.end(1) == len(name) for m in _DEPARTMENT_WORD.finditer(name + " "))


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
    department = _CONTACT_LABEL.sub("", before)
    department = re.sub(r"(☎|\btel\b\.?|\bphone\b|전화(번호)?|연락처|[:：()\[\]|/,])", " ", department, flags=re.IGNORECASE)
    department = " ".join(department.split())
    if not department or not (labelled or _names_department(department)):
        return None
    if len(department.split()) > 8 or re.search(r"[.!?다]$", department):
        return None
    number = phone.group().strip()
    if number.startswith("(") and ")" not in number:  # '(062-613-4321)': the bracket wraps the number
        number = number[1:]
    return department, number


MAX_BREADCRUMB_PART_WORDS = 5  # 'News & Media', '문화·관광': a path element is a short name


_PHONE_LABEL = re.compile(r"^\W{0,3}(?:tel|phone|telephone|전화(?:번호)?|연락처|☎)\.?\s*[:：]?\s*", re.IGNORECASE)


def parse_split_contact(first: str, second: str) -> tuple[str, str] | None:
    """A contact written over two lines: 'Department : Port Logistics Division' then 'Phone : 032-440-4521'."""
    if not _CONTACT_LABEL.match(first) or not _PHONE_LABEL.match(second) or _PHONE_RE.search(first):
        return None
    return parse_contact(f"{first} {second}")


def parse_breadcrumb(text: str) -> str | None:
    """The last element of a breadcrumb ('홈 > 광주소식 > 보도자료' -> '보도자료'), or None.

    With a root ('Home', '홈') any of > › » / separates; without one, only '>' (or › ») does, and
    every element must be a short name, so 'A > B' in prose is not taken for a path.
    """
    if len(text) > 200:
        return None
    parts = [p for p in _BREADCRUMB_SEP.split(text.strip()) if p]
    # 'Home/away matches will be played in Gwangju.' starts like a path but goes on as a sentence
    if (len(parts) >= 2 and _BREADCRUMB_ROOT.match(parts[0])
            and all(len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and not re.search(r"[.,!?:;]$", p) for p in parts)):
        return parts[-1]
    arrows = [p.strip() for p in re.split(r"[>›»]", text) if p.strip()]
    if len(arrows) >= 2 and all(len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and not re.search(r"[.,!?:;]$", p)
                                for p in arrows):
        return arrows[-1]
    return None
