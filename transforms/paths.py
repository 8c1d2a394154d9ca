"""Source paths as text that every table can store, and document ids from the path's bytes.

A POSIX file name is bytes: any byte but '/' and NUL, in no promised encoding. Python reads names
that are not valid UTF-8 with surrogate escapes (os.fsdecode), which Arrow, Parquet and DuckDB
refuse to store. So a source path is stored as `path_text(name)`: the name itself when it is valid
UTF-8 (every name seen so far), else each undecodable byte written as `\\xHH`, the way Python prints
it. `path_bytes` turns the stored text back into the exact bytes, so the two round-trip, and the
document id is a hash of those bytes: for UTF-8 names it is the id they always had.

A backslash that could be read as an escape (a backslash before 'x' and two hex digits, or before
another backslash) is doubled, so every name round-trips; only names holding such a sequence, which
no real page name seen does, get a stored form (and an id) that differs from the name.
"""
from __future__ import annotations

import hashlib
import os
import re

DOC_ID_CHARS = 16  # 64 bits of sha256: collision-free for any realistic corpus
_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")  # what path_bytes decodes: '\\\\' -> '\\', '\\xHH' -> byte HH
_SURROGATE = re.compile("[\udc80-\udcff]")
_LITERAL_BACKSLASH = re.compile("\\\\(?=\\\\|x[0-9a-f]{2}|[\udc80-\udcff])")  # ... or before a byte to escape


def path_text(name: str | bytes) -> str:
    """A source path (bytes, or text from os.fsdecode) as storable UTF-8 text; see the module docstring.

    >>> path_text(b"19_bad_utf8_\\xff\\xfe.txt")
    '19_bad_utf8_\\\\xff\\\\xfe.txt'
    >>> path_text("광주/보도 자료.txt")
    '광주/보도 자료.txt'
    """
    text = os.fsdecode(name) if isinstance(name, bytes) else name
    if "\\" in text:
        text = _LITERAL_BACKSLASH.sub(r"\\\\", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return text


def path_bytes(text: str) -> bytes:
    """The exact bytes of a stored source path (the inverse of path_text)."""
    if "\\" not in text:
        return text.encode("utf-8", errors="surrogateescape")
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(text):
        out += text[position:match.start()].encode("utf-8", errors="surrogateescape")
        token = match.group(1)
        out += b"\\" if token == "\\" else bytes([int(token[1:], 16)])
        position = match.end()
    out += text[position:].encode("utf-8", errors="surrogateescape")
    return bytes(out)


def doc_id_for(source_path: str) -> str:
    """Stable document id: a hash of the stored source path's bytes (the same path, the same id)."""
    return hashlib.sha256(path_bytes(source_path)).hexdigest()[:DOC_ID_CHARS]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
