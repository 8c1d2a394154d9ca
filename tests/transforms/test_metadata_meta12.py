"""Round 12 (meta12): metadata fields of unseen sites' record tables and dates, in both languages."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.dates import classify_date_label
from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import markup_metadata
from cityclips.transforms.metadata import parse_field
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


def board(rows: str):
    return markup_metadata(parse_html(f"<html><body><table>{rows}</table><p>본문</p></body></html>")).board


# --- a label cell naming two fields ---------------------------------------------------------------

def test_a_label_naming_two_fields_gives_both_in_korean_and_english() -> None:
    korean = parse_field("작성자(전화번호)", "박인현 (02-2133-4316)")
    assert (korean.author, korean.phone) == ("박인현", "02-2133-4316")
    english = parse_field("Author (Phone)", "Jane Doe (517-284-6135)")
    assert (english.author, english.phone) == ("Jane Doe", "517-284-6135")


def test_a_bracketed_label_of_no_known_field_names_nothing() -> None:
    assert parse_field("비고(기타)", "홍길동 (없음)") is None
    assert parse_field("Notes (other)", "Jane Doe (none)") is None


# --- departments a record's table names -----------------------------------------------------------

def test_a_department_cell_alone_is_the_pages_department_in_both_languages() -> None:
    assert parse_field("부서", "디지털기술융합센터").department == "디지털기술융합센터"
    assert parse_field("Responsible department", "Family Self Sufficiency").department == "Family Self Sufficiency"
    assert parse_field("부서", "2025-06-04") is None  # a date is no department's name


def test_the_institution_in_charge_fills_the_department_only_when_none_is_named() -> None:
    assert board("<tr><th>주관 기관</th><td>청년사업담당관</td></tr>").department == "청년사업담당관"
    assert board("<tr><th>Sponsor</th><td>Civilian Oversight Board</td></tr>").department == "Civilian Oversight Board"
    # the office named by a department's own label wins over the institution, whichever row comes first
    both = board("<tr><th>주관기관</th><td>중소기업기술정보진흥원</td></tr><tr><th>담당부서</th><td>R&amp;D 콜센터</td></tr>")
    assert both.department == "R&D 콜센터"
    english = board("<tr><th>Organizer</th><td>Port of Los Angeles</td></tr>"
                    "<tr><th>Department</th><td>Harbor Commission Office</td></tr>")
    assert english.department == "Harbor Commission Office"


def test_a_run_by_label_without_a_date_is_read_as_a_field_not_dropped_as_an_event() -> None:
    # '운영' (run, held) makes '운영기간' an event's period; '운영기관' with a name after it is the institution
    assert board("<tr><th>운영기관</th><td>관악구청 자치행정과</td></tr>").department == "관악구청 자치행정과"


def test_a_writers_cell_after_the_departments_names_the_author() -> None:
    rows = "<tr><th>부서명</th><td>미래청년기획관 청년사업담당관</td></tr><tr><th>작성자</th><td>박인현</td></tr>"
    assert (board(rows).author, board(rows).department) == ("박인현", "미래청년기획관 청년사업담당관")
    english = board("<tr><th>Department</th><td>Office of Communications</td></tr><tr><th>Author</th><td>Jane Doe</td></tr>")
    assert (english.author, english.department) == ("Jane Doe", "Office of Communications")


def test_a_person_in_charge_after_the_department_is_no_writer() -> None:
    rows = "<tr><th>담당부서</th><td>교통과</td></tr><tr><th>담당자</th><td>이준호</td></tr>"
    assert board(rows).author == "교통과"  # the department still stands for the author; reconcile makes it the contact


# --- the department answers for the page ----------------------------------------------------------

KOREAN_RECORD = """<html lang="ko"><head><title>2025년 서울 청년수당 12월분 지급(2차)</title></head><body>
<h1>2025년 서울 청년수당 12월분 지급(2차)</h1>
<table><tr><th>기관명</th><td>서울시</td><th>부서명</th><td>미래청년기획관 청년사업담당관</td></tr>
<tr><th>문서번호</th><td>청년사업담당관-12227</td><th>생산일자</th><td>2025-12-17</td></tr>
<tr><th>작성자(전화번호)</th><td>박인현 (02-2133-4316)</td><th>관리번호</th><td>D0000055166004</td></tr></table>
<p>서울시는 청년수당 12월분을 지급하였습니다. 지급 명단은 붙임 문서와 같습니다.</p>
</body></html>"""

ENGLISH_EVENT = """<html lang="en"><head><title>Open Board Meeting</title></head><body>
<h1>Open Board Meeting</h1>
<p>The Civilian Oversight Board will have an open board meeting via teleconference, open to every resident.</p>
<dl><dt>Sponsor</dt><dd>Civilian Oversight Board</dd></dl>
</body></html>"""


def test_a_korean_document_register_gives_writer_date_department_and_phone() -> None:
    meta = html_doc(KOREAN_RECORD).metadata
    assert meta.author == "박인현"
    assert meta.published_at == datetime(2025, 12, 17)
    assert (meta.contact_department, meta.contact_phone) == ("미래청년기획관 청년사업담당관", "02-2133-4316")


def test_an_english_sponsor_field_is_whom_to_ask_about_the_page() -> None:
    assert html_doc(ENGLISH_EVENT).metadata.contact_department == "Civilian Oversight Board"


# --- dates ------------------------------------------------------------------------------------------

def test_a_documents_production_date_is_its_publication_date_in_both_languages() -> None:
    assert classify_date_label("생산일자") == "published"
    assert classify_date_label("Date produced") == "published"


def test_the_office_within_the_institution_in_charge_says_more() -> None:
    rows = "<tr><th>주관 기관</th><td>관악구청</td></tr><tr><th>운영기관</th><td>관악구청 자치행정과</td></tr>"
    assert board(rows).department == "관악구청 자치행정과"
    english = board("<tr><th>Sponsor</th><td>Port of Los Angeles</td></tr>"
                    "<tr><th>Organizer</th><td>Port of Los Angeles Harbor Commission Office</td></tr>")
    assert english.department == "Port of Los Angeles Harbor Commission Office"


def test_a_form_controls_label_is_no_field() -> None:
    page = ("<html><body><form><label>운영기관</label><div><select><option>전체</option><option>단과대학</option>"
            "</select></div></form><p>본문</p></body></html>")
    assert markup_metadata(parse_html(page)).board.department is None


def _class_dates(body: str) -> list[datetime]:
    return [d.value for d in markup_metadata(parse_html(f"<html><body>{body}<p>본문</p></body></html>")).published]


def test_the_first_day_of_a_period_still_open_is_no_date_of_the_page() -> None:
    assert _class_dates('<span class="session-date-range">Monday, November 22, 2021, to present</span>') == []
    assert _class_dates('<span class="date">2024.03.01 ~ 현재</span>') == []
    assert _class_dates('<span class="date">2024.03.01부터</span>') == []
    # a day alone in the same element is the page's
    assert _class_dates('<span class="date">Monday, November 22, 2021</span>') == [datetime(2021, 11, 22)]
    assert _class_dates('<span class="date">2024.03.01</span>') == [datetime(2024, 3, 1)]


def test_the_name_of_the_pages_view_is_no_section_in_both_languages() -> None:
    from cityclips.transforms.reconcile import reconcile_metadata
    from cityclips.transforms.records import MarkupMetadata, Metadata

    def category(text: str) -> str | None:
        return reconcile_metadata(MarkupMetadata(), Metadata(title="Board Meeting", category=text)).category

    assert [category(t) for t in ("Event Detail", "BC Event Detail", "News View", "상세보기", "게시물 상세")] == [None] * 5
    assert [category(t) for t in ("City Events", "Board Meetings", "공지사항", "보도자료")] \
        == ["City Events", "Board Meetings", "공지사항", "보도자료"]


# --- rows of a label cell, a colon cell and a value cell ------------------------------------------------

def test_a_day_month_name_and_year_joined_by_hyphens_is_a_date() -> None:
    from cityclips.transforms.dates import parse_date
    assert parse_date("10-Mar-2026 10:34 PM")[0] == datetime(2026, 3, 10, 22, 34)
    assert parse_date("ePublished 10-MAR-2026")[0] == datetime(2026, 3, 10)


def test_a_colon_rows_label_gives_the_title_and_dates_but_no_writer_in_both_languages() -> None:
    english = markup_metadata(parse_html(
        "<html><body><table><tr><td>Tender Title</td><td><b>:</b></td><td>65/Hubli/AE-DSD/e-Tender/2025-26</td></tr>"
        "<tr><td>ePublished Date</td><td><b>:</b></td><td>10-Mar-2026 10:34 PM</td></tr>"
        "<tr><td>Name</td><td>:</td><td>AE-C-6</td></tr></table></body></html>"))
    assert english.board_title == "65/Hubli/AE-DSD/e-Tender/2025-26"
    assert (english.board.published_at, english.board.author) == (datetime(2026, 3, 10, 22, 34), None)
    korean = markup_metadata(parse_html(
        "<html><body><table><tr><td>공고 제목</td><td>：</td><td>2025년 입주기업 모집</td></tr>"
        "<tr><td>등록일</td><td>:</td><td>2025-06-05</td></tr><tr><td>작성자</td><td>:</td><td>홍길동</td></tr>"
        "</table></body></html>"))
    assert korean.board_title == "2025년 입주기업 모집"
    assert (korean.board.published_at, korean.board.author) == (datetime(2025, 6, 5), None)


def test_a_glossary_term_ending_in_title_is_no_title_field() -> None:
    page = "<html><body><dl><dt>Native title</dt><dd>A form of communal title over land.</dd></dl></body></html>"
    assert markup_metadata(parse_html(page)).board_title is None


def test_a_records_number_its_title_field_states_beats_a_part_of_the_html_title() -> None:
    english = html_doc("<html lang='en'><head><title>Tender Full View | Procurement Portal</title></head><body><table>"
                       "<tr><th>Title</th><td>65/Hubli/AE-DSD/e-Tender/2025-26</td></tr></table>"
                       "<p>Construction of a compound wall for the staff quarters at Hubli, with gates and drains.</p>"
                       "</body></html>").metadata
    assert english.title == "65/Hubli/AE-DSD/e-Tender/2025-26"
    korean = html_doc("<html lang='ko'><head><title>공고 상세보기 | 조달청</title></head><body><table>"
                      "<tr><th>제목</th><td>제2025-06호 입찰공고</td></tr></table>"
                      "<p>청사 담장 설치 공사의 입찰을 다음과 같이 공고합니다. 많은 참여 바랍니다.</p></body></html>").metadata
    assert korean.title == "제2025-06호 입찰공고"
