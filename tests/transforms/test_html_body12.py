"""transforms/html.py, round 12 (body12): content rules for what leaked on real pages."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks
from tests.transforms.test_html_body11 import _PROSE_EN, _PROSE_KO, _content, _page, _removed

PROSE = {"en": _PROSE_EN, "ko": _PROSE_KO}

# --- an empty picture slot's prompt ----------------------------------------------------------------

SLOT_PROMPTS = {"en": "Add a featured image to this page", "ko": "대표 이미지를 등록해 주세요"}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_empty_picture_slot_is_the_cms_prompt_not_content(lang: str) -> None:
    prompt = SLOT_PROMPTS[lang]
    html = _page(f"<div class='page-content'><div class='page-header'><div class='page__featured-image empty'>"
                 f"<p>{prompt}</p></div><h1>Economic Vitality Committee Meeting</h1></div>"
                 f"<div class='page-body'>{PROSE[lang]}</div></div>")
    assert prompt not in _content(html)
    assert ("html_empty_slot", prompt) in _removed(html)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_picture_slot_that_shows_a_picture_keeps_its_caption(lang: str) -> None:
    caption = {"en": "The committee at its April meeting", "ko": "4월 위원회 회의 모습"}[lang]
    for inside in (f"<img src='/a.jpg' alt=''><p>{caption}</p>",
                   f"<p style=\"background-image: url('/a.jpg')\">{caption}</p>"):
        first, second = PROSE[lang].split("</p>", 1)
        html = _page(f"<div class='page-content'>{first}</p><div class='thumb empty'>{inside}</div>{second}</div>")
        assert caption in _content(html)


def test_an_empty_box_that_is_no_picture_slot_stays() -> None:
    # the state word alone says nothing of what the box is: 'section empty-line' around a line of the text
    line = "The hearing is open to the public."
    first, second = _PROSE_EN.split("</p>", 1)
    html = _page(f"<div class='content'>{first}</p><div class='section empty-line'><p>{line}</p></div>{second}</div>")
    assert line in _content(html)


# --- a note on a control, right after the controls ------------------------------------------------

CONTROLS = {"en": ("<button type='button'>Save this job</button><a href='#' onclick='apply(); return false;'>"
                   "Apply online</a>", "Apply online not responding? Reload the page (Ctrl + F5) and try again."),
            "ko": ("<button type='button'>관심정보 등록</button><a href='#' onclick='f_resumePop(); return false;'>"
                   "고용24 입사지원</a>", "고용24 입사지원 클릭 시 응답이 없을 경우, 새로고침(Ctrl + F5) 후 다시 시도해보시기 바랍니다.")}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_note_on_the_controls_above_it_is_the_sites_help(lang: str) -> None:
    controls, note = CONTROLS[lang]
    first, second = PROSE[lang].split("</p>", 1)
    html = _page(f"<div class='content'>{first}</p><div class='actions'>{controls}</div><p>{note}</p>{second}</div>")
    assert note not in _content(html)
    assert ("control_help", note) in _removed(html)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_line_after_links_that_go_somewhere_stays(lang: str) -> None:
    # real links (an address) are no controls: the line after them is the page's, whatever it opens with
    controls, note = CONTROLS[lang]
    controls = controls.replace("href='#'", "href='/jobs/apply'")
    first, second = PROSE[lang].split("</p>", 1)
    html = _page(f"<div class='content'>{first}</p><div class='actions'><a href='/jobs/save'>Save</a>{controls}</div>"
                 f"<p>{note}</p>{second}</div>")
    assert note in _content(html)
