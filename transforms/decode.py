"""Decode raw page bytes to text: which encoding, how sure, and whether any encoding explains the bytes.

The order of evidence (strongest first): a byte order mark; UTF-16 without one (NUL bytes on one
side of every pair); strict UTF-8 (random legacy bytes are almost never valid UTF-8); the charset the
page declares; UTF-8 with a few stray bytes; then detection by charset-normalizer. BOMs and
declarations are read by beautifulsoup4's EncodingDetector, detection is charset-normalizer's: no
encoding table is kept here. Bytes that no encoding explains are not decoded with U+FFFD in silence:
the Decoding says so and the pipeline rejects the page as `undecodable`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, replace

import charset_normalizer
from bs4.dammit import EncodingDetector

from cityclips.transforms.records import DecodedPage, RawPage

BINARY_CONTROL_SHARE = 0.10  # text has almost no C0 controls; compressed data (images, zips) has 11.7%
UTF16_NUL_SHARE = 0.2  # UTF-16 of Latin or Hangul text with spaces: NUL in 20%+ of one byte position ...
# ... and far fewer in the other (Korean has some: '가' is U+AC00; measured 30% against 2.3%)
UTF16_OTHER_NUL_RATIO = 0.25
UTF16_MIN_BYTES = 16  # eight characters: fewer cannot show the pattern
# UTF-8 with a few stray bytes (a Windows-1252 quote pasted into a UTF-8 page) is still UTF-8 when
# valid non-ASCII characters outnumber the bad sequences this many times; legacy Korean read as
# UTF-8 gives about one valid character per ten bad ones, so the two never meet.
STRAY_BYTES_RATIO = 4
DETECTION_SAMPLE_BYTES = 64 * 1024  # lines with non-ASCII bytes, up to this much, go to the detector
# A line of Korean (or Chinese, Japanese, Cyrillic) in a legacy codec is two thirds non-ASCII bytes or
# more; a line of English with a stray byte, or of French with an accent a word, well under a third.
DENSE_LINE_HIGH_SHARE = 0.3
# Candidates whose mess ('chaos', 0-1) is within this of the best explain the bytes equally well;
# short texts often decode cleanly in five codecs ('시민' is valid Big5, EUC-KR and EUC-JIS) ...
CHAOS_TIE = 0.01
# ... and on a short sample a difference of two odd characters is noise ('계획을HubHub': Shift-JIS
# 0.167, EUC-KR 0.2, from the Hangul-Latin junction alone), so the tie widens by this many bytes' worth.
TIE_BYTES = 2
KOREAN_RECHECK_CHAOS = 0.5  # CP949 is re-read up to this mess, to compete in a tie it missed (see _detect)
_EAST_ASIAN = frozenset({"cp932", "shift_jis", "euc_jp", "euc_jis_2004", "shift_jis_2004", "gb18030", "gb2312",
                         "gbk", "big5", "big5hkscs", "johab", "cp950"})
# Among equally good explanations, the one a web page most likely used: Korean first (this
# project's corpus), then the web's most common legacy codecs. Windows-1252 before 1250: the
# quotes are the same bytes, but 'ï' (0xEF) is 'ď' in 1250.
PREFERRED_LEGACY = ("cp949", "cp1252", "gb18030", "cp932", "big5", "euc_jp", "cp1251", "cp1250", "iso8859_15")
# WHATWG's label rules that Python's codec table lacks: latin-1 and ASCII labels mean Windows-1252,
# a meta tag declaring UTF-16 was itself read as ASCII (so the page is UTF-8), and the legacy East
# Asian labels mean their Windows supersets.
_LABELS = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
           "x-windows-949": "cp949", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
           "us-ascii": "cp1252", "ascii": "cp1252", "utf8": "utf-8", "utf-16": "utf-8", "utf-16le": "utf-8",
           "utf-16be": "utf-8", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
           "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}
# Python codecs a page could name that are not character sets of web text: they unescape or rewrite the
# bytes ('\\n' -> newline) or refuse all input, so such a declaration is ignored and the bytes are sniffed.
_NOT_WEB_CODECS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "utf-7"})
_BOM_NAMES = {"utf-8": "utf-8-sig", "utf-16le": "utf-16", "utf-16be": "utf-16", "utf-32le": "utf-32",
              "utf-32be": "utf-32"}
_WIDE_CODECS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_CONTROL_CHARS = dict.fromkeys(_CONTROL)  # str.translate table deleting the same controls
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Zero-width and odd spaces that scrapes leave in lines; NBSP indentation becomes a normal space.
_ODD_SPACES = (("\u00a0", " "), ("\u3000", " "), ("\u200b", ""), ("\ufeff", ""), ("\u2060", ""), ("\u200e", ""),
               ("\u200f", ""), ("\u00ad", ""))  # U+00AD: a soft hyphen, a break hint no reader sees unless a line breaks there


@dataclass(frozen=True)
class Decoding:
    """How a page's bytes were read.

    method: 'bom', 'utf-16-pattern', 'utf-8', 'declared', 'utf-8-stray-bytes', 'detected', or
    'unexplained' (no encoding explains the bytes: text is a UTF-8 reading with U+FFFD, for the record).
    confidence: 1.0 for a BOM, valid UTF-8 or a declaration that decodes cleanly; else 1 - the
    detector's mess ratio, lowered by the share of replaced characters.
    """

    text: str
    encoding: str
    confidence: float
    replaced: int
    method: str

    @property
    def explained(self) -> bool:
        return self.method != "unexplained"


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes have UTF-16's NUL pattern and decode cleanly."""
    if len(data) < UTF16_MIN_BYTES or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for codec, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= UTF16_NUL_SHARE * half and others <= UTF16_OTHER_NUL_RATIO * nuls:
            try:
                text = data[:len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            controls = len(text) - len(text.translate(_CONTROL_CHARS))
            return codec if controls <= BINARY_CONTROL_SHARE * len(text) else None
    return None


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: control bytes (NUL included) are over 10% of the whole file.

    The whole file is judged, so a NUL byte means the same wherever it is (a stray NUL in text is
    removed by normalise_text and counted); UTF-16 text, full of NULs, is recognised first.
    """
    if not data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls <= BINARY_CONTROL_SHARE * len(data):
        return False
    return utf16_without_bom(data) is None


def _codec(name: str | None) -> str | None:
    """A Python codec for a charset label, or None for labels that name no web text encoding."""
    if not name:
        return None
    name = _LABELS.get(name.strip().lower(), name.strip().lower())
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    # rot13, hex, zlib ... are bytes-to-bytes codecs that bytes.decode() refuses
    if info.name in _NOT_WEB_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name  # one spelling per codec: 'windows-1252' and 'cp1252' are both 'cp1252'


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares (XML declaration or meta tag), as a Python codec name."""
    try:
        return _codec(EncodingDetector.find_declared_encoding(data, is_html=True))
    except (UnicodeError, ValueError):
        return None


def _replaced_share(text: str, replaced: int) -> float:
    return replaced / max(len(text), 1)


def _detection_sample(data: bytes) -> bytes:
    """What the detector sees: the lines holding non-ASCII bytes (ASCII reads the same in every
    candidate), up to DETECTION_SAMPLE_BYTES, without a multi-byte character cut at the end."""
    parts, size = [], 0
    for line in data.split(b"\n"):
        if _HIGH_BYTE.search(line):
            parts.append(line[:DETECTION_SAMPLE_BYTES])
            size += len(parts[-1]) + 1
            if size >= DETECTION_SAMPLE_BYTES:
                break
    sample = b"\n".join(parts)[:DETECTION_SAMPLE_BYTES]
    ascii_end = max(sample.rfind(bytes([b])) for b in b" \n\t.,")  # cut after the last ASCII separator
    cut = sample[:ascii_end + 1]
    # ... unless the cut leaves no non-ASCII byte: the page's only Korean may be one short line
    # among Latin words ('<p>Gwangju AI Hub 계획</p>'), which the cut made undecodable
    return cut if ascii_end >= len(sample) // 2 and _HIGH_BYTE.search(cut) else sample


def _dense_lines(sample: bytes) -> bytes:
    """The sample's lines whose bytes are mostly non-ASCII (a legacy-encoded sentence), without the
    mostly-ASCII lines that hold a few stray bytes: a junk byte in an English contact line of an
    EUC-KR page fits no codec, so the detector found none for the page, or found Thai (cp874
    decodes any byte) and the page became mojibake."""
    lines = [line for line in sample.split(b"\n")
             if len(_HIGH_BYTE.findall(line)) >= DENSE_LINE_HIGH_SHARE * max(len(line.strip()), 1)]
    return b"\n".join(lines)


def _detect(data: bytes) -> tuple[str, float] | None:
    """charset-normalizer's best explanation of the bytes, ties broken by PREFERRED_LEGACY.

    The detector reads the sample's dense lines (_dense_lines) when it has any, else every line
    with a non-ASCII byte; the caller still checks that the codec explains the whole page's bytes.
    """
    # UTF-16/32 without a BOM were ruled out by their NUL pattern (utf16_without_bom): on bytes with no
    # NUL, charset-normalizer sometimes prefers them for short legacy text ('계획을Hub' as UTF-16-BE)
    # Control bytes (a stray NUL) go too: charset-normalizer finds no reading of a sample that holds one, so a
    # legacy page with one stray NUL on a line of text was undecodable. No multi-byte character of an 8-bit
    # codec (EUC-KR, CP949, Shift-JIS, GB18030, Big5) holds a C0 control or DEL byte, so none is cut in two.
    sample = _detection_sample(data).translate(None, _CONTROL_BYTES)
    sample = _dense_lines(sample) or sample
    matches = list(charset_normalizer.from_bytes(sample, cp_exclusion=_WIDE_CODECS))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    tie = CHAOS_TIE + TIE_BYTES / max(len(sample), 1)
    near = [m for m in matches if m.chaos <= best + tie]
    if any(m.encoding in _EAST_ASIAN for m in near) and not any("cp949" in m.could_be_from_charset for m in near):
        # another East Asian double-byte reading won: CP949 may have missed the default threshold by a hair
        korean = charset_normalizer.from_bytes(sample, cp_isolation=["cp949"], threshold=KOREAN_RECHECK_CHAOS).best()
        if korean is not None and korean.chaos <= best + tie:
            near.append(korean)
    for preferred in PREFERRED_LEGACY:
        for match in near:
            if preferred in match.could_be_from_charset:
                return codecs.lookup(preferred).name, 1.0 - match.chaos
    match = near[0]
    return codecs.lookup(match.encoding).name, 1.0 - match.chaos


def _decode_with(data: bytes, codec: str, confidence: float, method: str) -> Decoding:
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    return Decoding(text, codec, round(confidence * (1 - _replaced_share(text, replaced)), 4), replaced, method)


def detect_and_decode(data: bytes, declared: str | None = None) -> Decoding:
    """Decode bytes with the best-supported encoding (see the module docstring for the order).

    >>> detect_and_decode("광주광역시 인공지능 산업".encode("euc-kr")).encoding
    'cp949'
    """
    stripped, bom = EncodingDetector.strip_byte_order_mark(data)
    if bom:
        return replace(_decode_with(stripped, bom, 1.0, "bom"), encoding=_BOM_NAMES.get(bom, bom))
    utf16 = utf16_without_bom(data)
    if utf16:
        return _decode_with(data[:len(data) - len(data) % 2], utf16, 1.0, "utf-16-pattern")
    try:
        return Decoding(data.decode("utf-8"), "utf-8", 1.0, 0, "utf-8")
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec and codec != "utf-8":
        try:
            return Decoding(data.decode(codec), codec, 1.0, 0, "declared")
        except UnicodeError:  # UnicodeDecodeError, and the bare UnicodeError some codecs raise
            pass
    utf8 = data.decode("utf-8", errors="replace")
    replaced = utf8.count("\ufffd")
    valid_non_ascii = len(utf8) - len(utf8.encode("ascii", errors="ignore")) - replaced
    if valid_non_ascii >= STRAY_BYTES_RATIO * replaced:
        return Decoding(utf8, "utf-8", round(1 - replaced / (valid_non_ascii + replaced), 4), replaced,
                        "utf-8-stray-bytes")
    detected = _detect(data)
    if detected:
        decoding = _decode_with(data, detected[0], detected[1], "detected")
        # the detector read a sample: bytes elsewhere that its codec cannot decode are not explained
        valid_non_ascii = len(decoding.text) - len(decoding.text.encode("ascii", errors="ignore")) - decoding.replaced
        if valid_non_ascii >= STRAY_BYTES_RATIO * decoding.replaced:
            return decoding
    return Decoding(utf8, "utf-8", 0.0, replaced, "unexplained")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, int]:
    """(text, encoding, replaced characters) of detect_and_decode, for callers that need no more."""
    decoding = detect_and_decode(data, declared)
    return decoding.text, decoding.encoding, decoding.replaced


def normalise_text(text: str) -> str:
    """CRLF/CR to LF, NBSP and ideographic spaces to spaces, zero-width marks and NULs removed, NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:  # a NUL is never text, wherever it sits in the file (looks_binary judges the share)
        text = text.replace("\x00", "")
    if text.isascii():
        return text  # no odd space, and ASCII is NFC already
    # one str.replace per odd space the page holds: C-level scans, twice as fast as one regex pass
    # with a callback (str.translate with a dict table maps char by char: about 50 ms on a 200 KB page)
    for odd, replacement in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, replacement)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# Charsets servers send by default whatever the page is: a meta charset is better evidence than these.
_SERVER_DEFAULT_CHARSETS = frozenset({"latin_1", "cp1252", "ascii"})


def decode_page(raw: RawPage, hint: str | None = None) -> DecodedPage:
    """Decode a RawPage into a DecodedPage (see detect_and_decode for the order of evidence).

    hint is the charset of the HTTP Content-Type header (a WARC record's), which the HTML standard
    puts before the page's own meta charset; a server default (ISO-8859-1) yields to the meta tag.
    """
    meta = declared_charset(raw.data) if raw.source_format == "html" else None
    hint = _codec(hint)
    declared = meta if (hint is None or (hint in _SERVER_DEFAULT_CHARSETS and meta)) else hint
    decoding = detect_and_decode(raw.data, declared)
    nuls = decoding.text.count("\x00")
    return DecodedPage(raw.source_path, raw.source_format, normalise_text(decoding.text), decoding.encoding,
                       decoding.replaced, decoding.confidence, decoding.explained, nuls)
