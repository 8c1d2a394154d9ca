"""Rules pinned one by one: each test fails when its rule is taken out of the code (issue 19).

Each was checked by deleting the rule (the call, or the substitution) and running this file: the
related-news lists (clean._mark_related), the section name repeated near the title
(clean._mark_section_repeat) and appositive speakers (quotes._APPOSITIVE) survived every other test
file before these were written. Each rule is pinned in every language where it applies: the
appositive ('X of the Y Bureau') is an English construction, Korean puts the organisation before the
name ('교통국 윤해진 국장') and keeps it.
"""
from __future__ import annotations

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Document, RawPage, Segment

ENGLISH_RELATED = """City launches night bus service

Published: 2024-04-01 09:30

The city will run six night bus routes from May, the transport bureau said on Monday.
Each route runs every 20 minutes between midnight and 5 a.m. and costs the usual fare.

Related News
Tram line two opens in June
New bike lanes for the river park
Bus fares stay the same this year

Copyright City Hall. All rights reserved.
"""

KOREAN_RELATED = """광주시, 심야버스 6개 노선 운행

등록일 : 2024-04-01 09:30

광주시는 5월부터 심야버스 6개 노선을 운행한다고 1일 밝혔다.
각 노선은 자정부터 오전 5시까지 20분 간격으로 다니며 요금은 같다.

관련 기사
도시철도 2호선 6월 개통
영산강 자전거길 새로 놓아
올해 버스요금 동결

Copyright(c) 광주광역시. All rights reserved.
"""

RELATED_TITLES = {"en": ["Tram line two opens in June", "New bike lanes for the river park",
                         "Bus fares stay the same this year"],
                  "ko": ["도시철도 2호선 6월 개통", "영산강 자전거길 새로 놓아", "올해 버스요금 동결"]}


def _cleaned(text: str):
    page = clean_blocks("page.txt", "text", text_blocks(text))
    return [b.text for b in page.body], {r.text: r.rule for r in page.removed}


def test_a_related_news_list_is_removed_with_its_header_in_english() -> None:
    body, rules = _cleaned(ENGLISH_RELATED)
    assert rules["Related News"] == "related"
    for title in RELATED_TITLES["en"]:
        assert title not in body and rules[title] == "related"
    assert any(line.startswith("The city will run six night bus routes") for line in body)


def test_a_related_news_list_is_removed_with_its_header_in_korean() -> None:
    body, rules = _cleaned(KOREAN_RELATED)
    assert rules["관련 기사"] == "related"
    for title in RELATED_TITLES["ko"]:
        assert title not in body and rules[title] == "related"
    assert any(line.startswith("광주시는 5월부터 심야버스") for line in body)


def test_a_related_list_inside_the_article_markup_is_not_body_text() -> None:
    items = "".join(f'<li><a href="/news/{i}">{t}</a></li>' for i, t in enumerate(RELATED_TITLES["en"]))
    html = ("<html><head><title>City launches night bus service</title></head><body><article>"
            "<h1>City launches night bus service</h1>"
            "<p>The city will run six night bus routes from May, the transport bureau said on Monday. "
            "Each route runs every 20 minutes between midnight and 5 a.m. and costs the usual fare.</p>"
            "<p>Drivers were hired in March and trained on the new routes over six weeks, the bureau added.</p>"
            f"<h3>Related News</h3><ul>{items}</ul></article></body></html>")
    document = process_page(RawPage("news/night-bus.html", html.encode(), "html"))
    assert isinstance(document, Document)
    assert "six night bus routes" in document.body_text
    for title in RELATED_TITLES["en"]:
        assert title not in document.body_text


ENGLISH_SECTION = """Home > About the City > City Overview

Gwangju at a glance

City Overview

Gwangju is the sixth largest city of Korea, with 1.4 million people in five districts.
It was founded as a metropolitan city in 1986 and became a special city for culture later.
"""

KOREAN_SECTION = """홈 > 청주소개 > 일반현황

청주시 한눈에 보기

일반현황

청주시는 충청북도의 도청 소재지로 인구 85만 명이 사는 도시이다.
1949년 시로 승격하였고 2014년 청원군과 통합하였다.
"""


def test_the_section_name_repeated_under_the_title_is_removed_in_english() -> None:
    body, rules = _cleaned(ENGLISH_SECTION)
    assert "City Overview" not in body and rules["City Overview"] == "category"
    assert any(line.startswith("Gwangju is the sixth largest city") for line in body)


def test_the_section_name_repeated_under_the_title_is_removed_in_korean() -> None:
    body, rules = _cleaned(KOREAN_SECTION)
    assert "일반현황" not in body and rules["일반현황"] == "category"
    assert any(line.startswith("청주시는 충청북도의") for line in body)


def _speakers(*texts: str) -> list[tuple[str | None, str | None]]:
    segments = [Segment(seq=i, kind="paragraph", text=t) for i, t in enumerate(texts)]
    return [(q.speaker, q.speaker_as_written) for q in extract_quotes(segments)]


def test_an_appositive_after_the_speakers_name_is_cut_off() -> None:
    assert _speakers("Director Yoon Hae-jin of the Transportation Bureau said, “The routes start in May.”",
                     "“Fares stay the same,” said Kim Min-ji of Gwangju City Hall.") == [
        ("Director Yoon Hae-jin", "Director Yoon Hae-jin"), ("Kim Min-ji", "Kim Min-ji")]


def test_a_korean_speaker_keeps_the_organisation_before_the_name() -> None:
    quotes = _speakers("윤해진 교통국장은 “노선은 5월부터 운행합니다”라고 말했다.")
    assert len(quotes) == 1 and quotes[0][1] is not None and "윤해진" in quotes[0][1]


# --- the title repeated at the top of the body (clean._mark_title_repeat), whole or split over lines ---

ENGLISH_TITLE_REPEAT = """News Clips

Gwangju opens a new library for children
Name : admin Date : 2024-03-04 09:30 120

Gwangju opens a new library
for children
The library opened on Monday with 20,000 books for young readers across the city.
"""

KOREAN_TITLE_REPEAT = """보도자료

광주시, 어린이 도서관 새로 연다
작성자 : 대변인실 작성일 : 2024-03-04 09:30 조회수 : 120

광주시, 어린이 도서관 새로 연다
광주시는 4일 어린이 2만 권의 책을 갖춘 새 도서관을 열었다고 밝혔다.
"""


def test_the_title_repeated_over_two_body_lines_is_removed_in_english() -> None:
    body, rules = _cleaned(ENGLISH_TITLE_REPEAT)
    assert rules["Gwangju opens a new library"] == rules["for children"] == "title_repeat"
    assert body and body[0].startswith("The library opened on Monday")


def test_the_title_repeated_in_the_body_is_removed_in_korean() -> None:
    body, rules = _cleaned(KOREAN_TITLE_REPEAT)
    assert "광주시, 어린이 도서관 새로 연다" not in body
    assert body and body[0].startswith("광주시는 4일")
