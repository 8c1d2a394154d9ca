"""Attachments read from the DOM (transforms/attachments.py), in Korean and English page shapes."""
from __future__ import annotations

import pytest

from cityclips.transforms.attachments import MAX_PAGE_FILES, MAX_SHOWN_DOCUMENTS, listed_files, merge_attachments, read_attachments
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Attachment, Document, RawPage

PAGE_URL = "https://www.example.go.kr/board/view.do?id=7"


def _read(body: str, url: str | None = PAGE_URL) -> list[tuple]:
    root = parse_html(f"<html><body><div class='content'>{body}</div></body></html>")
    return [(a.name, a.extension, a.size_bytes, a.url, a.source) for a in read_attachments(root, url)]


def test_korean_board_row_of_named_links_with_sizes() -> None:
    body = ("<ul><li><div>첨부파일 1</div><div><a href='/cmmn/download.do?idx=44527'>"
            "<img src='/icon/hwp.gif' alt='공고.hwp'>공고_2025 지원사업.hwp</a> (136 KB)</div></li>"
            "<li><a href='/fileDown.do?seq=2'><span>(양식) 신청서(기업용).hwp (20KB)</span></a></li></ul>")
    assert _read(body) == [
        ("공고_2025 지원사업.hwp", "hwp", 136 * 1024, "https://www.example.go.kr/cmmn/download.do?idx=44527", "link_text"),
        ("(양식) 신청서(기업용).hwp", "hwp", 20 * 1024, "https://www.example.go.kr/fileDown.do?seq=2", "link_text"),
    ]


def test_a_leading_size_and_a_trailing_count_are_not_part_of_the_name() -> None:
    body = ("<a href='/attachment/download/40829'><span class='size'>217.99KB</span>붙임. 캠프 포스터.jpg</a>"
            "<a href='###' onclick='down(1)'>20250605_시상식 개최.hwp (1)</a>")
    assert [(name, size, url) for name, _, size, url, _ in _read(body)] == [
        ("붙임. 캠프 포스터.jpg", round(217.99 * 1024), "https://www.example.go.kr/attachment/download/40829"),
        ("20250605_시상식 개최.hwp", None, None),  # a script link has no URL to record
    ]


def test_english_file_field_link_named_by_its_url() -> None:
    body = ("<p>A public hearing has been scheduled.</p><div class='file file-document'><span class='file'>"
            "<img class='file-icon' alt='PDF icon' src='/icons/application-pdf.png'>"
            "<a href='https://www.cookcountyil.gov/files/zba-agenda_10.2.19_-_final.pdf'>ZBA 10-2-2019 Agenda</a>"
            "</span></div>")
    assert _read(body) == [("zba-agenda_10.2.19_-_final.pdf", "pdf", None,
                            "https://www.cookcountyil.gov/files/zba-agenda_10.2.19_-_final.pdf", "link_target")]


def test_english_link_titled_with_its_file_name_and_a_size_beside_it() -> None:
    body = ("<h2>Supporting Documents</h2><div><span class='file'><a href='/files/2025_12_17_slides.pdf' "
            "title='2025_12_17_slides.pdf'>HRWSB Slide Deck Presentation</a></span> <span>(3 MB)</span></div>")
    assert _read(body, None) == [("2025_12_17_slides.pdf", "pdf", 3 * 1024 ** 2, "/files/2025_12_17_slides.pdf",
                                  "link_target")]


def test_korean_link_named_by_its_url_file_parameter_beside_a_type_icon() -> None:
    body = ("<table><tr><th>참고첨부파일</th><td><ul><li><a href='/download?path=/addfile/form/&amp;"
            "filename=(제2012-143호)시행계획 공고.hwp&amp;realfilenm=1338274575620.hwp'>(제2012-143호)시행계획 공고</a>"
            "&nbsp;<img src='/images/bt_hwp.gif' alt='공고 파일'></li></ul></td></tr></table>")
    assert [(name, source) for name, _, _, _, source in _read(body)] == [("(제2012-143호)시행계획 공고.hwp", "link_target")]


@pytest.mark.parametrize("body", [
    "<dl><dt>첨부파일</dt><dd><a href='/files/notice.pdf'>공고문</a></dd></dl>",
    "<div><h3>Attachments</h3><ul><li><a href='/files/notice.pdf'>Minutes of the meeting</a></li></ul></div>",
    "<table><tr><td>첨부파일 : <a href='/files/notice.pdf'>공고문 보기</a></td></tr></table>",
])
def test_a_document_link_in_a_box_labelled_as_attachments(body: str) -> None:
    assert [(name, source) for name, _, _, _, source in _read(body)] == [("notice.pdf", "link_target")]


@pytest.mark.parametrize("body", [
    "<p>The settlement agreement is available <a href='/files/settlement-2026.pdf'>here</a>.</p>",
    "<p>자세한 내용은 <a href='/files/plan.pdf'>여기</a>에서 확인하세요.</p>",
    # a decorative icon names no file type
    "<div><a href='/docs/07202023-agenda.pdf'><svg class='icon icon-notebook-list'></svg><span>Agenda</span></a></div>",
    # a storage key is no name a reader sees
    "<span class='file'><img alt='PDF icon' src='pdf.png'><a href='/uploads/20250411142518969.pdf'>View</a></span>",
    # an image link (a certification mark) is not an entry of a file list
    "<dl><dt>첨부파일</dt><dd><a href='/images/isms.pdf'><img src='isms.png' alt='인증마크 pdf'></a></dd></dl>",
])
def test_document_links_the_page_does_not_show_as_downloads_are_not_attachments(body: str) -> None:
    assert _read(body) == []


@pytest.mark.parametrize("chrome", ["nav", "footer"])
def test_files_in_navigation_and_footers_are_not_attachments(chrome: str) -> None:
    body = f"<p>본문</p><{chrome}><a href='/privacy.pdf'>개인정보처리방침.pdf</a><a href='/guide.hwp'>Guide.hwp</a></{chrome}>"
    assert _read(body) == []


def test_a_library_of_shown_documents_is_not_an_items_attachment_list() -> None:
    rows = "".join(f"<li><a href='/documents/minutes_{n}.pdf'>Minutes {n}</a><img alt='PDF icon' src='PDF.gif'></li>"
                   for n in range(MAX_SHOWN_DOCUMENTS + 1))
    assert _read(f"<ul>{rows}</ul>") == []
    assert len(_read(f"<ul>{rows[:rows.index('<li>', 10)]}</ul>")) == 1


def test_a_library_keeps_the_links_named_as_files() -> None:
    rows = "".join(f"<li><a href='/documents/minutes_{n}.pdf'>Minutes {n}</a><img alt='PDF icon' src='PDF.gif'></li>"
                   for n in range(MAX_SHOWN_DOCUMENTS + 1))
    assert [name for name, *_ in _read(f"<ul>{rows}</ul><p><a href='/d/1'>회의록.pdf</a></p>")] == ["회의록.pdf"]


def test_a_file_linked_twice_is_listed_once() -> None:
    body = ("<a href='/down?id=1'>공시송달 20250317.pdf</a> <a href='#' onclick='preview(1)'>공시송달 20250317.pdf</a>"
            "<a href='/down?id=2'>Notice.PDF</a>")
    assert [(name, ext) for name, ext, *_ in _read(body)] == [("공시송달 20250317.pdf", "pdf"), ("Notice.PDF", "pdf")]


def test_merge_keeps_link_readings_first_and_fills_what_they_lack_from_text_lines() -> None:
    read = (Attachment(0, "공고.hwp", "hwp", None, None, "https://a.go.kr/d?id=1", "link_text"),)
    listed = (Attachment(1, "첨부 공고.hwp", "hwp", 1024, 3), Attachment(2, "2.jpg", "jpg", 10, 0))
    assert merge_attachments(read, listed) == (
        Attachment(1, "공고.hwp", "hwp", 1024, 3, "https://a.go.kr/d?id=1", "link_text"),
        Attachment(2, "2.jpg", "jpg", 10, 0, None, "text_line"),
    )


def test_text_dumps_keep_their_attachment_lines() -> None:
    text = "제목\n\n본문 문장입니다. 광주시는 오늘 계획을 발표했다.\n\n1.jpg[size: 783.2 KB, Download: 1]\n"
    doc = process_page(RawPage("site/a.txt", text.encode(), "text"))
    assert isinstance(doc, Document)
    assert [(a.name, a.size_bytes, a.downloads, a.source) for a in doc.metadata.attachments] == [
        ("1.jpg", round(783.2 * 1024), 1, "text_line")]


def test_html_pages_record_the_links_url_resolved_against_the_page_url() -> None:
    html = ("<html><head><title>입주기업 모집 공고</title></head><body><div class='board_view'><h3>입주기업 모집 공고</h3>"
            "<p>2025년 입주기업을 다음과 같이 모집하오니 많은 신청 바랍니다. 신청서는 첨부파일을 참고하세요.</p>"
            "<table><tr><td>첨부파일 : <a href='bbs.htm?type=download&amp;no=1'>1_(공고) 모집공고.pdf</a> / "
            "<a href='bbs.htm?type=download&amp;no=2'>2_(양식)_입주신청서.hwp</a></td></tr></table></div></body></html>")
    doc = process_page(RawPage("site/view.html", html.encode(), "html", url="https://www.example.or.kr/bbs/view.htm?no=9"))
    assert isinstance(doc, Document)
    assert [(a.ordinal, a.name, a.url) for a in doc.metadata.attachments] == [
        (1, "1_(공고) 모집공고.pdf", "https://www.example.or.kr/bbs/bbs.htm?type=download&no=1"),
        (2, "2_(양식)_입주신청서.hwp", "https://www.example.or.kr/bbs/bbs.htm?type=download&no=2"),
    ]


def _blocks(body: str) -> list:
    return html_blocks(parse_html(f"<html><body><div class='content'><p>본문 문장입니다.</p>{body}</div></body></html>"))[0]


@pytest.mark.parametrize("body, expected", [
    # a list of files some of which the page does not make public: names without links
    ("<h4>첨부된 문서</h4><ul><li><p>(붙임1) 2025년 12월(2차) 지급명단(12.29.).xlsx</p></li>"
     "<li><span>(붙임2) 운영계획.hwpx</span> <span>비공개 문서</span></li></ul>",
     [("(붙임1) 2025년 12월(2차) 지급명단(12.29.).xlsx", "xlsx", None)]),
    ("<table><tr><th>Minutes_2024-07-30.pdf (1.5 MB)</th><td><button>View</button></td></tr></table>",
     [("Minutes_2024-07-30.pdf", "pdf", round(1.5 * 1024 ** 2))]),
])
def test_list_items_and_rows_that_name_a_file_without_a_link(body: str, expected: list) -> None:
    assert [(a.name, a.extension, a.size_bytes) for a in listed_files(_blocks(body))] == expected


def test_prose_and_headings_that_end_with_a_file_name_are_not_listed_files() -> None:
    body = "<p>자세한 사항은 붙임 계획서.hwp</p><h3>Annual report.pdf</h3>"
    assert listed_files(_blocks(body)) == ()


@pytest.mark.parametrize("text", ["www.ebbertz.de/geschichten/banane.pdf", "https://example.org/files/report.pdf",
                                  "i.redd.it/whs5mnaxwft31.jpg"])
def test_an_address_written_as_the_link_text_is_not_a_file_name(text: str) -> None:
    assert _read(f"<p><a href='https://example.org/x'>{text}</a></p>") == []
    assert listed_files(_blocks(f"<ul><li>{text}</li></ul>")) == ()


def test_arrows_leading_a_link_are_not_part_of_the_name() -> None:
    assert [name for name, *_ in _read("<p><a href='/pm.pdf'>› PM_LFGM_04_22_Besuch.pdf</a></p>")] == [
        "PM_LFGM_04_22_Besuch.pdf"]


def test_a_photo_linked_to_its_full_size_picture_is_not_an_attachment() -> None:
    body = ("<div class='gallery'><a href='/uploads/0T2A9482.jpg'><img src='/uploads/0T2A9482-150x150.jpg' "
            "alt='Skispringen'>Skispringen in Willingen</a></div>"
            "<dl><dt>Attachments</dt><dd><a href='/uploads/poster_2025.png'>Festival poster</a></dd></dl>")
    assert _read(body) == []


def test_a_thumbnail_is_no_file_type_icon() -> None:
    body = "<div><a href='/docs/wie-funktioniert.pdf'><img src='/img/teaser.jpg' alt='Teaser'>Wie es funktioniert</a></div>"
    assert _read(body) == []
    with_icon = body.replace("/img/teaser.jpg' alt='Teaser'", "/img/ico_pdf.gif' alt=''")
    assert [source for *_, source in _read(with_icon)] == ["link_target"]


@pytest.mark.parametrize("body, name", [
    ("<span class='file'><a href='/sites/files/download?fid=11775' title='2025_1212_handout_english.pdf'>"
     "HRWSB Handout</a></span> <span>(816 KB)</span>", "2025_1212_handout_english.pdf"),
    ("<dl><dt>첨부파일</dt><dd><a href='/bbs/down.do?fid=3' title='붙임 입주신청서.hwp'>입주신청서 내려받기</a></dd></dl>",
     "붙임 입주신청서.hwp"),
])
def test_a_link_named_by_its_title(body: str, name: str) -> None:
    assert [(n, source) for n, _, _, _, source in _read(body)] == [(name, "link_target")]


@pytest.mark.parametrize("body, name", [
    ("<span><img src='/icons/pdf.gif' alt='PDF'><a href='/download.aspx?file=Council%20Minutes%202024.pdf&amp;id=9'>"
     "Council minutes</a></span>", "Council Minutes 2024.pdf"),
    ("<span><img src='/icons/hwp.gif' alt='한글'><a href='/down.jsp?name=2025 계획.hwp&amp;idx=13790'>계획 내려받기</a></span>",
     "2025 계획.hwp"),
])
def test_a_link_named_by_its_urls_file_parameter(body: str, name: str) -> None:
    assert [n for n, *_ in _read(body)] == [name]


@pytest.mark.parametrize("row", [
    "<li><a href='/bbs/files/minutes_{n}.pdf'>{n}차 회의록</a><img alt='PDF 파일' src='ico_pdf.gif'></li>",
    "<li><a href='/documents/minutes_{n}.pdf'>Minutes {n}</a><img alt='PDF icon' src='PDF.gif'></li>",
])
def test_a_library_of_shown_documents_in_either_language(row: str) -> None:
    rows = "".join(row.format(n=n) for n in range(MAX_SHOWN_DOCUMENTS + 1))
    assert _read(f"<ul>{rows}</ul>") == []
    assert len(_read(f"<ul>{row.format(n=1)}</ul>")) == 1


@pytest.mark.parametrize("body", [
    "<dl><dt>첨부파일</dt><dd><a href='/upload/2506041433210596508204.pdf'>공고문 보기</a></dd></dl>",
    "<dl><dt>첨부파일</dt><dd><a href='/upload/a0f8d94b87abea0fa29ffb1d1e.pdf'>Agenda</a></dd></dl>",
    "<div class='photo'><a href='/upload/행사사진_01.jpg'><img src='/upload/행사사진_01_thumb.jpg' alt='행사 사진'>"
    "행사 사진 크게 보기</a></div>",
])
def test_storage_keys_and_photo_enlargements_in_korean_pages_are_not_attachments(body: str) -> None:
    assert _read(body) == []


@pytest.mark.parametrize("body, expected", [
    ("<li><a href='/down.do?id=1'>모집공고.hwp</a> (75 KB / 다운로드 56회)</li>", (75 * 1024, 56)),
    ("<li><a href='/files/plan.pdf'>plan.pdf [2 MB, Downloads: 10]</a></li>", (2 * 1024 ** 2, 10)),
    ("<li><a href='/down.do?id=2'>20250605_시상식 개최.hwp (1)</a></li>", (None, None)),
])
def test_sizes_and_download_counts_shown_beside_a_link(body: str, expected: tuple) -> None:
    assert [(size, a.downloads) for a in read_attachments(parse_html(f"<ul>{body}</ul>"))
            for size in (a.size_bytes,)] == [expected]


@pytest.mark.parametrize("row", [
    "<li><a href='/bbs/down.do?id={n}'>{n}차 위원회 회의록.hwp</a></li>",
    "<tr><td><a href='/files/{n}'>2025-{n} Board Agenda.pdf</a></td></tr>",
])
def test_an_archive_that_names_more_files_than_an_item_lists_has_no_attachments(row: str) -> None:
    wrap = "<table>{}</table>" if row.startswith("<tr>") else "<ul>{}</ul>"
    assert len(_read(wrap.format("".join(row.format(n=n) for n in range(MAX_PAGE_FILES))))) == MAX_PAGE_FILES
    assert _read(wrap.format("".join(row.format(n=n) for n in range(MAX_PAGE_FILES + 1)))) == []


@pytest.mark.parametrize("row", ["<li>{n}차 위원회 회의록.hwp</li>", "<li>2025-{n} Board Agenda.pdf</li>"])
def test_an_archive_of_listed_file_names_has_no_attachments(row: str) -> None:
    items = "".join(row.format(n=n) for n in range(MAX_PAGE_FILES + 1))
    assert listed_files(_blocks(f"<ul>{items}</ul>")) == ()
    assert len(listed_files(_blocks(f"<ul>{row.format(n=1)}</ul>"))) == 1


@pytest.mark.parametrize("names", [("1차 회의록.hwp", "11차 회의록.hwp"), ("Agenda 2.pdf", "Agenda 12.pdf")])
def test_names_that_end_alike_inside_a_number_are_two_files(names: tuple) -> None:
    files = [Attachment(0, name, "x", None, None) for name in names]
    assert [a.name for a in merge_attachments(files)] == list(names)
