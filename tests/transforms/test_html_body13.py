"""transforms/html.py, round 13 (body13): a heading after the region's last prose that heads a kept line of the
article's own box is the article's section heading, not a region edge."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks

SECTIONS = {"en": [("Audit Committee", ["Wednesday, July 10, 2024", "1:00pm – 3:00 pm",
                                        "The committee will review the internal audit plan for the coming year, and the "
                                        "external auditor will present the findings of the annual financial audit."]),
                   ("Finance Committee", ["Wednesday, July 24, 2024", "9:00am – 11:00 am",
                                          "Members will consider the second-quarter financial report, the capital budget "
                                          "and a proposal to refinance the system's outstanding revenue bonds."]),
                   ("Human Resources Committee", ["No Meeting"]),
                   ("Quality Committee", ["No Meeting"])],
            "ko": [("감사위원회", ["2024년 7월 10일 (수)", "오후 1시 ~ 3시",
                              "위원회는 내년도 내부 감사 계획을 검토하고, 외부 감사인은 연간 재무 감사 결과를 보고한다. 위원들은 "
                              "감사 결과에 따른 개선 과제도 함께 논의할 예정이다."]),
                   ("재정위원회", ["2024년 7월 24일 (수)", "오전 9시 ~ 11시",
                              "위원들은 2분기 재무 보고서와 자본 예산, 기존 채권의 차환 계획을 심의한다. 심의 결과는 다음 "
                              "이사회에 보고된다."]),
                   ("인사위원회", ["회의 없음"]),
                   ("품질위원회", ["회의 없음"])]}


def _page(lang: str, aside: bool = False) -> str:
    parts = "".join(f"<h3>{heading}</h3>" + "".join(f"<p>{line}</p>" for line in lines)
                    for heading, lines in SECTIONS[lang][:2 if aside else 4])
    # the last two sections in a box of their own after the article's box: a promo's heading and line, no section
    boxed = "".join(f"<div class='note'><h3>{heading}</h3><p>{lines[0]}</p></div>" for heading, lines in SECTIONS[lang][2:]) \
        if aside else ""
    return (f"<!DOCTYPE html><html><head><title>July 2024 Meetings</title></head><body><nav><ul><li><a href='/a'>Home</a>"
            f"</li><li><a href='/b'>About</a></li></ul></nav><div class='main-content'><div class='gen-content'>"
            f"<h1>July 2024 Meetings</h1>{parts}</div>{boxed}</div><footer><p>© 2024 MetroHealth</p></footer>"
            "</body></html>")


def _headings(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if b.hint == "heading" and not b.excluded_by]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_last_section_heading_over_a_kept_line_is_kept(lang: str) -> None:
    assert _headings(_page(lang)) == [heading for heading, _ in SECTIONS[lang]]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_last_heading_in_a_box_of_its_own_stays_an_edge(lang: str) -> None:
    headings = _headings(_page(lang, aside=True))
    assert SECTIONS[lang][2][0] not in headings and SECTIONS[lang][3][0] not in headings


PULL = {"ko": ("\"경상도와 전라도로 나눠서 왜 싸우나.\"", "이재명 더불어민주당 대선 후보"),
        "en": ("\"Why fight over which province you come from?\"", "Lee Jae-myung, presidential candidate")}
STORY = {"ko": ["이틀간의 영남 공략을 마친 이 후보는 15일 호남을 찾아 '통합'을 키워드로 표밭을 다졌다. 그는 순천과 광양에서 "
                "유세를 이어가며 지역 갈등을 넘어서자고 호소했다.",
                "이 후보는 이날 목포에서도 시민들을 만나 지역 경제를 살리겠다고 약속했다. 유세장에는 지지자 수백 명이 모였다."],
         "en": ["After two days in the southeast, the candidate came to the southwest on the 15th with unity as his "
                "theme, speaking in Suncheon and Gwangyang to crowds of supporters.",
                "In Mokpo he promised to revive the local economy, and several hundred supporters gathered to hear him speak."]}


def _story(lang: str, quote_tag: str = "blockquote") -> str:
    quote, who = PULL[lang]
    story = "".join(f"<p class='editor-p'>{line}</p>" for line in STORY[lang])
    return (f"<!DOCTYPE html><html><head><title>Story</title></head><body><nav><ul><li><a href='/a'>Home</a></li>"
            f"<li><a href='/b'>News</a></li></ul></nav><div class='col-main'>"
            f"<div class='module-quote'><div class='inn'><div class='area'><{quote_tag}>{quote}</{quote_tag}>"
            f"<p class='who'>{who}</p></div></div></div>{story}</div></body></html>")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_pull_quote_above_the_story_and_its_speaker_are_content(lang: str) -> None:
    content = [b.text for b in html_blocks(_story(lang))[0] if not b.excluded_by]
    assert PULL[lang][0] in content and PULL[lang][1] in content
    assert STORY[lang][0] in content


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_short_line_in_a_box_of_its_own_above_the_story_is_still_an_edge(lang: str) -> None:
    # no quotation: the same two lines as plain <div>s are the frame's (a kicker, a byline)
    content = [b.text for b in html_blocks(_story(lang, quote_tag="div"))[0] if not b.excluded_by]
    assert PULL[lang][1] not in content


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_lone_heading_after_the_story_over_a_short_line_stays_an_edge(lang: str) -> None:
    heading, line = ("댓글", "첫 댓글을 남겨 주세요") if lang == "ko" else ("Comments", "Be the first to comment")
    story = "".join(f"<p>{text}</p>" for text in STORY[lang])
    page = (f"<!DOCTYPE html><html><head><title>Story</title></head><body><nav><ul><li><a href='/a'>Home</a></li>"
            f"<li><a href='/b'>News</a></li></ul></nav><div class='col-main'><h1>Story</h1>{story}"
            f"<h3>{heading}</h3><p>{line}</p></div></body></html>")
    assert heading not in [b.text for b in html_blocks(page)[0] if not b.excluded_by]
