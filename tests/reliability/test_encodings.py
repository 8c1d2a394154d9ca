"""Pages in the encodings real folders hold are read back exactly, with the encoding and a confidence
recorded; bytes that no encoding explains are a reject, never text full of U+FFFD.

Each sample is real text (tests/reliability/data/encodings/SOURCES.md) written with Python's codecs.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reliability_helpers import PROJECT, UNDECODABLE_BYTES

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage, Reject

DATA = Path(__file__).parent / "data" / "encodings"
LANGID = PROJECT / "bench" / "data" / "langid"
SENTENCES = 8  # a page's worth of text: long enough that every stage treats it as an article


def _lines(path: Path, must_contain: str = "", count: int = SENTENCES) -> list[str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and all(ch in line for ch in must_contain)]
    return lines[:count]


def _text_page(title: str, lines: list[str]) -> str:
    return title + "\n\n" + "\n".join(lines) + "\n"


def _html_page(title: str, lines: list[str], meta: str = "") -> str:
    return (f"<html><head>{meta}<title>{title}</title></head><body><h1>{title}</h1>"
            + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")


def _document(name: str, data: bytes) -> Document:
    result = process_page(RawPage(name, data, "html" if name.endswith(".html") else "text"))
    assert isinstance(result, Document), result
    return result


def _assert_read_back(document: Document, lines: list[str], encoding: str) -> None:
    assert document.encoding == encoding
    assert document.replaced_chars == 0 and "\ufffd" not in document.body_text
    for line in lines:
        assert line.strip() in document.body_text
    assert 0.0 < document.encoding_confidence <= 1.0


ENGLISH = _lines(LANGID / "en.txt", "’")  # curly apostrophes: 0x92 in Windows-1252, invalid UTF-8 alone
FRENCH = _lines(LANGID / "fr.txt", "é")
KOREAN = _lines(LANGID / "ko.txt")
JAPANESE = _lines(DATA / "ja.txt")
CHINESE = _lines(DATA / "zh.txt")


def test_windows_1252_english_keeps_its_quotes():
    document = _document("en/press.txt", _text_page("City news", ENGLISH).encode("cp1252"))
    _assert_read_back(document, ENGLISH, "cp1252")
    assert document.language == "en"


def test_windows_1252_french_html_without_a_declaration():
    document = _document("fr/press.html", _html_page("Actualités", FRENCH).encode("cp1252"))
    _assert_read_back(document, FRENCH, "cp1252")


def test_shift_jis_is_japanese_not_korean():
    document = _document("ja/press.txt", _text_page("Python の歴史", JAPANESE).encode("shift_jis"))
    _assert_read_back(document, JAPANESE, "cp932")
    assert document.language == "ja"
    assert document.encoding_confidence < 1.0  # detected, not declared: the confidence says so


def test_shift_jis_declared_in_a_meta_tag():
    page = _html_page("Python の歴史", JAPANESE, '<meta charset="Shift_JIS">')
    document = _document("ja/press.html", page.encode("shift_jis"))
    _assert_read_back(document, JAPANESE, "cp932")
    assert document.encoding_confidence == 1.0


def test_gb18030_chinese():
    document = _document("zh/press.txt", _text_page("Python 语言", CHINESE).encode("gb18030"))
    _assert_read_back(document, CHINESE, "gb18030")


@pytest.mark.parametrize("codec", ["euc-kr", "cp949"])
def test_undeclared_korean_is_still_cp949(codec):
    document = _document("ko/press.txt", _text_page("보도자료", KOREAN).encode(codec))
    _assert_read_back(document, KOREAN, "cp949")
    assert document.language == "ko"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("lines", [KOREAN, ENGLISH], ids=["korean", "english"])
def test_utf16_without_a_byte_order_mark_is_read(codec, lines):
    document = _document("wide/press.txt", _text_page("News", lines).encode(codec))
    _assert_read_back(document, lines, codec)


@pytest.mark.parametrize("bom,codec,label", [("\ufeff", "utf-8", "utf-8-sig"), ("\ufeff", "utf-16-le", "utf-16"),
                                             ("\ufeff", "utf-16-be", "utf-16")])
def test_byte_order_marks_win(bom, codec, label):
    document = _document("bom/press.txt", (bom + _text_page("보도자료", KOREAN)).encode(codec))
    _assert_read_back(document, KOREAN, label)
    assert document.encoding_confidence == 1.0


def test_valid_utf8_is_certain():
    document = _document("utf8/press.txt", _text_page("보도자료", KOREAN + JAPANESE).encode("utf-8"))
    _assert_read_back(document, KOREAN + JAPANESE, "utf-8")
    assert document.encoding_confidence == 1.0


def test_bytes_no_encoding_explains_are_rejected_not_replaced():
    result = process_page(RawPage("garbled.txt", UNDECODABLE_BYTES, "text"))
    assert isinstance(result, Reject) and result.reason == "undecodable"
    assert "no encoding explains" in result.detail


def test_garbage_after_a_real_article_is_not_silently_replaced():
    """A UTF-8 article followed by a larger undecodable tail: no reading explains the page."""
    data = _text_page("News", ENGLISH).encode("utf-8") + UNDECODABLE_BYTES
    result = process_page(RawPage("tail.txt", data, "text"))
    assert isinstance(result, Reject) and result.reason == "undecodable", result
