"""Split image captions that the scrape doubled and glued: 'A.A.BB' -> ['A.', 'B'].

The scraper writes each caption twice (img alt and figcaption) with no separator, and all of a
page's captions on one line. The split must stay linear in the line length: a 2 MB line of text
must not hang it, so each position tries a bounded number of candidate lengths.
"""
from __future__ import annotations

MIN_CAPTION_CHARS = 8  # shorter 'doubles' are ordinary letters ('ee' in 'committee'), not captions
# A Hangul syllable is a whole syllable block, about two Latin letters: '광주시청 전경' (7 chars) is a real
# caption, so a syllable counts double towards MIN_CAPTION_CHARS.
HANGUL_CHAR_WEIGHT = 2
MAX_CAPTION_CHARS = 4000  # the longest real caption seen is ~400 chars; bounds the work per position
# A caption's first chars, searched for to find where its second copy starts. It must not be longer than
# the shortest caption (4 syllables), or it would reach past the caption into its copy and never be found.
PROBE_CHARS = MIN_CAPTION_CHARS // HANGUL_CHAR_WEIGHT
MAX_CAPTIONS_PER_LINE = 40  # a page has a handful of photos; more 'captions' means a periodic string
MAX_CANDIDATES = 64  # probe hits tried per caption ('Gwangju ' recurs inside one caption); bounds the work


def _weight(text: str) -> int:
    """Length with each Hangul syllable counted HANGUL_CHAR_WEIGHT times."""
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return len(text) + (HANGUL_CHAR_WEIGHT - 1) * hangul


def _doubled_length(line: str, start: int) -> int:
    """Length L such that line[start:start+L] == line[start+L:start+2L], or 0 if none is found."""
    probe = line[start:start + PROBE_CHARS]
    if len(probe) < PROBE_CHARS:
        return 0
    limit = min(len(line), start + 2 * MAX_CAPTION_CHARS)
    position = start + PROBE_CHARS
    for _ in range(MAX_CANDIDATES):
        found = line.find(probe, position, limit)
        if found < 0:
            return 0
        length = found - start
        if (found + length <= len(line) and line[start:found] == line[found:found + length]
                and (length >= MIN_CAPTION_CHARS or _weight(line[start:found]) >= MIN_CAPTION_CHARS)):
            return length
        position = found + 1
    return 0


def split_doubled_captions(line: str) -> list[str] | None:
    """Captions of a doubled-caption line in order, or None when the line is not one.

    >>> split_doubled_captions("Night view of a hall.Night view of a hall.City BuildingCity Building")
    ['Night view of a hall.', 'City Building']
    """
    line = line.strip()
    captions: list[str] = []
    start = 0
    while start < len(line):
        length = _doubled_length(line, start)
        if not length:
            break
        caption = line[start:start + length].strip()
        # Real captions differ from their neighbour; 'abab abab' repeating is a periodic string.
        if (captions and caption == captions[-1]) or len(captions) >= MAX_CAPTIONS_PER_LINE:
            return None
        captions.append(caption)
        start += 2 * length
    if not captions or line[start:].strip():
        return None
    return captions
