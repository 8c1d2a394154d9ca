"""Dates as pages write them: '2020-01-20 14:49', '2025.12.06(토) 오후 4:43', '2023년 5월 2일',
'December 6, 2025, 4:43 PM', '6 Dec 2025', and as markup writes them (ISO 8601, RFC 2822).

All values are wall-clock times without a zone: the sites publish local times (warehouse.schemas.TS).
"""
from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

MIN_YEAR, MAX_YEAR = 1990, 2100  # web pages; a year outside is a placeholder ('0001-01-01') or a typo
MAX_MARKUP_DATE_CHARS = 60  # an ISO or RFC 2822 date; a longer attribute is prose put in the wrong field

# Minutes are always two digits, so '14:4975' is 14:49 and 75 views; '2022-03-1411:20' is the 14th, 11:20.
# Korean pages put the weekday in brackets after the date ('2025.12.06(토) 16:43') and may write the
# half of the day before the time ('오후 4:43').
_WEEKDAY = r"(?:\s*[(（][월화수목금토일](?:요일)?[)）])?"
# Korean pages may also write the clock in words: '15시 25분', '9시'.
_CLOCK = (r"(?:\s*(?P<ap1>오전|오후|AM|PM|am|pm)?\s*(?:(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d)?"
          r"|(?P<Hk>[01]?\d|2[0-3])\s*시(?:\s*(?P<Mk>[0-5]?\d)\s*분)?)"
          r"(?:\s*(?P<ap2>[AaPp]\.?[Mm]\.?)(?![^\W_]))?)?")
# One separator throughout ('2025.12.06', '2025-12-06', '2025. 12. 6.') or Korean's 년/월: a run such as
# '10.2003 - 02.2004' (a period of months) holds no day.
_DATE_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:(?P<s>[-./])\s*(?P<m>\d{1,2})\s*(?P=s)|년\s*(?P<mk>\d{1,2})\s*월)"
                      r"\s*(?P<d>\d{1,2})(?:일|\.)?" + _WEEKDAY + _CLOCK)
# '10-Mar-2026' (day, month's name and year joined by hyphens, as procurement and court portals print them) reads too.
# English month names, then German and French ones (press releases of European ministries and cities
# write '3. Juli 2018', '3 juillet 2018'); a date needs a day and a year beside the name.
_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january", "januar", "jän", "jänner", "janvier"), ("feb", "february", "februar", "février", "fevrier"),
     ("mar", "march", "märz", "mars"), ("apr", "april", "avril"), ("may", "mai"), ("jun", "june", "juni", "juin"),
     ("jul", "july", "juli", "juillet"), ("aug", "august", "août", "aout"), ("sep", "sept", "september", "septembre"),
     ("oct", "october", "okt", "oktober", "octobre"), ("nov", "november", "novembre"),
     ("dec", "december", "dez", "dezember", "décembre", "decembre")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_CLOCK = _CLOCK.replace("(?:\\s*", "(?:,?\\s*(?:at\\s+)?", 1)
_EN_DATE_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:(?:st|nd|rd|th|er|\.)?\s+(?P<mon2>{_MONTH})\.?,?\s+|-(?P<mon3>{_MONTH})-)(?P<y2>(?:19|20)\d{{2}})){_EN_CLOCK}",
    re.IGNORECASE)
# Day-first and month-first numeric dates with the year last: American pages write '06/05/2025' and '6-5-2025'
# (month first), European ones '05.06.2025' (day first). A first number over 12 is a day whatever the
# separator; the year must have four digits ('9/18/19' is left alone: it reads as a fraction or an id).
_YEAR_LAST_RE = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d])"
                           + _WEEKDAY + _EN_CLOCK)
_ISO_SPACE_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-]\d{2}):?(\d{2})$")
_HAS_CLOCK = re.compile(r"\d:\d{2}")


def _hour(match: re.Match[str]) -> int:
    hour = int(match["H"] or match["Hk"] or 0)
    half = (match["ap1"] or match["ap2"] or "").lower().replace(".", "")
    if half in ("오후", "pm") and hour < 12:
        hour += 12
    elif half in ("오전", "am") and hour == 12:
        hour = 0
    return hour


def _value(match: re.Match[str], year: str, month: int, day: str) -> datetime | None:
    try:
        value = datetime(int(year), month, int(day), _hour(match), int(match["M"] or match["Mk"] or 0))
    except ValueError:
        return None
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def parse_date(text: str, day_first: bool | None = None) -> tuple[datetime | None, int]:
    """Parse the first date (and optional time) in text; return it and the index just after it.

    day_first: how '05/06/2025' reads when both numbers could be the month: None (unknown) reads
    slashes and hyphens month first, as American pages write them, and dots day first; True (a page in a
    language that writes the day first) reads all of them day first; a first number over 12 is a day anyway.

    >>> parse_date("입력 2025.12.06(토) 오후 4:43")[0]
    datetime.datetime(2025, 12, 6, 16, 43)
    >>> parse_date("Posted December 6, 2025 at 9:05 am")[0]
    datetime.datetime(2025, 12, 6, 9, 5)
    """
    found: list[tuple[int, datetime, int]] = []  # (start, value, end) of the first date of each kind
    numeric = _DATE_RE.search(text)
    if numeric and (value := _value(numeric, numeric["y"], int(numeric["m"] or numeric["mk"]), numeric["d"])):
        found.append((numeric.start(), value, numeric.end()))
    bound = found[0][0] if found else len(text)
    year_last = _YEAR_LAST_RE.search(text, 0, bound)
    if year_last:
        first, second = int(year_last["a"]), int(year_last["b"])
        day_first_here = day_first if day_first is not None else year_last["sep"] == "."
        month, day = (second, first) if day_first_here or first > 12 else (first, second)
        if month > 12:
            month, day = first, second  # '12/31/2025' on a day-first page: the only reading there is
        if month <= 12 and (value := _value(year_last, year_last["y"], month, str(day))):
            found.append((year_last.start(), value, year_last.end()))
            bound = min(bound, year_last.start())
    # English month names only when no numeric date comes first (cheap test: a letter run of 3+)
    english = _EN_DATE_RE.search(text, 0, bound) if re.search(r"[^\W\d_]{3}", text) else None
    if english and (value := _value(english, english["y"] or english["y2"],
                                     _MONTHS[(english["mon"] or english["mon2"] or english["mon3"]).lower()],
                                     english["d"] or english["d2"])):
        found.append((english.start(), value, english.end()))
    if not found:
        return None, 0
    _, value, end = min(found, key=lambda item: item[0])
    return value, end


# A field's date with a two-digit year, as boards write it in their byline ('작성일 : 25.06.05', '등록일 25-06-05 14:30',
# 'Date: 6/5/25'): read only right after a date label (parse_labelled_date), where nothing else can the numbers be.
_SHORT_YEAR_DATE = re.compile(r"^\s*(?P<a>\d{1,2})(?P<sep>[-./])\s*(?P<b>\d{1,2})(?P=sep)\s*(?P<c>\d{1,2})(?!\d)\.?"
                              + _WEEKDAY + _CLOCK)
SHORT_YEAR_BASE = 2000  # '25' is 2025: pages with a two-digit year are this century's boards


def parse_labelled_date(text: str, day_first: bool | None = None) -> tuple[datetime | None, int]:
    """parse_date, and for a value that follows a date label, a two-digit year too: '25.06.05' and '25-06-05' year first
    (Korean boards; day first on a page that writes the day first, '05.06.25'), '6/5/25' year last (month first unless
    the page writes the day first).

    >>> parse_labelled_date("25.06.05 14:30")[0], parse_labelled_date("6/5/25")[0]
    (datetime.datetime(2025, 6, 5, 14, 30), datetime.datetime(2025, 6, 5, 0, 0))
    """
    found = parse_date(text, day_first)
    if found[0] is not None:
        return found
    short = _SHORT_YEAR_DATE.match(text)
    if not short:
        return None, 0
    a, b, c = int(short["a"]), int(short["b"]), int(short["c"])
    year_digits = short["c"] if short["sep"] == "/" or day_first else short["a"]
    if len(year_digits) != 2:
        return None, 0  # 'Version 3.5.1': a year is written with two digits
    if short["sep"] == "/":
        year, (month, day) = c, ((b, a) if day_first or a > 12 else (a, b))
    elif day_first:
        day, month, year = a, b, c
    else:
        year, month, day = a, b, c
    if not 1 <= month <= 12:
        return None, 0
    value = _value(short, str(SHORT_YEAR_BASE + year), month, str(day))
    return (value, short.end()) if value else (None, 0)


def parse_markup_date(text: str | None, day_first: bool | None = None) -> tuple[datetime, bool, bool] | None:
    """Parse a date as markup writes it: ISO 8601 (any offset), RFC 2822, or a plain local date.

    Returns (wall-clock value in the stated offset, has_time, utc) or None. day_first: as for parse_date.

    >>> parse_markup_date("2025-12-06T16:43:00+09:00")
    (datetime.datetime(2025, 12, 6, 16, 43), True, False)
    """
    text = (text or "").strip()
    if not text or len(text) > MAX_MARKUP_DATE_CHARS:
        return None
    spaced = _ISO_SPACE_OFFSET.match(text)
    candidate = f"{spaced[1]}T{spaced[2]}{spaced[3]}:{spaced[4]}" if spaced else text
    value: datetime | None
    try:
        value = datetime.fromisoformat(candidate.replace("z", "Z"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = parse_date(text, day_first)[0]
    if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    offset = value.utcoffset()
    utc = offset is not None and not offset
    return value.replace(tzinfo=None, microsecond=0), bool(_HAS_CLOCK.search(text)), utc


# Pages in these English regions, or in English naming no region (US federal, state and city sites say
# lang="en" or "en-US"), write a numeric date month first ('06/05/2025' is June 5); the rest of the world
# writes the day first.
MONTH_FIRST_REGIONS = frozenset({"", "us", "ph", "fm", "mh", "pw"})


# Country-code top-level domains of countries whose English pages write a numeric date day first ('08-07-2024' is
# 8 July on doj.gov.in): the Commonwealth and Europe. Only countries: a ccTLD sold for general use (.io, .co, .tv,
# .me, .ai) says nothing of where a site is, and is not listed. A host in one of these beats an English page's
# region tag, which content systems write as 'en-US' by default (WordPress does, on India's ministries' sites).
DAY_FIRST_HOST_COUNTRIES = frozenset({
    "uk", "ie", "in", "au", "nz", "za", "sg", "my", "pk", "bd", "lk", "np", "ng", "ke", "gh", "ug", "tz", "zw",
    "zm", "mw", "bw", "na", "mu", "mt", "cy", "hk", "jm", "tt", "bb", "fj", "pg",
    "de", "at", "ch", "fr", "be", "nl", "lu", "it", "es", "pt", "dk", "no", "fi", "is", "pl", "cz", "sk", "hu",
    "ro", "bg", "gr", "hr", "si", "rs", "ee", "lv", "lt", "ua", "tr", "il", "br", "ar", "cl", "mx", "pe"})


def host_country(url: str | None) -> str | None:
    """The country a URL's host names by its country-code top-level domain, when that country writes the day first
    ('https://doj.gov.in/...' -> 'in'); None for generic domains (.gov, .com, .org), the US and unlisted codes.

    >>> host_country("https://doj.gov.in/document/x/"), host_country("https://www.justice.gov/opa")
    ('in', None)
    """
    try:
        host = urlsplit((url or "").strip()).hostname  # as source.py reads a page's host
    except ValueError:  # '//[::1' : no host to read
        return None
    if not host:
        return None
    tld = host.rstrip(".").rsplit(".", 1)[-1]
    return tld if tld in DAY_FIRST_HOST_COUNTRIES else None


def writes_day_first(lang: str | None, url: str | None = None) -> bool | None:
    """True when a page's language writes numeric dates day first ('de', 'es', 'en-GB'), False when month
    first ('en', 'en-US'), None when the page gives no language or writes the year first ('ko').

    url: the page's own URL (canonical, og:url): an English page (or one naming no language) on a host of a
    country that writes the day first (DAY_FIRST_HOST_COUNTRIES) reads day first whatever its region tag says.

    >>> writes_day_first("en-GB"), writes_day_first("en-US"), writes_day_first("de-AT"), writes_day_first(None)
    (True, False, True, None)
    >>> writes_day_first("en-US", "https://doj.gov.in/1st-regional-event-overview/")
    True
    """
    primary, _, region = (lang or "").strip().lower().replace("_", "-").partition("-")
    if primary in ("ko", "ja", "zh"):
        return None  # year first: '2025.06.05', the question does not arise
    if primary in ("", "en") and host_country(url):
        return True
    if not lang:
        return None
    return not (primary == "en" and region[:2] in MONTH_FIRST_REGIONS)


# What a field label says its date is, by the words it holds (checked in this order: 'Last updated' is a
# modification although it holds no posting word; 'Meeting date posted' ... is rare enough to be read as an event).
# A label is a word or two ('등록일', 'Date posted', '촬영일자'), never a sentence: see classify_date_label.
_MODIFIED_WORDS = re.compile(r"updat|modif|revis|reviewed|changed|수정|변경|갱신|개정", re.IGNORECASE)
_EVENT_WORDS = re.compile(r"event|meeting|hearing|session|start|begin|end(?:s|ing)?\b|when|held|schedul|occur|"
                          r"\btime\b|행사|개최|회의|교육|시작|종료|진행|공연|운영", re.IGNORECASE)
_DEADLINE_WORDS = re.compile(r"deadline|due|clos|expir|apply|applica|submi|registration (?:ends|closes)|valid|effective|"
                             r"birth|death|마감|접수|신청|모집|기한|기간|만료|시행|출생|생년", re.IGNORECASE)
# '생산일자' and 'Date produced' are a government document's register date (정보공개 원문정보: the day it was made).
_PUBLISHED_WORDS = re.compile(r"post|publi|releas|issu|creat|regist|written|added|submitted|produced|입력|등록|작성|게시|공고|"
                              r"보도|배포|발행|승인|공개|기사|생산", re.IGNORECASE)
# Words of a label under which a page says when it was posted or changed (its own date, never an event's):
# the published and the modified words, one vocabulary for dates' labels and metadata's event test.
POSTING_WORDS = re.compile(f"{_PUBLISHED_WORDS.pattern}|{_MODIFIED_WORDS.pattern}", re.IGNORECASE)
# A label names a date when it holds one of these ('Date', 'Posted', '등록일', '일자', '날짜'), or is a posting or
# modification word on its own ('Posted:', 'Updated:').
_DATE_WORDS = re.compile(r"date|dated|\btimes?\b|날짜|일자|일시|[가-힣]일$|^일$", re.IGNORECASE)
_GENERIC_DATE_LABEL = re.compile(r"^(?:date|dates|dated|날짜|일자|일시)$", re.IGNORECASE)
MAX_DATE_LABEL_CHARS = 24  # 'Page last updated', 'Publication date', '채용공고 등록일시': a label is short
MAX_DATE_LABEL_WORDS = 4


def classify_date_label(label: str) -> str | None:
    """What the date after a field label is: 'published' (posted, 등록일), 'modified' (Last updated, 수정일),
    'event' (Meeting date, 행사일시: when something happens), 'deadline' (closing, 마감일, 접수기간, 시행일),
    'generic' ('Date', '날짜': the page's date unless the page is an event's), 'other' (another date: 촬영일자,
    the day a video was shot), or None when the label names no date.

    >>> classify_date_label("Date posted"), classify_date_label("Meeting Date"), classify_date_label("촬영일자")
    ('published', 'event', 'other')
    """
    text = " ".join(label.strip(" :：\t\n-–|").split())
    if not text or len(text) > MAX_DATE_LABEL_CHARS or len(text.split()) > MAX_DATE_LABEL_WORDS:
        return None
    if _GENERIC_DATE_LABEL.match(text):
        return "generic"
    if _MODIFIED_WORDS.search(text):
        return "modified"
    dated = bool(_DATE_WORDS.search(text))
    if _EVENT_WORDS.search(text) and (dated or len(text.split()) == 1):
        return "event"
    if _DEADLINE_WORDS.search(text):
        return "deadline" if dated or len(text.split()) == 1 else None
    if _PUBLISHED_WORDS.search(text):
        return "published"
    return "other" if dated else None


# A document's own dates, as a record of it (a form's, a statute's, a file's) gives them: when the document was issued,
# which edition or revision it is, when it takes effect or was printed ('Issue Date', 'Edition date', 'Revision Date',
# '발행일', '시행일', '개정일', '인쇄일'). In a record's rows they date the document the page describes, not the page.
_DOCUMENT_DATE_WORDS = re.compile(r"issu|edition|revision|version|effective|print|발행|시행|개정|제정|공포|인쇄|출력|판$",
                                  re.IGNORECASE)


def names_document_date(label: str) -> bool:
    """True when a date's label names a document's own date (its issue, edition, revision, entry into force or print)
    rather than the day a page was posted or changed: 'Issue Date', 'EDITION DATE', '시행일', '발행일자'.

    >>> names_document_date("Issue Date"), names_document_date("시행일"), names_document_date("Posted Date")
    (True, True, False)
    >>> names_document_date("등록일"), names_document_date("Reviewed/Updated Date")
    (False, False)
    """
    text = " ".join(label.strip(" :：\t\n-–|").split())
    return 0 < len(text) <= MAX_DATE_LABEL_CHARS and bool(_DOCUMENT_DATE_WORDS.search(text))


# A date in a URL's path: '/2019/08/02/', '/2020-02/19/', '/2016-04-15/', '/20190913/' or a slug's '-20190913'.
_URL_DATE = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<s>[/_-]?)(?P<m>0[1-9]|1[0-2]|[1-9](?=[/_-]))(?P=s)?[/_-]?"
                       r"(?P<d>0[1-9]|[12]\d|3[01]|[1-9](?=\D|$))(?![\d])")
_URL_PATH = re.compile(r"^(?:https?:)?//[^/?#]+(?P<path>/[^?#]*)", re.IGNORECASE)


def parse_url_date(url: str | None) -> datetime | None:
    """The day a page's URL path gives ('https://example.org/2019/08/02/slug/' -> 2019-08-02), or None.

    Only the path counts (a query's '?date=' is a filter, not the page's day), and only a full year,
    month and day written as one run of separators ('2019/08/02', '2019-08-02', '20190802').
    >>> parse_url_date("https://www.cnn.com/2019/11/18/investing/asian-market-latest/index.html")
    datetime.datetime(2019, 11, 18, 0, 0)
    """
    path = _URL_PATH.match(url or "")
    if not path:
        return None
    for match in _URL_DATE.finditer(path["path"]):
        separator = match["s"]
        whole = match.group()
        # one separator throughout: '2019/08/02' or '20190802', not '2019/0802'
        if separator and whole.count(separator) < 2 and not re.fullmatch(r"\d{4}-\d{1,2}/\d{1,2}", whole):
            continue
        if not separator and not re.fullmatch(r"\d{8}", whole):
            continue
        try:
            value = datetime(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if MIN_YEAR <= value.year <= MAX_YEAR:
            return value
    return None


# Clock times as pages write them: '8:00am', '1:30 p.m.', '18:00', '오후 2시', '14시' ('2시간' is a duration, not a time).
# One definition for every module that asks whether a line says when (is_when_line below, metadata's event fields).
_CLOCK_TIME = r"(?:(?:오[전후]\s*)?\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.?m\b\.?|시(?!간))|\b\d{1,2}:[0-5]\d\b)"
CLOCK_TIME = re.compile(_CLOCK_TIME, re.IGNORECASE)
# A line (or a field) that is only a clock time ('5:30 pm', '오후 2시', '14:00'), a mark or two around it.
CLOCK_LINE = re.compile(rf"^\W{{0,3}}{_CLOCK_TIME}\W{{0,3}}$", re.IGNORECASE)
# A span of the day: '2:30 pm – 3:30 pm', '8:30 AM - 10:00 AM', '14:00~16:00', '오후 2시~4시', '9 - 11am': when
# something happens, not when a page was posted.
TIME_RANGE = re.compile(r"(?<!\d)\d{1,2}(?::\d{2}|\s*시)?\s*(?:[ap]\.?m\.?)?\s*[-–~]\s*(?:오[전후]\s*)?\d{1,2}(?::\d{2}|\s*시)"
                        r"|(?<!\d)\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\s*[-–~]\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m"
                        r"|\b\d{1,2}\s*[-–~]\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\b", re.IGNORECASE)
_ANY_DIGIT = re.compile(r"\d")


def is_when_line(text: str) -> bool:
    """A line that says when: it holds a date or a clock time ('Friday, June 5, 2020', '8:00am',
    '2025년 3월 5일(수) 오후 2시')."""
    return bool(_ANY_DIGIT.search(text)) and (parse_date(text)[0] is not None or bool(CLOCK_TIME.search(text)))


# A span of clock time (wider than TIME_RANGE: 'to', '부터', 'noon'; html's region edges read it, TIME_RANGE the
# metadata's fields; one pattern for both is next round's, measured): 'from' one time 'to' another ('9:00 AM - 11:00 AM', '9 - 11am', '9:00 a.m. - 12:00 noon',
# '오후 2시 ~ 4시', '14:00~16:00'); the right end carries a clock mark (':mm', am/pm, noon, 시) ...
_TIME_SPAN = re.compile(r"(?<![\d.:])(?P<left>(?:(?:오전|오후)\s*)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|시)?)\s*"
                        r"(?:[-–—~∼〜]|\bto\b|부터)\s*"
                        r"(?P<right>(?:(?:오전|오후)\s*)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|noon|시)?)", re.IGNORECASE)
_CLOCK_MARK = re.compile(r":\d{2}|[ap]\.?m\b|noon|시", re.IGNORECASE)


def is_time_span(text: str) -> bool:
    """A line that gives a span of time, an event's hours ('9:00 AM - 11:00 AM', 'Tue, Jul 30 2024, 9 - 11am',
    '오후 2시 ~ 4시'): a schedule, never a dateline, which names one moment. ... and so does the left end,
    unless the right one's am/pm covers both ('9 - 11am'); bare numbers ('pages 12 - 13') are no span."""
    for match in _TIME_SPAN.finditer(text):
        left, right = match.group("left"), match.group("right")
        if _CLOCK_MARK.search(right) and (_CLOCK_MARK.search(left) or re.search(r"[ap]\.?m\b", right, re.I)):
            return True
    return False
