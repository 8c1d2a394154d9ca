"""transforms/quotes.py, round 14 (body14): a quote module's name line after the <blockquote> is its speaker.

r124 (hankookilbo): '<div class="module-area"><blockquote>"경상도와 ..."</blockquote><p class="who">이재명 더불어민주당
대선 후보</p></div>': the speaker is not in the blockquote's footer or cite, it is the line beside it in their box.
"""
from __future__ import annotations

import pytest

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage

CASES = {
    "ko": ("청년 일자리 사업 추진", "경상도와 전라도로 나눠서 왜 싸우나.", "이재명 더불어민주당 대선 후보",
           "이틀간의 영남 공략을 마친 후보는 15일 호남을 찾아 '통합'을 키워드로 표밭을 다졌다. 유세는 빗속에서 이어졌다.",
           "후보는 이날 여수와 순천, 목포를 차례로 찾아 시민들과 인사를 나누고 지역 공약을 설명했다."),
    "en": ("Mayor opens the new parks", "We will open three new parks before the summer holidays begin.",
           "Jane Roberts, Mayor of Springfield",
           "The mayor spoke on Monday at the council meeting, where the budget for the parks was approved by a wide margin.",
           "The parks will open in May, and residents may volunteer for the planting days through the city's website."),
}


def _page(lang: str, after: str = "") -> str:
    title, quote, who, one, two = CASES[lang]
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{one}</p>"
            f"<div class='module-quote'><div class='area'><blockquote>\"{quote}\"</blockquote><p class='who'>{who}</p>"
            f"{after}</div></div><p>{two}</p></article></body></html>")


def quotes_of(html: str) -> list[tuple[str, str]]:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return [(q.speaker, q.text) for q in doc.quotes]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_name_line_beside_a_blockquote_in_its_box_is_the_speaker(lang: str) -> None:
    _, quote, who, _, _ = CASES[lang]
    assert (who, quote) in quotes_of(_page(lang))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_line_that_is_not_the_last_of_the_quotes_box_is_no_speaker(lang: str) -> None:
    _, quote, who, _, _ = CASES[lang]
    more = {"ko": "<p>사진 제공 연합뉴스 기자단</p>", "en": "<p>Photo by the city press office</p>"}[lang]
    assert all(speaker != who for speaker, _ in quotes_of(_page(lang, more)))


@pytest.mark.parametrize("lang,line", [("ko", "후보는 이렇게 말했다."), ("en", "The mayor said so on Monday.")])
def test_a_sentence_after_a_blockquote_is_no_speaker(lang: str, line: str) -> None:
    title, quote, _, one, two = CASES[lang]
    html = _page(lang).replace(CASES[lang][2], line)
    assert all(speaker != line for speaker, _ in quotes_of(html))
