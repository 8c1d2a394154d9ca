"""transforms/html.py, list emission: which <li>s are list items, which are rows, which are a layout's lines."""
from __future__ import annotations

from cityclips.transforms.html import html_blocks

ARTICLE_KO = "은행연합회는 16일 금융소비자보호 모범규준 개정안을 예고했다고 밝혔다."
ARTICLE_EN = "The program office said on Monday that applications for the spring camp are open."


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>공지</title></head><body><main>{body}</main></body></html>"


def _texts(html: str, hint: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if b.hint == hint and not b.excluded_by]


# --- a notice typed into one item, its lines broken by <br> -------------------------------------

def _br_notice(lines: list[str]) -> str:
    return "<br>".join(lines) + "<br>"


def test_an_item_of_many_lines_broken_by_br_is_a_layout_box_korean() -> None:
    lines = [ARTICLE_KO, "□ 개요", "ㅇ 모범규준을 개정함에 있어 그 개정이유와 주요내용을 이해관계인에게 알리고자 합니다.",
             "ㅇ 의견청취 기간 : 2024. 10. 16. ~ 2024. 11. 4. (20일간)", ARTICLE_KO * 12]
    html = _page(f"<ul class='viewInfo'><li class='title'>모범규준 개정</li><li class='txt'>{_br_notice(lines)}</li></ul>")
    assert _texts(html, "li") == []
    assert "□ 개요" in _texts(html, "p")
    assert "모범규준 개정" in _texts(html, "p")


def test_an_item_of_many_lines_broken_by_br_is_a_layout_box_english() -> None:
    lines = [ARTICLE_EN, "Overview", "The camp runs for five days in January.", "Eligibility: enrolled students.",
             ARTICLE_EN * 8]
    html = _page(f"<ul><li>{_br_notice(lines)}</li><li>Contact</li></ul>")
    assert _texts(html, "li") == []
    assert "Overview" in _texts(html, "p")


def test_a_short_item_with_a_line_break_or_two_stays_a_list_item() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li>City Hall<br>1 Main Street</li><li>서구청<br>2층 민원실</li></ul>")
    assert _texts(html, "li") == ["City Hall", "1 Main Street", "서구청", "2층 민원실"]


# --- lists that are tables: rows, one line each --------------------------------------------------

def test_a_list_declared_a_table_has_rows_not_items_korean() -> None:
    rows = ("<li class='thead'><span class='title'>프로그램 일정</span><span class='status'>상태</span></li>"
            "<li class='tbody'><span class='title'><b>글로벌 앙트캠프</b><p>2026.01.26 ~ 2026.01.30</p></span>"
            "<span class='status'><p>20 팀 / 무제한</p><div><b>접수마감</b></div></span></li>")
    html = _page(f"<p>{ARTICLE_KO}</p><ul data-role='table' class='black inner'>{rows}</ul>")
    assert _texts(html, "li") == []
    assert _texts(html, "cell") == ["프로그램 일정 상태", "글로벌 앙트캠프 2026.01.26 ~ 2026.01.30 20 팀 / 무제한 접수마감"]


def test_a_list_declared_a_table_has_rows_not_items_english() -> None:
    rows = ("<li role='row'><span role='columnheader'>Meeting</span><span>Date</span></li>"
            "<li role='row'><span>Board of Trustees</span><span><p>June 2, 2026</p><p>4 p.m.</p></span></li>")
    html = _page(f"<p>{ARTICLE_EN}</p><ul role='table'>{rows}</ul><ul><li>Agenda</li><li>Minutes</li></ul>")
    assert _texts(html, "li") == ["Agenda", "Minutes"]
    assert _texts(html, "cell") == ["Meeting Date", "Board of Trustees June 2, 2026 4 p.m."]


def test_a_forms_choice_is_one_row_korean_and_english() -> None:
    choice_ko = ("<li><div><label><input type='hidden' name='tidx[]'><b>15 점 글로벌 앙트캠프</b>"
                 "<p>2026.01.26(Mon) 00:00 ~ 2026.01.30(Fri) 23:45</p><p><span>20 팀</span> 접수인원 제한없음</p>"
                 "<p>접수마감</p></label></div></li>")
    choice_en = "<li><label><input type='checkbox'> Spring camp</label><p>Jan 26 to Jan 30</p><p>Closed</p></li>"
    html = _page(f"<p>{ARTICLE_KO}</p><div class='apply'><ul>{choice_ko}</ul><ul>{choice_en}</ul></div>")
    assert _texts(html, "li") == []
    assert _texts(html, "cell") == ["15 점 글로벌 앙트캠프 2026.01.26(Mon) 00:00 ~ 2026.01.30(Fri) 23:45 20 팀 접수인원 제한없음 "
                                    "접수마감", "Spring camp Jan 26 to Jan 30 Closed"]


def test_an_item_holding_a_list_or_a_page_is_not_a_row() -> None:
    # an <input> deep in a big item (a search box in a menu) does not make the item one line
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li>Services<ul><li>Permits</li><li>Parking</li></ul>"
                 "<input type='text'></li></ul>")
    assert _texts(html, "li") == ["Services", "Permits", "Parking"]


def test_items_led_by_an_icon_are_facts_of_a_panel_korean_and_english() -> None:
    # an event's facts, each labelled by an icon font; a job post's welfare tiles, each by an image
    facts = ("<li><span class='fa-li'><span class='fas fa-calendar' aria-hidden='true'></span></span>"
             "<strong>Tuesday, June 02, 2026</strong></li>"
             "<li><span class='fa-li'><span class='fas fa-map-marker'></span></span>Administrative Office<br>"
             "1601 Botham Jean Blvd., Dallas TX 75215</li>")
    tiles = ("<li class='disable'><span class='img_wrp'><img src='/images/welfare1.png' alt=''></span>"
             "<p>통근버스</p></li><li><img src='/images/welfare2.png' alt=''><p>기숙사</p></li>")
    html = _page(f"<p>{ARTICLE_EN}</p><ul class='fa-ul'>{facts}</ul><ul class='emp_box_items'>{tiles}</ul>"
                 "<ul><li><b>Agenda</b> for the meeting</li><li><span class='new'>New</span> minutes</li></ul>")
    assert _texts(html, "li") == ["Agenda for the meeting", "New minutes"]
    assert _texts(html, "cell") == ["Tuesday, June 02, 2026",
                                    "Administrative Office 1601 Botham Jean Blvd., Dallas TX 75215", "통근버스", "기숙사"]


def test_an_icon_in_the_items_one_box_leads_it_too_korean_and_english() -> None:
    items = ("<li><p><img src='/images/ico16_article.png' class='mr08' alt=''>서류</p></li>"
             "<li><div><i class='icon-phone'></i> 311</div></li>")
    html = _page(f"<p>{ARTICLE_KO}</p><ul class='emp_box_items line'>{items}</ul>"
                 "<ul><li><p>Apply <img src='/images/arrow.png' alt=''> online</p></li></ul>")
    assert _texts(html, "cell") == ["서류", "311"]
    assert _texts(html, "li") == ["Apply online"]


# --- round 9: a lone note set with a bullet ---------------------------------------

def test_a_list_of_one_sentence_is_a_note_not_a_list_korean() -> None:
    note = "『고용상 연령차별금지 및 고령자 고용촉진에 관한 법률』이 시행됨에 따라 채용정보에서 연령이 삭제되었습니다."
    html = _page(f"<p>{ARTICLE_KO}</p><ul class='box_list_area'><li class='txt_list'>{note}</li></ul>")
    assert _texts(html, "li") == [] and note in _texts(html, "p")


def test_a_list_of_one_sentence_is_a_note_not_a_list_english() -> None:
    note = "Please note that the access code will change for every meeting."
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li>{note}</li></ul>")
    assert _texts(html, "li") == [] and note in _texts(html, "p")


def test_a_lone_item_that_names_a_thing_or_sits_in_an_item_stays_a_list_item() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><p>5. Consent Agenda</p><ul><li>Approval of the June minutes</li></ul>"
                 "<ul><li>Budget<ul><li>The council adopts the budget.</li></ul></li><li>Parks</li></ul>"
                 f"<ul><li><p>{ARTICLE_EN}</p></li></ul>")
    assert _texts(html, "li") == ["Approval of the June minutes", "Budget", "The council adopts the budget.", "Parks",
                                  ARTICLE_EN]


# --- round 9: an item's next paragraphs go on with the item --------------------------------------

def _li_markers_of(html: str) -> list[tuple[str, str]]:
    return [(b.marker, b.text) for b in html_blocks(html)[0] if b.hint == "li" and not b.excluded_by]


def test_only_the_first_block_of_an_item_carries_its_marker_korean() -> None:
    tip = "관할고용센터의 취업알선 서비스를 통해 알선된 알선자수. 담당자에게 서비스를 요청하시기 바랍니다."
    html = _page(f"<p>{ARTICLE_KO}</p><ul><li><p>취업알선기관 알선</p><p>{tip}</p><strong>0명</strong></li>"
                 "<li><p>고용24 입사지원</p></li></ul>")
    assert _li_markers_of(html) == [("•", "취업알선기관 알선"), ("", tip), ("", "0명"), ("•", "고용24 입사지원")]


def test_only_the_first_block_of_an_item_carries_its_marker_english() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ol><li>Enter the access code, then press #.<br>Please note: the code changes."
                 "</li><li><a href='/m.pdf'>June 21, 2018 <img class='docIcon' src='pdf.gif' alt='PDF icon'></a></li></ol>")
    assert _li_markers_of(html) == [("1.", "Enter the access code, then press #."), ("", "Please note: the code changes."),
                                    ("2.", "June 21, 2018")]  # the text before an icon still carries its item's marker


def test_short_items_ending_in_commas_are_one_phrase_not_a_list_english_and_korean() -> None:
    # (the same run made of links only, 'Outlook, ICal, Google Calendar', is a menu: html.py drops it as chrome)
    html = _page(f"<p>{ARTICLE_EN}</p><div><span>Open on:</span><ul><li>Monday,</li>"
                 "<li>Wednesday,</li><li>Friday</li></ul></div>"
                 f"<p>{ARTICLE_KO}</p><ul><li>광주,</li><li>전남</li></ul>")
    assert _texts(html, "li") == []
    assert {"Monday,", "Wednesday,", "Friday", "광주,", "전남"} <= set(_texts(html, "p"))


def test_items_that_do_not_all_run_on_with_commas_stay_a_list() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li>Outlook,</li><li>ICal</li><li>Google Calendar</li></ul>"
                 "<ul><li>Apples,</li><li>Pears,</li></ul><ul><li>Parks, roads and the long river trail,</li><li>Schools</li></ul>")
    assert _texts(html, "li") == ["Outlook,", "ICal", "Google Calendar", "Apples,", "Pears,",
                                  "Parks, roads and the long river trail,", "Schools"]
