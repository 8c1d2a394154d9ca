"""transforms/html.py, round 10 (body10): removal rules that lost article text whole."""
from __future__ import annotations

from cityclips.transforms.html import html_blocks


def _page(body: str, title: str = "게시판") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


def _content(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if not b.excluded_by]


def _removed(html: str) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in html_blocks(html)[1]]


# --- a form of hidden inputs and buttons is a wrapper, not a form ---------------------------------

_STATE = "<input type='hidden' name='seq' value='128980'><input type='hidden' name='pageNo' value='1'>"


def test_a_board_post_inside_a_form_of_hidden_inputs_is_kept_korean() -> None:
    html = _page("<div class='lnb'><ul><li><a href='/a'>우리단지 기본정보</a></li><li><a href='/b'>관리규약</a></li></ul></div>"
                 f"<form name='listForm' method='post'>{_STATE}"
                 "<p class='headLine'>장기수선계획서 정기조정</p><p class='info'><span>2026-02-13</span><span>관리자</span></p>"
                 "<div><pre>장기수선계획 정기조정</pre></div>"
                 "<button type='button'>목록</button></form>")
    content = _content(html)
    assert "장기수선계획서 정기조정" in content and "장기수선계획 정기조정" in content
    assert ("html_button", "목록") in _removed(html)  # its buttons are still controls


def test_a_post_inside_a_form_of_hidden_inputs_is_kept_english() -> None:
    html = _page(f"<form id='aspnetForm' method='post'>{_STATE}"
                 "<h2>Regular Board Meeting</h2><p>Tuesday, June 02, 2026</p><p>Board Room, 1601 Botham Jean Blvd.</p>"
                 "<input type='submit' value='Back'></form>", title="Board")
    assert "Board Room, 1601 Botham Jean Blvd." in _content(html)


def test_a_form_with_a_field_to_fill_is_still_dropped_korean_and_english() -> None:
    for field, text in (("<input type='text' name='q'>", "검색어"), ("<select><option>All</option></select>", "Calendar"),
                        ("<textarea name='c'></textarea>", "Comment")):
        html = _page(f"<form>{_STATE}<label>{text}</label>{field}<button>Go</button></form>")
        assert text not in " ".join(_content(html))
        assert any(rule == "html_form" for rule, _ in _removed(html))


# --- a path's steps are names: a '/' inside a parenthesised phrase splits no path -------------------

def test_a_location_field_with_a_slash_in_parentheses_is_no_breadcrumb_english() -> None:
    html = _page("<div class='event'><h2>Commission Meeting</h2><p>The commission meets to review the noise program.</p>"
                 "<div class='evdt_location'>Location: (via video/teleconference)</div></div>", title="Meeting")
    assert "Location: (via video/teleconference)" in _content(html)
    assert not any(rule == "breadcrumb" for rule, _ in _removed(html))


def test_a_location_field_with_a_slash_in_parentheses_is_no_breadcrumb_korean() -> None:
    html = _page("<div class='event'><h2>정기회의</h2><p>위원회는 소음 대책 사업을 검토한다.</p>"
                 "<div class='location'>장소 : (화상/전화 회의)</div></div>")
    assert "장소 : (화상/전화 회의)" in _content(html)


def test_a_breadcrumb_marked_as_a_location_is_still_one_korean_and_english() -> None:
    for path in ("Home > News > Press Releases", "홈 / 알림마당 / 보도자료"):
        html = _page(f"<div class='location'>{path}</div><div class='view'><p>광주광역시는 23일 인공지능 산업 육성 계획을 "
                     "발표했다. The city will print 10,000 copies of the guide.</p></div>")
        assert path.replace(" / ", " > ") in [b.text for b in html_blocks(html)[0] if b.hint == "breadcrumb"]


# --- a thin region's labelled fields are its facts, digits or none ---------------------------------

def test_a_thin_events_labelled_field_without_digits_is_kept_english() -> None:
    html = _page("<div class='event-content'><div class='hd'><h2>Noise Commission Meeting</h2></div>"
                 "<div class='desc'><p>The commission will meet to review the noise program, its budget and the airport's new runway plans.</p></div>"
                 "<div class='loc'>Location: City Hall Council Chambers</div></div>", title="Meeting")
    assert "Location: City Hall Council Chambers" in _content(html)


def test_a_thin_events_labelled_field_without_digits_is_kept_korean() -> None:
    html = _page("<div class='event-content'><div class='hd'><h2>소음대책위원회 회의</h2></div>"
                 "<div class='desc'><p>위원회는 공항 주변 소음 대책 사업과 내년도 예산, 새 활주로 계획을 검토합니다.</p></div>"
                 "<div class='loc'>장소 : 시청 대회의실</div></div>")
    assert "장소 : 시청 대회의실" in _content(html)


# --- a line that is one link to a document is an attachment, inside the region or at its edge -------

_PROSE_EN = ("<p>The Housing Opportunity Fund was created by the City to help support the development of affordable "
             "housing. The advisory board helps oversee the Fund.</p>")
_PROSE_KO = "<p>주택기금은 시가 저렴한 주택의 공급과 보존을 돕기 위해 만들었으며, 자문위원회가 기금의 운용을 감독한다.</p>"


def test_a_link_line_to_a_document_is_kept_english() -> None:
    html = _page(f"<div class='event-content'><h2>Advisory Board Meeting</h2>{_PROSE_EN}{_PROSE_EN}"
                 "<div class='link'><a href='/media/HOF%20Agenda%203.7.2019.pdf'>View the Meeting Agenda</a>"
                 "</div></div>", title="Meeting")
    assert "View the Meeting Agenda" in _content(html)


def test_a_link_line_to_a_document_is_kept_korean() -> None:
    html = _page(f"<div class='event-content'><h2>자문위원회 회의</h2>{_PROSE_KO}{_PROSE_KO}"
                 "<div class='link'><a href='/files/agenda_0307.hwp'>3월 회의 안건 보기</a></div></div>")
    assert "3월 회의 안건 보기" in _content(html)


def test_a_link_line_to_another_page_is_still_a_teaser() -> None:
    html = _page(f"<div class='event-content'><h2>Advisory Board Meeting</h2>{_PROSE_EN}{_PROSE_EN}"
                 "<div class='link'><a href='/pages/other-story'>Read the story of another fund</a></div></div>")
    assert "Read the story of another fund" not in _content(html)


# --- a link that is the value of one of several label / value rows is a field ---------------------

def _fields(label: str, link: str, label2: str, value2: str) -> str:
    row = "<div class='field-wrapper'><div class='label'>{}</div><div class='value'><div class='field'>{}</div></div></div>"
    return (f"<div class='row-two'>{row.format(label, f'<a href=/location/hq>{link}</a>')}"
            f"{row.format(label2, value2)}</div>")


def test_a_linked_value_among_label_rows_is_kept_english() -> None:
    html = _page(f"<article class='node-content'><h1>Citizens Advisory Board Meeting</h1>"
                 f"{_fields('Location', 'Pace Headquarters', 'Location detail', 'Room 132')}"
                 "<div class='body'>Quarterly meeting of the Citizens Advisory Board.</div></article>", title="Meeting")
    assert "Pace Headquarters" in _content(html)


def test_a_linked_value_among_label_rows_is_kept_korean() -> None:
    html = _page(f"<article class='node-content'><h1>시민자문위원회 정기회의</h1>"
                 f"{_fields('장소', '본사 대회의실', '세부 장소', '132호')}"
                 "<div class='body'>시민자문위원회의 분기 정기회의입니다.</div></article>")
    assert "본사 대회의실" in _content(html)


def test_a_lone_label_over_a_link_is_still_a_teaser() -> None:
    html = _page("<article class='node-content'><h1>Citizens Advisory Board Meeting</h1>"
                 "<div class='row-two'><div class='field-wrapper'><div class='label'>Related</div><div class='value'>"
                 "<div class='field'><a href='/news/other'>Another meeting story</a></div></div></div></div>"
                 "<div class='body'>Quarterly meeting of the Citizens Advisory Board.</div></article>", title="Meeting")
    assert "Another meeting story" not in _content(html)


# --- the lines of one paragraph broken by <br> go together at the region's edge --------------------

def test_an_address_in_lines_of_one_paragraph_is_kept_whole_english() -> None:
    html = _page(f"<div class='entry-content'><h2>September Board Meeting</h2>{_PROSE_EN}"
                 "<div class='col'><h3>Event Location</h3><p class='location-address'>Summit DD Administration – Board Room"
                 "<br/>89 E. Howe Road<br/>Tallmadge, OH 44278</p></div></div>", title="Meeting")
    content = _content(html)
    assert {"Summit DD Administration – Board Room", "89 E. Howe Road", "Tallmadge, OH 44278"} <= set(content)


def test_an_address_in_lines_of_one_paragraph_is_kept_whole_korean() -> None:
    html = _page(f"<div class='entry-content'><h2>9월 정기회의</h2>{_PROSE_KO}"
                 "<div class='col'><h3>장소</h3><p class='location-address'>시청 본관 대회의실<br/>중앙로 89"
                 "<br/>광주광역시 서구, 61945</p></div></div>")
    content = _content(html)
    assert {"시청 본관 대회의실", "중앙로 89", "광주광역시 서구, 61945"} <= set(content)


# --- a region of a few paragraphs reads its date lines and date fields as facts ---------------------

_NOTICE_EN = ("<p>Notice is hereby given that the City Council will hold a public hearing on the ordinance, "
              "amending the land use code.</p><p>Written comments may be sent to the City Clerk before the hearing, "
              "and all are welcome.</p>")
_NOTICE_KO = ("<p>시의회는 토지이용 조례 개정안에 대한 공청회를 다음과 같이 개최하오니, 관심 있는 시민의 많은 참여를 바랍니다.</p>"
              "<p>서면 의견은 공청회 전까지 시의회 사무국으로 제출할 수 있으며, 누구나 방청할 수 있습니다.</p>")


def test_a_short_regions_date_line_in_a_box_of_its_own_is_kept_english() -> None:
    html = _page("<div class='node-content'><h1>City Council Meeting</h1><div class='calendar-date'>"
                 f"<div class='calendar-date-text'>Wednesday, December 17, 2025 - 6:00pm</div></div>{_NOTICE_EN * 3}</div>",
                 title="City Council Meeting")  # three notices: a region of 21 prose points, over THIN_REGION_PROSE
    assert "Wednesday, December 17, 2025 - 6:00pm" in _content(html)


def test_a_short_regions_date_field_in_a_meta_named_box_is_kept_korean() -> None:
    html = _page(f"<div class='node-content'><h1>시의회 공청회</h1><div class='meeting-date'>2025년 12월 17일 (수)</div>"
                 f"{_NOTICE_KO * 3}</div>")
    assert "2025년 12월 17일 (수)" in _content(html)


def test_a_long_articles_dateline_is_still_its_frame_english() -> None:
    html = _page("<div class='node-content'><h1>City Council Meeting</h1><div class='calendar-date'>"
                 f"<div class='calendar-date-text'>Wednesday, December 17, 2025 - 6:00pm</div></div>{_NOTICE_EN * 5}</div>",
                 title="City Council Meeting")
    assert "Wednesday, December 17, 2025 - 6:00pm" not in _content(html)


def test_a_short_regions_bare_dateline_is_still_its_frame_english_and_korean() -> None:
    """A date with no weekday and no label is a story's dateline ('November 20, 2019 10:43'), not a schedule."""
    for line, notice in (("November 20, 2019 10:43", _NOTICE_EN), ("2019.11.20 10:43", _NOTICE_KO)):
        html = _page(f"<div class='node-content'><h1>City Council Meeting</h1><div class='dateline'>{line}</div>"
                     f"{notice * 3}</div>", title="City Council Meeting")
        assert line not in _content(html)


def test_a_long_storys_link_line_to_a_document_is_still_a_teaser_english() -> None:
    html = _page(f"<div class='event-content'><h2>Advisory Board Meeting</h2>{_PROSE_EN * 9}"
                 "<div class='link'><a href='/media/quiz.pdf'>GET THE QUIZ: INSTANT DOWNLOAD!</a></div>"
                 f"{_PROSE_EN}</div>", title="Meeting")
    assert "GET THE QUIZ: INSTANT DOWNLOAD!" not in _content(html)


def test_sibling_paragraphs_at_one_path_do_not_go_together_at_the_edge_english() -> None:
    """Only the <br> lines of one paragraph go together: a tag row beside a kept line is still the frame."""
    html = _page(f"<div class='entry-content'><h2>September Board Meeting</h2>{_PROSE_EN}"
                 "<div class='entryfooter'><p>Filed: Tallmadge, OH 44278</p><p><a href='/feed'>Comment feed</a> | "
                 "Comments closed | <a href='/tb'>Trackback URL</a></p></div></div>", title="Meeting")
    content = _content(html)
    assert "Filed: Tallmadge, OH 44278" in content
    assert not any("Comments closed" in line for line in content)


# --- a marked path's last step may be the page's own headline ---------------------------------------

def _crumbs(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if b.hint == "breadcrumb"]


def test_a_marked_path_ending_in_the_pages_headline_is_a_breadcrumb_english() -> None:
    path = ("<span id='breadCrumb'><a href='/Media'>Media</a> &gt; <a href='/Media/News'>News Releases</a> &gt; "
            "<a href='/Media/News/Feb'>February 2026</a> &gt; <span>Fourth Defendant Pleads Guilty in Decade-long Ponzi "
            "Scheme</span></span>")
    html = _page(f"<div class='view'>{path}<p>{'The spouse of a former manager pleaded guilty today in court. ' * 3}</p></div>")
    assert _crumbs(html) == ["Media > News Releases > February 2026 > Fourth Defendant Pleads Guilty in Decade-long "
                             "Ponzi Scheme"]


def test_a_marked_path_ending_in_the_pages_headline_is_a_breadcrumb_korean() -> None:
    path = ("<div class='location'><a href='/'>홈</a> &gt; <a href='/news'>알림마당</a> &gt; <span>광주광역시 인공지능 "
            "산업 육성 계획 발표 및 기업 지원 확대 방안 시민 설명회 개최 안내</span></div>")
    html = _page(f"<div class='view'>{path}<p>{'광주광역시는 23일 인공지능 산업 육성 계획을 발표했다. ' * 3}</p></div>")
    assert _crumbs(html) == ["홈 > 알림마당 > 광주광역시 인공지능 산업 육성 계획 발표 및 기업 지원 확대 방안 시민 설명회 개최 안내"]


def test_a_long_step_inside_a_marked_path_is_no_breadcrumb() -> None:
    """Only the last step may be long: 'Home > a sentence of many words > News' is a box that starts with a path."""
    html = _page("<div class='location'><a href='/'>Home</a> &gt; <span>the city will open a new centre for artificial "
                 "intelligence research next year</span> &gt; <a href='/n'>News</a></div>"
                 f"<div class='view'><p>{'The city will print 10,000 copies of the guide. ' * 3}</p></div>")
    assert _crumbs(html) == []


# --- a row of labels with empty values says nothing ------------------------------------------------

def test_an_empty_field_row_is_recorded_not_a_block_korean_and_english() -> None:
    for label in ("제목", "Title"):
        html = _page(f"<form><table><tr><th>{label}</th><td></td></tr><tr><th>작성자</th><td>관리자</td></tr></table></form>"
                     "<div class='view'><p>광주광역시는 23일 인공지능 산업 육성 계획을 발표했다. The city will print 10,000 copies.</p></div>")
        texts = [b.text for b in html_blocks(html)[0]]
        assert f"{label} :" not in texts and "작성자 : 관리자" in texts
        assert ("empty_field", label) in _removed(html)


def test_a_row_whose_value_is_a_link_or_an_image_is_no_empty_field() -> None:
    html = _page("<table><tr><th>첨부</th><td><a href='/f.hwp'><img src='hwp.png' alt=''></a></td></tr></table>")
    assert not any(rule == "empty_field" for rule, _ in _removed(html))
