"""Segment a cleaned article into titles, summaries, headings, paragraphs, list items, captions, notes.

Conventions (see docs/segments.md): list text is stored without its marker and the marker is kept
as written; depth counts list nesting from 0; a different kind of marker after an item goes one
level deeper; in Korean press-release style '○' is depth 0, '-' depth 1, '·' depth 2; every
segment records the heading it falls under, and a list that resumes after a sub-heading gets its
heading back.

Numbered headings, on every path (a heading tag, a bold line, a numbered line alone or over bullets, a '□' mark):
the number is the heading's marker and the text is the heading without it, as a list item keeps its own
('1. 추진 배경' -> marker '1.', text '추진 배경'; 'II. Background' -> 'II.', 'Background'; '가. 지원내용' -> '가.',
'지원내용'), so the heading's text is its title and the body text ('marker text') still reads as the page.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cityclips.transforms.dates import is_when_line
from cityclips.transforms.html import EDGE_GOOD_WEIGHT, ROW_HINT, is_item_box_line, reads_as_prose, text_weight
from cityclips.transforms.records import Block, CleanPage, Segment

MAX_HEADING_WORDS = 12  # standalone lines longer than this are one-sentence paragraphs
MAX_HEADING_CHARS = 100
CIRCLED = "\u2460-\u2473\u3251-\u325f\u32b1-\u32bf"  # ①-⑳, ㉑-㉟, ㊱-㊿
HANGUL_ORDINALS = "가나다라마바사아자차카타파하"  # the Korean alphabetic list sequence
PRESS_RANKS = {"○": 0, "-": 1, "·": 2}  # Korean press-release hierarchy under a '□' heading
# U+20DE, the combining enclosing square, typed alone before a space: a notice's second-level box bullet
# ('○ 공고개정 내역' then '⃞ 총 6 항목 : ...'), a bullet of its own family, not a '□' heading mark.
ENCLOSING_SQUARE = "\u20de"

_MARKER = re.compile(
    rf"^(?P<marker>[{CIRCLED}]|[\u2474-\u2487]|[oㅇ](?=\s)|\(\d{{1,2}}\)|\d{{1,2}}[.)](?=\s)|\([{HANGUL_ORDINALS}]\)"
    rf"|[{HANGUL_ORDINALS}] ?[.)](?=\s)|[-–*](?=\s)|[•·ㆍ○◦●▪■◎▶▷►✓]|{ENCLOSING_SQUARE}(?=\s))\s*(?P<text>\S.*)$")
# A heading's own number: '1.', '2)', '(3)', 'II.', 'Ⅲ.', '가.', '(나)', '①', then a space and the title.
_HEADING_NUMBER = re.compile(
    rf"^(?P<number>\d{{1,2}}[.)]|\(\d{{1,2}}\)|[IVX]{{1,4}}\.|[\u2160-\u216b]\.?|[{HANGUL_ORDINALS}][.)]"
    rf"|\([{HANGUL_ORDINALS}]\)|[{CIRCLED}])\s+(?P<text>(?=.*[^\W\d_])\S.*)$")  # a title: a letter in it
_HEADING = re.compile(r"^(?:[□▣◆◇◼]\s*(?P<a>\S.*)|<\s*(?P<b>[^<>]{2,150}?)\s*>|【\s*(?P<c>[^】]{2,150}?)\s*】)$")
_SUMMARY = re.compile(r"^\|\s*(?P<text>\S.*)$")
_NOTE = re.compile(r"^※\s*(?P<text>\S.*)$")
NOTE_MARK = "※"  # a note's segment keeps its mark as its marker: the text reads as the page ('※ 임대료 연체시 ...')
ENGLISH_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
KOREAN_ORDINALS = "첫째 둘째 셋째 넷째 다섯째 여섯째 일곱째 여덟째 아홉째 열째".split()
_ORDINAL = re.compile(rf"^(?P<word>{'|'.join(ENGLISH_ORDINALS + KOREAN_ORDINALS)})(ly)?\s*[,，]", re.IGNORECASE)
# The polite '-요' ending follows these syllables ('있어요', '하세요', '돼요', '이에요', '할까요'); a noun ending in 요
# ('개요', '주요', '필요', '수요') does not end a sentence: '1. 사업개요' is a heading.
POLITE_YO = "어아여해세네까래돼예에군지데워"
_TERMINAL = re.compile(rf"[.!?。:;,…”\"’')\]]$|다$|[{POLITE_YO}]요$")  # a line ending so is no heading
_SENTENCE_END = re.compile(r"[.!?。…”\"’)\]]$|다$|요$")  # a line ending so is a whole sentence: nothing joins it
# A marked line ending so is a sentence the press style marks with □; a noun in 요 ('□ 모집개요', '□ 사업개요') is a title.
_MARKED_SENTENCE_END = re.compile(rf"[.!?。…”\"’)\]]$|다$|[{POLITE_YO}]요$")


def marker_family(marker: str) -> str:
    """The kind of a list marker: '①' and '⑤' are one family, '1.' and '11.' another."""
    if re.fullmatch(f"[{CIRCLED}]", marker):
        return "circled"
    if re.fullmatch(r"[\u2474-\u2487]", marker):
        return "paren_digit"
    shape = re.sub(r"\d+", "0", marker.replace(" ", ""))  # '가 .' (a notice exported with a space) is '가.'
    shape = re.sub(f"[{HANGUL_ORDINALS}]", "가", shape)
    return {"–": "-", "ㆍ": "·", "o": "○", "ㅇ": "○"}.get(shape, shape)  # notices type a Latin 'o' or a jamo 'ㅇ' for '○'


def ordinal_of(text: str) -> int | None:
    """1 for 'First, ...' or '첫째, ...', up to 20; None for other paragraphs."""
    match = _ORDINAL.match(text)
    if not match:
        return None
    word = match["word"].lower()
    return ENGLISH_ORDINALS.index(word) + 1 if word in ENGLISH_ORDINALS else KOREAN_ORDINALS.index(word) + 1


_IN_CELL = re.compile(r"(?:^|/)t[dh](?:[.#/]|$)")  # a DOM path through a table cell ('.../li/table/tbody/tr/td')


@dataclass
class _Level:
    family: str
    seq: int
    heading_seq: int | None


class _Segmenter:
    def __init__(self, press_style: bool):
        self.segments: list[Segment] = []
        self.heading_seq: int | None = None
        self.stack: list[_Level] = []  # open list levels, outermost first
        self.markup_parents: dict[int, int] = {}  # markup depth -> seq of the last item there
        self.press_parents: dict[int, int] = {}  # press-style rank -> seq of the last item there
        self.press_style = press_style

    def add(self, kind: str, text: str, line: int, **fields) -> Segment:
        fields.setdefault("heading_seq", self.heading_seq)
        segment = Segment(seq=len(self.segments), kind=kind, text=text, source_line=line, **fields)
        self.segments.append(segment)
        return segment

    def heading(self, text: str, line: int, keeps_list: bool, marker: str = "") -> None:
        if not marker and (number := _HEADING_NUMBER.match(text)) is not None:
            marker, text = number["number"], number["text"]  # the numbering convention (module docstring)
        if not keeps_list:
            self.stack.clear()
            self.press_parents.clear()
        self.add("heading", text, line, heading_seq=None, marker=marker)
        self.heading_seq = len(self.segments) - 1

    def list_item(self, marker: str, text: str, line: int) -> None:
        family = marker_family(marker)
        families = [level.family for level in self.stack]
        if family in families:
            del self.stack[families.index(family) + 1:]
            level = self.stack[-1]
            self.heading_seq = level.heading_seq
        else:
            level = _Level(family, -1, self.heading_seq)
            self.stack.append(level)
        parent = self.stack[-2].seq if len(self.stack) > 1 else None
        # one level below the parent (press-style ranks can put a parent deeper than the stack says)
        depth = self.segments[parent].depth + 1 if parent is not None else 0
        if self.press_style and family in PRESS_RANKS:
            # fixed ranks: the parent is the last item one rank up, whatever came in between
            depth = PRESS_RANKS[family]
            parent = self.press_parents.get(depth - 1) if depth else None
        segment = self.add("list_item", text, line, marker=marker, depth=depth, parent_seq=parent)
        level.seq = segment.seq
        if self.press_style and family in PRESS_RANKS:
            self.press_parents = {d: s for d, s in self.press_parents.items() if d < depth}
            self.press_parents[depth] = segment.seq

    def markup_item(self, block: Block) -> None:
        """A list item whose depth the markup gives (HTML li, the scraper's '  • ')."""
        self.stack.clear()
        parent = self.markup_parents.get(block.depth - 1) if block.depth else None
        previous = self.segments[-1] if self.segments else None
        if not block.marker and previous is not None and previous.kind == "list_item" and previous.depth == block.depth \
                and not _IN_CELL.search(block.dom_path):
            # the item's next paragraph ('<li><p>취업알선기관 알선</p><strong>0명</strong></li>'): the rest of that item
            # (not a cell of a table laid out in the item: its rows are lines of their own)
            self.segments[-1] = replace(previous, text=f"{previous.text} {block.text}")
            return
        if not block.marker and (previous is None or previous.kind != "list_item"):
            # the rest of an item whose first line is no list item (a file's name, '<li><p>지급명단.xlsx</p>비공개
            # 문서</li>'): there is no item for it to continue, and it opens none (it has no bullet of its own)
            self.paragraph(block)
            return
        own = _MARKER.match(block.text)
        marker, text = (own["marker"], own["text"]) if own and block.marker == "•" else (block.marker, block.text)
        segment = self.add("list_item", text, block.line_no, marker=marker, depth=block.depth, parent_seq=parent)
        self.markup_parents = {d: s for d, s in self.markup_parents.items() if d < block.depth}
        self.markup_parents[block.depth] = segment.seq

    def paragraph(self, block: Block) -> None:
        previous = self.segments[-1] if self.segments else None
        if previous and previous.kind == "paragraph" and _continues(previous.text, block):
            self.segments[-1] = replace(previous, text=f"{previous.text} {block.text}")
            return
        self.stack.clear()
        self.markup_parents.clear()
        self.press_parents.clear()
        self.add("paragraph", block.text, block.line_no, ordinal=ordinal_of(block.text))


def _continues(previous: str, block: Block) -> bool:
    """True when a text-dump line is the rest of the previous paragraph (a line the scrape broke)."""
    if block.blank_before or block.hint != "line" or _SENTENCE_END.search(previous):
        return False
    first = block.text[0]
    return first.islower() or previous.endswith((",", "-", "(")) or ("\uac00" <= first <= "\ud7a3" and
                                                                        "\uac00" <= previous[-1] <= "\ud7a3")


def _is_standalone_heading(block: Block, following: Block | None) -> bool:
    text = block.text
    return (block.hint == "line" and block.blank_before and (following is None or following.blank_before)
            and len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS
            and not _TERMINAL.search(text) and text[0] not in "“\"'‘(" and following is not None
            and len(following.text) > len(text))


MAX_NUMBERED_HEADING_CHARS = 40  # '1. 추진배경', '2. Administrative districts': a short title, not an item


FOOTNOTE_MARK = "*"  # '* 본 문서는 공문서로서의 법적 효력은 없으며 ...', '* Registration closes at noon.'


def _is_footnote(item: re.Match[str], body: Sequence[Block], i: int) -> bool:
    """A line typed with an asterisk that no other asterisk line stands beside: a footnote, as a '※' line is a
    note, not a list of one item. Asterisk lines side by side are a list ('* 사업기간 ...' over '* 지원규모 ...'), and
    one right under a list item is that item's sub-item (segment_page keeps it in the list)."""
    if item["marker"] != FOOTNOTE_MARK:
        return False
    beside = [b for b in (body[i - 1] if i else None, body[i + 1] if i + 1 < len(body) else None) if b is not None]
    return not any(b.text.startswith(FOOTNOTE_MARK) for b in beside)


def _is_numbered_heading(item: re.Match[str], block: Block, body: Sequence[Block], i: int) -> bool:
    """'1. 추진배경' standing alone between blank lines, with no numbered item beside it, is a heading."""
    if block.hint != "line" or marker_family(item["marker"]) != "0." or len(item["text"]) > MAX_NUMBERED_HEADING_CHARS:
        return False
    if _TERMINAL.search(item["text"]) or not block.blank_before:
        return False
    following = body[i + 1] if i + 1 < len(body) else None
    if following is None or not following.blank_before:
        return False
    neighbours = [b for b in (body[i - 1] if i else None, following) if b is not None]
    return not any((m := _MARKER.match(b.text)) and marker_family(m["marker"]) == "0." for b in neighbours)


# Bullet families: the lines of a section under a numbered title ('1. 신청안내' then 'o 사업기간 : ...')
SECTION_ITEM_FAMILIES = frozenset({"○", "-", "·", "•", "*", "●", "◦", "▪", "◎", "▶", "▷", "►", "✓"})


# The level under '1.' in a Korean official document's outline (1. > 가. > 1) > 가)): '1. 사업개요' over
# '가. (사업명) ...' is a section title over its items, as over bullets.
OUTLINE_SUB_FAMILIES = frozenset({"가.", "(가)"})


def _is_numbered_section(item: re.Match[str], block: Block, body: Sequence[Block], i: int) -> bool:
    """'1. 신청안내' or '2. Eligibility' over bulleted lines of an HTML box is the title of a section
    (the notice and press-release outline: numbered titles, bulleted facts), not a list item holding
    them: a short numbered line, no sentence and no 'label : value', directly followed by a line with
    a bullet."""
    if block.hint != "p" or marker_family(item["marker"]) != "0.":
        return False  # (a text dump indents its sub-items: '1. Joseon Dynasty' over ' - ...' is a nested list)
    text = item["text"]
    if len(text) > MAX_NUMBERED_HEADING_CHARS or _TERMINAL.search(text) or _LABEL_VALUE.search(text):
        return False
    following = body[i + 1] if i + 1 < len(body) else None
    if following is None or following.hint != "p":
        return False  # (a markup list under it is the item's own sub-list: an agenda's '5. Consent Agenda')
    bullet = _MARKER.match(following.text)
    return bullet is not None and marker_family(bullet["marker"]) in SECTION_ITEM_FAMILIES | OUTLINE_SUB_FAMILIES


_LABEL_VALUE = re.compile(r"\S\s*[:：]\s*\S")  # '□모집기간 : 2025.6.18.~6.24.': a field, not a heading


def _is_marked_heading(text: str) -> bool:
    """'□ 추진 배경' is a heading; '□ 시는 4일 ... 밝혔다.' is a paragraph the press style marks with □,
    and '□모집기간 : 6.18.~6.24.' a field line. '■' is a bullet, not a heading mark ('■ 모집인원 : 선착순', '■ 대연캠퍼스'
    over its 'O' restaurants: the notices' items, see _MARKER)."""
    return len(text) <= MAX_HEADING_CHARS and not _MARKED_SENTENCE_END.search(text) and not _LABEL_VALUE.search(text)


MIN_SENTENCE_HEADING_WORDS = 6  # 'Contact us.' is a heading; a line of six words ending in a full stop is a sentence
_FULL_STOP = re.compile(r"(?<![A-Z])[.。]$")


def _is_sentence(text: str) -> bool:
    """An HTML heading that is a whole sentence: it ends in a full stop and has the words of one."""
    return bool(_FULL_STOP.search(text)) and len(text.split()) >= MIN_SENTENCE_HEADING_WORDS


MAX_LABEL_HEADING_WORDS = 3  # 'Date/Time:', '신청 기간:': a field's name; a longer line ending in ':' leads a list
_LABEL_HEADING = re.compile(r"[:：]$")
# What a line saying only when is made of: digits, month and weekday names, clock words, separators.
_WHEN_TOKEN = re.compile(
    r"\d+|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|"
    r"\b[ap]\.?m\b\.?|\bnoon\b|년|월|일|시|분|오전|오후|[월화수목금토일]요일|\([월화수목금토일]\)|[\s,.:@~\-–—/()]",
    re.IGNORECASE)


def _is_field_label(text: str) -> bool:
    """'Date/Time:', 'Category:': a heading that names a field whose value follows (or is empty), not a section."""
    return bool(_LABEL_HEADING.search(text)) and len(text.split()) <= MAX_LABEL_HEADING_WORDS


def _is_when_heading(text: str) -> bool:
    """'December 14, 2023 11:30 AM', 'May 9 @ 1:30 pm - 4:00 pm', '2025년 3월 5일(수) 오후 2시': a heading
    that says only when (an event's date set large) is a field of the page, not a section title."""
    return is_when_line(text) and not _WHEN_TOKEN.sub("", text)


_WORD_START, _WORD_END, _ANY_SPACE = r"(?<![^\W_])", r"(?![^\W_])", r"\s*"  # a whole word, spaces as typed or not


def _restates_title(text: str, title: str | None, segments: Sequence[Segment]) -> bool:
    """'Illinois Commerce Commission Regular Open Meeting' over an article titled 'Regular Open Meeting':
    a heading before any content that holds the whole title is the title again (with the body's name), no section."""
    if not title or any(s.kind not in ("title", "heading") for s in segments):
        return False
    words = title.split()
    if len("".join(words)) >= len(re.sub(r"\s+", "", text)):
        return False
    # the title's words as whole words of the heading: '공지' inside '인공지능' is a piece of another word
    whole = _WORD_START + _ANY_SPACE.join(map(re.escape, words)) + _WORD_END
    return re.search(whole, text, re.IGNORECASE) is not None


_PATH_STEP = re.compile(r"\s*[>›»/|]\s*|\s+")  # between the steps of a breadcrumb ('홈 > 알림마당 > 사업공고')


def _names_the_category(text: str, category: str | None) -> bool:
    """'<h1>사업공고</h1>' on a page whose category (its breadcrumb) is '홈 알림마당 사업공고', '<h1>Calendar</h1>'
    under 'Calendar': the heading names the part of the site the page sits in (a board's name), not a section
    of the article: the category again, in words that end it."""
    if not category:
        return False
    wanted = _PATH_STEP.sub(" ", text).strip().casefold()
    steps = _PATH_STEP.sub(" ", category).strip().casefold()
    return bool(wanted) and (steps == wanted or steps.endswith(" " + wanted))


def _not_a_section(text: str, title: str | None, segments: Sequence[Segment]) -> bool:
    """A heading-tagged line that is a field's label, a date, or the title again: a paragraph."""
    return _is_field_label(text) or _is_when_heading(text) or _restates_title(text, title, segments)


_HEADING_TAG = re.compile(r"^h(?P<rank>[1-6])(?:[.#]|$)")  # the last step of a heading's DOM path: '.../h5', 'h3.h0'


def _heading_rank(block: Block) -> int | None:
    """1 to 6 for a block of an <h1>-<h6> element, None for other blocks (a text dump's line, a 'p')."""
    tag = _HEADING_TAG.match(block.dom_path.rpartition("/")[2])
    return int(tag["rank"]) if tag else None


def _heads_nothing(body: Sequence[Block], i: int) -> bool:
    """'<h5>Chamber sittings</h5><h3>House of Commons</h3>': an HTML heading followed directly by a heading of a
    higher rank opens a section the markup closes at once (the outline of <h1>-<h6>), and so does one followed by
    the same heading again ('<h5>Chamber sittings</h5><h5>Chamber sittings</h5>', boxes of one template): a card's
    label or an empty widget's name, not a section title. A heading over a smaller one ('<h2>Budget</h2><h3>Parks
    </h3>') opens the section that holds it; two of one rank side by side ('<h3>Overview</h3><h3>Background</h3>')
    are left as they are (titles of a page's parts, or a deck: see _deck)."""
    rank = _heading_rank(body[i])
    following = _neighbour(body, i, 1)
    if rank is None or following is None or following.hint not in ("heading", "title"):
        return False
    below = _heading_rank(following)
    return below is not None and (below < rank or (below == rank and following.text == body[i].text))


def _without_empty_last_heading(segments: list[Segment]) -> list[Segment]:
    """A heading that ends the body heads nothing: the label of a box that was left out (a login form's
    '비밀번호', a widget's 'Share this'), a paragraph."""
    if len(segments) > 1 and segments[-1].kind == "heading":
        under = next((s.seq for s in reversed(segments[:-1]) if s.kind == "heading"), None)
        segments[-1] = replace(segments[-1], kind="paragraph", heading_seq=under)
    return segments


# A file's name, with the size a board prints after it: '지침 1부.hwp', 'Meeting agenda.pdf (120 KB)'.
_FILE_NAME = re.compile(r"\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|odt|zip|jpe?g|png)\s*(?:\([^()]*\))?$", re.IGNORECASE)


def _is_file_line(block: Block) -> bool:
    """A markup item that is a file's name ('<li><a href="download.php?..."><img>지침 1부.hwp</a></li>'):
    a line of the attachment box, not an item of the article's list."""
    return bool(_FILE_NAME.search(block.text))


_CELL_STEP = re.compile(r"(?:^|/)t[dh](?:[.#][^/]*)?$")  # a block that is a table cell's own text ('.../tr/td')


def _is_bulleted_row(item: re.Match[str], block: Block) -> bool:
    """A table row, or a cell's own text, that opens with a typed bullet ('<th>• 폐기방법</th><td>- 빈 용기를
    ...</td>', '<th>· Storage</th><td>...</td>') is one field of the table, its bullet the label's decoration or
    the first of the value's lines run together: a paragraph, not a list item. A numbered row ('<td>1.</td>
    <td>CALL TO ORDER</td>') stays an item: its number orders the rows, as an agenda's does."""
    in_cell = block.hint == ROW_HINT or bool(_CELL_STEP.search(block.dom_path))
    return in_cell and marker_family(item["marker"]) in SECTION_ITEM_FAMILIES


MIN_DECK_LINES = 2  # one heading over the text is the first section's title; two or more in one box are a deck


def _deck(body: Sequence[Block]) -> set[int]:
    """Indices of the headline's deck: headings that open the body (after its photos) side by side in one box,
    with nothing between them, in headline style (no whole sentence among them, see _is_sentence), one at least
    longer than a heading (MAX_HEADING_WORDS): a release's highlight lines under its headline ('<div
    class="event-heading"><h3>Vice-President says ...</h3><h3>...</h3></div>', '<h3>- 광주시, 4일 ...</h3><h3>-
    ...</h3>'), sub-headlines that head no section: summaries."""
    start = next((i for i, b in enumerate(body) if b.hint != "caption"), len(body))
    end = start
    while end < len(body) and body[end].hint == "heading" and body[end].dom_path == body[start].dom_path:
        end += 1
    run = body[start:end]
    if len(run) < MIN_DECK_LINES or not any(len(b.text.split()) > MAX_HEADING_WORDS for b in run) \
            or any(_is_sentence(b.text) for b in run):
        return set()
    return set(range(start, end))


MIN_PROSE_CHARS = 40  # a paragraph of the article's own text, not a label or a button


_MAIN_STEP = re.compile(r"^(?:main|article)(?:[.#]|$)")  # the page's own main element: evidence of where text is


def _common_box(paths: Sequence[list[str]]) -> list[str]:
    """The steps every path's parent box shares (the deepest box holding all the blocks)."""
    return os.path.commonprefix([steps[:-1] for steps in paths])


def _prose_box(body: Sequence[Block]) -> str | None:
    """The DOM path of the box that holds the article's prose: the deepest path every prose paragraph (a 'p'
    of MIN_PROSE_CHARS or more) lies under. A page with less prose than two such paragraphs (an event's
    fields) has one only when all its text lines ('p' and table rows) are inside one <main> or <article>: that
    element is the box, the tag the evidence that a list outside it (a search pop-up's suggestions) is not the
    article's. None without DOM paths.

    Structure comes only from inside it (issue 12, item 5): a list or a heading in a box beside the text (an
    attachment box's '자료가 다운되지 않을 경우 ...' notes, an event box's '<h4>BOC Meeting</h4>' under 'Category:')
    is kept as paragraphs, not as the article's list items or sections."""
    paths = [b.dom_path.split("/") for b in body if b.hint == "p" and b.dom_path and len(b.text) >= MIN_PROSE_CHARS]
    if len(paths) >= 2:
        common = _common_box(paths)
    else:
        lines = [b.dom_path.split("/") for b in body if b.hint in ("p", ROW_HINT) and b.dom_path]
        common = _common_box(lines) if lines else []
        main = next((n for n, step in enumerate(common) if _MAIN_STEP.match(step)), None)
        if main is None:
            return None
        common = common[:main + 1]  # the main element itself: its lists and headings beside the text stay
    return "/".join(common) if common else None


def _numbered_items(body: Sequence[Block]) -> set[int]:
    """Indices of heading-tagged lines numbered '1.', '2.' that are items of a numbered list, not section titles:
    once one of them is followed directly by the next (a section with nothing in it: an agenda's '<h4>1. Call to
    Order</h4><h4>2. Public Speakers</h4>'), all the numbered headings of that tag are the list's items ('1. 개회'
    then '2. 국민의례'). Numbered titles with their text under them ('<h4>1. 사업개요</h4><p>...') stay headings."""
    numbered = {i for i, b in enumerate(body) if b.hint == "heading" and (m := _MARKER.match(b.text)) is not None
                and marker_family(m["marker"]) == "0."}
    empty = {body[i].dom_path for i in numbered if i + 1 in numbered and body[i + 1].dom_path == body[i].dom_path}
    return {i for i in numbered if body[i].dom_path in empty}


_LIST_STEP = re.compile(r"^[uo]l(?:[.#]|$)")  # a <ul> or <ol> step of a DOM path


def _list_path(block: Block) -> str | None:
    """The DOM path of the <ul>/<ol> a markup item's line lies in ('.../ul.tab_title' for '.../ul.tab_title/li'),
    None outside one (a text dump's bullet)."""
    steps = block.dom_path.split("/")
    lists = [n for n, step in enumerate(steps) if _LIST_STEP.match(step)]
    return "/".join(steps[:lists[-1] + 1]) if lists else None


# A list of one short line is a tab's label, a field's value or a notice ('기업정보', 'Board Meetings', 'This event
# has passed.'); one longer line (a related link's title, a footnote) is an item of a list the page keeps short.
MAX_LONE_ITEM_WORDS = 6


def _items_of_no_list(body: Sequence[Block]) -> set[int]:
    """Indices of the short markup items (MAX_LONE_ITEM_WORDS) that are the only item of their list in the body
    (no other item's first line, bulleted or a field row, in the same <ul>/<ol>): '<ul class="tab_title"><li>
    기업정보</li></ul>', '<h3>Event Type</h3><ul><li>Board Meetings</li></ul>'. One line is no list: a tab's
    label, a field's value set with a bullet. (Its other items may have gone as chrome or metadata: what is left
    is still one line.) The items of a list of bare counts are no items either ('<ul class="count_list"><li>8</li>
    <li>7</li></ul>': a clip's views and likes, their labels left to icons); a number with more of its item after
    it ('<li><span>1</span><p>Heat oven ...</p></li>', a recipe's step) numbers an item."""
    by_list: dict[str, list[int]] = {}
    for i, block in enumerate(body):
        if (block.hint == "li" and block.marker) or block.hint == ROW_HINT:
            path = _list_path(block) if block.dom_path else None
            if path is not None:
                by_list.setdefault(path, []).append(i)
    lone = {found[0] for found in by_list.values() if len(found) == 1 and body[found[0]].hint == "li"
            and len(body[found[0]].text.split()) <= MAX_LONE_ITEM_WORDS and not _has_rest(body, found[0])}
    counts = {i for found in by_list.values()
              if all(_COUNT.fullmatch(body[i].text) and not _has_rest(body, i) for i in found) for i in found}
    return lone | counts


_COUNT = re.compile(r"\d[\d,]*")  # '8', '1,504': a count with no word (a video's views and likes), not an item


def _has_rest(body: Sequence[Block], i: int) -> bool:
    """True when the item's next block is more of it (an unmarked line of the same item: '<li><p>취업알선기관 알선</p>
    <p>관할고용센터를 통해 ...</p></li>'): an item with a body of its own, not a label."""
    following = body[i + 1] if i + 1 < len(body) else None
    return following is not None and following.hint == "li" and not following.marker \
        and following.dom_path.startswith(_list_path(body[i]) + "/")


def _parent_and_tag(block: Block) -> tuple[str, str]:
    parent, _, last = block.dom_path.rpartition("/")
    return parent, re.split(r"[.#]", last, maxsplit=1)[0]


def _neighbour(body: Sequence[Block], i: int, step: int) -> Block | None:
    """The nearest block before (step -1) or after (step 1) body[i] that is not a photo's caption."""
    j = i + step
    while 0 <= j < len(body) and body[j].hint == "caption":
        j += step
    return body[j] if 0 <= j < len(body) else None


def _is_subhead_box(body: Sequence[Block], i: int) -> bool:
    """'<p>...</p><div class="border_org">이름조차 없던 소년공</div><p>...</p>': a short line in a box of another
    tag than the <p>s around it, in the same parent, between two prose paragraphs (captions between count as
    nothing), not ending like a sentence or a label: the news story's subheading, as a standalone line is in a
    text dump."""
    block = body[i]
    text = block.text
    if block.hint != "p" or not block.dom_path or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS \
            or _TERMINAL.search(text) or text[0] in "“\"'‘(" or _MARKER.match(text) or _LABEL_VALUE.search(text):
        return False
    parent, tag = _parent_and_tag(block)
    if tag == "p":
        return False
    around = (_neighbour(body, i, -1), _neighbour(body, i, 1))
    return all(b is not None and b.hint == "p" and _parent_and_tag(b) == (parent, "p") and len(b.text) >= MIN_PROSE_CHARS
               for b in around)


# Bold headings (Block.bold): '<p><strong>Tax incentives</strong></p>', '<p style="font-weight: bold">1. 사업개요</p>'.
# Bold is evidence, not a verdict: pages bold lead sentences, labels ('Contact:'), quotes' speakers, bylines,
# addresses and table heads too. A bold line is a heading only when its shape and its place say so as well.
# Boxes in which a bold line is no section title: a list's item, a table's cell, a quotation and its source
# ('<blockquote>...<cite><p><strong>Minister Richard Mostyn</strong></p></cite>'), a figure's caption, a field list.
_EMPHASIS_BOX = re.compile(r"(?:^|/)(?:li|ul|ol|t[dh]|table|blockquote|cite|figure|figcaption|address|d[ldt])(?:[.#/]|$)")
MAX_BOLD_SHARE = 0.5  # a page that bolds most of its lines bolds for emphasis: bold tells its headings from nothing
_LETTER = re.compile(r"[^\W\d_]")
OPENING_QUOTES = "“\"'‘„«‹「『"
RUNNING_ON = "-–—"  # 'Bergisch Gladbach -': a dateline that runs into the paragraph after it


def _heading_shaped(text: str) -> bool:
    """A line shaped as a section title: short, no sentence's or label's end, no field, no date, more letters than
    digits, opening neither with a quotation mark or a bracket nor in lower case (the rest of a sentence: 'or Join
    via Zoom'), not running on into the next line."""
    if len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS or _TERMINAL.search(text):
        return False
    if text[0] in OPENING_QUOTES or text[0] in "([<" or text[0].islower() or text[-1] in RUNNING_ON:
        return False
    if _LABEL_VALUE.search(text) or is_when_line(text):
        return False
    return len(_LETTER.findall(text)) > sum(c.isdigit() for c in text)


def _opens_section(block: Block, following: Block | None) -> bool:
    """True when what follows a bold line is the ordinary content of a section, in plain type and in the line's own
    box: a paragraph of prose (html.reads_as_prose, _leads_a_list), a list's item or a marked line ('(1) “Commission”
    means ...'). A heading heads the text beside it, not the next box's (an event box's bold 'Cleveland, OH 44113'
    over the release's text); a short line after it is a field's value or a role ('접수 마감일' over '2026.04.01 (수)
    24:00', 'John Tully' over 'Commissioner, Chicago Department of Streets & Sanitation')."""
    if following is None or following.bold or following.hint not in ("p", "li"):
        return False
    if not following.dom_path.startswith(block.dom_path.rpartition("/")[0] + "/"):
        return False
    text = following.text
    return len(text) > len(block.text) and (following.hint == "li" or _MARKER.match(text) is not None
                                             or reads_as_prose(following) or _leads_a_list(following))


def _leads_a_list(block: Block) -> bool:
    """'A BEFIT group would be formed when ... meet the following conditions:': prose that ends leading its list."""
    return block.text[-1] in ":：" and text_weight(block.text) >= EDGE_GOOD_WEIGHT


def _below(block: Block, prose: str | None) -> str:
    """The block's DOM path below the box of the article's prose: the boxes the page sets inside its text (a table
    that lays the whole page out, '<table><tr><td class="bbs_content"><p><b>주요 행사</b></p>', holds the prose
    itself: its cell is no table cell of the article's)."""
    return block.dom_path[len(prose):] if prose and block.dom_path.startswith(prose + "/") else block.dom_path


def _amid_typed_items(body: Sequence[Block], i: int) -> bool:
    """True when the line stands between two typed items of one family ('◦ 입주 공간 : ... 18 평 1 개실' over a bold
    '인큐베이터 입주보육실 49 평 1 개실' over '◦ 소 재 지 : ...'): a line of that list set in bold, not the title of a
    section (a heading opens a section; it does not break into a list). A numbered title may stand there: '2.
    추진내용' between the '○' lines of two sections."""
    marks = [_MARKER.match(b.text) if b is not None else None for b in (_neighbour(body, i, -1), _neighbour(body, i, 1))]
    return all(marks) and marker_family(marks[0]["marker"]) == marker_family(marks[1]["marker"])


def _in_bold_block(body: Sequence[Block], i: int) -> bool:
    """True when the bold line is one of a block of bold lines: two bold lines above it, or one that is itself shaped
    as a heading (a deck, an address, a letterhead: 'Remarks of the Vice President' over 'Weekly Address'). One
    bold line of another shape may stand over a heading: a rule's number over its name ('123-450-0000' over
    'Definitions')."""
    above = _neighbour(body, i, -1)
    if above is None or not above.bold:
        return False
    second = _neighbour(body, i - 1, -1) if i else None
    return _heading_shaped(above.text) or (second is not None and second.bold)


def _bold_heading_text(body: Sequence[Block], i: int, title: str | None, prose: str | None) -> tuple[str, str] | None:
    """The (number, text) of the heading body[i] is as a bold line ('1.', '사업개요' for '1. 사업개요': the number is
    kept as the heading's marker, as a list item keeps its own: a listicle's '5. Kristi Dosh' ranks), None when it is
    emphasis: not heading-shaped, in a list, table, quotation or field box of the text, or beside the prose
    (_EMPHASIS_BOX, _below, _outside), not opening a section (_opens_section), under a heading (its subtitle:
    '<h3>Executive Committee</h3><p><b>Notice of ...'), one of a bold block (_in_bold_block), the title again, or a
    centred bold line above the article's first paragraph of prose (the notice's own title block, set in the middle
    of the page). A numbered bold line with a numbered neighbour is an item of a numbered list ('4. Discussion' over
    '5. Consent Agenda'); an unnumbered one between two typed items of one list is a line of it (_amid_typed_items)."""
    block = body[i]
    if block.hint != "p" or _outside(block, prose) or _EMPHASIS_BOX.search(_below(block, prose)):
        return None
    text, number = block.text, ""
    item = _MARKER.match(text)
    if item is not None:
        if marker_family(item["marker"]) != "0." or any(
                (m := _MARKER.match(b.text)) and marker_family(m["marker"]) == "0."
                for b in (_neighbour(body, i, -1), _neighbour(body, i, 1)) if b is not None):
            return None
        text, number = item["text"], item["marker"]
    elif _amid_typed_items(body, i):
        return None
    if not _heading_shaped(text) or not _opens_section(block, _neighbour(body, i, 1)):
        return None
    previous = _neighbour(body, i, -1)
    if previous is not None and (previous.hint in ("heading", "title") or _in_bold_block(body, i)):
        return None
    if title and _squash_fold(title) == _squash_fold(text):
        return None
    if block.centered and not any(reads_as_prose(b) for b in body[:i] if b.hint == "p"):
        return None
    return number, text


def _bold_headings(body: Sequence[Block], title: str | None, prose: str | None) -> dict[int, tuple[str, str]]:
    """Index -> (number, text) of the body's bold lines that are headings (see _bold_heading_text), on a page that does
    not bold most of its lines (MAX_BOLD_SHARE: its type, not its headings). A lone one that opens the body
    (captions aside) over prose, unnumbered, is the article's frame, not its first section: a byline ('<p><b>Por
    Agencia EFE</b></p>', '<b>Eine Kolumne von ...</b>'), a kicker; the first of several is the first section's
    title, and one over a list heads it ('Instructions for Calling-In to a Meeting' over the steps). A bold line whose
    words the body repeats on another line is the page's recurring label, not a section's title: a listing of press
    releases, each under 'FOR IMMEDIATE RELEASE' in bold ('<b>보도자료</b>' over each release)."""
    bold = [i for i, b in enumerate(body) if b.bold]
    if not bold:
        return {}
    lines = sum(b.hint == "p" for b in body)
    if sum(body[i].hint == "p" for i in bold) > MAX_BOLD_SHARE * lines:
        return {}
    found = {i: heading for i in bold if (heading := _bold_heading_text(body, i, title, prose)) is not None}
    if found:  # a line the body repeats word for word is a recurring label, not one section's title
        said = Counter(_squash_fold(b.text) for b in body)
        found = {i: heading for i, heading in found.items() if said[_squash_fold(body[i].text)] == 1}
    if len(found) == 1:
        (i, (number, _)), = found.items()
        following = _neighbour(body, i, 1)
        if not number and following is not None and following.hint == "p" \
                and all(b.hint == "caption" for b in body[:i]):
            return {}
    return found


def _squash_fold(text: str) -> str:
    return "".join(text.split()).casefold()


def _outside(block: Block, prose: str | None) -> bool:
    """True when the block lies outside the box of the article's prose (see _prose_box)."""
    return bool(prose and block.dom_path) and not block.dom_path.startswith(prose + "/")


def segment_page(page: CleanPage) -> list[Segment]:
    """Turn a CleanPage into ordered segments, seq from 0 (the title first when there is one).

    Language fields are left at their defaults; the language stage fills them in.
    """
    body = page.body
    press_style = any(b.text.startswith("○") for b in body)
    seg = _Segmenter(press_style)
    deck = _deck(body)
    prose = _prose_box(body)
    numbered_items = _numbered_items(body)
    no_list_items = _items_of_no_list(body)
    bold_headings = _bold_headings(body, page.metadata.title, prose)
    if page.metadata.title:
        seg.add("title", page.metadata.title, 0, heading_seq=None)
    for i, block in enumerate(body):
        text = block.text
        following = body[i + 1] if i + 1 < len(body) else None
        previous_kind = seg.segments[-1].kind if seg.segments else None
        if block.hint == "caption":
            seg.add("caption", text, block.line_no)
        elif i in deck:
            seg.add("summary", text, block.line_no, heading_seq=None)
        elif block.hint in ("heading", "title") and _names_the_category(text, page.metadata.category):
            seg.paragraph(block)
        elif block.hint == "heading" and (_is_sentence(text) or _not_a_section(text, page.metadata.title, seg.segments)
                                          or (i not in numbered_items and _heads_nothing(body, i))):
            seg.paragraph(block)  # '<h3>This glossary is a guide to ... these rules.</h3>': a sentence set large
        elif i in numbered_items and (item := _MARKER.match(text)) is not None:
            seg.list_item(item["marker"], item["text"], block.line_no)
        elif block.hint in ("heading", "li") and _outside(block, prose):
            seg.paragraph(block)  # a box beside the article's text (a file box's notes, an event's field values)
        elif block.hint in ("heading", "title"):
            heading = _HEADING.match(text)  # '<h3>□ 추진 배경</h3>': the mark goes, as in text dumps
            seg.heading((heading["a"] or heading["b"] or heading["c"]) if heading else text, block.line_no,
                        keeps_list=False)
        elif _is_subhead_box(body, i):
            seg.heading(text, block.line_no, keeps_list=False)
        elif is_item_box_line(block):  # a notice typed into a layout item: its markers are its text
            seg.paragraph(block)
        elif (summary := _SUMMARY.match(text)) is not None:
            seg.add("summary", summary["text"], block.line_no, heading_seq=None)
        elif (note := _NOTE.match(text)) is not None:
            seg.add("note", note["text"], block.line_no, marker=NOTE_MARK)  # its mark, as an item keeps its bullet
        elif (heading := _HEADING.match(text)) is not None and _is_marked_heading(text):
            heading_text = heading["a"] or heading["b"] or heading["c"]
            keeps_list = previous_kind == "list_item" and heading["b"] is not None
            seg.heading(heading_text, block.line_no, keeps_list)
        elif block.hint == "li" and i in no_list_items and block.depth == 0 and (previous_kind != "list_item"
                                                                           or _COUNT.fullmatch(text)):
            seg.paragraph(block)  # a list of one line (a sub-list of a typed item '5. Consent Agenda' stays an item)
        elif block.hint == "li" and not _is_file_line(block):
            seg.markup_item(block)
        elif block.hint == "li":
            seg.paragraph(block)
        elif i in bold_headings:
            number, heading_text = bold_headings[i]
            seg.heading(heading_text, block.line_no, keeps_list=False, marker=number)
        elif (item := _MARKER.match(text)) is not None and _is_bulleted_row(item, block):
            seg.paragraph(block)
        elif item is not None and (_is_numbered_heading(item, block, body, i)
                                   or _is_numbered_section(item, block, body, i)):
            seg.heading(item["text"], block.line_no, keeps_list=False, marker=item["marker"])
        elif item is not None and previous_kind != "list_item" and _is_footnote(item, body, i):
            seg.add("note", item["text"], block.line_no, marker=item["marker"])
        elif item is not None:
            seg.list_item(item["marker"], item["text"], block.line_no)
        elif _is_standalone_heading(block, following):
            seg.heading(text, block.line_no, keeps_list=False)
        else:
            seg.paragraph(block)
    return _without_empty_last_heading(seg.segments)
