"""transforms/region.py, round 12 (body12): a component's part ('card-body') names the component, not the article."""
from __future__ import annotations

import pytest

from cityclips.transforms.region import class_words, evidence
from cityclips.transforms.html import parse_html
from tests.transforms.test_region import EN, KO, NAV, _content, _page

# a bill's record page: its fields spread over many small boxes, its progress in Bootstrap cards ('card-body')
FIELDS = {"en": ["An Act to amend the Judges Act and to make related amendments to other Acts",
                 "Senate bill awaiting first reading in the House of Commons",
                 "Third reading on Tuesday, December 7, 2021 (Senate)"],
          "ko": ["법관의 보수에 관한 법률 일부개정법률안, 관련 법률의 일부를 함께 고친다.",
                 "본회의 의결 후 정부 이송을 기다리는 법률안입니다.",
                 "2021년 12월 7일(화) 본회의 제3독회 통과"]}
STAGES = {"en": ["Introduction and first reading, Wednesday, November 24, 2021.",
                 "Second reading, Tuesday, December 7, 2021."],
          "ko": ["2021년 11월 24일(수), 법률안 발의 및 제1독회, 본회의 상정.", "2021년 12월 7일(화), 제2독회, 위원회 회부."]}


def _record(lang: str) -> str:
    fields = "".join(f"<section><div class='row'><div class='col'><div class='attribute'><div>{line}</div></div></div>"
                     "</div></section>" for line in FIELDS[lang])
    cards = "".join(f"<div class='card'><div class='card-body'><p>{line}</p></div></div>" for line in STAGES[lang])
    return _page(f"{NAV}<main><div class='record'>{fields}<div class='stages'>{cards}</div></div></main>")


def test_a_component_part_word_names_the_component() -> None:
    assert class_words("card-body") == ["card"]
    assert class_words("modal-body panel_body") == ["modal", "panel"]
    assert class_words("article-body post-body") == ["article", "body", "post", "body"]


def test_a_card_body_is_no_content_name() -> None:
    cache: dict = {}
    card, article = parse_html(_page("<div class='card-body'>x</div><div class='article-body'>y</div>")).iter("div")
    assert evidence(card, "div", cache).weight == 5  # the tag's weight alone
    assert evidence(article, "div", cache).weight > 5


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_records_fields_are_not_lost_to_its_cards(lang: str) -> None:
    content = _content(_record(lang))
    for line in FIELDS[lang] + STAGES[lang]:
        assert line in content, (lang, content)


def test_an_article_body_still_wins_by_its_name() -> None:
    for texts in (KO, EN):
        html = _page(f"{NAV}<div class='wrap'><div class='article-body'>{''.join(f'<p>{t}</p>' for t in texts)}</div>"
                     "<div class='card'><div class='card-body'><p>Subscribe to our newsletter.</p></div></div></div>")
        assert _content(html) == texts
