"""Attachments (transforms/attachments.py), round 14: a link shown as a download by the type the page names for it
(a format table's 'PDF' cell, a '(HWP)' or 'File Type: PDF' line beside it), the same document's other formats beside
it, a download count closing a link's file name, and a file listed but not public ('비공개 문서': withheld)."""
from __future__ import annotations

import pyarrow as pa
import pytest

from cityclips.transforms.attachments import (ATTACHMENT_RULE, is_withheld_remark, listed_files, read_attachments,
                                              set_apart_attachment_lines, shown_types)
from cityclips.transforms.html import parse_html
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Attachment, Block, CleanPage, Document, Metadata, RawPage
from cityclips.warehouse.schemas import ATTACHMENTS

PAGE_URL = "https://www.example.go.kr/board/view.do?id=7"


def _read(body: str) -> list[tuple]:
    root = parse_html(f"<html><body><div class='content'>{body}</div></body></html>")
    return [(a.name, a.extension, a.size_bytes, a.downloads, a.url) for a in read_attachments(root, PAGE_URL)]


def _format_row(label: str, href: str, text: str) -> str:
    return f"<table><tr><td><b>{label}</b></td><td><a href='{href}'>{text}</a></td><td>Pick a format.</td></tr></table>"


# --- a format table: the label in one cell, a link reading the file's type in the next -------------------

def test_a_format_tables_type_link_is_an_attachment_english() -> None:
    # f1306/f1311: 'Fillable Adobe:' | 'PDF-Ext' (a DoD form record), no icon, size or 'Attachments' label
    got = _read(_format_row("Fillable form:", "/forms/dd0003.pdf", "PDF-Ext"))
    assert got == [("dd0003.pdf", "pdf", None, None, "https://www.example.go.kr/forms/dd0003.pdf")]


def test_a_format_tables_type_link_is_an_attachment_korean() -> None:
    got = _read(_format_row("서식 파일", "/upload/%EC%8B%A0%EC%B2%AD%EC%84%9C.hwp", "HWP"))
    assert got == [("신청서.hwp", "hwp", None, None, "https://www.example.go.kr/upload/%EC%8B%A0%EC%B2%AD%EC%84%9C.hwp")]


@pytest.mark.parametrize("body", [
    "<p>Read the <a href='/news/2024/release_en.pdf'>PDF version</a></p>",  # a press release's print copy (f901)
    "<p><em>(<a href='/files/agenda-9-13.pdf'>CLICK HERE FOR PDF</a>)</em></p>",  # a paragraph's link (r304)
    _format_row("Fillable:", "/forms/dd0003.pdf", "HWP"),  # the cell names another type than the link's
    "<table><tr><td><a href='/forms/dd0003.pdf'>PDF</a></td></tr></table>",  # no label cell before it
    "<p>자세한 내용은 <a href='/files/계획.hwp'>한글 문서</a>를 보세요.</p>",  # a sentence's link
])
def test_a_type_in_a_links_text_outside_a_format_table_is_no_sign(body: str) -> None:
    assert _read(body) == []


# --- the type shown beside the link, or on the line under it --------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("<p><a href='/f/va-10-10ez.pdf'>VA Form 10-10EZ - Application for health benefits</a><br>"
     "<label>File Type:&nbsp;</label> PDF<br><label>Issue Date:</label> 08/06/2004</p>", "va-10-10ez.pdf"),  # f1304
    ("<p><a href='/f/annual_report.pdf'>Annual report</a> (PDF)</p>", "annual_report.pdf"),
])
def test_a_type_beside_the_link_or_on_its_next_line_makes_it_a_download_english(body: str, name: str) -> None:
    assert [row[:2] for row in _read(body)] == [(name, "pdf")]


@pytest.mark.parametrize("body, name", [
    ("<p><a href='/f/%EC%8B%A0%EC%B2%AD%EC%84%9C.hwpx'>신청서 양식</a> [한글]</p>", "신청서.hwpx"),
    ("<p><a href='/f/form2.hwp'>참가 신청서</a><br>파일 형식: HWP<br>등록일: 2024-05-01</p>", "form2.hwp"),
])
def test_a_type_beside_the_link_or_on_its_next_line_makes_it_a_download_korean(body: str, name: str) -> None:
    assert [row[0] for row in _read(body)] == [name]


def test_a_type_that_is_not_the_links_own_or_a_long_line_is_no_sign() -> None:
    assert _read("<p><a href='/f/report.pdf'>Report</a> (HWP)</p>") == []  # another type than the link's
    assert _read("<p><a href='/f/report.pdf'>Report</a><br>This report explains in many words why the PDF was "
                 "late and what the committee did about it.</p>") == []  # a sentence, no facts line


def test_shown_types_reads_extensions_and_programs_as_words() -> None:
    assert shown_types("(한글, 120 KB)") == {"hwp"} and shown_types("HWPX") == {"hwp"}
    assert shown_types("MS Word, 35KB") == {"doc"} and shown_types("PDF (1.2 MB)") == {"pdf"}
    assert shown_types("한글날 행사") == set() and shown_types("the pdfs") == set()


# --- the same document's other formats beside it --------------------------------------------------------

def test_a_documents_other_formats_beside_it_are_attachments_english() -> None:
    # f1311: the form as PDF, PerFORM Pro and FormFlow files: the last two's extensions are no document's
    body = (_format_row("Fillable Adobe:", "/eforms/dd0285.pdf", "PDF") + _format_row("Perform Pro:", "/eforms/dd0285.frl", "PERF")
            + _format_row("Form Flow 2.0:", "/eforms/dd0285.frz", "FF 2.0"))
    assert [row[:2] for row in _read(body)] == [("dd0285.pdf", "pdf"), ("dd0285.frl", "frl"), ("dd0285.frz", "frz")]


def test_a_documents_other_formats_beside_it_are_attachments_korean() -> None:
    body = ("<b>첨부파일</b><ul><li><a href='/files/공고문.pdf'>공고문.pdf</a></li>"
            "<li><a href='/files/공고문.hwpx'>한컴 문서</a></li><li><a href='/files/공고문.egg2'>압축</a></li></ul>")
    assert [row[:2] for row in _read(body)] == [("공고문.pdf", "pdf"), ("공고문.hwpx", "hwpx"), ("공고문.egg2", "egg2")]


@pytest.mark.parametrize("href", ["/eforms/dd0285.html", "/eforms/dd0285.do", "/other/dd0285.frl", "/eforms/dd0286.frl"])
def test_a_web_page_or_another_paths_file_is_no_other_format(href: str) -> None:
    body = _format_row("Fillable Adobe:", "/eforms/dd0285.pdf", "PDF") + f"<p><a href='{href}'>More</a></p>"
    assert [row[0] for row in _read(body)] == ["dd0285.pdf"]


# --- a download count closing a link's file name ---------------------------------------------------------

@pytest.mark.parametrize("text, size, count", [
    ("공고문.hwp (120KB) 다운로드 12회", 120 * 1024, 12),
    ("Agenda.pdf 1.5 MB, Downloads: 3", round(1.5 * 1024 ** 2), 3),
    ("신청서.hwpx 35.5KB / 다운로드 7", round(35.5 * 1024), 7),  # a bare size, then the count
])
def test_a_download_count_in_the_links_text_is_a_field_not_the_name(text: str, size: int, count: int) -> None:
    got = _read(f"<b>첨부파일</b><ul><li><a href='/down.do?id=3'>{text}</a></li></ul>")
    assert [(name, s, c) for name, _, s, c, _ in got] == [(text.split(" ")[0], size, count)]


def test_a_preview_link_beside_a_file_is_no_second_file() -> None:
    body = ("<b>첨부파일</b><ul><li><a href='/files/공고문.hwp'>공고문.hwp</a> <a href='/preview.do?file=공고문.hwp'>바로보기</a>"
            "</li><li><a href='/files/agenda.pdf'>agenda.pdf</a> <a href='/viewer?file=agenda.pdf'>Preview</a></li></ul>")
    assert [row[0] for row in _read(body)] == ["공고문.hwp", "agenda.pdf"]


# --- a file listed but not public -------------------------------------------------------------------------

@pytest.mark.parametrize("remark, withheld", [
    ("비공개 문서", True), ("(비공개)", True), ("열람 제한", True), ("Not publicly available", True), ("Restricted", True),
    ("비공개 세부기준 안내", False), ("Restricted parking on Main Street", False), ("공개", False),
])
def test_a_withheld_remark_is_a_word_or_three_saying_not_public(remark: str, withheld: bool) -> None:
    assert is_withheld_remark(remark) is withheld


def test_a_listed_file_whose_next_item_says_not_public_is_withheld_korean_and_english() -> None:
    blocks = [Block(1, "(붙임1) 지급명단.xlsx", hint="li"), Block(2, "비공개 문서", hint="li"),
              Block(3, "(붙임2) 운영계획.hwpx", hint="li"), Block(4, "Minutes.pdf", hint="li"),
              Block(5, "Not publicly available", hint="li"), Block(6, "Budget.pdf (Restricted)", hint="li")]
    assert [(a.name, a.withheld) for a in listed_files(blocks)] == [
        ("(붙임1) 지급명단.xlsx", True), ("(붙임2) 운영계획.hwpx", None), ("Minutes.pdf", True), ("Budget.pdf", True)]


def _page(items: str) -> Document:
    html = (f"<html><head><title>결재문서 - 청년수당 지급</title></head><body><main><h1>청년수당 12월분 지급</h1>"
            f"<p>서울시는 12월분 청년수당을 지급했다. 지급 대상은 모두 3천 명이며 지급액은 1인당 50만 원이다.</p>"
            f"<p>The city paid the December youth allowance to three thousand people this week.</p>"
            f"<h4>첨부파일</h4><ul>{items}</ul></main></body></html>")
    result = process_page(RawPage("opengov.example.go.kr/view.html", html.encode("utf-8"), "html"))
    assert isinstance(result, Document)
    return result


def test_a_not_public_remark_leaves_the_body_with_its_file() -> None:
    # f1109: each file's item, then '비공개 문서' under it, with no link: the remark is the file's, not a paragraph
    item = ("<li><p class='file-down'></p><p class='title-down'><span>{}</span></p>"
            "<span class='btn-downset'><span class='txt-notopen'>{}</span></span><p></p></li>")
    doc = _page(item.format("(붙임1) 지급명단.xlsx", "비공개 문서") + item.format("Payment plan.pdf", "Not publicly available"))
    assert [(a.name, a.withheld) for a in doc.metadata.attachments] == [("(붙임1) 지급명단.xlsx", True),
                                                                       ("Payment plan.pdf", True)]
    assert not any("비공개" in s.text or "publicly" in s.text for s in doc.segments)
    set_apart = " ".join(r.text for r in doc.removed if r.rule == ATTACHMENT_RULE)
    assert "비공개 문서" in set_apart and "Not publicly available" in set_apart
    assert any("청년수당" in s.text for s in doc.segments)


def test_the_attachments_table_has_a_nullable_boolean_withheld_column() -> None:
    field = ATTACHMENTS.field("withheld")
    assert field.type == pa.bool_() and field.nullable


@pytest.mark.parametrize("name, remark", [("(붙임2) 운영계획.hwpx", "비공개 문서"), ("Payment plan.pdf", "Not publicly available")])
def test_the_not_public_line_under_a_files_line_is_set_apart_with_it(name: str, remark: str) -> None:
    # f1109: the file's item and its remark are two blocks; the remark elsewhere (not under a file's line) stays
    body = (Block(1, "Body text of the notice."), Block(2, name, hint="li"), Block(3, remark, hint="li"),
            Block(4, "Next paragraph."), Block(5, remark))
    page = CleanPage("p.html", "html", Metadata(attachments=(Attachment(1, name, name.rsplit(".", 1)[1], None, None),)),
                     body, (), ())
    got = set_apart_attachment_lines(page)
    assert [b.line_no for b in got.body] == [1, 4, 5]
    assert [(r.line_no, r.rule) for r in got.removed] == [(2, ATTACHMENT_RULE), (3, ATTACHMENT_RULE)]


def test_one_scripts_name_shared_by_many_files_names_none_of_them() -> None:
    # p10e15: a court's opinions, each 'PDF' in a format cell, all served by 'DisplayDocument.pdf?seqNo=...'
    rows = "".join(f"<tr><td>Case {n}</td><td><a href='/sc/DisplayDocument.pdf?seqNo={n}'>PDF</a></td></tr>" for n in (1, 2, 3))
    assert _read(f"<table>{rows}</table>") == []
    korean = "".join(f"<tr><td>판결 {n}</td><td><a href='/sc/view.hwp?seq={n}'>HWP</a></td></tr>" for n in (1, 2))
    assert _read(f"<table>{korean}</table>") == []
    one = "<table><tr><td>Case 1</td><td><a href='/sc/DisplayDocument.pdf?seqNo=1'>PDF</a></td></tr></table>"
    assert [row[0] for row in _read(one)] == ["DisplayDocument.pdf"]  # one link: its path is the name it has


# --- a script link whose text is a title, its file's type and size beside it ------------------------------

@pytest.mark.parametrize("body, name, ext, size", [
    ("<b>첨부파일</b><ul><li><a href='/fileDown.do?id=3'>공고문</a> [hwp, 35KB]</li></ul>", "공고문", "hwp", 35 * 1024),
    ("<ul><li><a href='/fileDown.do?id=3'>2024 사업 계획</a> <span>(한글, 120 KB)</span></li></ul>", "2024 사업 계획", "hwp",
     120 * 1024),
    ("<p><a href='/getfile?id=9'>Annual report</a> (PDF, 1.2 MB)</p>", "Annual report", "pdf", round(1.2 * 1024 ** 2)),
    ("<p><a href='/getfile?id=9'>Budget tables</a> [XLSX, 80 KB]</p>", "Budget tables", "xlsx", 80 * 1024),
])
def test_a_title_link_with_its_type_and_size_beside_it_is_a_file(body: str, name: str, ext: str, size: int) -> None:
    assert [row[:3] for row in _read(body)] == [(name, ext, size)]


@pytest.mark.parametrize("body", [
    "<p><a href='/getfile?id=9'>Download</a> (PDF, 1.2 MB)</p>",  # a button, no name
    "<p><a href='/getfile?id=9'>다운로드</a> (HWP, 20KB)</p>",
    "<p><a href='/getfile?id=9'>Annual report</a> (1.2 MB)</p>",  # a size without a type
    "<p><a href='/getfile?id=9'>연간 보고서</a> (PDF, HWP, 1.2 MB)</p>",  # two types: which file is it?
    "<p><a href='/news/9'>Our storage grew</a> to 3 MB of text in 2023, more than any PDF before.</p>",  # a sentence
])
def test_a_link_beside_no_single_type_and_size_is_no_titled_file(body: str) -> None:
    assert _read(body) == []
