"""transforms/html.py, round 14 (body14): an event's side box of facts is the article's, and an e-mail link line
is an address shown, not a teaser.

f219 (a police department's community meeting): '<div class="side-box event-snapshot">' in the article's grid holds
the cost and the contact ('Officer Ritter', '980-666-0295', '<a href="mailto:...">gritter@cmpd.org</a>'); 'side'
named it chrome and the e-mail went as a link line.
"""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks

CASES = {
    "en": ("Community Meeting", ["Join officers of the Hickory Grove Division for a community meeting on neighbourhood "
                                 "safety; residents may bring questions about patrols, traffic and events.",
                                 "The meeting is held on the second Saturday of every month at the division office."],
           ["Event Snapshot", "Contact", "Officer Ritter", "980-666-0295"], "gritter@cmpd.org"),
    "ko": ("주민 간담회 개최", ["경찰서는 지역 주민들과 함께 동네 안전을 주제로 간담회를 연다. 주민들은 순찰과 교통, 행사에 관한 질문을 "
                           "미리 보낼 수 있으며 현장에서도 자유롭게 의견을 낼 수 있다.",
                           "간담회는 매달 둘째 토요일 오후 2시에 지구대 회의실에서 열리며, 참석을 원하는 주민은 누구나 사전 신청 없이 참여할 수 있다고 경찰서는 설명했다."],
           ["행사 요약", "담당자", "홍길동 경위", "02-1234-5678"], "gdhong@police.go.kr"),
}


def _page(lang: str, links: str = "") -> str:
    """The article's grid: its first paragraph, the side box in a column beside it, then its second paragraph."""
    title, prose, facts, mail = CASES[lang]
    box_title, label, name, phone = facts
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><ul><li><a href='/a'>Home</a></li>"
            f"<li><a href='/b'>About</a></li></ul></nav><div class='content'><div class='grid'><div class='col-8'>"
            f"<h1>{title}</h1><p>{prose[0]}</p></div><div class='col-4'>"
            f"<div class='side-box event-snapshot'><h2>{box_title}</h2><div class='side-box-section'><h3>{label}</h3>"
            f"<div class='contact-name'>{name}</div><div class='contact-phone'>{phone}</div>"
            f"<div class='contact-email'><a href='mailto:{mail}'>{mail}</a></div>{links}</div></div></div>"
            f"<div class='col-8'><p>{prose[1]}</p></div></div></div>"
            "<footer><p>© 2026 City</p></footer></body></html>")


def _kept(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if not b.excluded_by]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_side_box_of_contact_facts_with_no_page_link_is_the_articles(lang: str) -> None:
    _, _, (_, _, name, phone), mail = CASES[lang]
    kept = _kept(_page(lang))
    assert name in kept and phone in kept and mail in kept


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_side_box_with_links_to_other_pages_is_still_furniture(lang: str) -> None:
    _, _, (_, _, name, _), _ = CASES[lang]
    links = "<div><a href='/events'>All events</a></div><div><a href='/news'>News</a></div>"
    assert name not in _kept(_page(lang, links))
