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
