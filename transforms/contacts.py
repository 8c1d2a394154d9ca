"""Whom to call about a page when it has no contact footer: its inquiry lines, contact cards and sentences. Pure.

The line parsers are in transforms/metadata.py (parse_inquiry_line, parse_contact_box); this module says which
of a page's lines to ask, in which order of evidence:

1. a labelled inquiry line of the article ('문의 : 063-240-2422', 'Phone: 517-284-6135');
2. a contact card, a label alone and then a name and a number ('Media contact' / 'Cabinet Communications' /
   '867-393-7478'), in the article or around it (its furniture: a card the site puts under every release);
3. a sentence of the article that asks the reader to call ('please contact the Harbor Commission Office ... at
   (310) 732-3444', '자세한 사항은 교통정책과(062-613-2321)로 문의'), with the department it names.

A card's label states what follows it; a sentence may give a number for something else ('Anyone with symptoms
should call the Testing Centre at 867-393-3083' above the release's media contact), so it comes last.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cityclips.transforms.metadata import (MAX_CONTACT_BOX_LINES, inquiry_sentence_phone, names_department,
                                           parse_contact_box, parse_inquiry_line)

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


def find_contact(article: Sequence[str], around: Sequence[str]) -> tuple[str | None, str | None]:
    """(department, phone) of whom to call about a page, in the order of evidence of the module's docstring, or
    (None, None). article: the article's lines (its kept text and its header), in page order; around: those and the
    lines of the page's furniture beside them (a card under the release, a recurring contact block), in page order."""
    phone = next((phone for text in article if (phone := parse_inquiry_line(text)) is not None), None)
    if phone is not None:
        return None, phone
    box = next((box for n in range(len(around))
                if (box := parse_contact_box(around[n:n + 1 + MAX_CONTACT_BOX_LINES])) is not None), None)
    if box is not None:
        return box
    return next((found for text in article if (found := sentence_contact(text)) is not None), (None, None))
