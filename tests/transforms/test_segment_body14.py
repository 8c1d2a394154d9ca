"""transforms/segment.py, round 14 (body14): one convention for numbered headings, on every path.

The number is the heading's marker, the text is the heading without it ('1. 추진 배경' -> '1.', '추진 배경'), as a
bold numbered heading already kept it (round 13) and a list item keeps its own; the body text reads as the page.
"""
from __future__ import annotations

import pytest

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage


def document(text: str, fmt: str) -> Document:
    doc = process_page(RawPage("page." + ("html" if fmt == "html" else "txt"), text.encode("utf-8"), fmt))
    assert isinstance(doc, Document), doc
    return doc


def headings(doc: Document) -> list[tuple[str, str]]:
    return [(s.marker, s.text) for s in doc.segments if s.kind == "heading"]


PROSE = {"en": ("The city will open three new parks this spring, the mayor said on Monday at the council meeting.",
                "Residents may apply online until the end of the month; the forms are on the city's website."),
         "ko": ("광주광역시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다고 4일 밝혔다. 사업비는 모두 120억 원이다.",
                "신청은 이달 말까지 시 누리집에서 받으며, 자세한 내용은 일자리정책과로 문의하면 된다고 시는 설명했다.")}
TITLE = {"en": "City parks plan announced", "ko": "청년 일자리 사업 추진"}
NUMBERED = {"en": [("1.", "Background"), ("II.", "Eligibility"), ("(3)", "How to apply")],
            "ko": [("1.", "추진 배경"), ("가.", "지원내용"), ("Ⅲ.", "신청 방법")]}


def _html(lang: str, tag: str) -> str:
    one, two = PROSE[lang]
    sections = "".join(f"<{tag}>{number} {text}</{tag}><p>{text}: {one}</p><p>{text}: {two}</p>"
                       for number, text in NUMBERED[lang])
    return f"<html><head><title>{TITLE[lang]}</title></head><body><article><h1>{TITLE[lang]}</h1>{sections}" \
           "</article></body></html>"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_numbered_heading_tag_keeps_its_number_as_the_marker(lang: str) -> None:
    doc = document(_html(lang, "h3"), "html")
    assert headings(doc) == NUMBERED[lang]
    for number, text in NUMBERED[lang]:  # the body text still reads as the page
        assert f"{number} {text}" in doc.body_text.splitlines()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_numbered_heading_and_a_tag_agree(lang: str) -> None:
    bold = [h for h in headings(document(_html(lang, "p><strong").replace("</p><strong>", "</strong></p>"), "html"))]
    tag = headings(document(_html(lang, "h3"), "html"))
    assert ("1.", NUMBERED[lang][0][1]) in bold and ("1.", NUMBERED[lang][0][1]) in tag


TEXT_PAGE = {"en": "News Clips\n\nCity parks plan announced\n\nName : admin Date : 2024-01-05 09:30 12\n\n"
                   "1. Background\n\nThe city will open three new parks this spring, the mayor said on Monday.\n\n"
                   "Residents may apply online until the end of the month.\n",
             "ko": "보도자료\n\n청년 일자리 사업 추진\n\n작성자 : 대변인실 등록일 : 2024-05-02 09:10 조회수 : 12\n\n"
                   "1. 추진배경\n\n광주광역시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다고 4일 밝혔다.\n\n"
                   "신청은 이달 말까지 시 누리집에서 받는다.\n"}


@pytest.mark.parametrize("lang,heading", [("en", "Background"), ("ko", "추진배경")])
def test_a_numbered_line_standing_alone_keeps_its_number_as_the_marker(lang: str, heading: str) -> None:
    doc = document(TEXT_PAGE[lang], "text")
    assert headings(doc) == [("1.", heading)]
    assert f"1. {heading}" in doc.body_text.splitlines()  # the number was dropped from the body text before


@pytest.mark.parametrize("lang,first,second", [("ko", "신청안내", "지원내용"), ("en", "How to apply", "Eligibility")])
def test_a_numbered_title_over_bullets_keeps_its_number_as_the_marker(lang: str, first: str, second: str) -> None:
    one, _ = PROSE[lang]
    html = (f"<html><body><article><h1>{TITLE[lang]}</h1><p>{one}</p><div class='memo'>1. {first}<br>"
            f"o 사업기간 : 선정 후 ~ 2025. 9. 30.<br>o 접수방법 : 이메일 접수<br>2. {second}<br>- Companies in the centre<br>"
            "</div></article></body></html>")
    doc = document(html, "html")
    assert headings(doc) == [("1.", first), ("2.", second)]
    assert f"2. {second}" in doc.body_text.splitlines()


@pytest.mark.parametrize("text", ["2024 Budget", "12. 5.", "1.5 million residents", "2025년 예산", "3.1절 기념식"])
def test_a_heading_that_only_starts_with_digits_keeps_them_in_its_text(text: str) -> None:
    one, two = PROSE["en"]
    html = f"<html><body><article><h1>Page</h1><p>{one}</p><h3>{text}</h3><p>{two}</p></article></body></html>"
    assert [(m, t) for m, t in headings(document(html, "html"))] in ([("", text)], [])


# A bold line the body repeats word for word is a recurring label (p11e12: a listing of press releases, each
# under '<b>FOR IMMEDIATE RELEASE</b>'), not a section's title; the same line once is one (round 13's rule).
LABEL = {"en": "For immediate release", "ko": "보도자료 배포 즉시 보도"}
RELEASES = {"en": ["The governor signed the budget bill on Monday, the state's spending plan for the next two years.",
                   "The state opened applications for its new small business grants, which close at the end of May."],
            "ko": ["도지사는 월요일 예산안에 서명했다. 앞으로 2년 동안의 도 살림살이 계획이 확정된 것이다.",
                   "도는 소상공인 지원금 신청을 받기 시작했으며, 신청은 5월 말까지 도 누리집에서 받는다."]}


def _bold_segments(lines: list[tuple[str, bool]]) -> list[tuple[str, str]]:
    from cityclips.transforms.records import Block, CleanPage, Metadata
    from cityclips.transforms.segment import segment_page
    body = tuple(Block(n, text, "p", 0, "", True, "body/div.content/p", bold=bold) for n, (text, bold) in
                 enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title="Press releases"), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_the_body_repeats_is_a_label_not_a_heading(lang: str) -> None:
    one, two = RELEASES[lang]
    opening = (PROSE[lang][0], False)
    repeated = _bold_segments([opening, (LABEL[lang], True), (one, False), (LABEL[lang], True), (two, False)])
    assert ("heading", LABEL[lang]) not in repeated
    once = _bold_segments([opening, (LABEL[lang], True), (one, False), (two, False)])
    assert ("heading", LABEL[lang]) in once
