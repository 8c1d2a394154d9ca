"""Round 10 (meta10): soft hyphens, reversed path titles, reworded headings, unlabelled bylines, contacts."""
from __future__ import annotations

from cityclips.transforms.decode import normalise_text
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.reconcile import reconcile_metadata, title_hints
from cityclips.transforms.records import Document, MarkupMetadata, Metadata, RawPage


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


# --- soft hyphens -----------------------------------------------------------------------------------

def test_soft_hyphens_leave_text_in_both_languages() -> None:
    assert normalise_text("Attor\u00adney Gen\u00ader\u00adal") == "Attorney General"
    assert normalise_text("광주\u00ad광역시 보도\u00ad자료") == "광주광역시 보도자료"


def test_a_headline_written_with_soft_hyphens_is_the_title_without_them() -> None:
    body = "<p>" + "The office filed the lawsuit in state court on Tuesday after a long investigation. " * 3 + "</p>"
    doc = html_doc(f"<html><body><main><h1>Attor\u00adney Gen\u00ader\u00adal Sues Snap\u00adchat</h1>{body}</main></body></html>")
    assert doc.metadata.title == "Attorney General Sues Snapchat"
    korean = "<p>" + "광주광역시는 시민 안전 대책을 발표했다고 밝혔다. 대책은 올해 안에 시행된다. " * 3 + "</p>"
    doc = html_doc(f"<html><body><main><h1>광주\u00ad광역시 시민 안전 대책 발표</h1>{korean}</main></body></html>")
    assert doc.metadata.title == "광주광역시 시민 안전 대책 발표"


# --- a <title> written as a path from the page to the site -------------------------------------------

def test_a_reversed_path_title_gives_no_middle_step_as_a_headline_hint() -> None:
    korean = MarkupMetadata(titles=(("html_title", "상세보기 < 공고 < 암질환 사용약제 및 요법 < 약제기준정보 < 건강보험심사평가원"),))
    hints = [text for _, text in title_hints(korean)]
    assert "암질환 사용약제 및 요법" not in hints and not any("<" in hint for hint in hints)
    english = MarkupMetadata(titles=(("html_title", "Details < Public Notices < Drug Benefit Standards < Review Service"),))
    assert "Drug Benefit Standards" not in [text for _, text in title_hints(english)]


def test_a_path_titles_end_step_does_not_replace_a_visible_headline_line() -> None:
    korean = MarkupMetadata(titles=(("html_title", "상세보기 < 공고 < 약제기준정보 < 건강보험심사평가원"),))
    line = Metadata(title="암환자에게 처방·투여하는 약제에 대한 공고 개정 안내", title_source="text_line")
    assert reconcile_metadata(korean, line).title == line.title
    english = MarkupMetadata(titles=(("html_title", "Event Details < Calendar < Board of Elections"),))
    line = Metadata(title="Board meeting on the certification of the primary", title_source="text_line")
    assert reconcile_metadata(english, line).title == line.title
    # a visible pick of a word or two still gives way to the path's end step
    assert reconcile_metadata(english, Metadata(title="Calendar", title_source="text_line")).title == "Event Details"


# --- a visible heading that rewords the markup's headline -------------------------------------------

def test_a_heading_that_rewords_the_markup_headline_stays_in_both_languages() -> None:
    shown = "Parliament paves way for the use of EU funds to finance natural disaster recovery"
    og = "EP paves way for the use of EU funds to finance natural disaster recovery | News | European Parliament"
    english = MarkupMetadata(titles=(("opengraph", og), ("meta", og), ("html_title", og)))
    meta = reconcile_metadata(english, Metadata(title=shown, title_source="heading"))
    assert (meta.title, meta.title_source) == (shown, "opengraph")
    og = "광주광역시 새 공원 30곳 올해 안에 개장 | 보도자료 | 광주광역시청"
    korean = MarkupMetadata(titles=(("opengraph", og), ("meta", og)))
    shown = "광주시 새 공원 30곳 올해 안에 개장"
    assert reconcile_metadata(korean, Metadata(title=shown, title_source="heading")).title == shown
    # a heading that shares a word or two with the markup's headline is another line: the markup wins
    other = reconcile_metadata(korean, Metadata(title="광주시 새 소식 모음 안내", title_source="heading"))
    assert other.title != "광주시 새 소식 모음 안내"


# --- a byline without labels under the title ---------------------------------------------------------

def _board_view(title: str, values: list[str], body: str) -> str:
    items = "".join(f"<li>{value}</li>" for value in values)
    return (f"<html><body><main><div class='view'><div class='title'>{title}</div><ul class='writer'>{items}</ul>"
            f"<div class='text'><p>{body}</p><p>{body}</p></div></div></main></body></html>")


def test_an_unlabelled_byline_under_a_korean_board_title_gives_the_date_and_views() -> None:
    doc = html_doc(_board_view("암환자 약제 공고 개정 안내", ["약제기준부", "2025-09-25", "1,504"],
                               "관련 세부사항을 붙임과 같이 개정함을 알려드리오니 관련업무에 참고하시기 바랍니다."))
    meta = doc.metadata
    assert (meta.published_at.date().isoformat(), meta.view_count) == ("2025-09-25", 1504)
    assert not any(s.text in ("2025-09-25", "1,504", "약제기준부") for s in doc.segments)


def test_an_unlabelled_byline_under_an_english_title_gives_the_date_and_views() -> None:
    doc = html_doc(_board_view("Notice of the revised drug benefit standards", ["Benefits Office", "February 6, 2026", "312"],
                               "The revised standards take effect on the first of next month for every listed treatment."))
    meta = doc.metadata
    assert (meta.published_at.date().isoformat(), meta.view_count) == ("2026-02-06", 312)


def test_a_date_alone_under_a_headline_dates_the_page_and_stays_text() -> None:
    body = "<p>" + "The defendant pleaded guilty today in the county court to one count of money laundering. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><h1>Fourth Defendant Pleads Guilty in Ponzi Scheme</h1><p>2/6/2026</p>{body}"
                   "</main></body></html>")
    assert doc.metadata.published_at.date().isoformat() == "2026-02-06"
    korean = "<p>" + "시는 올해 안에 새 공원 서른 곳을 차례로 개장한다고 밝혔다. 공원은 시민 누구나 쓸 수 있다. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><h1>광주시 새 공원 30곳 개장 발표</h1><p>2025.12.06</p>{korean}</main></body></html>")
    assert doc.metadata.published_at.date().isoformat() == "2025-12-06"
    assert any(s.text == "2025.12.06" for s in doc.segments)


def test_a_meetings_heading_time_and_place_are_no_byline() -> None:
    from cityclips.transforms.metadata import parse_bare_byline
    assert parse_bare_byline(["Regular Meeting", "1/7/2019 6:30 PM", "City Council Chamber"]) is None
    assert parse_bare_byline(["정기회의", "2025-09-25", "시청 대회의실"]) is None
    assert parse_bare_byline(["Tuesday, June 02, 2026"]) is None  # a weekday leads an event's date
    assert parse_bare_byline(["2025-09-01", "2025-09-30"]) is None  # a period
    assert parse_bare_byline(["약제기준부", "2025-09-25", "1,504"]).view_count == 1504


def test_beside_a_date_and_a_count_the_bylines_name_is_the_writer() -> None:
    from cityclips.transforms.metadata import parse_bare_byline
    assert parse_bare_byline(["약제기준부", "2025-09-25", "1,504"]).author == "약제기준부"
    assert parse_bare_byline(["Benefits Office", "February 6, 2026", "312"]).author == "Benefits Office"
    assert parse_bare_byline(["Benefits Office", "February 6, 2026"]).author is None  # a place or a section as well


# --- contact fields a board's table or list gives -------------------------------------------------------

def test_an_inquiry_phone_field_and_its_range_of_lines_give_the_contact() -> None:
    from cityclips.transforms.metadata import as_contact, merge_fields, parse_field
    korean = merge_fields(parse_field("담당부서", "약제기준부"), parse_field("문의전화", "033-739-1322~1329"))
    assert as_contact(korean)[1] == ("약제기준부", "033-739-1322~1329")
    english = merge_fields(parse_field("Department", "Harbor Commission Office"),
                           parse_field("Contact number", "(310) 732-3444"))
    assert as_contact(english)[1] == ("Harbor Commission Office", "(310) 732-3444")


def test_a_dl_contact_box_with_an_inquiry_phone_gives_the_pages_contact() -> None:
    body = "<p>" + "관련 세부사항을 붙임과 같이 개정함을 알려드리오니 관련업무에 참고하시기 바랍니다. " * 3 + "</p>"
    doc = html_doc(f"<html><body><main><h1>암환자 약제 공고 개정 안내</h1>{body}</main><footer><dl class='info'>"
                   "<dt>담당부서</dt><dd>약제기준부</dd><dt>문의전화</dt><dd>033-739-1322~1329</dd><dt>팩스</dt>"
                   "<dd>033-811-7372</dd></dl></footer></body></html>")
    assert (doc.metadata.contact_department, doc.metadata.contact_phone) == ("약제기준부", "033-739-1322~1329")


# --- the section a heading above the breadcrumb names --------------------------------------------------

def _sectioned_page(heading: str, steps: list[str], title: str, paragraph: str) -> str:
    crumbs = "".join(f"<li>{step}</li>" for step in steps)
    return (f"<html><body><div id='head'><h3>{heading}</h3><ul><li><a href='/a'>Menu one</a></li><li><a href='/b'>Menu two"
            f"</a></li></ul></div><div class='content'><ol class='breadcrumb'>{crumbs}</ol><div class='view'>"
            f"<div class='title'>{title}</div>{f'<p>{paragraph}</p>' * 6}</div></div></body></html>")


def test_a_heading_above_the_breadcrumb_gives_way_to_the_paths_end() -> None:
    korean = _sectioned_page("약제기준정보", ["홈", "제도·정책", "약제기준정보", "공고"], "암환자 약제 공고 개정 안내",
                             "관련 세부사항을 붙임과 같이 개정함을 알려드리오니 관련업무에 참고하시기 바랍니다. 시행일은 다음 달 1일입니다.")
    assert html_doc(korean).metadata.category == "공고"
    english = _sectioned_page("Drug Standards", ["Home", "Policy", "Drug Standards", "Notices"], "Revised drug benefit standards",
                              "The revised standards take effect on the first of next month for every listed treatment.")
    assert html_doc(english).metadata.category == "Notices"


# --- a contact box: its label alone, then the name and the number ----------------------------------------

def test_a_contact_box_gives_the_number_and_the_department_it_names() -> None:
    from cityclips.transforms.metadata import parse_contact_box
    assert parse_contact_box(["Contact:", "Board of Education Office", "678-676-0027"]) == ("Board of Education Office",
                                                                                           "678-676-0027")
    assert parse_contact_box(["MEDIA CONTACT:", "Steve Irwin: 614-728-5417"]) == (None, "614-728-5417")
    assert parse_contact_box(["6. 문의처 :", "창업지원단", "053-810-4358"]) == ("창업지원단", "053-810-4358")
    assert parse_contact_box(["문의 :", "김민국 주무관", "062-613-2321"]) == (None, "062-613-2321")  # a person, no department
    # a sentence or an address after the label is no contact box
    assert parse_contact_box(["Contact:", "Please call the office before noon.", "678-676-0027"]) is None
    assert parse_contact_box(["문의처 :", "광주광역시 서구 내방로 111", "062-613-2321"]) is None


def test_a_contact_box_in_the_body_gives_the_pages_contact_in_both_languages() -> None:
    text = "<p>" + "All business meetings begin at one in the afternoon and are held in the board room downtown. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><h1>Board of Education Meeting</h1>{text}<p>Contact:</p>"
                   "<p>Board of Education Office</p><p>678-676-0027</p></main></body></html>")
    assert (doc.metadata.contact_department, doc.metadata.contact_phone) == ("Board of Education Office", "678-676-0027")
    text = "<p>" + "캠프는 현지 산업 시찰과 창업 현장 분석으로 참가자의 창업 역량을 높이는 프로그램입니다. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><h1>글로벌 창업 캠프 참가자 모집</h1>{text}<p>문의처 :</p>"
                   "<p>창업지원단</p><p>053-810-4358</p></main></body></html>")
    assert (doc.metadata.contact_department, doc.metadata.contact_phone) == ("창업지원단", "053-810-4358")


# --- the section a labelled field names ------------------------------------------------------------------

def test_a_category_field_names_the_section_in_both_languages() -> None:
    from cityclips.transforms.metadata import parse_category_field
    assert parse_category_field("Category:", "BOC Meeting") == "BOC Meeting"
    assert parse_category_field("February 11, 2026 | Topic: Peoples AG") == "Peoples AG"
    assert parse_category_field("Category: Public Forum, Public Hearing") == "Public Forum"
    assert parse_category_field("분류 : 공지사항") == "공지사항"
    assert parse_category_field("카테고리 :", "신규사업공모") == "신규사업공모"
    # a label inside the text, a sentence or a long value names no section
    assert parse_category_field("※ 해양바이오산업 분류 : 해양바이오식품, 해양바이오의약") is None
    assert parse_category_field("Category:", "Meetings are held on the first Monday of each month.") is None
    assert parse_category_field("분류 :", "이 사업은 도내 기업의 수출을 돕기 위한 지원 사업으로 올해 처음 시행됩니다") is None


def test_a_category_field_beats_the_line_above_the_title() -> None:
    text = "<p>" + "The Board of Commissioners meets as a committee of the whole to review the county's agenda. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><p>Event Popup</p><h1>Committee of the Whole</h1>{text}<h2>Category:</h2>"
                   "<h4>BOC Meeting</h4></main></body></html>")
    assert doc.metadata.category == "BOC Meeting"
    text = "<p>" + "시는 올해 안에 새 공원 서른 곳을 차례로 개장한다고 밝혔다. 공원은 시민 누구나 쓸 수 있다. " * 2 + "</p>"
    doc = html_doc(f"<html><body><main><p>알림마당</p><h1>새 공원 30곳 개장 안내</h1><p>분류 : 공지사항</p>{text}"
                   "</main></body></html>")
    assert doc.metadata.category == "공지사항"


def test_an_address_above_the_title_is_no_category() -> None:
    shown = Metadata(title="Attorney General Sues Over Clean Air Rule", title_source="heading", category="RPickett@oag.state.va.us")
    assert reconcile_metadata(MarkupMetadata(), shown).category is None
    shown = Metadata(title="광주시 새 공원 30곳 개장", title_source="heading", category="www.gwangju.go.kr")
    assert reconcile_metadata(MarkupMetadata(), shown).category is None


# --- a breadcrumb that ends with the page's headline -------------------------------------------------------

def test_a_path_that_ends_with_the_headline_is_a_breadcrumb_naming_the_step_before() -> None:
    from cityclips.transforms.metadata import parse_breadcrumb
    english = "Media > News Releases > February 2026 > Fourth Defendant Pleads Guilty in Decade-long Ponzi Scheme"
    assert parse_breadcrumb(english) == "February 2026"
    korean = "알림마당 > 시정소식 > 보도자료 > 광주시 새 공원 30곳 올해 안에 차례로 개장 예정"
    assert parse_breadcrumb(korean) == "보도자료"
    # two arrows in a sentence are directions, not a path
    assert parse_breadcrumb("Settings > Privacy > then clear your browsing data and restart the browser") is None


def test_the_breadcrumb_above_the_headline_leaves_the_body_and_the_headline_stays_the_title() -> None:
    text = "<p>" + "The spouse of a former manager has pleaded guilty prior to trial in the county court today. " * 2 + "</p>"
    doc = html_doc("<html><head><title>Fourth Defendant Pleads Guilty in Decade-long Ponzi Scheme - Ohio Attorney General"
                   "</title></head><body><main><p>Media &gt; News Releases &gt; February 2026 &gt; Fourth Defendant Pleads "
                   "Guilty in Decade-long Ponzi Scheme</p><h1>News Releases</h1><h2>Fourth Defendant Pleads Guilty in "
                   f"Decade-long Ponzi Scheme</h2><p>2/6/2026</p>{text}</main></body></html>")
    assert doc.metadata.title == "Fourth Defendant Pleads Guilty in Decade-long Ponzi Scheme"
    assert doc.metadata.published_at.date().isoformat() == "2026-02-06"  # the line under the headline dates it
    assert not any(">" in s.text for s in doc.segments)
    text = "<p>" + "시는 올해 안에 새 공원 서른 곳을 차례로 개장한다고 밝혔다. 공원은 시민 누구나 쓸 수 있다. " * 2 + "</p>"
    doc = html_doc("<html><head><title>광주시 새 공원 30곳 올해 안에 차례로 개장 예정 - 광주광역시</title></head><body><main>"
                   "<p>알림마당 &gt; 시정소식 &gt; 보도자료 &gt; 광주시 새 공원 30곳 올해 안에 차례로 개장 예정</p><h1>보도자료</h1>"
                   f"<h2>광주시 새 공원 30곳 올해 안에 차례로 개장 예정</h2><p>2025.12.06</p>{text}</main></body></html>")
    assert doc.metadata.title == "광주시 새 공원 30곳 올해 안에 차례로 개장 예정"
    assert doc.metadata.published_at.date().isoformat() == "2025-12-06"
    assert not any(">" in s.text for s in doc.segments)


def test_an_inquiry_line_between_the_title_and_the_text_gives_the_phone_wherever_the_region_put_it() -> None:
    text = "<p>" + "The settlement compensates the state's programmes for the excess emissions of the engines sold. " * 3 + "</p>"
    doc = html_doc("<html><body><div class='head'><h1>Attorney General Announces Settlement with Engine Maker</h1>"
                   "<p>Wednesday, January 15, 2025</p><p>Contact: (916) 210-6000, press@doj.ca.gov</p></div>"
                   f"<main><article>{text}{text}</article></main></body></html>")
    assert doc.metadata.contact_phone == "(916) 210-6000"
    text = "<p>" + "시는 올해 안에 새 공원 서른 곳을 차례로 개장한다고 밝혔다. 공원은 시민 누구나 쓸 수 있다. " * 3 + "</p>"
    doc = html_doc("<html><body><div class='head'><h1>광주시 새 공원 30곳 개장 발표</h1><p>2025.12.06</p>"
                   f"<p>문의 : 062-613-2321</p></div><main><article>{text}{text}</article></main></body></html>")
    assert doc.metadata.contact_phone == "062-613-2321"
