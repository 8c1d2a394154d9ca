"""Near-duplicate pages: fingerprint each page's article text, group pages whose articles are the same.

A re-scrape with a new view count, a print view, the same release under two board URLs and a story
syndicated to another city's site are one article. Template statistics count over these groups
(a line that recurs only within one group is article text, not chrome), and the warehouse records
each page's group and the group's canonical copy.

Fingerprint: word 3-shingles of the page's blocks, shingles never crossing a block, metadata lines
left out (a re-scrape's new view count sits there). Menu entries, buttons and skip links (one or
two words) make no 3-shingle, so a syndicated story under another site's chrome keeps nearly the
same shingles: estimated Jaccard 0.89-1.0 on the generated corpus. Asking the named chrome rules
(transforms/rules.py) as well made the fingerprint 4-5x dearer (about 1 ms a page, more than the
scan it rides on) for no measured gain, so it does not (BENCHMARKS.md). The shingle set is
summarised by one-permutation MinHash (Li, Owen and Zhang 2012: one 64-bit hash a shingle, the
minimum in each of FINGERPRINT_BINS bins, empty bins filled by rotation), which costs one hash per
shingle instead of one per shingle and permutation.

Grouping: banded LSH over the fingerprints (LSH_BANDS bands of LSH_ROWS values), each candidate
pair verified on the whole fingerprint (estimated Jaccard >= DUPLICATE_JACCARD), then connected
components. Pages with equal bytes are grouped whatever their fingerprint. Linear in pages: one
sort of the band keys per band.
"""
from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from cityclips.transforms.metadata import is_metadata_line
from cityclips.transforms.records import Block

SHINGLE_WORDS = 3  # word 3-grams: short chrome items (one or two words) make none
MIN_BLOCK_SHINGLES = 3  # a page with fewer shingles than this is shingled across its blocks instead
FINGERPRINT_BINS = 64  # values a fingerprint: 256 bytes a page; the Jaccard estimate's error at 0.8 is 0.05
LSH_ROWS = 4  # values a band: a pair at Jaccard 0.8 shares a band with p = 1 - (1 - 0.8^4)^16 = 0.9998 (0.7: 0.988)
LSH_BANDS = FINGERPRINT_BINS // LSH_ROWS  # ... and a pair at Jaccard 0.3 only with p = 0.12, then is verified
DUPLICATE_JACCARD = 0.7  # copies differ by a view count or some chrome (J 0.8-1.0 measured); distinct
#                          articles of one site share a few stock sentences at most (J < 0.1)
MAX_FINGERPRINT_CHARS = 50_000  # articles average 5-7 KB; the first 50,000 characters tell copies apart, and a
#                                 2 MB one-line page is fingerprinted in milliseconds instead of 0.6 s
MAX_METADATA_LINE_CHARS = 200  # a metadata line ('Name : admin Date : ... 75') is short; a long line is prose
EMPTY = np.uint32(0xFFFFFFFF)  # an empty bin; a fingerprint of EMPTY only is a page without article text
_SHINGLE_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_BIN_SHIFT = np.uint64(64 - FINGERPRINT_BINS.bit_length() + 1)  # the top log2(bins) bits choose the bin


def _mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection that spreads every input bit over the output (wraps mod 2^64)."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def article_lines(blocks: Iterable[Block]) -> list[str]:
    """The page's lines that could be article text: its blocks minus metadata lines and, on an HTML
    page, the blocks outside its main-content region (excluded_by: another site's chrome)."""
    lines = []
    for block in blocks:
        if block.excluded_by:
            continue
        text = block.text
        # a line of fewer than SHINGLE_WORDS words makes no shingle either way
        if len(text) < MAX_METADATA_LINE_CHARS and text.count(" ") >= SHINGLE_WORDS - 1 and is_metadata_line(text):
            continue
        lines.append(text)
    return lines


def _separator_table() -> np.ndarray:
    table = np.zeros(256, bool)
    for char in string.whitespace + string.punctuation:
        table[ord(char)] = True
    return table


_SEPARATOR = _separator_table()  # ASCII spaces and punctuation end a word; any other byte is part of one
MAX_WORD_BYTES = 64  # bytes of a word that its hash reads; longer runs are URLs or junk
_POWERS = np.cumprod(np.concatenate(([1], np.full(MAX_WORD_BYTES - 1, 0x100000001B3))).astype(np.uint64))  # P^0 .. P^63


def word_hashes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(64-bit hash of each word, line number of each word) of text, all in numpy.

    Words are runs of bytes between ASCII spaces and punctuation, lower-cased, so 'Gwangju,' and
    'gwangju' are one word and a Hangul eojeol is one word. A polynomial hash over each word's UTF-8
    bytes, summed with np.add.reduceat: about 20x faster than a Python hash call per word.
    """
    data = np.frombuffer(text.lower().encode("utf-8"), np.uint8)
    if not len(data):
        return np.empty(0, np.uint64), np.empty(0, np.intp)
    separator = _SEPARATOR[data]
    in_word = ~separator
    begins = in_word.copy()
    begins[1:] &= separator[:-1]
    starts = np.flatnonzero(begins)
    if not len(starts):
        return np.empty(0, np.uint64), np.empty(0, np.intp)
    word_of_byte = np.cumsum(begins) - 1
    position = np.arange(len(data)) - starts[np.maximum(word_of_byte, 0)]
    weights = _POWERS[np.clip(position, 0, MAX_WORD_BYTES - 1)]
    contribution = np.where(in_word, (data.astype(np.uint64) + np.uint64(1)) * weights, np.uint64(0))
    hashes = _mix64(np.add.reduceat(contribution, starts))
    lines = np.cumsum(data == 10)[starts]
    return hashes, lines


def shingle_hashes(lines: Sequence[str]) -> np.ndarray:
    """64-bit hashes of the word 3-shingles of lines (repeats kept), within a line (across lines if too few)."""
    hashes, line_of = word_hashes("\n".join(line.replace("\n", " ") for line in lines))
    if len(hashes) < SHINGLE_WORDS:
        return hashes  # a MinHash takes minima: repeated shingles need no removal
    span = len(hashes) - SHINGLE_WORDS + 1
    combined = np.zeros(span, np.uint64)
    for offset, multiplier in enumerate(_SHINGLE_MULTIPLIERS[:SHINGLE_WORDS]):
        combined = _mix64(combined ^ (hashes[offset:offset + span] * multiplier))
    within = line_of[:span] == line_of[SHINGLE_WORDS - 1:]
    if int(within.sum()) >= MIN_BLOCK_SHINGLES:
        combined = combined[within]
    return combined


def minhash(hashes: np.ndarray) -> np.ndarray:
    """One-permutation MinHash of a set of 64-bit hashes: FINGERPRINT_BINS uint32 values.

    The top bits of a hash choose its bin, the low 32 bits are its value; each bin keeps its
    minimum. An empty bin takes the value of the next non-empty bin to its right (circularly),
    re-mixed with the distance, so two pages agree on it only when they agree on that bin.
    """
    fingerprint = np.full(FINGERPRINT_BINS, EMPTY, np.uint32)
    if not len(hashes):
        return fingerprint
    bins = (hashes >> _BIN_SHIFT).astype(np.intp)
    np.minimum.at(fingerprint, bins, (hashes & np.uint64(0xFFFFFFFE)).astype(np.uint32))  # never EMPTY
    filled = np.flatnonzero(fingerprint != EMPTY)
    if len(filled) < FINGERPRINT_BINS:
        empty = np.flatnonzero(fingerprint == EMPTY)
        nearest = np.searchsorted(filled, empty) % len(filled)
        distance = (filled[nearest] - empty) % FINGERPRINT_BINS
        borrowed = fingerprint[filled[nearest]].astype(np.uint64) + distance.astype(np.uint64) * _SHINGLE_MULTIPLIERS[1]
        fingerprint[empty] = (_mix64(borrowed) & np.uint64(0xFFFFFFFE)).astype(np.uint32)
    return fingerprint


@dataclass(frozen=True)
class Fingerprint:
    """A page's article fingerprint: MinHash values (as bytes) and how much article text it covers."""

    values: bytes  # FINGERPRINT_BINS little-endian uint32; all EMPTY when the page has no article text
    article_chars: int  # characters of the article lines: 'the most complete copy' has the most

    @property
    def empty(self) -> bool:
        return self.values == EMPTY_FINGERPRINT


EMPTY_FINGERPRINT = np.full(FINGERPRINT_BINS, EMPTY, np.uint32).tobytes()


def page_fingerprint(blocks: Iterable[Block]) -> Fingerprint:
    """The fingerprint of a page's article text (see the module docstring)."""
    lines = article_lines(blocks)
    values = minhash(shingle_hashes(_head(lines, MAX_FINGERPRINT_CHARS)))
    return Fingerprint(values.astype("<u4").tobytes(), sum(map(len, lines)))


def _head(lines: Sequence[str], limit: int) -> list[str]:
    """The first `limit` characters of lines (the last one cut): what a fingerprint reads."""
    head: list[str] = []
    for line in lines:
        if limit <= 0:
            break
        head.append(line[:limit])
        limit -= len(line)
    return head


def fingerprint_matrix(values: Sequence[bytes]) -> np.ndarray:
    """(pages, FINGERPRINT_BINS) uint32 matrix from Fingerprint.values bytes."""
    if not values:
        return np.empty((0, FINGERPRINT_BINS), np.uint32)
    return np.frombuffer(b"".join(values), "<u4").reshape(len(values), FINGERPRINT_BINS)


def similarity(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of fingerprints, row by row (1-D arrays give a scalar array)."""
    return (np.asarray(first) == np.asarray(second)).mean(axis=-1)


def _band_keys(matrix: np.ndarray, band: int) -> np.ndarray:
    columns = matrix[:, band * LSH_ROWS:(band + 1) * LSH_ROWS].astype(np.uint64)
    key = np.zeros(len(matrix), np.uint64)
    for column in range(LSH_ROWS):
        key = _mix64(key ^ (columns[:, column] * _SHINGLE_MULTIPLIERS[column % 3]))
    return key


def candidate_pairs(matrix: np.ndarray) -> np.ndarray:
    """(pairs, 2) row indices that share a band and are similar enough, each pair once (i < j).

    In each band the pages are sorted by band key and neighbours with equal keys are paired, so a
    band costs one sort whatever the size of its buckets (100 copies give 99 pairs, not 4,950).
    """
    valid = np.flatnonzero(~(matrix == EMPTY).all(axis=1))
    if len(valid) < 2:
        return np.empty((0, 2), np.intp)
    sub = matrix[valid]
    found = []
    for band in range(LSH_BANDS):
        keys = _band_keys(sub, band)
        order = np.argsort(keys, kind="stable")
        same = np.flatnonzero(keys[order[1:]] == keys[order[:-1]])
        if len(same):
            found.append(np.stack([order[same], order[same + 1]], axis=1))
    if not found:
        return np.empty((0, 2), np.intp)
    pairs = np.unique(np.sort(np.concatenate(found), axis=1), axis=0)
    close = similarity(sub[pairs[:, 0]], sub[pairs[:, 1]]) >= DUPLICATE_JACCARD
    return valid[pairs[close]]


def _components(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Union-find: the smallest member index of each row's component."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(i) for i in range(count)]


def duplicate_components(matrix: np.ndarray, content_hashes: Sequence[str] = ()) -> list[int]:
    """For each page (row), the index of the first page of its duplicate group (itself when alone).

    Pages are in one group when their fingerprints are near-duplicates (transitively), or when
    their bytes are equal (content_hashes, when given: pages without article text still group).
    """
    pairs = [tuple(p) for p in candidate_pairs(matrix).tolist()]
    if content_hashes:
        first_of: dict[str, int] = {}
        for index, digest in enumerate(content_hashes):
            if digest:
                pairs.append((first_of.setdefault(digest, index), index))
    return _components(len(matrix), pairs)


@dataclass(frozen=True)
class Copy:
    """A page as the grouping sees it: identity, fingerprint, and what orders the copies."""

    source_path: str
    doc_id: str
    content_sha256: str
    fingerprint: bytes
    article_chars: int


@dataclass(frozen=True)
class Assignment:
    """A page's duplicate group and the group's canonical page, both as doc_ids."""

    duplicate_group: str  # doc_id of the group's first copy by source path
    canonical_doc_id: str  # doc_id of its most complete copy (most article text, then the first by source path)
    copies: int  # pages in the group, this one included


def assign_groups(copies: Sequence[Copy]) -> list[Assignment]:
    """Group the copies and name each group by its first copy (by source path) and its canonical one.

    Both are functions of the pages alone (not of file times, which change when a corpus is copied),
    so two runs over the same pages agree. The most complete copy is the one an analyst should read:
    a truncated re-scrape or a print view is never canonical while the full page is there.
    """
    roots = duplicate_components(fingerprint_matrix([c.fingerprint for c in copies]),
                                 [c.content_sha256 for c in copies])
    members: dict[int, list[int]] = {}
    for index, root in enumerate(roots):
        members.setdefault(root, []).append(index)
    result: list[Assignment | None] = [None] * len(copies)
    for group in members.values():
        first = min(group, key=lambda i: copies[i].source_path)
        canonical = min(group, key=lambda i: (-copies[i].article_chars, copies[i].source_path))
        assignment = Assignment(copies[first].doc_id, copies[canonical].doc_id, len(group))
        for index in group:
            result[index] = assignment
    return result  # type: ignore[return-value]
