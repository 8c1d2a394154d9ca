"""transforms/decode.py: BOMs, declared and sniffed charsets, replacement counting, newlines, binary sniffing."""
from __future__ import annotations

import codecs

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.decode import (decode_bytes, decode_page, declared_charset, detect_and_decode, looks_binary,
                                        normalise_text)
from cityclips.transforms.records import RawPage

KO = "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다."
EN = "The city will print 10,000 copies of the guide."
PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)


def _html(charset_meta: bytes, body: bytes) -> bytes:
    return b"<html><head>" + charset_meta + b"<title>t</title></head><body><p>" + body + b"</p></body></html>"


# --- UTF-8, with and without BOM -------------------------------------------------------------------

def test_utf8_without_bom_decodes_strictly() -> None:
    assert decode_bytes((KO + "\n" + EN).encode("utf-8")) == (KO + "\n" + EN, "utf-8", 0)


def test_utf8_bom_wins_and_is_not_part_of_the_text() -> None:
    text, encoding, replaced = decode_bytes(b"\xef\xbb\xbf" + KO.encode("utf-8"))
    assert (text, encoding, replaced) == (KO, "utf-8-sig", 0)


def test_utf8_bom_wins_over_a_declared_legacy_charset() -> None:
    data = b"\xef\xbb\xbf" + _html(b'<meta charset="euc-kr">', KO.encode("utf-8"))
    text, encoding, _ = decode_bytes(data, declared_charset(data))
    assert encoding == "utf-8-sig" and KO in text


def test_utf16_bom_is_honoured() -> None:
    text, encoding, replaced = decode_bytes("\ufeff".encode("utf-16-le") + (KO + EN).encode("utf-16-le"))
    assert (encoding, replaced) == ("utf-16", 0) and text == KO + EN


# --- EUC-KR / CP949, declared and undeclared --------------------------------------------------------

def test_euc_kr_declared_in_meta_charset() -> None:
    data = _html(b'<meta charset="euc-kr">', KO.encode("euc-kr"))
    assert declared_charset(data) == "cp949"
    text, encoding, replaced = decode_bytes(data, declared_charset(data))
    assert (encoding, replaced) == ("cp949", 0) and KO in text


def test_euc_kr_declared_in_http_equiv_content_type() -> None:
    data = _html(b'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">', KO.encode("cp949"))
    assert declared_charset(data) == "cp949"
    assert KO in decode_bytes(data, declared_charset(data))[0]


def test_ks_c_5601_alias_maps_to_cp949() -> None:
    assert declared_charset(_html(b'<meta charset="ks_c_5601-1987">', b"")) == "cp949"


def test_no_meta_means_no_declared_charset() -> None:
    assert declared_charset(_html(b"", KO.encode("utf-8"))) is None


def test_undeclared_euc_kr_text_is_detected() -> None:
    assert decode_bytes(KO.encode("euc-kr")) == (KO, "cp949", 0)


def test_undeclared_euc_kr_html_is_detected() -> None:
    data = _html(b"", (KO + " " + EN).encode("euc-kr"))
    text, encoding, replaced = decode_bytes(data, declared_charset(data))
    assert (encoding, replaced) == ("cp949", 0) and KO + " " + EN in text


def test_cp949_extension_syllable_decodes_when_undeclared() -> None:
    # '똠' exists only in CP949 (UHC), not in EUC-KR; among ordinary Korean it is still Korean.
    text = "똠방각하 " + KO
    assert decode_bytes(text.encode("cp949")) == (text, "cp949", 0)


def test_page_declaring_euc_kr_but_written_in_utf8_is_still_read() -> None:
    data = _html(b'<meta charset="euc-kr">', KO.encode("utf-8"))
    text, encoding, replaced = decode_bytes(data, declared_charset(data))
    assert (encoding, replaced) == ("utf-8", 0) and KO in text


def test_decode_page_sniffs_a_text_dump_and_normalises_it() -> None:
    # CP949 has no NBSP or U+2022: legacy Korean dumps indent with the ideographic space and use ●
    raw = RawPage("ko/press.txt", ("보도자료\r\n\r\n\u3000\u3000● 인쇄\r\n" + KO).encode("cp949"), "text")
    page = decode_page(raw)
    assert (page.encoding, page.replaced_chars) == ("cp949", 0)
    assert page.text == "보도자료\n\n  ● 인쇄\n" + KO


def test_decode_page_uses_the_meta_charset_of_html_only() -> None:
    data = _html(b'<meta charset="euc-kr">', KO.encode("euc-kr"))
    assert decode_page(RawPage("a.html", data, "html")).encoding == "cp949"
    assert KO in decode_page(RawPage("a.html", data, "html")).text


# --- stray bytes: replaced and counted ---------------------------------------------------------------

def test_stray_invalid_byte_in_utf8_is_replaced_and_counted() -> None:
    text, encoding, replaced = decode_bytes(KO.encode("utf-8") + b" \xff " + EN.encode("utf-8"))
    assert (encoding, replaced) == ("utf-8", 1)
    assert text == KO + " \ufffd " + EN


def test_several_stray_bytes_are_all_counted() -> None:
    text, encoding, replaced = decode_bytes(b"\x80" + EN.encode() + b"\xfe\xfe" + KO.encode())
    assert encoding == "utf-8" and replaced == text.count("\ufffd") == 3
    assert EN in text and KO in text


def test_windows_1252_apostrophe_in_english_is_read_as_windows_1252_not_korean() -> None:
    # b'\x92s' is a valid CP949 pair ('뭩'); an English page with a Windows-1252 quote is Windows-1252.
    assert decode_bytes(b"The city\x92s guide is free.") == ("The city\u2019s guide is free.", "cp1252", 0)


def test_english_with_windows_1252_quotes_keeps_its_quotes() -> None:
    text, encoding, replaced = decode_bytes(b"\x93Hello,\x94 said the city\x92s mayor. " * 3)
    assert (encoding, replaced) == ("cp1252", 0)
    assert text.count("\u201cHello,\u201d said the city\u2019s mayor.") == 3


def test_truncated_euc_kr_keeps_the_korean_and_counts_the_cut_character() -> None:
    data = "광주광역시 인공지능 산업 발표".encode("cp949")[:-1]
    assert decode_bytes(data) == ("광주광역시 인공지능 산업 발\ufffd", "cp949", 1)


# --- odd declarations -------------------------------------------------------------------------------

def test_meta_declaring_utf16_is_read_as_utf8() -> None:
    # A meta tag that could be read as ASCII cannot be in UTF-16: HTML reads such a page as UTF-8.
    data = _html(b'<meta charset="utf-16">', KO.encode("utf-8"))
    text, encoding, replaced = decode_bytes(data, declared_charset(data))
    assert (encoding, replaced) == ("utf-8", 0) and KO in text


def test_declared_codec_that_is_not_a_web_charset_is_ignored() -> None:
    for name in ("undefined", "unicode_escape", "punycode", "utf-7", "no-such-charset", "rot13"):
        data = _html(f'<meta charset="{name}">'.encode(), b"line one\\nstill line one " + KO.encode("utf-8"))
        text, encoding, replaced = decode_bytes(data, declared_charset(data))
        assert (encoding, replaced) == ("utf-8", 0), name
        assert "line one\\nstill line one " + KO in text, name  # no backslash escapes were interpreted
    assert decode_bytes(KO.encode("utf-8"), "utf\x008") == (KO, "utf-8", 0)  # a NUL in the name


# --- newlines and spaces ------------------------------------------------------------------------------

def test_crlf_and_lone_cr_become_lf() -> None:
    assert normalise_text("Title\r\n\r\nLine one\rLine two\r\n") == "Title\n\nLine one\nLine two\n"


def test_nbsp_indentation_becomes_spaces() -> None:
    assert normalise_text("\u00a0\u00a0• page print\n\u00a0\u00a0• 인쇄") == "  • page print\n  • 인쇄"


def test_ideographic_space_and_zero_width_marks() -> None:
    assert normalise_text("광주\u3000광역시\u200b는 Gwangju\u200e\ufeff city") == "광주 광역시는 Gwangju city"


def test_decomposed_hangul_is_composed() -> None:
    assert normalise_text("\u1100\u1161\u11a8 Gwangju") == "각 Gwangju"


# --- binary sniffing --------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x8b\x6e\x5a\x57" + bytes(range(0, 64)) * 4


def test_png_and_zip_bytes_look_binary() -> None:
    assert looks_binary(PNG)
    assert looks_binary(ZIP)


def test_control_heavy_bytes_without_nul_look_binary() -> None:
    assert looks_binary(bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 100)


def test_text_in_any_of_the_sniffed_encodings_is_not_binary() -> None:
    for data in (KO.encode("utf-8"), KO.encode("cp949"), EN.encode("ascii"),
                 "\ufeff".encode("utf-16-le") + KO.encode("utf-16-le"), b"", b"Page one\x0cPage two\r\n"):
        assert not looks_binary(data), data[:20]


# --- properties -----------------------------------------------------------------------------------

DECLARED = st.one_of(st.sampled_from([None, "utf-8", "cp949", "euc-kr", "latin-1", "utf-16", "undefined",
                                      "unicode_escape", "punycode", "idna", "utf-7", "no-such-charset", "ascii",
                                      "shift_jis", "rot13", "hex"]),
                     st.text(max_size=12))  # a caller may pass any string, NUL included


@PROPERTY
@given(st.binary(max_size=400), DECLARED)
def test_decode_bytes_never_raises_and_counts_no_more_than_it_shows(data: bytes, declared: str | None) -> None:
    text, encoding, replaced = decode_bytes(data, declared)
    assert isinstance(text, str) and isinstance(encoding, str)
    assert 0 <= replaced <= text.count("\ufffd")


@PROPERTY
@given(st.binary(max_size=400))
def test_declared_charset_names_a_text_codec_and_decoding_keeps_the_ascii_head(data: bytes) -> None:
    head = b'<meta charset="' + data
    name = declared_charset(head)
    # one spelling per codec, and one that bytes.decode() takes (never rot13, hex or a label as written)
    assert name is None or (codecs.lookup(name).name == name and b"".decode(name) == "")
    text, encoding, replaced = decode_bytes(head, name)
    assert codecs.lookup(encoding).name == encoding and 0 <= replaced <= text.count("\ufffd")
    if b"\x00" not in data:  # without NULs nothing reads as UTF-16: the ASCII head reads as written
        assert text.startswith('<meta charset="')


@PROPERTY
@given(st.text(max_size=200).filter(lambda t: not t.startswith("\ufeff") and "\x00" not in t))
def test_any_utf8_text_round_trips(text: str) -> None:
    # NUL is left out: bytes with a NUL in every other place are UTF-16 (test_utf16_without_bom_...)
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8", 0)


KOREAN_WORDS = ["광주광역시는", "인공지능", "산업", "육성", "계획을", "발표했다", "시민", "보도자료", "대변인실", "조회수"]
ASCII_WORDS = ["Gwangju", "AI", "2023", "Hub", "City", "-", "(", ")", ":"]


@PROPERTY
@given(st.sampled_from(KOREAN_WORDS),
       st.lists(st.sampled_from(KOREAN_WORDS + ASCII_WORDS), max_size=30), st.sampled_from([" ", "\n", ""]))
def test_korean_text_round_trips_through_undeclared_euc_kr(first: str, words: list[str], sep: str) -> None:
    text = sep.join([first, *words])
    assert decode_bytes(text.encode("euc-kr")) == (text, "cp949", 0)


@PROPERTY
@given(st.text(alphabet=st.sampled_from("ab 광주\r\n\u00a0\u3000\u200b"), max_size=80))
def test_normalise_text_leaves_no_carriage_returns_and_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert "\r" not in once and "\u00a0" not in once
    assert normalise_text(once) == once


@pytest.mark.parametrize("junk", [b"\xff", b"\x80", b"\xfe\xff", b"\xa1"])
def test_a_junk_byte_on_an_english_line_of_an_euc_kr_page_keeps_the_page_korean(junk):
    # issue 19's finding: the line went to the detector, no codec fitted the sample, the page was undecodable
    korean = "광주광역시는 인공지능 산업 육성을 위해 올해 예산을 편성했다고 밝혔다.\n".encode("euc-kr")
    page = korean * 4 + b"Contact: press office, tel 062-613-2000 " + junk + b" fax\n" + korean * 2
    decoding = detect_and_decode(page)
    assert decoding.encoding == "cp949" and decoding.method == "detected"
    assert decoding.replaced == len(junk)
    assert decoding.text.startswith("광주광역시는 인공지능")

