"""Round 14 (meta14): which of a page's labelled dates is its own, in both languages.

A date row of a record (a form's, a statute's, a grant notice's 'label: value' rows) is the record's content, not the
page's byline: it stays in the body. A record's date of the document itself (its issue, edition, entry into force)
dates the page only when the page shows no posted or updated line of its own.
"""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.dates import names_document_date
from cityclips.transforms.metadata import find_metadata_run, parse_category_field
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Block, Document, RawPage

PROSE_EN = ("<p>This application is used by veterans who want to enrol in the health care system of the department "
            "and by those who want to update the information the department holds about them.</p>")
PROSE_KO = ("<p>이 서식은 공적자금 관리 업무를 처리하는 기관이 관계 기관에 자료를 요청할 때 사용하는 서식으로, 필요한 "
            "사항을 빠짐없이 적어 제출하여야 합니다.</p>")


def html_doc(body: str) -> Document:
    html = f"<html><head><title>Record</title></head><body><main>{body}</main></body></html>"
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


def body_lines(doc: Document) -> list[str]:
    return [segment.text for segment in doc.segments]


def form_record_en(reviewed: bool = True) -> str:
    return ("<h1>VA Form 10-0137 - Advance Directive</h1>" + PROSE_EN
            + "<p>File Type: PDF</p><p>Issue Date: 06/05/2003</p><p>Revision Date: 03/2011</p><p>Total Pages: 7</p>"
            + PROSE_EN + ("<p>Reviewed/Updated Date: July 31, 2012</p>" if reviewed else ""))


def form_record_ko(updated: bool = True) -> str:
    return ("<h1>공적자금 자료요청 서식</h1>" + PROSE_KO
            + "<p>서식번호 : 제12호</p><p>발행일 : 2025. 10. 1.</p><p>문서번호 : 2025-182</p><p>쪽수 : 3</p>"
            + PROSE_KO + ("<p>최종수정일 : 2025. 11. 20.</p>" if updated else ""))


# --- the document's own date beside the page's ------------------------------------------------------

def test_a_form_records_issue_date_gives_way_to_the_pages_updated_date_in_english() -> None:
    doc = html_doc(form_record_en())
    assert doc.metadata.published_at == datetime(2012, 7, 31)
    assert "Issue Date: 06/05/2003" in body_lines(doc)  # the record's row is the record's, in the body


def test_a_records_issue_date_gives_way_to_the_pages_modified_date_in_korean() -> None:
    doc = html_doc(form_record_ko())
    assert doc.metadata.published_at == datetime(2025, 11, 20)
    assert "발행일 : 2025. 10. 1." in body_lines(doc)


def test_with_no_date_of_its_own_the_page_takes_the_records_date_in_both_languages() -> None:
    english = html_doc(form_record_en(reviewed=False))
    assert english.metadata.published_at == datetime(2003, 6, 5)
    assert "Issue Date: 06/05/2003" in body_lines(english)
    korean = html_doc(form_record_ko(updated=False))
    assert korean.metadata.published_at == datetime(2025, 10, 1)
    assert "발행일 : 2025. 10. 1." in body_lines(korean)


# --- a posting date inside a record ------------------------------------------------------------------

def test_a_posted_date_row_of_a_notices_record_stays_in_the_body_and_dates_the_page() -> None:
    english = html_doc("<h1>Human Rights Technical Assistance</h1>" + PROSE_EN
                       + "<p>Document Type: Grants Notice</p><p>Funding Opportunity Number: 663-A-08-002</p>"
                       "<p>Posted Date: Nov 09, 2007</p><p>Closing Date for Applications: Dec 10, 2007</p>" + PROSE_EN)
    assert english.metadata.published_at == datetime(2007, 11, 9)
    assert "Posted Date: Nov 09, 2007" in body_lines(english)
    korean = html_doc("<h1>2025년 청년 인턴 모집</h1>" + PROSE_KO
                      + "<p>공고번호 : 제2025-30호</p><p>모집인원 : 3명</p><p>게시일 : 2025-05-01</p>" + PROSE_KO)
    assert korean.metadata.published_at == datetime(2025, 5, 1)
    assert "게시일 : 2025-05-01" in body_lines(korean)


def test_a_byline_beside_other_fields_is_still_the_pages_metadata() -> None:
    """A board's byline (writer, date, views) is no record row even with field rows beside it."""
    blocks = [Block(1, "시내버스 노선 개편", "heading"), Block(2, "작성자 : 대변인실", "p"), Block(3, "등록일 : 2024-01-05", "p"),
              Block(4, "조회수 : 12", "p"), Block(5, "분류 : 공지", "p"), Block(6, "첨부 : 없음", "p")]
    run = find_metadata_run(blocks)
    assert (run.start, run.end, run.fields.published_at) == (1, 4, datetime(2024, 1, 5))
    english = [Block(1, "Bus routes change", "heading"), Block(2, "Author: Press Office", "p"),
               Block(3, "Date: 2024-01-05", "p"), Block(4, "Views: 12", "p"), Block(5, "Type: Notice", "p"),
               Block(6, "Files: none", "p")]
    run = find_metadata_run(english)
    assert (run.start, run.end) == (1, 4)


def test_a_document_date_line_with_no_record_around_it_is_the_byline_as_before() -> None:
    for line in ("Issue Date: 06/05/2003", "발행일 : 2025. 10. 1."):
        blocks = [Block(1, "A title", "heading"), Block(2, line, "p"),
                  Block(3, "A paragraph of the article, long enough to be prose and not a record's row.", "p")]
        run = find_metadata_run(blocks)
        assert (run.start, run.end) == (1, 2) and run.fields.published_at is not None


def test_document_date_labels() -> None:
    assert all(names_document_date(label) for label in ("Issue Date", "EDITION DATE", "Revision Date", "Date issued",
                                                         "시행일", "발행일자", "개정일", "인쇄일"))
    assert not any(names_document_date(label) for label in ("Posted Date", "Reviewed/Updated Date", "Creation Date",
                                                             "등록일", "작성일", "게시일", "수정일"))


# --- the type of a record's document names its category ----------------------------------------------

def test_a_records_document_type_names_its_category_in_both_languages() -> None:
    assert parse_category_field("Document Type: Grants Notice") == "Grants Notice"
    assert parse_category_field("문서유형 : 공고") == "공고"
    assert parse_category_field("게시물 종류 : 보도자료") == "보도자료"


def test_a_files_format_and_a_tables_column_names_are_no_category() -> None:
    assert parse_category_field("Document Type: PDF") is None
    assert parse_category_field("문서유형 : HWP") is None
    assert parse_category_field("Document type : Committee : Reference : Date : Summary :") is None
    assert parse_category_field("문서유형 : 위원회 : 번호 : 일자 :") is None
