"""Decoding: cases the mutation run of transforms/decode.py showed no test pinned (issue 19).

The detector reads a sample of the page (_detection_sample, _dense_lines): what goes into that
sample decides which codec a legacy page is read with, so the sample's rules are pinned here on
small Korean (EUC-KR) and English inputs, beside whole-page checks.
"""
from __future__ import annotations

from cityclips.transforms.decode import DETECTION_SAMPLE_BYTES, _dense_lines, _detection_sample, detect_and_decode

KO_1 = "광주광역시 인공지능 산업 육성 계획.".encode("euc-kr")
KO_2 = "시민 여러분께 감사드립니다.".encode("euc-kr")


def test_the_detector_sees_only_the_lines_with_non_ascii_bytes_one_per_line() -> None:
    data = b"<html>\n<p>hello</p>\n" + KO_1 + b"\n<p>bye</p>\n" + KO_2 + b"\n</html>\n"
    assert _detection_sample(data) == KO_1 + b"\n" + KO_2


def test_the_sample_is_cut_after_its_last_separator_only_in_its_second_half() -> None:
    # '광주광역 시민여러분' in EUC-KR: 8 bytes, a space, 10 bytes; the space is in the first half: no cut
    first_half = "광주광역".encode("euc-kr") + b" " + "시민여러분".encode("euc-kr")
    assert _detection_sample(first_half) == first_half
    # 9 bytes before the space of 19 (9 >= 19 // 2): cut after it, so no character is cut in two
    at_half = "광주광역".encode("euc-kr") + b"X " + "시민여러분".encode("euc-kr")[:-1]
    assert len(at_half) == 19
    assert _detection_sample(at_half) == at_half[:10]


def test_the_sample_ends_at_a_separator_not_at_a_latin_letter() -> None:
    # the last separator is the space; the Latin letters after it are not separators
    data = "광주광역시 인공지능".encode("euc-kr") + b" " + "산업".encode("euc-kr") + b"XX"
    assert _detection_sample(data) == "광주광역시 인공지능 ".encode("euc-kr")


def test_a_short_korean_line_among_latin_words_is_read_as_korean() -> None:
    # a bug the mutation run led to: the sample was cut at its last space, which dropped the only
    # Korean bytes of the page ('계획' after 'Hub '), and the page was rejected as undecodable
    for line in ("<p>Gwangju AI Hub 계획</p>", "<title>Smart City 발표</title>", "city Hub 발표했다"):
        data = ("<html>\n<body>\n" + line + "\n<p>hello world</p>\n</body></html>").encode("euc-kr")
        decoding = detect_and_decode(data)
        assert (decoding.encoding, decoding.method, decoding.replaced) == ("cp949", "detected", 0), line
        assert line in decoding.text


def test_a_korean_page_longer_than_the_sample_is_still_korean() -> None:
    line = "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다.".encode("euc-kr")
    data = b"\n".join([line] * (DETECTION_SAMPLE_BYTES // len(line) + 50))
    decoding = detect_and_decode(data)
    assert (decoding.encoding, decoding.replaced, decoding.method) == ("cp949", 0, "detected")
    assert decoding.text.splitlines()[-1] == "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다."


def test_dense_lines_are_the_mostly_non_ascii_lines_one_per_line() -> None:
    english_with_a_stray_byte = b"Contact: press office, tel 062-613-2114 \xff"
    assert _dense_lines(KO_1 + b"\n" + english_with_a_stray_byte + b"\n" + KO_2) == KO_1 + b"\n" + KO_2
    # DENSE_LINE_HIGH_SHARE (0.3) is 'at least': 3 high bytes of 10 make a dense line
    exactly = b"\xb1\xa4\xc1abcdefg"
    assert len(exactly) == 10 and _dense_lines(exactly) == exactly


def test_a_russian_windows_1251_page_is_not_read_as_windows_1252() -> None:
    text = "Мэрия города объявила о новой программе поддержки жителей. Заявки принимаются до конца месяца."
    decoding = detect_and_decode(text.encode("cp1251"))
    assert (decoding.encoding, decoding.text) == ("cp1251", text)


def test_a_greek_windows_1253_page_is_read_as_greek() -> None:
    # several codecs decode these bytes; the least messy (cp1253) wins over the preferred list's order
    text = "Τα δημοτικά γραφεία θα είναι κλειστά την Δευτέρα λόγω της εθνικής εορτής."
    decoding = detect_and_decode(text.encode("cp1253"))
    assert (decoding.encoding, decoding.text) == ("cp1253", text)


def test_a_short_korean_line_that_shift_jis_also_explains_is_korean() -> None:
    # '계획을HubHub': Shift-JIS reads it with less mess (0.167) than EUC-KR (0.2, which misses the
    # detector's threshold); the CP949 re-check puts Korean back in the tie, and Korean wins it
    decoding = detect_and_decode("계획을HubHub".encode("euc-kr"))
    assert (decoding.encoding, decoding.text) == ("cp949", "계획을HubHub")
    assert decoding.confidence == 0.8  # 1 - the detector's mess (0.2) for the Korean reading


def test_confidence_is_lowered_by_the_share_of_replaced_characters_to_four_places() -> None:
    # the documents table's encoding_confidence: a BOM page with one bad byte in seven characters
    decoding = detect_and_decode(b"\xef\xbb\xbfabcdef\xff")
    assert (decoding.method, decoding.replaced, decoding.text) == ("bom", 1, "abcdef\ufffd")
    assert decoding.confidence == 0.8571  # 1.0 * (1 - 1/7), rounded to four places
    korean = detect_and_decode("\ufeff광주광역시".encode("utf-8") + b"\xff")
    assert (korean.replaced, korean.confidence) == (1, 0.8333)
    # nothing but one bad byte after the BOM: nothing is explained, confidence 0
    assert detect_and_decode(b"\xef\xbb\xbf\xff").confidence == 0.0
