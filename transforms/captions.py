"""Split image captions that the scrape doubled and glued: 'A.A.BB' -> ['A.', 'B'].

The scraper writes each caption twice (img alt and figcaption) with no separator, and all of a
page's captions on one line. The split must stay linear in the line length: a 2 MB line of text
must not hang it, so each position tries a bounded number of candidate lengths.
"""
from __future__ import annotations

MIN_CAPTION_CHARS = 8  # shorter 'doubles' are ordinary letters ('ee' in 'committee'), not captions
MAX_CAPTION_CHARS = 4000  # the longest real caption seen is ~400 chars; bounds the work per position
PROBE_CHARS = 8  # a caption's first chars, searched for to find where its second copy starts
MAX_CAPTIONS_PER_LINE = 40  # a page has a handful of photos; more 'captions' means a periodic string
MAX_CANDIDATES = 64  # probe hits tried per caption ('Gwangju ' recurs inside one caption); bounds the work


def _doubled_length(line: str, start: int) -> int:
    """Length L such that line[start:start+L] == line[start+L:start+2L], or 0 if none is found."""
    probe = line[start:start + PROBE_CHARS]
    if len(probe) < PROBE_CHARS:
        return 0
    limit = min(len(line), start + 2 * MAX_CAPTION_CHARS)
    position = start + MIN_CAPTION_CHARS
    for _ in range(MAX_CANDIDATES):
        found = line.find(probe, position, limit)
        if found < 0:
            return 0
        length = found - start
        if found + length <= len(line) and line[start:found] == line[found:found + length]:
            return length
        position = found + 1
    return 0


def split_doubled_captions(line: str) -> list[str] | None:
    """Captions of a doubled-caption line in order, or None when the line is not one.

    >>> split_doubled_captions("Night view of a hall.Night view of a hall.City BuildingCity Building")
    ['Night view of a hall.', 'City Building']
    """
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
