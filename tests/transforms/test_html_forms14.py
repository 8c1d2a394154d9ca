"""transforms/html.py, round 14 (forms14): a form with a search box that holds most of the page's prose wraps the
page's text (a forms library's record, a board post inside its search form): it is walked, not dropped whole; its
field's label and instruction go as form_field. A filter panel (more fields) or a form beside the text still goes."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks
from cityclips.warehouse.schemas import STRUCTURAL_RULES

MENU = {"en": "".join(f"<li><a href='/m{i}'>Menu item {i}</a></li>" for i in range(8)),
        "ko": "".join(f"<li><a href='/m{i}'>메뉴 항목 {i}</a></li>" for i in range(8))}
SEARCH = {"en": ("Find a Form", "Search by form number, name or keywords"),
          "ko": ("서식 찾기", "서식 번호나 이름, 낱말로 찾으세요")}
RECORD = {"en": ["Proposal to Lease Space", "Current Revision Date: 08/2008", "Authority or Regulation: PBS P 1600.1A"],
          "ko": ["공공기관 청사 임대 제안서", "개정일 : 2008.08", "근거 법령 : 공유재산 및 물품 관리법 시행령"]}


def _page(lang: str, fields: str) -> str:
    label, hint = SEARCH[lang]
    record = f"<h4>{RECORD[lang][0]}</h4>" + "".join(f"<p>{line}</p>" for line in RECORD[lang][1:])
    return ("<!DOCTYPE html><html><head><title>Forms</title></head><body>"
            f"<div><ul>{MENU[lang]}</ul></div><div><form action='/search' method='post'><div>"
            f"<label for='q'>{label}</label>{fields}<p class='inst'>{hint}</p>"
            f"{TABS}<div>{record}</div></div></form></div></body></html>")


# the library's tabs inside the form, links all: the page's best box scores too little for a region (a thin record)
TABS = "<div>" + "".join(f"<div class='tab'><a href='/t{i}'>TOP<br>FORMS {i}</a></div>" for i in range(8)) + "</div>"


SEARCH_BOX = "<input type='text' name='q' id='q'><input type='image' alt='Search' src='/s.gif'>"


def _read(html: str) -> tuple[list[str], list[tuple[str, str]]]:
    blocks, removed, _ = html_blocks(html)
    return [b.text for b in blocks], [(r.rule, r.text) for r in removed]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_search_form_around_the_page_text_is_a_wrapper(lang: str) -> None:
    texts, removed = _read(_page(lang, SEARCH_BOX))
    for line in RECORD[lang]:
        assert line in texts, line
    assert not any(rule == "html_form" for rule, _ in removed)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_wrapper_form_field_label_and_instruction_are_form_field(lang: str) -> None:
    texts, removed = _read(_page(lang, SEARCH_BOX))
    label, hint = SEARCH[lang]
    assert ("form_field", label) in removed and ("form_field", hint) in removed
    assert label not in texts and hint not in texts
    assert "form_field" in STRUCTURAL_RULES


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_filter_panel_around_results_is_still_dropped(lang: str) -> None:
    panel = SEARCH_BOX + "<select name='y'><option>2024</option></select><select name='t'><option>All</option></select>"
    texts, removed = _read(_page(lang, panel))
    assert RECORD[lang][1] not in texts
    assert any(rule == "html_form" for rule, _ in removed)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_choice_label_is_no_field_label(lang: str) -> None:
    # a checkbox's label is the choice's text (a camp's session), not a search box's name
    choice = {"en": "Morning camp, July 7-11, 15 places left", "ko": "오전 캠프, 7월 7일-11일, 15명 남음"}[lang]
    fields = SEARCH_BOX + f"<label><input type='checkbox' name='c'>{choice}</label>"
    _, removed = _read(_page(lang, fields))
    assert not any(rule == "form_field" and choice in text for rule, text in removed)
