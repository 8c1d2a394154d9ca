"""Attachments read from the DOM (transforms/attachments.py), round 13: a library's cap counts documents, not their
language versions; a size on the line below a link that is a line of its own."""
from __future__ import annotations

import pytest

from cityclips.transforms.attachments import MAX_SHOWN_DOCUMENTS, document_key, read_attachments
from cityclips.transforms.html import parse_html

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
