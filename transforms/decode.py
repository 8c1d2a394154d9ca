"""Decode raw page bytes to text: BOM, declared charset, UTF-8, CP949, replacement as a last resort."""
from __future__ import annotations

import codecs
import re
import unicodedata

from cityclips.transforms.records import DecodedPage, RawPage

CHARSET_SNIFF_BYTES = 4096  # meta charset must appear in the first 1024 bytes per HTML spec; allow slack
BINARY_CONTROL_SHARE = 0.10  # text pages have almost no C0 controls; images/zips have many
BINARY_SAMPLE_BYTES = 8192  # enough bytes to judge a file's nature without reading it all twice
REPLACEMENT_SHARE_FOR_CP949 = 0.001  # a UTF-8 decode this broken is probably legacy Korean
# Undeclared bytes that decode as CP949 are taken for Korean only when most double-byte pairs are KS X 1001
# (EUC-KR, trail byte >= 0xA1): real Korean text is almost all KS X 1001, while a stray Windows-1252 quote
# before a letter ('city\x92s') or broken UTF-8 decodes only to rare UHC-extension syllables ('city뭩').
CP949_MIN_KSX1001_SHARE = 0.5

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# A meta tag declaring UTF-16 was itself read as ASCII, so the page is not UTF-16: HTML reads it as UTF-8.
_ENCODING_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
                     "x-windows-949": "cp949", "utf8": "utf-8", "utf-16": "utf-8", "utf-16le": "utf-8",
                     "utf-16be": "utf-8"}
# Python codecs a page could name that are not character sets of web text: they unescape or rewrite the
# bytes ('\\n' -> newline) or refuse all input, so such a declaration is ignored and the bytes are sniffed.
_NOT_WEB_CODECS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "utf-7"})
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_CONTROL_CHARS = dict.fromkeys(_CONTROL)  # str.translate table deleting the same controls
# Zero-width and odd spaces that scrapes leave in lines; NBSP indentation becomes a normal space.
_ODD_SPACE = re.compile("[\u00a0\u3000\u200b\ufeff\u2060\u200e\u200f]")
_SPACE_TRANSLATION = str.maketrans({"\u00a0": " ", "\u3000": " ", "\u200b": "", "\ufeff": "", "\u2060": "",
                                    "\u200e": "", "\u200f": ""})


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: a NUL byte or many control bytes in the first 8 KB."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return False
    if _is_utf16(sample):  # UTF-16 text is full of NULs and low bytes: judge the characters, not the bytes
        text = sample.decode("utf-16", errors="replace")
        controls = len(text) - len(text.translate(_CONTROL_CHARS))
        return controls / max(len(text), 1) > BINARY_CONTROL_SHARE
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > BINARY_CONTROL_SHARE


def _is_utf16(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag, normalised to a Python codec name."""
    match = _META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    return _ENCODING_ALIASES.get(name, name)


def _usable_codec(name: str | None) -> bool:
    try:
        info = codecs.lookup(name) if name else None
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return False
    # rot13, hex, zlib ... are bytes-to-bytes codecs that bytes.decode() refuses
    return info is not None and info.name not in _NOT_WEB_CODECS and getattr(info, "_is_text_encoding", True)


def _looks_korean(legacy: str) -> bool:
    """True when text decoded from CP949 is mostly KS X 1001 characters (see CP949_MIN_KSX1001_SHARE)."""
    non_ascii = re.sub(r"[\x00-\x7f\ufffd]+", "", legacy)
    if not non_ascii:
        return True
    trail_bytes = non_ascii.encode("cp949", errors="ignore")[1::2]
    if not trail_bytes:
        return False
    extension = len(trail_bytes) - len(trail_bytes.translate(None, bytes(range(0x41, 0xA1))))
    return 1 - extension / len(trail_bytes) >= CP949_MIN_KSX1001_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, int]:
    """Decode bytes, returning (text, encoding used, number of replaced characters).

    Order: a BOM wins; then a declared charset if it decodes cleanly; then strict UTF-8; then strict
    CP949 (the superset of EUC-KR used by Korean sites) when the result reads as Korean; then UTF-8
    with replacement, counted.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
        return text, "utf-8-sig", text.count("\ufffd")
    if _is_utf16(data):
        text = data.decode("utf-16", errors="replace")
        return text, "utf-16", text.count("\ufffd")
    candidates = [c for c in (declared if _usable_codec(declared) else None, "utf-8", "cp949") if c]
    for codec in dict.fromkeys(candidates):
        try:
            text = data.decode(codec)
        except UnicodeError:  # UnicodeDecodeError, and the bare UnicodeError some codecs raise
            continue
        if codec == declared or codec != "cp949" or _looks_korean(text):
            return text, codec, 0
    utf8 = data.decode("utf-8", errors="replace")
    replaced = utf8.count("\ufffd")
    if replaced / max(len(utf8), 1) > REPLACEMENT_SHARE_FOR_CP949:
        legacy = data.decode("cp949", errors="replace")
        legacy_replaced = legacy.count("\ufffd")
        if legacy_replaced < replaced and _looks_korean(legacy):
            return legacy, "cp949", legacy_replaced
    return utf8, "utf-8", replaced


def normalise_text(text: str) -> str:
    """CRLF/CR to LF, NBSP and ideographic spaces to spaces, zero-width marks removed, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_SPACE.search(text):  # translate() is slow on long text; most pages have none of these
        text = text.translate(_SPACE_TRANSLATION)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# Charsets servers send by default whatever the page is: a meta charset is better evidence than these.
_SERVER_DEFAULT_CHARSETS = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "us-ascii", "ascii"})


def decode_page(raw: RawPage, hint: str | None = None) -> DecodedPage:
    """Decode a RawPage into a DecodedPage (see decode_bytes for the order of attempts).

    hint is the charset of the HTTP Content-Type header (a WARC record's), which the HTML standard
    puts before the page's own meta charset; a server default (ISO-8859-1) yields to the meta tag.
    """
    meta = declared_charset(raw.data) if raw.source_format == "html" else None
    hint = _ENCODING_ALIASES.get(hint.lower(), hint.lower()) if hint else None
    declared = meta if (hint is None or (hint in _SERVER_DEFAULT_CHARSETS and meta)) else hint
    text, encoding, replaced = decode_bytes(raw.data, declared)
    return DecodedPage(raw.source_path, raw.source_format, normalise_text(text), encoding, replaced)
