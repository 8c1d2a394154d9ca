"""transforms/paths.py: exact stored forms, byte round trips and ids (issue 19, mutation survivors).

path_text and path_bytes were reached only by tests/flows, which mutmut leaves out; these tests pin
each step by value: the escape of a byte, the doubling of a backslash, the decoding of each token,
the pieces of text between escapes, and the ids as known sha256 prefixes.
"""
from __future__ import annotations

import hashlib
import itertools

import pytest

from cityclips.transforms.paths import DOC_ID_CHARS, doc_id_for, path_bytes, path_text, sha256_of

BACKSLASH = "\\"

# (name as bytes, its stored text): every kind of name the module docstring describes
CASES = [
    (b"plain.txt", "plain.txt"),
    ("광주/보도 자료.txt".encode(), "광주/보도 자료.txt"),
    (b"19_bad_utf8_\xff\xfe.txt", "19_bad_utf8_" + BACKSLASH + "xff" + BACKSLASH + "xfe.txt"),
    (b"\x80", BACKSLASH + "x80"),
    (b"a\x9fb", "a" + BACKSLASH + "x9fb"),
    # a literal backslash before 'x' and two hex digits is doubled, so it does not read as an escape
    (b"dir\\x41.txt", "dir" + BACKSLASH * 2 + "x41.txt"),
    # two backslashes: the first (before a backslash) is doubled, the second (before 'b') is not
    (b"a\\\\b", "a" + BACKSLASH * 3 + "b"),
    # a backslash before an undecodable byte is doubled, then the byte escaped
    (b"a\\\xffz", "a" + BACKSLASH * 2 + BACKSLASH + "xffz"),
    # a backslash before anything else stays single
    (b"a\\b", "a" + BACKSLASH + "b"),
    (b"a\\xg1", "a" + BACKSLASH + "xg1"),
    (b"a\\xAB", "a" + BACKSLASH + "xAB"),  # upper-case hex is not an escape
    ("서울\\x1f시".encode(), "서울" + BACKSLASH * 2 + "x1f시"),
]


@pytest.mark.parametrize(("name", "stored"), CASES)
def test_each_name_has_its_exact_stored_text(name: bytes, stored: str) -> None:
    assert path_text(name) == stored


@pytest.mark.parametrize(("name", "stored"), CASES)
def test_text_read_with_surrogate_escapes_stores_as_the_bytes_do(name: bytes, stored: str) -> None:
    assert path_text(name.decode("utf-8", errors="surrogateescape")) == stored


@pytest.mark.parametrize(("name", "stored"), CASES)
def test_stored_text_turns_back_into_the_exact_bytes(name: bytes, stored: str) -> None:
    assert path_bytes(stored) == name
    assert path_bytes(path_text(name)) == name


def test_every_short_name_of_tricky_bytes_round_trips() -> None:
    alphabet = [b"\\", b"x", b"4", b"f", b"\xff", b"a"]
    for length in range(1, 6):
        for parts in itertools.product(alphabet, repeat=length):
            name = b"".join(parts)
            assert path_bytes(path_text(name)) == name, name


def test_stored_text_is_storable_utf8() -> None:
    for name, _ in CASES:
        path_text(name).encode("utf-8")  # raises on a surrogate left in


def test_every_escapable_byte_is_written_as_two_lower_case_hex_digits() -> None:
    for byte in range(0x80, 0x100):
        stored = path_text(bytes([byte]))
        assert stored == f"{BACKSLASH}x{byte:02x}"
        assert path_bytes(stored) == bytes([byte])


def test_each_escape_token_decodes_to_its_byte() -> None:
    assert path_bytes(BACKSLASH + "x1f") == b"\x1f"  # base 16, both digits: not 0x0f nor 1*17+15
    assert path_bytes(BACKSLASH + "x0a") == b"\n"
    assert path_bytes(BACKSLASH + "x00") == b"\x00"
    assert path_bytes(BACKSLASH + "xff") == b"\xff"
    assert path_bytes(BACKSLASH * 2) == b"\\"
    assert path_bytes(BACKSLASH * 4) == b"\\\\"


def test_text_between_and_around_escapes_is_kept_in_order() -> None:
    stored = "ab" + BACKSLASH + "x41cd" + BACKSLASH * 2 + "ef" + BACKSLASH + "x42gh"
    assert path_bytes(stored) == b"abAcd\\efBgh"
    assert path_bytes("광" + BACKSLASH + "xff주") == "광".encode() + b"\xff" + "주".encode()


def test_a_backslash_that_is_no_escape_stays_a_backslash() -> None:
    assert path_bytes("a" + BACKSLASH + "b") == b"a\\b"
    assert path_bytes("a" + BACKSLASH) == b"a\\"
    assert path_bytes(BACKSLASH + "xAB") == b"\\xAB"
    assert path_bytes(BACKSLASH + "x4") == b"\\x4"


def test_surrogates_turn_back_into_their_bytes_with_or_without_a_backslash() -> None:
    assert path_bytes("a\udcffb") == b"a\xffb"
    assert path_bytes("\udc80" + BACKSLASH + "x41\udcfe" + BACKSLASH + "b\udcfd") == b"\x80A\xfe\\b\xfd"


def test_non_ascii_text_is_encoded_as_utf8() -> None:
    assert path_bytes("광주") == "광주".encode("utf-8")
    assert path_bytes("광주" + BACKSLASH) == "광주".encode("utf-8") + b"\\"


def test_doc_id_is_the_first_sixteen_hex_digits_of_the_sha256_of_the_bytes() -> None:
    assert DOC_ID_CHARS == 16
    assert doc_id_for("광주/보도 자료.txt") == "07fb160869d1f897"
    assert doc_id_for("abc") == "ba7816bf8f01cfea"
    stored = path_text(b"19_bad_utf8_\xff\xfe.txt")
    assert doc_id_for(stored) == hashlib.sha256(b"19_bad_utf8_\xff\xfe.txt").hexdigest()[:16]
    assert doc_id_for(stored) != hashlib.sha256(stored.encode()).hexdigest()[:16]


def test_sha256_of_is_the_full_hex_digest() -> None:
    assert sha256_of(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert sha256_of(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
