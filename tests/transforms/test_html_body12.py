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


# --- a row's button is no part of the row's value ------------------------------------------------------

ROWS = {"en": ("Attachment", "Agenda 2026-03-17.pdf", "Preview"),
        "ko": ("첨부 파일", "(표지위반본부과)공시송달 20250317.pdf", "바로 보기")}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("shape", ["dl", "tr"])
def test_a_rows_control_is_recorded_apart_from_its_value(lang: str, shape: str) -> None:
    label, name, control = ROWS[lang]
    value = (f"<a href=\"javascript:goDownload('{name}')\">{name}</a> "
             f"<a href='#' onclick=\"preview('1'); return false;\" class='bt_white_s'><span>{control}</span></a>")
    row = (f"<dl class='view_file'><dt>{label}</dt><dd><p>{value}</p></dd></dl>" if shape == "dl" else
           f"<table><tr><th>{label}</th><td>{value}</td></tr></table>")
    html = _page(f"<div class='bod_view'>{PROSE[lang]}{row}</div>")
    assert f"{label} : {name}" in _content(html)
    assert ("html_row_control", control) in _removed(html)


def test_a_script_link_that_names_a_file_is_the_rows_value() -> None:
    html = _page(f"<div class='bod_view'>{_PROSE_EN}<table><tr><th>Attachment</th><td><a href='#' "
                 "onclick='down(1)'>report.pdf</a></td></tr></table></div>")
    assert "Attachment : report.pdf" in _content(html)


# --- a short event's contact without digits is its fact ---------------------------------------------

EVENTS = {"en": (["Entrepreneurship Boot Camp, session 2: marketing analysis for small firms.",
                  "The session covers pricing, customers and competitors, and participants will draft a one-page plan.",
                  "Lunch is provided for all registered participants, and parking is free in the east lot."],
                 "Family Self Sufficiency", "Email:", "fss@thehacc.org"),
          "ko": (["청년 창업 교실 2회차: 소상공인을 위한 마케팅 분석 강의입니다.",
                  "가격, 고객, 경쟁사를 다루며, 참가자는 한 쪽짜리 사업 계획을 직접 씁니다.",
                  "등록한 참가자에게는 점심을 드리고, 동쪽 주차장은 무료로 이용할 수 있습니다."],
                 "자립지원팀", "이메일:", "lgy2@kead.or.kr")}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_short_events_contact_box_is_content_though_named_meta(lang: str) -> None:
    lead, name, label, email = EVENTS[lang]
    paragraphs = "".join(f"<p>{text}</p>" for text in lead)
    html = _page(f"<div class='wrap'><nav><a href='/'>Home</a></nav><section class='event entry-content'>"
                 f"<h1>Boot Camp</h1>{paragraphs}<div class='details'><div class='events-meta-group venue'><dl>"
                 f"<dt>Venue</dt><dd>Community Room 15306 S. Robey Ave.</dd></dl></div>"
                 f"<div class='events-meta-group organizer'><dl><dt>Organizer</dt><dd>{name}</dd>"
                 f"<dt>{label}</dt><dd>{email}</dd></dl></div></div></section><div class='side'><p>Other events</p></div>"
                 "</div>")
    assert any(email in text for text in _content(html)), _content(html)
