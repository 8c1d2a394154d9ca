"""Whom to call about a page when it has no contact footer: its inquiry lines, contact cards and sentences. Pure.

The line parsers are in transforms/metadata.py (parse_inquiry_line, parse_contact_box); this module says which
of a page's lines to ask, in which order of evidence:

1. a labelled inquiry line of the article ('문의 : 063-240-2422', 'Phone: 517-284-6135'), with the department of the card
   it closes when a card's label stands a few lines above it ('Rückfragehinweis' / ... / 'Presseabteilung' / 'Telefon: ...');
2. a contact card, a label alone and then a name and a number ('Media contact' / 'Cabinet Communications' /
   '867-393-7478'), in the article or around it (its furniture: a card the site puts under every release);
3. a sentence of the article that asks the reader to call ('please contact the Harbor Commission Office ... at
   (310) 732-3444', '자세한 사항은 교통정책과(062-613-2321)로 문의'), with the department it names.

A number found without its department takes the one the article's field of the institution in charge names
('Sponsor: Civilian Oversight Board', '주관기관 : 청년사업담당관'). A card's label states what follows it; a sentence may give a number for something else ('Anyone with symptoms
should call the Testing Centre at 867-393-3083' above the release's media contact), so it comes last.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cityclips.transforms.metadata import (MAX_CONTACT_BOX_LINES, inquiry_sentence_phone, names_body_in_charge,
                                           names_department, parse_contact, parse_contact_box, parse_inquiry_line,
                                           parse_split_contact)

# A Korean label written letter-spaced to fill its table column ('문 의 처', '담 당 부 서'): single syllables one space
# apart at the line's start, before a space, a colon or the end.
_SPACED_LABEL = re.compile(r"^(?P<lead>\W{0,3})(?P<label>(?:[가-힣] ){1,4}[가-힣])(?=\s|[:：]|$)")


def close_spaced_label(text: str) -> str | None:
    """The line with its letter-spaced Korean label closed up ('◦ 문 의 처 원스톱기업지원팀' -> '◦ 문의처 원스톱기업지원팀'),
    or None when it starts with no such label."""
    spaced = _SPACED_LABEL.match(text)
    if spaced is None:
        return None
    return spaced["lead"] + spaced["label"].replace(" ", "") + text[spaced.end():]

MAX_SENTENCE_DEPARTMENT_WORDS = 6  # 'the Harbor Commission Office', 'Office of the Board of Trustees': a name, not a clause
# English asks first, then names whom ('please contact the Harbor Commission Office prior to the meeting at ...'): the
# capitalised words after the verb, up to the department's kind word.
_ENGLISH_ASKED = re.compile(r"\b(?:contact|call|reach)\s+(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,5}?"
                            r"(?:Department|Division|Office|Bureau|Team|Center|Centre|Section|Agency|Committee|Unit)"
                            r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w&'’.-]*){1,4}){0,2})")
# What the sentence asks about: questions or details of the page ('If you have any questions regarding these procedures,
# please contact ...', '자세한 사항은 ...로 문의'); a number for a service it mentions ('If interpretation services are
# needed please call The Department of Civil Rights ...') gives the number, not a department that answers for the page.
_ABOUT_THE_PAGE = re.compile(r"question|information|detail|inquir|enquir|문의|자세한|궁금|상세", re.IGNORECASE)
# Korean names whom right before the number ('교통정책과(062-613-2321)로', '기업지원팀 054-780-3422'): a word ending in a
# department's kind, an opening bracket or a space, then the number.
_KOREAN_BEFORE_NUMBER = re.compile(r"(?P<name>[가-힣A-Za-z0-9·]+)\s*[(（]?\s*(?:☎|tel\.?|전화)?\s*[:：]?\s*$", re.IGNORECASE)


def sentence_contact(text: str) -> tuple[str | None, str] | None:
    """(the department a sentence names, its number) of a sentence that asks the reader to call about the page
    (metadata.inquiry_sentence_phone), or None; the department is None when the sentence names none.

    >>> sentence_contact("If you have questions, please contact the Harbor Commission Office at (310) 732-3444.")
    ('Harbor Commission Office', '(310) 732-3444')
    >>> sentence_contact("자세한 사항은 교통정책과(062-613-2321)로 문의하면 된다.")
    ('교통정책과', '062-613-2321')
    """
    phone = inquiry_sentence_phone(text)
    if phone is None:
        return None
    if not _ABOUT_THE_PAGE.search(text):
        return None, phone
    at = text.find(phone)
    before = text[:at] if at >= 0 else text
    english = list(_ENGLISH_ASKED.finditer(before))
    if english and len(english[-1]["name"].split()) <= MAX_SENTENCE_DEPARTMENT_WORDS:
        return english[-1]["name"].strip(), phone
    korean = _KOREAN_BEFORE_NUMBER.search(before)
    if korean and names_department(korean["name"]):
        return korean["name"], phone
    return None, phone


def spaced_label_contact(text: str, following: str = "") -> tuple[str, str] | None:
    """The contact of an article's line whose label is letter-spaced ('◦ 문 의 처 원스톱기업지원팀 김민지 (051-320-3546)',
    or '◦ 문 의 : 산업연구부 기업지원팀' over '☎ 054)780-3422' on the line after it, following), or None. The line is
    the article's text (a list item of the notice) and stays in its body; the contact footer's rule never sees it,
    since its label does not read as one until it is closed up."""
    closed = close_spaced_label(text)
    if closed is None:
        return None
    return parse_contact(closed) or (parse_split_contact(closed, following) if following else None)


MAX_BODY_FIELD_CHARS = 60  # 'Sponsor: Civilian Oversight Board': a label and a name
_BODY_FIELD = re.compile(r"^\W{0,3}(?P<label>[^:：]{2,20}?)\s*[:：]\s*(?P<value>.*)$")


def body_in_charge(lines: Sequence[str], article: Sequence[int]) -> str | None:
    """The name an article's field of the institution in charge gives ('Sponsor: Civilian Oversight Board', '주관기관 :
    청년사업담당관', or the label alone and the name on the next line), or None (metadata.names_body_in_charge)."""
    for i in article:
        field = _BODY_FIELD.match(lines[i]) if len(lines[i]) <= MAX_BODY_FIELD_CHARS else None
        if field is None or not names_body_in_charge(field["label"]):
            continue
        value = field["value"].strip() or (lines[i + 1].strip() if i + 1 < len(lines) else "")
        if value and len(value) <= MAX_BODY_FIELD_CHARS and not re.search(r"[\d:：]|[.!?다]$", value):
            return value
    return None


def closed_card(lines: Sequence[str], at: int, phone: str) -> tuple[str | None, str] | None:
    """The contact card an inquiry line closes: a card's label alone on its line a few lines above it, names between
    ('Rückfragehinweis' / 'Bundesministerium für Europa, ...' / 'Presseabteilung' / 'Telefon: +43 (0) 50 11 50 - 3320',
    '문의처' / '청년정책과' / '전화 : 062-613-2321'), read as parse_contact_box reads a card (the department its last name
    line gives), whatever rule took the label's line; None when no card's label stands there."""
    for start in range(at - 1, max(-1, at - 1 - MAX_CONTACT_BOX_LINES), -1):
        card = parse_contact_box(lines[start:at + 1])
        if card is not None and card[1] == phone:
            return card
    return None


def find_contact(lines: Sequence[str], article: Sequence[int], around: Sequence[int]) -> tuple[str | None, str | None]:
    """find_page_contact, its department filled in by the institution in charge (body_in_charge) when it names none
    beside a number it found."""
    department, phone = find_page_contact(lines, article, around)
    if phone is not None and department is None:
        department = body_in_charge(lines, article)
    return department, phone


def find_page_contact(lines: Sequence[str], article: Sequence[int], around: Sequence[int]) -> tuple[str | None, str | None]:
    """(department, phone) of whom to call about a page, in the order of evidence of the module's docstring, or
    (None, None). lines: the page's lines, in page order; article: the indices of the article's (its kept text and its
    header); around: those and the indices of the page's furniture beside them (a card under the release, a recurring
    contact block). An article line with a letter-spaced contact label (spaced_label_contact) comes first, read with
    the line after it on the page (whatever rule took that one: '☎ 054)780-3422' may read as an address footer's)."""
    spaced = next((contact for i in article if (contact := spaced_label_contact(
        lines[i], lines[i + 1] if i + 1 < len(lines) else "")) is not None), None)
    if spaced is not None:
        return spaced
    inquiry = next(((i, phone) for i in article if (phone := parse_inquiry_line(lines[i])) is not None), None)
    if inquiry is not None:
        return closed_card(lines, *inquiry) or (None, inquiry[1])
    cards = [lines[i] for i in around]
    box = next((box for n in range(len(cards))
                if (box := parse_contact_box(cards[n:n + 1 + MAX_CONTACT_BOX_LINES])) is not None), None)
    # a card's label in the article or its furniture, and its lines as the page runs on: a rule may have taken the
    # number's line ('Contact:' / 'Renee Parker' / 'Phone: 517-284-6135', read as an address footer)
    box = box or next((box for i in around
                       if (box := parse_contact_box(lines[i:i + 1 + MAX_CONTACT_BOX_LINES])) is not None), None)
    if box is not None:
        return box
    return next((found for i in article if (found := sentence_contact(lines[i])) is not None), (None, None))
