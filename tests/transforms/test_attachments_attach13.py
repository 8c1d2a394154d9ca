"""Attachments (transforms/attachments.py), round 13: a library's cap counts documents, not their language versions;
a size on the line below a link that is a line of its own; a file's own line leaves the body for boilerplate."""
from __future__ import annotations

import pytest

from cityclips.transforms.attachments import (ATTACHMENT_NOTE_RULE, ATTACHMENT_RULE, MAX_SHOWN_DOCUMENTS, document_key, is_attachment_line,
                                              read_attachments)
from cityclips.transforms.html import parse_html
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Block, Document, RawPage
from cityclips.warehouse.schemas import STRUCTURAL_RULES

PAGE_URL = "https://www.example.go.kr/board/view.do?id=7"
EU_LANGUAGES = "EN BG ES CS DA DE ET EL FR GA HR IT LV LT HU MT NL PL PT RO SK SL FI SV".split()


def _read(body: str) -> list[tuple]:
    root = parse_html(f"<html><body><div class='content'>{body}</div></body></html>")
    return [(a.name, a.size_bytes, a.source) for a in read_attachments(root, PAGE_URL)]


def _download(href: str, meta: str = "(1.31 MB - PDF)") -> str:
    # an EU file box: the language, the size and type, a 'Download' link to the file
    return f"<li><div class='meta'>{meta}</div><div class='action'><a href='{href}'>Download</a></div></li>"


# --- a library's cap counts documents: one document's language versions are one entry -------------------

def test_one_document_in_many_languages_is_one_item_of_the_list_english() -> None:
    # f1210: a factsheet in 24 languages, each a 'Download' link: more links than an item lists, one document
    versions = "".join(_download(f"/files/09_Factsheet_2023_{code}.pdf") for code in EU_LANGUAGES)
    got = _read(f"<p>The Commission adopted its answer.</p><ul>{versions}</ul>")
    assert len(EU_LANGUAGES) > MAX_SHOWN_DOCUMENTS
    assert [name for name, _, _ in got] == [f"09_Factsheet_2023_{code}.pdf" for code in EU_LANGUAGES]
    assert {(size, source) for _, size, source in got} == {(round(1.31 * 1024 ** 2), "link_target")}
    # as many different documents are a library: none is an item's attachment
    library = "".join(_download(f"/files/report_{topic}_2023.pdf") for topic in range(len(EU_LANGUAGES)))
    assert _read(f"<ul>{library}</ul>") == []


def test_one_document_in_many_languages_is_one_item_of_the_list_korean() -> None:
    # a notice's eight forms, each in Korean and English ('(국문)', '(영문)'): 16 files, 8 documents
    forms = [f"서식{i} 참가신청서" for i in range(1, 9)]
    files = "".join(_download(f"/upload/{form}({lang}).hwp", "(20KB)") for form in forms for lang in ("국문", "영문"))
    got = _read(f"<p>아래 서식을 내려받아 제출하시기 바랍니다.</p><ul>{files}</ul>")
    assert 2 * len(forms) > MAX_SHOWN_DOCUMENTS
    assert [name for name, _, _ in got] == [f"{form}({lang}).hwp" for form in forms for lang in ("국문", "영문")]
    library = "".join(_download(f"/upload/{i}차 위원회 회의록.hwp", "(20KB)") for i in range(1, 17))
    assert _read(f"<ul>{library}</ul>") == []


@pytest.mark.parametrize("versions, other", [
    (["09_Factsheet_2023_EN.pdf", "09_Factsheet_2023_bg.pdf", "09_Factsheet_2023_FR.PDF"], "09_Factsheet_2024_EN.pdf"),
    (["Guide-english.pdf", "Guide-Korean.pdf"], "Guide-annex.pdf"),
    (["공고문(국문).hwp", "공고문(영문).hwp", "공고문(중국어).hwp"], "공고문(별지).hwp"),
    (["생활안내_베트남어.pdf", "생활안내_ENG.pdf"], "생활안내_요약.pdf"),
])
def test_a_documents_key_leaves_out_the_words_that_name_its_language(versions: list[str], other: str) -> None:
    keys = {document_key(name) for name in versions}
    assert len(keys) == 1
    assert document_key(other) not in keys
    # a language code inside a word is the word's: 'Budget' holds no 'bu', 'Plan_ENV' no 'en'
    assert document_key("Plan_ENV.pdf") != document_key("Plan.pdf")


# --- a size on the line below a link that is a line of its own ------------------------------------------

GOVUK = ("<section class='attachment'><div class='details'><h2 class='title'><a href='/uploads/file/448334/LIT_10132.pdf' "
         "aria-describedby='help'>{title}</a></h2><p class='metadata'>{meta}</p>"
         "<div id='help'><h2>{note} <a href='#request'>{ask}</a></h2></div></div></section>")


@pytest.mark.parametrize("title, meta, note, ask, size", [
    ("Environmental performance of the water companies in 2014", "Ref: LIT 10132 PDF, 514KB, 8 pages",
     "This file may not be suitable for users of assistive technology.", "Request an accessible format.", 514 * 1024),
    ("2014년 수도사업자 환경 성과 보고서", "PDF 파일, 1.2 MB, 24쪽", "이 파일은 보조 기술 사용자에게 맞지 않을 수 있습니다.",
     "다른 형식 요청", round(1.2 * 1024 ** 2)),
])
def test_a_size_on_the_line_below_the_link_makes_it_a_download(title, meta, note, ask, size) -> None:
    # GOV.UK's publication pages: the document's title as a heading link, its type, size and pages on the next line
    # (the box holds the note's link too, so the size is no text beside the link)
    assert _read(GOVUK.format(title=title, meta=meta, note=note, ask=ask)) == [("LIT_10132.pdf", size, "link_target")]


@pytest.mark.parametrize("below", [
    "<p>Agenda Item #2 Status of the Draft 2022 Business Plan</p>",  # a year before a word is no size
    "<p>2025년 12월 위원회 안건 5건 처리 결과</p>",
    "<p>PDF, 1.2 MB, 24 pages <a href='/other'>other</a></p>",  # a line with a link of its own is another entry
])
def test_a_line_below_that_shows_no_size_of_its_own_says_nothing(below: str) -> None:
    assert _read(f"<div><ul><li><a href='/files/Agenda-Item-1-Minutes.pdf'>Minutes of the last meeting</a></li></ul>"
                 f"{below}</div>") == []


@pytest.mark.parametrize("prose", [
    "<p>The committee's full report on the 2025 budget <a href='/files/report.pdf'>is here</a>.</p><p>PDF, 1.2 MB</p>",
    "<p>위원회가 2025년 예산안을 심사한 보고서 전문은 <a href='/files/report.pdf'>여기</a>에서 내려받을 수 있습니다.</p>"
    "<p>PDF, 1.2 MB</p>"])
def test_a_link_inside_a_sentence_takes_no_size_from_the_next_line(prose: str) -> None:
    assert _read(prose) == []


# --- a file's own line leaves the body for boilerplate ('attachment'), its row stays in the attachments table ---

NOTICES = {
    "ko": ("2025년 청년 창업 지원사업 참여자 모집 공고",
           ["광주광역시는 청년 창업 기업을 모집하고 선정된 기업에 사업화 자금과 교육을 지원한다고 밝혔다.",
            "자세한 내용은 붙임 공고문.hwp를 참고하시기 바랍니다.",  # a sentence that mentions a file is text
            "신청 기간은 2025년 3월 4일부터 3월 18일까지이며, 온라인으로 접수한다."],
           "<ul class='files'><li><a href='/down.do?id=1'>공고문.hwp</a> <a href='#' onclick='pv(1)'>미리보기</a></li>"
           "<li><a href='/down.do?id=2'>(붙임1) 참가신청서.hwpx</a></li></ul>"
           "<p>첨부 파일 : <a href='/down.do?id=3'>11차 위원회 회의록.pdf</a></p>",
           ["공고문.hwp", "(붙임1) 참가신청서.hwpx", "11차 위원회 회의록.pdf"]),
    "en": ("Small business grants: call for applications",
           ["The city invites small firms to apply for grants that pay for training, equipment and advice.",
            "Please read Guidelines.pdf before you apply.",
            "Applications open on March 4, 2025 and close on March 18, 2025 at 5 p.m."],
           "<ul class='files'><li><a href='/files/1'>Guidelines.pdf</a> <a href='#' onclick='pv(1)'>Preview</a></li>"
           "<li><a href='/files/2'>Application form.docx</a></li></ul>"
           "<p>Attachment: <a href='/files/3'>Budget 2025.xlsx</a></p>",
           ["Guidelines.pdf", "Application form.docx", "Budget 2025.xlsx"]),
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_files_own_lines_go_from_the_body_to_boilerplate(lang: str) -> None:
    title, prose, files, names = NOTICES[lang]
    paragraphs = "".join(f"<p>{text}</p>" for text in prose)
    html = f"<html><body><div class='content'><h1>{title}</h1>{paragraphs}{files}</div></body></html>"
    doc = process_page(RawPage("site/notice.html", html.encode(), "html"))
    assert isinstance(doc, Document)
    assert [a.name for a in doc.metadata.attachments] == names
    texts = [s.text for s in doc.segments]
    assert texts == [title, *prose]  # every sentence kept, the mentioning one too
    moved = [r.text for r in doc.removed if r.rule == ATTACHMENT_RULE]
    assert len(moved) == 3 and all(any(name in line for line in moved) for name in names)
    assert ATTACHMENT_RULE in STRUCTURAL_RULES


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_listings_files_are_its_rows_and_stay(lang: str) -> None:
    # an archive of a board's agendas (eval/pagekind e01): its files are the page's content, not an item's attachments
    names = ([f"2024.03.{day:02d} 운영위원회 회의록.hwp" for day in range(1, 11)] if lang == "ko"
             else [f"Board Meeting Agenda - March {day}, 2024.pdf" for day in range(1, 11)])
    rows = "".join(f"<li><a href='/files/{i}.pdf'>{name}</a></li>" for i, name in enumerate(names))
    html = f"<html><body><div class='content'><h1>Minutes</h1><ul>{rows}</ul></div></body></html>"
    doc = process_page(RawPage("site/minutes.html", html.encode(), "html"))
    assert doc.page_kind == "listing" and len(doc.metadata.attachments) == len(names)
    assert not [r for r in doc.removed if r.rule == ATTACHMENT_RULE]
    assert [s.text for s in doc.segments[1:]] == names


FILES = ["공고문.hwp", "1차 위원회 회의록.pdf", "붙임. 캠프 포스터.jpg", "Agenda.pdf", "Minutes of May 2025.docx"]


@pytest.mark.parametrize("text, hint", [
    ("공고문.hwp", "p"), ("첨부 파일 : 공고문.hwp (71KB) 다운로드 미리보기", "cell"), ("217.99KB붙임. 캠프 포스터.jpg", "p"),
    ("1. 1차 위원회 회의록.pdf [size: 1.3 MB, Download: 12]", "li"), ("공고문.hwp (47.23 KB) : PDF 원문", "cell"),
    ("Agenda.pdf", "p"), ("Attachment 2: Agenda.pdf (1.5 MB) Download | Preview", "p"),
    ("Agenda.pdf Minutes of May 2025.docx", "li"), ("Agenda.pdf (1.5 MB) : View", "cell"),
])
def test_a_line_of_a_files_name_and_what_stands_beside_a_file_is_its_entry(text: str, hint: str) -> None:
    assert is_attachment_line(Block(1, text, hint), FILES)


@pytest.mark.parametrize("text, hint", [
    ("자세한 내용은 붙임 공고문.hwp를 참고하시기 바랍니다.", "p"),  # a sentence that mentions a file
    ("Please read Agenda.pdf before the meeting.", "p"),
    ("11차 위원회 회의록.pdf", "p"),  # '1차 위원회 회의록.pdf' ends it, inside a number: another file
    ("제1차 위원회 회의록.pdf", "p"),
    ("The agenda: Agenda.pdf", "p"),
    ("공고문.hwp : 신청 자격과 제출 서류, 심사 기준을 담은 문서", "cell"),  # a cell of words is text
    ("Agenda.pdf (1.5 MB) : Revised", "p"),  # cells only in a row
    ("보도자료.hwp (120KB)", "p"),  # a file the page does not list
])
def test_a_line_with_words_of_its_own_or_no_file_of_the_page_stays_text(text: str, hint: str) -> None:
    assert not is_attachment_line(Block(1, text, hint), FILES)


# --- a note a file's link points to (aria-describedby) goes with the file --------------------------------

NOTES = {"en": ("Controlled drugs list", "A list of the most commonly encountered controlled drugs, updated in August.",
                "This file may not be suitable for users of assistive technology.",
                "If you use assistive technology and need a version of this document in another format, please email us."),
         "ko": ("마약류 지정 목록", "가장 흔히 접하는 마약류의 지정 현황을 정리한 목록으로, 8월에 갱신했습니다.",
                "이 파일은 보조 기술 사용자에게 적합하지 않을 수 있습니다.",
                "보조 기술을 쓰시는 분이 다른 형식의 문서가 필요하시면 전자우편으로 요청해 주시기 바랍니다.")}


def _publication(lang: str, described: str = "help", note_extra: str = "") -> str:
    title, summary, warning, help_text = NOTES[lang]
    return (f"<html><body><main><h1>{title}</h1><p>{summary}</p><section class='attachment'>"
            f"<h2><a href='/uploads/file/340797/ControlledDrugsList.doc' aria-describedby='{described}'>{title}</a></h2>"
            f"<p class='metadata'>MS Word Document, 102KB</p><div id='help'><h2>{warning} <span>Request a format</span>"
            f"</h2><p>{help_text}{note_extra}</p></div></section></main></body></html>")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_note_a_files_link_points_to_goes_with_the_file(lang: str) -> None:
    _, summary, warning, help_text = NOTES[lang]
    doc = process_page(RawPage("site/publication.html", _publication(lang).encode(), "html"))
    assert [a.name for a in doc.metadata.attachments] == ["ControlledDrugsList.doc"]
    texts = " ".join(s.text for s in doc.segments)
    assert summary in texts and warning not in texts and help_text not in texts
    notes = [r.text for r in doc.removed if r.rule == ATTACHMENT_NOTE_RULE]
    assert any(warning in line for line in notes) and any(help_text in line for line in notes)
    assert ATTACHMENT_NOTE_RULE in STRUCTURAL_RULES
    # a link that names no note, or a box longer than a note (a part of the page), leaves the text alone
    for page in (_publication(lang, described="elsewhere"), _publication(lang, note_extra=f" {summary}" * 12)):
        doc = process_page(RawPage("site/publication.html", page.encode(), "html"))
        assert warning in " ".join(s.text for s in doc.segments)


@pytest.mark.parametrize("lang, word, more", [
    ("en", "email us", "Questions about the list go to the licensing unit, which answers within ten working days."),
    ("ko", "다른 형식의", "목록에 관한 문의는 허가 담당 부서로 해 주시면 열흘 안에 답변해 드립니다.")])
def test_a_word_or_two_that_a_note_also_holds_stays_in_the_body(lang: str, word: str, more: str) -> None:
    # a short line of the body whose words the note happens to hold is no line of the note
    page = _publication(lang).replace("<section class='attachment'>", f"<p>{more}</p><p>{word}</p>"
                                      "<section class='attachment'>")
    doc = process_page(RawPage("site/publication.html", page.encode(), "html"))
    assert word in [s.text for s in doc.segments]
    assert NOTES[lang][2] not in " ".join(s.text for s in doc.segments)
