"""Reconcile what the markup says (transforms/markup.py) with what the visible page says (clean.py).

Titles: markup titles lose their site-name part (' | 광주광역시', ' - SlashGear'), then the visible
block they match is the headline; a markup title nothing matches is used when it is specific
(JSON-LD, OpenGraph), the visible pick otherwise; the site's name is never the title. Dates: an
article object's own date (JSON-LD, microdata, OpenGraph) first, then the visible byline or board
field, then <meta name="date"> and <time>. Every field records where it came from (*_source).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from cityclips.transforms.dates import parse_date
from cityclips.transforms.metadata import as_contact, is_code_field, names_department, norm
from cityclips.transforms.records import MarkupDate, MarkupMetadata, Metadata
from cityclips.transforms.rules import CONTROL_RULE, match_line_rule

# Separators between a headline and the site or section name in <title> and og:title.
_SEPARATOR = re.compile(r"\s+(?:[|｜ㅣ:·•\-–—<>«»›‹/]|::|-{2}|\|\|)\s+|\s*[|｜]\s*")
_LEADING_SEPARATOR = re.compile(r"^\s*[|｜ㅣ:·•\-–—<>«»›‹/]+\s*")
# A separator glued to the headline: '... 밀어붙이나"-정치ㅣ한국일보' (no spaces), where the longer
# markup title is a shorter one plus a tail
_GLUED_SEPARATOR = re.compile(r"^[|｜ㅣ:·•\-–—<>«»›‹/]")
_TITLE_LABEL = re.compile(r"^(제목|title|subject)\s*[:：]\s*", re.IGNORECASE)
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_ROOT_PATH = re.compile(r"^/?(?:index\.\w+|main\.\w+)?/?(?:[?#].*)?$", re.IGNORECASE)
_HOST = re.compile(r"^(?:https?:)?//(?P<host>[^/:?#]+)", re.IGNORECASE)
MIN_MATCH_CHARS = 4  # a shorter hint ('뉴스', 'Home') matches too much to confirm anything
MATCH_LENGTH_SHARE = 0.6  # a block and a hint that contains it (or the reverse) share most of their text
# <title> often names the section ('해운대뉴스 | 해운대구', '보도자료 < 광주소식'): a part of it is a
# headline hint only when it has the words of a headline.
MIN_HTML_TITLE_WORDS = 3
MIN_TRUNCATED_CHARS = 15
# A visible heading that holds a markup title and a few words more is that title in full.
MAX_HEADING_GROWTH, MAX_HEADING_EXTRA_CHARS = 3, 20  # 'Mayor Lee opens the new…' confirms a block it starts, when this long
# Where the markup's date may overrule the visible one: an article's own published field.
ARTICLE_DATE_SOURCES = ("json_ld", "microdata", "opengraph")
# A UTC time and the page's local wall-clock time of the same moment are at most this far apart.
MAX_UTC_OFFSET = timedelta(hours=14)
# Languages whose pages keep one time zone without daylight saving: a UTC time the markup gives on
# such a page, with no local time on the page itself, is moved to the site's wall clock.
SINGLE_ZONE_OFFSETS = {"ko": timedelta(hours=9), "ja": timedelta(hours=9)}
STRONG_TITLE_SOURCES = ("json_ld", "opengraph", "microdata", "meta")
# Visible titles the page states as its title: a heading, or a board's '제목' / 'Title' field. One
# markup field alone does not overrule them (it may name the site: <meta name="title" content="전남바이오진흥원">).
STATED_TITLE_SOURCES = ("heading", "board_table")
MAX_META_AUTHOR_WORDS = 4  # 'Natalie Musumeci', 'Von Vanessa Franke'; an institution's name runs longer
MIN_UNCONFIRMED_SUPPORT = 2  # markup fields that must agree on a title the page does not show
MIN_HOST_NAME_CHARS = 4  # 'heizung' of www.heizung.de names the site; 'bz' of bz.de is too short to tell


# A <title> written as a path ('Board Meeting > PFRS > Resources > Meetings', '부산테크노파크>공고˙안내>사업공고'), or
# the other way round from the page to the site ('상세보기 < 공고 < 약제기준정보 < 건강보험심사평가원'): two arrows or more,
# spaced or not, separate its steps.
_PATH_ARROW = re.compile(r"\s*[>›»<]\s*")
MIN_PATH_ARROWS = 2
_BAR = re.compile(r"\s*[|｜]\s*")
_LEADING_DASH = re.compile(r"^[-–—]\s+(?=\S)")  # a dash that joins a heading to the one before it


def _bar_parts(title: str) -> list[str]:
    """The parts of a <title> between its bars only, when it has some ('A | B - C | Site' -> A, 'B - C', Site)."""
    bars = [part.strip() for part in _BAR.split(title) if part.strip()]
    return bars if len(bars) > 1 and not _is_path(title) else []


# A date and a clock time leading a <title> part ('2019/01/07 06:30 PM ...', '2025.03.04 14:00 ...').
_LEADING_DATE_TIME = re.compile(r"^\s*(?:19|20)\d{2}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}\s*[.일]?\s*"
                                r"(?:(?:오[전후]\s*)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s*)?(?=[^\W\d_])")


def _is_path(title: str) -> bool:
    return len(_PATH_ARROW.findall(title)) >= MIN_PATH_ARROWS


def path_sections(html_title: str | None) -> set[str]:
    """The middle steps of a <title> written as a path, normalised ('부산테크노파크>공고˙안내>사업공고>사업공고 상세 내용' ->
    {'공고안내', '사업공고'}): the sections the page sits in, whose names a heading above the page repeats; empty for
    a <title> that is no path."""
    if not html_title or not _is_path(html_title):
        return set()
    return {norm(part) for part in _parts(html_title)[1:-1]} - {""}


def path_section(html_title: str | None) -> str | None:
    """The innermost section of a <title> written as a path, normalised: the step next to the page's own end
    ('사이트>공고˙안내>사업공고>사업공고 상세 내용' -> '사업공고'; '상세보기 < 공고 < 약제기준정보 < 기관' -> '공고'), or None."""
    if not html_title or not _is_path(html_title):
        return None
    parts = _parts(html_title)
    if len(parts) < 3:
        return None
    reversed_path = html_title.count("<") > html_title.count(">")  # '상세보기 < 공고 < ... < 기관': the page comes first
    return norm(parts[1] if reversed_path else parts[-2]) or None


def _path_ends(title: str) -> list[str]:
    """The end steps of a path title: the site or its page; the steps between name sections."""
    parts = _parts(title)
    ends = [parts[0], parts[-1]]
    # '법령 > 본문 > 공적자금관리 특별법 | 국가법령정보센터': the last step carries the site's name after a bar; the step's
    # own part before the bar is the page's end too
    return ends + [bar.strip() for bar in _BAR.split(parts[-1])[:1] if bar.strip() and bar.strip() != parts[-1].strip()]


def _parts(title: str) -> list[str]:
    if _is_path(title):
        return [part for part in _PATH_ARROW.split(title) if part.strip()]
    return [part for part in _SEPARATOR.split(title) if part.strip()]


def _site_keys(markup: MarkupMetadata) -> set[str]:
    """Normalised names the site goes by: og:site_name, publisher, WebSite, and the <title>'s edge
    part that another markup title equals ('보도자료 | 광주광역시' beside og:title '광주광역시')."""
    keys = {norm(name) for name in markup.site_names + markup.site_marks if not _URL.match(name)} - {""}
    host = _HOST.match(markup.canonical_url or "")
    if host and _ROOT_PATH.match(markup.canonical_url[host.end():]):
        # og:url at the site's root: the OpenGraph tags describe the site, not this page (unless the title
        # names both, 'Volksbegehren ... - Piratenpartei Österreichs', which the site's page would not)
        keys |= {norm(text) for source, text in markup.titles if source == "opengraph" and len(_parts(text)) == 1}
    if host:
        name = host["host"].lower().removeprefix("www.").removeprefix("m.")
        keys.add(norm(name))
        label = name.split(".")[0]
        if len(label) >= MIN_HOST_NAME_CHARS:
            keys.add(norm(label))
    whole = {norm(text) for source, text in markup.titles if source != "html_title"}
    for source, text in markup.titles:
        if source == "html_title" and _LEADING_SEPARATOR.match(text):
            # '- 전남바이오진흥원', '| 청년몽땅정보통': the page's own part was left empty, the rest is the site
            keys.add(norm(_LEADING_SEPARATOR.sub("", text)))
        parts = _parts(text)
        if source == "html_title" and len(parts) >= 2:
            # the site's name closes the title ('보도자료 | 광주광역시'); a first part equal to og:title is
            # the headline ('IP glossary | IP Australia')
            longest = max(len(norm(p)) for p in parts)
            if norm(parts[-1]) in whole and len(norm(parts[-1])) < longest:
                keys.add(norm(parts[-1]))
    return keys


def _site_like(text: str, sites: set[str]) -> bool:
    key = norm(text)
    return bool(key) and any(key == site or (site in key and len(key) <= 2 * len(site) + 4)
                             or (key in site and len(key) >= 0.5 * len(site)) for site in sites)


def strip_site_name(title: str, sites: set[str]) -> str:
    """The title without a leading or trailing site-name part ('시민 안전 대책 | 광주광역시' -> '시민 안전 대책').

    Parts are cut only from the ends and only when a site name says so; the headline's own
    separators ('Fact Check: Is An ...') stay.
    """
    parts = [p.strip() for p in _parts(title)]
    if len(parts) < 2 or not sites:
        return title
    while len(parts) >= 2 and _site_like(parts[-1], sites):
        parts.pop()
    while len(parts) >= 2 and _site_like(parts[0], sites):
        parts.pop(0)
    if len(parts) == len(_parts(title)):
        return title
    # keep the headline's own text between the remaining parts as written
    # each part found after the one before it: a cut site name may hold the headline ('Seoul Forest | Seoul Forest
    # Park Conservancy'), so the last part is not the last place its text occurs
    start = at = title.find(parts[0])
    for part in parts[1:]:
        at = title.find(part, at + 1) if at >= 0 else -1
    end = at + len(parts[-1]) if at >= 0 else -1
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def title_hints(markup: MarkupMetadata) -> tuple[tuple[str, str], ...]:
    """(source, title) candidates from the markup, best first (see _ranked_hints)."""
    return tuple((source, text) for source, text, _ in _ranked_hints(markup))


def _ranked_hints(markup: MarkupMetadata) -> list[tuple[str, str, int]]:
    """(source, title, support) candidates from the markup, site names removed, generic ones dropped.

    support: how many markup fields give the title. Best first: the title most markup sources agree on (JSON-LD of an embedded story, or one
    itemprop=headline of a blog list, stands alone), then by source rank. A <title> with several
    parts and no site name to tell them apart gives each long part as well, so that the visible
    headline can say which part it is.
    """
    sites = _site_keys(markup)
    section = norm(markup.section)
    hints: list[tuple[str, str]] = []
    support: dict[str, int] = {}
    for source, text in markup.titles:
        stripped = strip_site_name(text, sites)
        options = [stripped]
        # a path's end steps may be the page's own name however short ('Board Meeting > PFRS > ... >
        # Meetings'): the cleaner confirms one only where the page shows it outside its breadcrumb
        ends: set[str] = set()
        if source == "html_title":
            parts = [p.strip() for p in _parts(text)]
            if _is_path(text):
                # 'Laws > Text > Public Funds Management Act | National Law Centre': the last step, its site's bar cut,
                # is the page's own name; it leads the path's first step ('Laws'), a section's
                options += [end for end in _path_ends(text)[2:] if end not in options]
            options += parts  # in the order written: the page's own part leads
            # 'Board Meeting | Regular Agenda - January 27, 2022 | Commission': a bar parts the title more
            # strongly than a dash, which may join the headline's own words
            options += [part for part in _bar_parts(text) if part not in parts]
            # '2019/01/07 06:30 PM Planning and Zoning Commission Regular Meeting': a meeting's date and
            # hour lead its <title>; the headline is what follows them
            options += [rest for part in parts if (rest := _LEADING_DATE_TIME.sub("", part)) != part]
            if _is_path(text):
                ends = {norm(end) for end in _path_ends(text)}
        for option in options:
            key = norm(option)
            # a title the site's name was cut from is the page's own part, even when it starts with that
            # name ("O'Hare Noise Compatibility Commission Meeting - O'Hare Noise Compatibility Commission")
            own = option == stripped != text
            if len(key) < MIN_MATCH_CHARS or (key in sites if own else _site_like(option, sites)) or key == section:
                continue
            if source == "html_title" and key not in ends and (ends or len(_SEPARATOR.sub(" ", option).split()) < MIN_HTML_TITLE_WORDS):
                continue  # a path's middle steps name sections, however many words they have ('암질환 사용약제 및 요법')
            if source == "html_title" and _is_path(option) and (len(steps := _parts(option)) > 1
                                                                 or steps[0].strip() != option.strip()):
                continue  # a path is no headline, only its steps may be ('Budget adopted > >': its one step)
            if key not in support:
                hints.append((source, option))
            support[key] = support.get(key, 0) + 1
    hints = _without_tailed(hints, support)
    order = {hint: i for i, hint in enumerate(hints)}
    ranked = sorted(hints, key=lambda hint: (-support[norm(hint[1])], order[hint]))
    return [(source, text, support[norm(text)]) for source, text in ranked]


def _without_tailed(hints: list[tuple[str, str]], support: dict[str, int]) -> list[tuple[str, str]]:
    """Hints with a tail after another hint dropped, their support given to that hint: og:title
    '헤드라인-정치ㅣ한국일보' beside JSON-LD '헤드라인' is the headline with the section and site glued on
    (the separator is not spaced, so strip_site_name cannot cut it)."""
    kept = []
    for source, text in hints:
        head = next((other for _, other in hints if other != text and not other.rstrip().endswith(("…", "..."))
                     and len(norm(other)) >= MIN_MATCH_CHARS and text.startswith(other.rstrip())
                     and _GLUED_SEPARATOR.match(text[len(other.rstrip()):])), None)
        if head is None:
            kept.append((source, text))
        else:
            support[norm(head)] += support.pop(norm(text), 0)
    return kept


def _same_keys(a: str, b: str, truncated: bool) -> bool:
    """same_title on normalised texts (block a, hint b); truncated when the hint ends in '…'."""
    if len(a) < MIN_MATCH_CHARS or len(b) < MIN_MATCH_CHARS:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if shorter in longer and len(shorter) >= MATCH_LENGTH_SHARE * len(longer):
        return True
    return truncated and len(b) >= MIN_TRUNCATED_CHARS and a.startswith(b)


def same_title(block_text: str, hint: str) -> bool:
    """True when a visible block and a markup title are the same headline (whitespace, punctuation,
    a '제목 :' label, a bracketed prefix or a truncation aside)."""
    return _same_keys(norm(_TITLE_LABEL.sub("", block_text)), norm(hint), hint.rstrip().endswith(("…", "...")))


def find_title_block(texts: Sequence[str], hints: Sequence[tuple[str, str]]) -> int | None:
    """Index of the text the best markup title confirms (the same text first, then a near one), or None."""
    keys = [norm(_TITLE_LABEL.sub("", text)) for text in texts]
    wanted = [(norm(hint), hint.rstrip().endswith(("…", "..."))) for _, hint in hints]
    positions = {}
    for i, key in enumerate(keys):
        positions.setdefault(key, i)
    for key, _ in wanted:  # the same text first, for any hint: a near match may be a longer heading
        if key in positions:
            return positions[key]
    for key, truncated in wanted:
        near = next((i for i, text in enumerate(keys) if _same_keys(text, key, truncated)), None)
        if near is not None:
            return near
    return None


def _starts_headline(line: str, hint: str) -> bool:
    """True when a visible line is the start of a longer markup title, the rest of its words whole: the
    page broke the headline over lines ('Planning and Zoning Commission' for '... Commission Regular Meeting')."""
    line_key, hint_key = norm(line), norm(hint)
    if len(line_key) < MIN_MATCH_CHARS or len(hint_key) <= len(line_key) or not hint_key.startswith(line_key):
        return False
    if len(_parts(hint)) > 1 or _is_path(hint):
        return False  # 'Headline > Section | Site': what follows the line is the site's, not the headline's
    words = hint.split()
    return any(norm(" ".join(words[:n])) == line_key for n in range(1, len(words)))


# A board's tag before a post's headline: '[강화] ', '[Updated] ', '【공지】'.
_LEADING_TAG = re.compile(r"^\s*[\[［【〔]\s*[^\]］】〕]{1,12}?\s*[\]］】〕]\s*(?=\S)")


def _without_board_tag(title: str, hints: Sequence[tuple[str, str]]) -> str | None:
    """The visible headline less its leading tag when a markup title gives the headline without it
    ('[강화] ｢금융소비자보호 모범규준｣ 개정' beside the <title> '｢금융소비자보호 모범규준｣ 개정 > 자율규제 > ...'): the
    tag is the board's label of the post (a badge), not the headline's words. A markup title that carries the tag
    too ('[안내] ... | 공지사항') keeps it."""
    tag = _LEADING_TAG.match(title)
    if not tag:
        return None
    rest = title[tag.end():].strip()
    keys = {norm(hint) for _, hint in hints}
    return rest if norm(rest) in keys and norm(title) not in keys else None


MIN_REWORDED_WORDS = 4  # a headline of a few words; two-word labels share words by chance
MIN_SHARED_WORD_SHARE = 0.8  # one word in five changed ('EP' for 'Parliament'): the same headline reworded


def _words(text: str) -> list[str]:
    return [key for word in text.split() if (key := norm(word))]


def _rewords(shown: str, hint: str) -> bool:
    """True when a part of a markup title and a visible heading are the same headline with a word or so changed:
    most of the words of each are the other's ('Parliament paves way for ...' / 'EP paves way for ...',
    '광주시, 새 공원 30곳 개장' / '광주광역시, 새 공원 30곳 개장')."""
    seen = _words(shown)
    if len(seen) < MIN_REWORDED_WORDS:
        return False
    for part in _parts(hint):
        words = _words(part)
        shared = len(set(seen) & set(words))
        if len(words) >= MIN_REWORDED_WORDS and shared >= MIN_SHARED_WORD_SHARE * max(len(set(seen)), len(set(words))):
            return True
    return False


def _names_the_record(title: str, name: str) -> bool:
    """A visible pick that is a register's number field ('정보공개번호 : 2025-182') or its name field written as
    'label : name' ('제품명 : 홈매트 리퀴드 에스'): the page is the record of that name."""
    if is_code_field(title):
        return True
    label, colon, value = title.partition(":") if ":" in title else title.partition("：")
    return bool(colon) and norm(value) == norm(name)


def _title(markup: MarkupMetadata, visible: Metadata) -> tuple[str | None, str | None]:
    if markup.record_name and visible.title and _names_the_record(visible.title, markup.record_name):
        return markup.record_name, "board_table"  # a register's page: its name field, not its number, is its title
    if markup.record_name and visible.title_source not in STATED_TITLE_SOURCES:
        # the record's fields are no headline (clean skips a field list's rows): a line the page does not state as its
        # title ('사용방법', a row's label further down) gives way to the register's name field
        return markup.record_name, "board_table"
    ranked = _ranked_hints(markup)
    hints = [(source, text) for source, text, _ in ranked]
    sites = _site_keys(markup)
    if visible.title:
        confirmed = next((source for source, hint in hints if same_title(visible.title, hint)), None)
        title_parts = {norm(part) for source, text in markup.titles if source == "html_title"
                       for part in (_path_ends(text) if _is_path(text) else _parts(text))}
        if not confirmed and norm(visible.title) in title_parts and not _site_like(visible.title, sites):
            confirmed = "html_title"  # a short headline the <title> repeats: 'Criminal Glossary | Superior Court ...'
        if not confirmed and visible.title_source == "heading":
            # the visible heading says more than the markup: 'Official Opinion 2017-3' for og:title '2017-3'
            key = norm(visible.title)
            confirmed = next((source for source, hint in hints
                              if len(norm(hint)) >= MIN_MATCH_CHARS and norm(hint) in key
                              and len(key) <= MAX_HEADING_GROWTH * len(norm(hint)) + MAX_HEADING_EXTRA_CHARS), None)
        whole = next((hint for _, hint in hints if _starts_headline(visible.title, hint)), None)
        if confirmed and whole and visible.title_source not in STATED_TITLE_SOURCES:
            return whole, confirmed  # 'Planning and Zoning Commission' / 'Regular Meeting': one headline on two lines
        if confirmed:
            untagged = _without_board_tag(visible.title, hints)
            if untagged:
                return untagged, confirmed
            # a block that holds more than the headline ('... – Rolling Stone', a 'title :' cell) loses it
            own = strip_site_name(visible.title, sites).rstrip(" :：")
            if _LEADING_DASH.match(own) and not any(_LEADING_DASH.match(hint) for _, hint in hints):
                own = _LEADING_DASH.sub("", own)  # '- 공적자금관리 특별법' after the section's heading '법령': a separator
            return own or visible.title, confirmed
        if not confirmed and visible.title_source in STATED_TITLE_SOURCES:
            # the page's heading rewords the markup's headline ('Parliament paves way ...' for og:title 'EP paves
            # way ... | News | European Parliament'): the words the page shows win
            confirmed = next((source for source, hint in hints if _rewords(visible.title, hint)), None)
            if confirmed:
                return visible.title, confirmed
    # A markup title the page does not show beats the visible pick when two fields agree on it, or
    # when the visible pick is not a heading (a skip link, a teaser); one og:title alone may be the section's.
    strong = [(source, hint) for source, hint, support in ranked if source in STRONG_TITLE_SOURCES
              and (support >= MIN_UNCONFIRMED_SUPPORT or visible.title_source not in STATED_TITLE_SOURCES)]
    if strong:
        return strong[0][1], strong[0][0]
    # A part of <title> the page does not show beats a visible pick that is a word or two ('Panel',
    # 'Tools and resources' of a menu): a headline has the words of one.
    # A record's number in its table ('Tender Title : 65/Hubli/AE-DSD/e-Tender/2025-26', '제목 : 제2025-06호 입찰공고') is the
    # title however short: a menu's word ('Help' in the row above a byline row) has no digits.
    coded = visible.title_source == "board_table" and bool(visible.title and _DIGIT.search(visible.title))
    short = not visible.title or (len(visible.title.split()) < MIN_HTML_TITLE_WORDS and not coded)
    # a path's end step is the page's generic name as often as its headline ('상세보기', 'Event Details'): it
    # replaces only a visible pick of a word or two, never a line with a headline's words
    paths = any(_is_path(text) for source, text in markup.titles if source == "html_title")
    parts = [hint for source, hint in hints if source == "html_title" and len(_parts(hint)) == 1 and (short or not paths)]
    # a line the page does not state as its title (no heading, no '제목' field), the markup not confirming
    # it, gives way too: a photo credit '(Credit: Pixabay/CC0 Public Domain)', a search box's label
    unstated = visible.title_source not in STATED_TITLE_SOURCES
    if parts and (short or unstated or _site_like(visible.title, sites)):
        return parts[0], "html_title"
    if visible.title and not _site_like(visible.title, sites):
        return visible.title, visible.title_source
    if hints:
        return hints[0][1], hints[0][0]
    return visible.title, visible.title_source


def _date(markup: Sequence[MarkupDate], visible: datetime | None, visible_source: str | None,
          language: str | None = None) -> tuple[datetime | None, str | None]:
    best = markup[0] if markup else None
    if best is None:
        return visible, visible_source if visible else None
    if visible is not None:
        near = abs(best.value - visible) <= MAX_UTC_OFFSET
        if best.source not in ARTICLE_DATE_SOURCES:
            return visible, visible_source  # the page's own labelled date beats a stray meta or <time>
        if best.utc and near and (visible.hour, visible.minute) != (0, 0):
            return visible, visible_source  # the visible time is the site's local one
        if not best.has_time and visible.date() == best.value.date():
            return visible, visible_source  # same day, and the page gives the time too
    if best.utc:
        # the same moment in the site's local time, given by another field ('2023-11-09T05:30:59Z' beside
        # <time datetime="2023-11-08 23:30:59">): whole hours apart, the minutes and seconds the same
        local = next((d for d in markup[1:] if not d.utc and d.has_time and d.value != best.value
                      and abs(d.value - best.value) <= MAX_UTC_OFFSET
                      and (d.value - best.value).total_seconds() % 3600 == 0), None)
        if local is not None:
            return local.value, local.source
        if language in SINGLE_ZONE_OFFSETS:
            return best.value + SINGLE_ZONE_OFFSETS[language], best.source
    return best.value, best.source


_DIGIT = re.compile(r"\d")
MIN_INSTITUTION_CHARS = 5  # '교통정책과', '사회복지과'; a three-syllable '김민국' is a person's name, whatever it ends with


# Words that make a name a public body's, in the languages of the sites read ('Außenministerium der Republik
# Österreich', 'Ministry of Justice', 'City Council', '한국무역투자진흥공사', '환경부', '경찰청'): a byline names a person.
_INSTITUTION_WORD = re.compile(r"ministr|minist[eè]re|ministerium|government|regierung|republi[ck]|council|commission|"
                               r"authority|parliament|municipal|county|federal|national|"
                               r"(?:공사|공단|재단|진흥원|연구원|협회|위원회|[시도군구]청|[부처청])$", re.IGNORECASE)
# An organisation's initials alone ('KOTRA', 'NASA', 'HIRA'): one word of capitals; a person signs with a name.
_ACRONYM = re.compile(r"^[A-Z]{3,8}$")


def _names_institution(name: str) -> bool:
    """A <meta name="author"> that names a body ('Canadian Intellectual Property Office', '광주광역시 교통정책과',
    'Außenministerium der Republik Österreich', 'KOTRA'): it starts or ends with its kind (metadata.names_department)
    or holds a public body's word (_INSTITUTION_WORD), and is longer than a person's name; or it is initials alone."""
    if _ACRONYM.match(name.strip()):
        return True
    return len(name.replace(" ", "")) >= MIN_INSTITUTION_CHARS and (names_department(name)
                                                                  or bool(_INSTITUTION_WORD.search(name)))


def _author(markup: MarkupMetadata, visible: Metadata) -> tuple[str | None, str | None]:
    sites = _site_keys(markup)
    own = [(source, name) for source, name in markup.authors if not _site_like(name, sites)]
    json_ld = [item for item in own if item[0] == "json_ld"]
    if json_ld:
        names = list(dict.fromkeys(name for _, name in json_ld))
        return ", ".join(names), "json_ld"
    if visible.author:
        return visible.author, visible.author_source
    # <meta name="author"> on public-sector pages names the institution ('Government of Canada,
    # Department of Justice, Electronic Communications'): a byline names a person or two
    people = [(source, name) for source, name in own
              if "," not in name and len(name.split()) <= MAX_META_AUTHOR_WORDS and not _names_institution(name)]
    if people:
        return people[0][1], people[0][0]
    return None, None


def _with_board(markup: MarkupMetadata, visible: Metadata) -> Metadata:
    """Visible fields filled in from the board's field table read off the tree (see MarkupMetadata.board)."""
    board, contact = as_contact(markup.board)
    changes: dict = {}
    if contact is not None and visible.contact_department is None and visible.contact_phone is None:
        changes["contact_department"], changes["contact_phone"] = contact
    for name, value in (("author", board.author), ("published_at", board.published_at),
                        ("modified_at", board.modified_at), ("department", board.department)):
        if value is not None and getattr(visible, name) is None:
            changes[name], changes[f"{name}_source"] = value, "board_table"
    if board.view_count is not None and visible.view_count is None:
        changes["view_count"] = board.view_count
    if markup.board_title and not (visible.title and same_title(visible.title, markup.board_title)):
        changes["title"], changes["title_source"] = markup.board_title, "board_table"
    return replace(visible, **changes) if changes else visible


def _department_answers(visible: Metadata) -> Metadata:
    """With no contact's department, the department a field names ('담당부서', '부서', '운영기관', 'Sponsor') is whom to
    ask about the page: the body that registered it answers for it."""
    if visible.contact_department is not None or visible.department is None:
        return visible
    return replace(visible, contact_department=visible.department)


def _without_subject_fields(visible: Metadata) -> Metadata:
    """A field list whose 'Name' is the page's own title describes its subject (an event: 'Name: Board
    Meeting / Date: November 20, 2019'), not who posted it and when."""
    if not (visible.author and visible.title and norm(visible.author) == norm(visible.title)):
        return visible
    changes: dict = {"author": None, "author_source": None}
    if visible.published_at_source == visible.author_source:
        changes.update(published_at=None, published_at_source=None)
    return replace(visible, **changes)


# Markup dates that on an event's page date the event, not the page: a <time> element, a date element.
EVENT_PAGE_UNTRUSTED_SOURCES = ("time", "byline")


def _posting_dates(markup: MarkupMetadata) -> tuple[MarkupDate, ...]:
    """The markup's publication dates, less those an event's page gives for its event: its <time> and date
    elements, and any on the day the event takes place."""
    times = {d.value for d in markup.published if d.source == "time"}
    if len(times) > 1:
        # <time> elements that give more than one moment, none labelled a posting or an edit, date what the page
        # lists or the bounds of a period ('2026.01.26 00:00 ~ 2026.01.30 23:45'), not the page
        return tuple(d for d in markup.published if d.source != "time")
    if not markup.is_event:
        return markup.published
    days = {event.value.date() for event in markup.events}
    return tuple(d for d in markup.published if d.source not in EVENT_PAGE_UNTRUSTED_SOURCES and d.value.date() not in days)


def _without_event_date(markup: MarkupMetadata, visible: Metadata) -> Metadata:
    """On an event's page, a visible date on the day the markup gives for the event ('Date / Feb 01 2024'
    beside a JSON-LD Event starting that day) is the event's, not the day the page was posted."""
    shown = visible.published_at
    if shown is None or not any(event.value.date() == shown.date() for event in markup.events):
        return visible
    return replace(visible, published_at=None, published_at_source=None)


def reconcile_metadata(markup: MarkupMetadata, visible: Metadata) -> Metadata:
    """The page's metadata: the visible fields (from clean_blocks) confirmed, filled in or overruled
    by the markup's, each with its *_source."""
    visible = _without_event_date(markup, _without_subject_fields(_department_answers(_with_board(markup, visible))))
    title, title_source = _title(markup, visible)
    shown, shown_source = visible.published_at, visible.published_at_source
    if shown is None and visible.modified_at is not None and not markup.is_event:
        # a static page shows only when it last changed ('Date modified: 2022-05-13'): that is the date of
        # the version in hand, and it beats a meta or <time> date the page does not show; an event's page
        # that shows only an edit ('Last updated: Thu, 06/25/2020') says when its listing was touched, no more
        shown, shown_source = visible.modified_at, visible.modified_at_source
    # a posting date the page shows, its article object states or a <time> gives: not an edit's alone ('Date modified:
    # 2022-05-13', 'Last updated: 26 March 2021' read as a date element too), nor a CMS's <meta> record of the file
    edits = {(d.source, d.value) for d in markup.modified}
    posted = visible.published_at is not None or any(d.source != "meta" and (d.source, d.value) not in edits
                                                     for d in _posting_dates(markup))
    published_at, published_source = _date(_posting_dates(markup), shown, shown_source, markup.language)
    modified_at, modified_source = _date(markup.modified, visible.modified_at, visible.modified_at_source,
                                         markup.language)
    if published_at is None:
        published_at, published_source = _fallback_date(markup)
    event = markup.events[0] if markup.events else None
    author, author_source = _author(markup, visible)
    site_name = next((name for name in markup.site_names if not _URL.match(name)), None)
    return replace(visible, title=title, title_source=title_source if title else None,
                   published_at=published_at, published_at_source=published_source,
                   modified_at=modified_at, modified_at_source=modified_source,
                   author=author, author_source=author_source,
                   category=_section(markup.section, _category(visible.category)) or _posted_path_section(markup, posted),
                   site_name=site_name, canonical_url=markup.canonical_url,
                   event_at=event.value if event else None, event_at_source=event.source if event else None)


_CONTACT_ADDRESS = re.compile(r"\S@\S|^(?:https?://|www\.)", re.IGNORECASE)
# A year alone ('2019') above a title is an archive's year heading, not a section the page belongs to.
_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*년?\s*$")


# The label of the page's navigation itself, a screen-reader heading over the path ('Breadcrumb', 'You are here',
# '현재 위치'): it names the widget, not a section.
NAVIGATION_LABEL = re.compile(r"^\W*(?:breadcrumbs?(?: navigation)?|you are here|navigation|현재\s?위치|위치\s?정보|"
                               r"(?:내|네)비게이션)\W*$", re.IGNORECASE)
# A day of the year without its year ('September 18 Tuesday', '18 Sept.', '9월 18일 (화)'): a calendar's date line.
_YEARLESS_DAY = re.compile(r"^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
                           r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                           r"|\d{1,2}\s*월\s*\d{1,2}\s*일)"
                           r"(?:[\s,()]*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[\s,()]*[월화수목금토일](?:요일)?)?[\s,.()]*$",
                           re.IGNORECASE)


# The name of the page's view rather than of a section ('Event Detail', 'BC Event Detail', 'News View', '상세보기', '게시물
# 상세'): the last step of a breadcrumb that names what kind of page this is, the same on every item of the site.
_VIEW_NAME = re.compile(r"(?:^|\s)(?:details?|view)$|(?:^|\s)(?:상세|상세\s?보기|상세\s?내용|내용\s?보기|보기)$", re.IGNORECASE)


def _category(text: str | None) -> str | None:
    """The visible category, unless it is a date ('April 11, 2015', '2025년 5월 30일', '2019', 'September 18
    Tuesday'): a date above the title says when, not which section (a date the page states is read as a date
    elsewhere); nor an address ('RPickett@oag.state.va.us', 'www.example.go.kr'); nor the navigation's own label
    ('Breadcrumb', '현재 위치'); nor the name of the page's view ('Event Detail', '상세보기'); nor a control's label
    ('Tweet', '공유하기': rules.py's button words)."""
    if not text or _CONTACT_ADDRESS.search(text):
        return None  # an e-mail or a web address above the title is a contact, not a section
    found, consumed = parse_date(text)
    if (found is not None and consumed >= len(text.strip()) - 1) or _YEAR.match(text) or _YEARLESS_DAY.match(text):
        return None
    if NAVIGATION_LABEL.match(text) or _VIEW_NAME.search(text) or match_line_rule(text) == CONTROL_RULE:
        return None  # ... nor a control's label a path's box ran into ('Home > Events > Tweet': a share button)
    return text


# A section as a URL writes it ('sports', 'realestate', 'north-korea'): a key for the site's code, not the name it shows.
_SLUG = re.compile(r"^[a-z0-9_-]+$")


def _section(stated: str | None, visible: str | None) -> str | None:
    """The page's section: the markup's (article:section, JSON-LD articleSection) when it gives a name as the page
    shows names ('정치', 'North Korea'), since it states outright what the line above the title only suggests ('LIVE
    ISSUE 제21대 대통령 선거' in a banner); a slug ('sports') gives way to the visible name ('스포츠')."""
    if stated and not _SLUG.match(stated):
        return stated
    return visible or stated


def _posted_path_section(markup: MarkupMetadata, posted: bool) -> str | None:
    """The section the page's marked breadcrumb names (MarkupMetadata.path_section), on a page posted on a day (a
    posting date, not an edit's alone) that announces no event: a release's or a notice's path names the stream of
    publications it belongs to ('Press Release', 'Opinions', 'Aussendungen'); a static page's (its 'Date modified') or
    an event's names where it sits in the site's menus ('Tools', 'Family Law', 'Boards and Commissions'), no category."""
    if not posted or markup.is_event:
        return None
    return _category(markup.path_section)


def _fallback_date(markup: MarkupMetadata) -> tuple[datetime | None, str | None]:
    """The page's date when it shows no posting or modification date: another labelled date beside its
    title ('촬영일자 2025-12-17'), else the day its URL's path gives; never on an event's page, whose
    dates are the event's (event_at)."""
    if markup.is_event:
        return None, None
    if markup.other_dates:
        return markup.other_dates[0].value, markup.other_dates[0].source
    if markup.url_date is not None:
        return markup.url_date, "url"
    return None, None
