"""transforms/decode.py (round 13, mut13): the cases the mutation check left open (issue 19).

Charset labels as pages write them, the detector's tie rule and its Korean re-check, the detection sample's
bound, the UTF-8-with-stray-bytes rule at its edge, confidences, and decode_page's choice between the HTTP
header's charset and the page's own. The tie rule is tested on given readings (a stand-in for
charset-normalizer that answers with fixed encodings and mess ratios), since real bytes whose mess falls
exactly on a bound cannot be written by hand; every other test reads real Korean or English bytes.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from cityclips.transforms import decode
from cityclips.transforms.decode import (CHAOS_TIE, DETECTION_SAMPLE_BYTES, KOREAN_RECHECK_CHAOS, TIE_BYTES, _codec,
                                        _detect, _detection_sample, decode_page)
from cityclips.transforms.records import DecodedPage, RawPage

# --- charset labels --------------------------------------------------------------------------------------


def test_a_label_is_read_whatever_its_case_and_spacing() -> None:
    assert _codec(" EUC-KR ") == "cp949"
    assert _codec("KS_C_5601-1987") == "cp949"
    assert _codec("Windows-1251") == "cp1251"
    assert _codec("  UTF-8\t") == "utf-8"
    assert _codec("ISO-8859-1") == "cp1252"  # WHATWG: latin-1 labels mean Windows-1252


def test_a_label_names_its_codec_as_written_lower_cased_not_upper_cased() -> None:
    # 'latın1' (a dotless ı) names no codec; its upper case 'LATIN1' would name ISO-8859-1
    assert _codec("latın1") is None


def test_labels_of_codecs_that_are_no_web_text_encoding_name_nothing() -> None:
    for label in ("hex", "rot13", "zlib", "base64", "utf-7", "unicode-escape", "punycode", "idna"):
        assert _codec(label) is None, label
    assert _codec("no-such-charset") is None
    assert _codec("utf-8\x00") is None  # a NUL in the name
    assert _codec(None) is None and _codec("") is None


def test_a_page_declaring_hex_is_sniffed_not_unescaped() -> None:
    for text in ("광주광역시 인공지능 산업 육성 계획.", "The city will print 10,000 copies."):
        data = f'<html><head><meta charset="hex"></head><body><p>{text}</p></body></html>'.encode("euc-kr")
        assert decode.declared_charset(data) is None
        assert text in decode.detect_and_decode(data, decode.declared_charset(data)).text


# --- the detector's tie rule on given readings -------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """What charset-normalizer answers for a sample: an encoding, its mess ratio and the codecs it could be."""

    encoding: str
    chaos: float
    could_be_from_charset: tuple[str, ...]


class _Readings(list):
    def best(self):
        return self[0] if self else None


class _Detector:
    """A stand-in for the charset_normalizer module: fixed readings, and a fixed answer to the CP949 re-check."""

    def __init__(self, readings: list[_Reading], korean: _Reading | None = None) -> None:
        self.readings, self.korean, self.calls = readings, korean, []

    def from_bytes(self, sample: bytes, **options):
        self.calls.append(options)
        if options.get("cp_isolation"):
            return _Readings([self.korean] if self.korean else [])
        return _Readings(self.readings)


SAMPLE = "광주광역시 인공지능 산업 육성 계획을 발표했다.".encode("euc-kr")  # one dense line ending in a separator: the whole sample
TIE = CHAOS_TIE + TIE_BYTES / len(SAMPLE)  # the width _detect gives the tie on this sample
assert _detection_sample(SAMPLE) == SAMPLE


def _detect_with(monkeypatch: pytest.MonkeyPatch, detector: _Detector) -> tuple[str, float] | None:
    monkeypatch.setattr(decode, "charset_normalizer", detector)
    return _detect(SAMPLE)


def test_a_reading_exactly_at_the_ties_edge_is_in_the_tie(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = _Detector([_Reading("mac_cyrillic", 0.0, ("mac_cyrillic",)), _Reading("cp1251", TIE, ("cp1251",))])
    assert _detect_with(monkeypatch, detector) == ("cp1251", 1.0 - TIE)  # the preferred codec of the tie wins
    beyond = _Detector([_Reading("mac_cyrillic", 0.0, ("mac_cyrillic",)), _Reading("cp1251", TIE + 0.001, ("cp1251",))])
    assert _detect_with(monkeypatch, beyond) == ("mac-cyrillic", 1.0)


def test_the_detector_is_asked_without_utf16_and_utf32(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = _Detector([_Reading("cp949", 0.0, ("cp949", "euc_kr"))])
    assert _detect_with(monkeypatch, detector) == ("cp949", 1.0)
    assert detector.calls == [{"cp_exclusion": decode._WIDE_CODECS}]


def test_no_korean_recheck_when_no_east_asian_reading_is_in_the_tie(monkeypatch: pytest.MonkeyPatch) -> None:
    # a Cyrillic page: a CP949 reading the re-check would find must not be asked for, let alone win
    detector = _Detector([_Reading("cp1251", 0.0, ("cp1251",))], korean=_Reading("cp949", 0.0, ("cp949",)))
    assert _detect_with(monkeypatch, detector) == ("cp1251", 1.0)
    assert len(detector.calls) == 1


def test_the_korean_recheck_joins_the_tie_up_to_its_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    big5 = _Reading("big5", 0.1, ("big5", "cp950"))
    at_edge = _Detector([big5], korean=_Reading("cp949", 0.1 + TIE, ("cp949",)))
    assert _detect_with(monkeypatch, at_edge) == ("cp949", pytest.approx(0.9 - TIE))
    assert at_edge.calls[1] == {"cp_isolation": ["cp949"], "threshold": KOREAN_RECHECK_CHAOS}
    beyond = _Detector([big5], korean=_Reading("cp949", 0.1 + TIE + 0.001, ("cp949",)))
    assert _detect_with(monkeypatch, beyond) == ("big5", 0.9)


def test_a_recheck_that_finds_no_korean_reading_leaves_the_east_asian_one(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = _Detector([_Reading("shift_jis", 0.05, ("shift_jis", "cp932"))], korean=None)
    assert _detect_with(monkeypatch, detector) == ("cp932", 0.95)  # 'cp932' is preferred, and Shift-JIS could be it
    assert len(detector.calls) == 2


def test_no_reading_at_all_is_no_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _detect_with(monkeypatch, _Detector([])) is None


def test_a_reading_outside_the_preferred_list_keeps_its_own_confidence(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = _Detector([_Reading("cp1253", 0.125, ("cp1253", "iso8859_7"))])
    assert _detect_with(monkeypatch, detector) == ("cp1253", 0.875)


def test_a_greek_page_is_read_with_confidence_one_minus_its_mess() -> None:
    text = "Τα δημοτικά γραφεία θα είναι κλειστά την Δευτέρα λόγω της εθνικής εορτής."
    decoding = decode.detect_and_decode(text.encode("cp1253"))
    assert (decoding.encoding, decoding.method, decoding.confidence) == ("cp1253", "detected", 1.0)


# --- the detection sample's bound ---------------------------------------------------------------------------

LINE = "광주광역시는 인공지능 산업을 육성한다.".encode("euc-kr")  # ends in '.', a separator


def _lines_to(total: int) -> list[bytes]:
    """Korean lines that, joined by newlines, are exactly total bytes long (the last one shorter, ending in '.')."""
    lines = [LINE] * ((total - 2 * len(LINE)) // (len(LINE) + 1))
    rest = total - len(b"\n".join(lines)) - 1  # the last line's bytes, after its newline
    filler = ("가" * ((rest - 1) // 2)).encode("euc-kr") + b"." * (1 + (rest - 1) % 2)
    lines.append(filler)
    assert len(b"\n".join(lines)) == total
    return lines


def test_a_sample_that_fills_up_exactly_at_its_bound_stops_there() -> None:
    lines = _lines_to(DETECTION_SAMPLE_BYTES - 1)  # with the newline the next line would need, the bound is met
    data = b"\n".join([*lines, LINE, LINE]) + b"\n"
    assert _detection_sample(data) == b"\n".join(lines)


def test_a_sample_one_byte_short_of_its_bound_takes_the_next_lines_newline() -> None:
    lines = _lines_to(DETECTION_SAMPLE_BYTES - 2)
    data = b"\n".join([*lines, LINE, LINE]) + b"\n"
    # the next line is cut at the bound, and the cut goes back to the newline before it
    assert _detection_sample(data) == b"\n".join(lines) + b"\n"


def test_a_long_korean_page_fills_the_whole_sample() -> None:
    data = b"\n".join([LINE] * (2 * DETECTION_SAMPLE_BYTES // len(LINE)))
    sample = _detection_sample(data)
    assert DETECTION_SAMPLE_BYTES - len(LINE) <= len(sample) <= DETECTION_SAMPLE_BYTES
    assert data.startswith(sample) and sample[-1:] in (b" ", b".", b"\n")


# --- decode_page: the HTTP header's charset and the page's own ------------------------------------------------

KO = "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다."
RU = "Мэрия города объявила о новой программе поддержки жителей."


def _page(meta: str, text: str, codec: str, source_format: str = "html") -> RawPage:
    head = f'<meta charset="{meta}">' if meta else ""
    return RawPage("p.html", f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode(codec), source_format)


def test_the_http_headers_charset_beats_a_wrong_meta_charset() -> None:
    # the meta tag says Windows-1251 (which decodes EUC-KR bytes cleanly, as Cyrillic): the header is right
    korean = decode_page(_page("windows-1251", KO, "euc-kr"), hint="EUC-KR")
    assert (korean.encoding, KO in korean.text) == ("cp949", True)
    russian = decode_page(_page("windows-1252", RU, "cp1251"), hint="windows-1251")
    assert (russian.encoding, RU in russian.text) == ("cp1251", True)


def test_a_server_default_header_gives_way_to_the_meta_charset() -> None:
    korean = decode_page(_page("euc-kr", KO, "euc-kr"), hint="ISO-8859-1")
    assert (korean.encoding, KO in korean.text) == ("cp949", True)
    russian = decode_page(_page("windows-1251", RU, "cp1251"), hint="iso-8859-1")
    assert (russian.encoding, RU in russian.text) == ("cp1251", True)


def test_a_server_default_header_without_a_meta_charset_is_the_declaration() -> None:
    text = "The mayor\u2019s office said \u201cyes\u201d."
    page = decode_page(_page("", text, "cp1252"), hint="ISO-8859-1")
    assert (page.encoding, text in page.text, page.encoding_confidence) == ("cp1252", True, 1.0)


def test_a_text_dumps_meta_like_line_declares_nothing() -> None:
    # only HTML pages declare a charset; a text dump's bytes are sniffed
    page = decode_page(_page("windows-1251", KO, "euc-kr", source_format="text"))
    assert (page.encoding, KO in page.text) == ("cp949", True)


def test_decode_page_counts_the_nuls_it_removes() -> None:
    for text in (KO, "The city will print 10,000 copies."):
        page = decode_page(RawPage("p.txt", (text[:5] + "\x00" + text[5:] + "\x00").encode("utf-8"), "text"))
        assert (page.text, page.nul_chars, page.replaced_chars, page.explained) == (text, 2, 0, True)


def test_decode_page_keeps_the_pages_path_and_format_and_the_decodings_figures() -> None:
    raw = RawPage("site/보도자료.txt", "광주광역시청 소식".encode("utf-8") + b"\xff", "text")
    assert decode_page(raw) == DecodedPage("site/보도자료.txt", "text", "광주광역시청 소식\ufffd", "utf-8", 1, 0.8889, True, 0)
    junk = RawPage("site/x.html", b"<p>" + bytes(range(0x80, 0x100)) * 2 + b"</p>", "html")
    page = decode_page(junk)
    assert (page.source_format, page.explained, page.encoding_confidence) == ("html", False, 0.0)


def test_utf8_with_stray_bytes_is_as_sure_as_its_share_of_good_characters_to_four_places() -> None:
    # six good Hangul syllables, one stray byte: 1 - 1/7
    korean = decode.detect_and_decode("광주광역시청".encode("utf-8") + b"\xff")
    assert (korean.method, korean.replaced, korean.confidence) == ("utf-8-stray-bytes", 1, 0.8571)
    english = decode.detect_and_decode("caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u201cok\u201d".encode("utf-8") + b"\x93")
    assert (english.method, english.replaced, english.confidence) == ("utf-8-stray-bytes", 1, 0.8571)


def test_a_detected_codec_must_explain_four_good_characters_for_each_byte_it_cannot_read() -> None:
    # the detector reads the dense Korean line; each English line below it holds a byte CP949 cannot read
    def page(syllables: int, bad_lines: int) -> bytes:
        contact = b"Contact the press office at 062-613-2114 \xff"
        return "광주광역시인공지능산업육성"[:syllables].encode("euc-kr") + b"\n" + b"\n".join([contact] * bad_lines) + b"\n"

    at_bound = decode.detect_and_decode(page(12, 3))  # 12 good syllables, 3 bad bytes: 12 >= 4 * 3
    assert (at_bound.method, at_bound.encoding, at_bound.replaced) == ("detected", "cp949", 3)
    assert at_bound.text.startswith("광주광역시인공지능산업육\n")
    below = decode.detect_and_decode(page(11, 3))  # 11 < 12: the page is not explained
    assert (below.method, below.encoding, below.confidence, below.explained) == ("unexplained", "utf-8", 0.0, False)


# --- UTF-16 without a byte order mark, and byte order marks ------------------------------------------------------

EN = "The city will print 10,000 copies of the guide."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [KO, EN])
def test_utf16_without_a_bom_is_read_by_its_nul_pattern(codec: str, text: str) -> None:
    decoding = decode.detect_and_decode(text.encode(codec))
    assert decoding == decode.Decoding(text, codec, 1.0, 0, "utf-16-pattern")
    # an odd last byte (a file cut short) is dropped, not decoded as half a character
    cut = decode.detect_and_decode(text.encode(codec) + b"\x41")
    assert cut == decode.Decoding(text, codec, 1.0, 0, "utf-16-pattern")


@pytest.mark.parametrize("text", [KO, EN])
def test_each_bom_names_its_codec_family_and_is_not_part_of_the_text(text: str) -> None:
    for codec, name in (("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")):
        for data in (text.encode(codec),):
            decoding = decode.detect_and_decode(data)
            assert (decoding.text, decoding.encoding, decoding.method, decoding.confidence) == (text, name, "bom", 1.0)
    for codec in ("utf-16-be", "utf-32-be", "utf-32-le"):
        decoding = decode.detect_and_decode("\ufeff".encode(codec) + text.encode(codec))
        assert (decoding.text, decoding.method) == (text, "bom"), codec


# --- what each step of the order of evidence reports --------------------------------------------------------------


@pytest.mark.parametrize("text", [KO, EN, "Gwangju 광주 \u201cAI\u201d"])
def test_valid_utf8_is_sure_and_says_so(text: str) -> None:
    assert decode.detect_and_decode(text.encode("utf-8"), "euc-kr") == decode.Decoding(text, "utf-8", 1.0, 0, "utf-8")


def test_a_declaration_that_decodes_cleanly_is_sure_and_says_so() -> None:
    assert decode.detect_and_decode(KO.encode("euc-kr"), "EUC-KR") == decode.Decoding(KO, "cp949", 1.0, 0, "declared")
    english = "The mayor\u2019s office said \u201cyes\u201d."
    assert decode.detect_and_decode(english.encode("cp1252"), "windows-1252") \
        == decode.Decoding(english, "cp1252", 1.0, 0, "declared")


def test_utf8_with_stray_bytes_needs_four_good_characters_a_bad_byte() -> None:
    for text, fewer in (("광주광역", "광주광"), ("caf\u00e9 r\u00e9sum\u00e9 na\u00efve", "caf\u00e9 r\u00e9sum\u00e9")):
        at_bound = decode.detect_and_decode(text.encode("utf-8") + b"\x93")  # four good non-ASCII characters
        assert (at_bound.method, at_bound.text, at_bound.replaced) == ("utf-8-stray-bytes", text + "\ufffd", 1)
        below = decode.detect_and_decode(fewer.encode("utf-8") + b"\x93")  # three
        assert below.method != "utf-8-stray-bytes"


def test_utf16_with_a_bom_is_never_binary_whatever_its_script() -> None:
    # Cyrillic's code units are 0x04xx: in UTF-16 every letter has a control byte, and the spaces' NULs are too
    # few for the BOM-less NUL pattern; the BOM alone says it is text
    text = "Мэрия города объявила о новой программе поддержки жителей города"
    for codec in ("utf-16", "utf-16-be"):
        data = text.encode(codec) if codec == "utf-16" else "\ufeff".encode(codec) + text.encode(codec)
        assert not decode.looks_binary(data), codec
    assert not decode.looks_binary("\ufeff광주광역시 인공지능 산업".encode("utf-16-le"))


def test_the_utf16_pattern_needs_sixteen_bytes() -> None:
    assert decode.utf16_without_bom("abcdefgh".encode("utf-16-le")) == "utf-16-le"  # 16 bytes
    assert decode.utf16_without_bom("abcdefg".encode("utf-16-le")) is None  # 14
    assert decode.utf16_without_bom("광주 광역 인공".encode("utf-16-be")) == "utf-16-be"  # 16
    assert decode.utf16_without_bom("광주 광역 인".encode("utf-16-be")) is None  # 14


def test_the_utf16_pattern_needs_nuls_in_a_fifth_of_one_byte_position() -> None:
    # Korean in UTF-16: only the spaces give NULs. Ten characters with two spaces, and an odd last byte (cut short):
    # 2 NULs in 10 pairs is exactly a fifth
    at_share = "광주 광역시 인공지".encode("utf-16-le") + b"\x41"
    assert decode.utf16_without_bom(at_share) == "utf-16-le"
    # twenty characters with three spaces: 3 of 20 pairs is under a fifth
    below = "광주광역시 인공지능산업 육성계획 발표".encode("utf-16-le")
    assert len(below) == 40 and below[1::2].count(0) == 3
    assert decode.utf16_without_bom(below) is None


QUOTED = "The mayor\u2019s office said \u201cyes\u201d to the plan."


@pytest.mark.parametrize(("text", "codec"), [(KO, "euc-kr"), (QUOTED, "cp1252")])
def test_a_legacy_page_with_a_stray_nul_is_not_utf16(text: str, codec: str) -> None:
    for data in (text.encode(codec) + b"\x00", b"\x00" + text.encode(codec), b"a\x00" + text.encode(codec)):
        assert decode.utf16_without_bom(data) is None


@pytest.mark.parametrize(("text", "codec", "name"), [(KO, "euc-kr", "cp949"), (QUOTED, "cp1252", "cp1252")])
def test_a_stray_nul_on_a_legacy_line_leaves_the_page_decodable(text: str, codec: str, name: str) -> None:
    # a bug the mutation check led to: charset-normalizer finds no reading of a sample with a NUL in it, so an
    # EUC-KR or Windows-1252 page with one stray NUL on a line of text was rejected as undecodable
    cut = len(text) // 2
    for data in (text[:cut].encode(codec) + b"\x00" + text[cut:].encode(codec), b"\x00" + text.encode(codec),
                 b"<p>\x01\x00" + text.encode(codec) + b"</p>"):
        page = decode_page(RawPage("p.html", data, "html"))
        assert (page.encoding, page.explained, page.replaced_chars) == (name, True, 0)
        assert text in page.text and "\x00" not in page.text and page.nul_chars == data.count(0)


def test_control_bytes_up_to_a_tenth_of_the_file_are_text() -> None:
    for text in (b"a", "가".encode("euc-kr")):
        body = (text * 100)[:90]
        assert not decode.looks_binary(b"\x0c" * 10 + body)  # exactly a tenth: form feeds in a text file
        assert decode.looks_binary(b"\x0c" * 11 + body)
    assert not decode.looks_binary(b"")


def test_the_utf16_pattern_allows_a_quarter_as_many_nuls_on_the_other_side() -> None:
    # '가' is U+AC00: in UTF-16-LE its low byte is a NUL on the even side, beside the spaces' four on the odd side
    assert decode.utf16_without_bom("가 나 다 라 마".encode("utf-16-le")) == "utf-16-le"  # 1 <= 4 / 4
    assert decode.utf16_without_bom("가 가 나 다 라".encode("utf-16-le")) is None  # 2 > 4 / 4


def test_nul_patterned_bytes_that_decode_to_controls_are_not_utf16_text() -> None:
    # 16-bit small numbers (a binary table) have UTF-16's NUL pattern; as text they are controls
    table = b"".join(n.to_bytes(2, "little") for n in range(1, 21))
    assert decode.utf16_without_bom(table) is None
    # up to a tenth of the characters may be controls (a form feed, a stray escape)
    for text in ("abcdefghijklmnopqr\x0c\x1b", "광주광역시 인공지능 산업 육성 계획\x0c\x1b"[:18] + "\x0c\x1b"):
        assert len(text) == 20
        assert decode.utf16_without_bom(text.encode("utf-16-le")) == "utf-16-le"
        assert decode.utf16_without_bom((text[:17] + "\x0c" + text[18:]).encode("utf-16-le")) is None  # 3 of 20
