"""Corpus-level template detection: lines that recur across many pages of a site are chrome.

A line's signature is its lower-cased text with digits masked, so 'Copyright 2019' and
'Copyright 2020' count as one line. Counts are per group (site folder and script), over distinct
page contents, so a page saved twice under two names does not make its own lines look like chrome.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cityclips.transforms.records import Block

MAX_TEMPLATE_LINE_CHARS = 300  # chrome lines are short; long recurring lines are quoted boilerplate prose
MIN_TEMPLATE_PAGES = 2  # a line on one page is just a line; on two distinct pages of a site, a candidate
TEMPLATE_PAGE_SHARE = 0.05  # ... but in a large corpus it must recur on 5% of the group's pages
MIN_TEMPLATE_LETTERS = 2  # '1.' or '-' alone recur everywhere and mean nothing
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]")  # at least MIN_TEMPLATE_LETTERS letters, found in C
HANGUL_GROUP_SHARE = 0.3  # a page whose letters are 30% Hangul is a Korean page, for grouping

_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")


def line_signature(text: str) -> int:
    """A stable 64-bit key for a line: lower-cased, digits masked, whitespace collapsed, hashed.

    Integers, not hex strings: a 100,000-page corpus holds millions of them in memory at once.

    >>> line_signature("Copyright 2019 Gwangju") == line_signature("copyright  2020 gwangju")
    True
    """
    key = text.lower()
    if _DIGITS.search(key):
        key = _DIGITS.sub("0", key)
    if "  " in key or "\t" in key or key[:1].isspace() or key[-1:].isspace():  # blocks are collapsed already
        key = _WS.sub(" ", key).strip()
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


SCRIPT_SAMPLE_CHARS = 6_000  # the script of a page is clear from its first few thousand characters
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def script_group(blocks: Iterable[Block]) -> str:
    """'ko' when Hangul makes up a good share of the page's letters, else 'en'."""
    sample = "".join(b.text for b in blocks)[:SCRIPT_SAMPLE_CHARS]
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    hangul = sum(map(len, _HANGUL_RUN.findall(sample)))
    return "ko" if letters and hangul / letters >= HANGUL_GROUP_SHARE else "en"


def page_group(source_path: str, blocks: Iterable[Block], site: str | None = None) -> str:
    """The template group of a page: its site and its script.

    The site is the URL's host when known (source.site_of), else the top folder under the input root.
    """
    if not site:
        parts = source_path.split("/")
        site = parts[0] if len(parts) > 1 else ""
    return f"{site}|{script_group(blocks)}"


def block_signatures(blocks: Iterable[Block]) -> list[int | None]:
    """Each block's signature, or None for a line that cannot be a template line (long, no letters)."""
    return [line_signature(b.text) if len(b.text) <= MAX_TEMPLATE_LINE_CHARS and _TWO_LETTERS.search(b.text)
            else None for b in blocks]


def page_signatures(blocks: Iterable[Block], signatures: Iterable[int | None] | None = None) -> frozenset[int]:
    """Signatures of the lines of a page that could be template lines (from block_signatures if given)."""
    return frozenset(s for s in (block_signatures(blocks) if signatures is None else signatures) if s is not None)


def template_threshold(pages: int) -> int:
    """Distinct pages of a group a line must appear on to count as template."""
    return max(MIN_TEMPLATE_PAGES, math.ceil(TEMPLATE_PAGE_SHARE * pages))


@dataclass
class TemplateStats:
    """Counts of line signatures over distinct pages, per group. Add pages, then ask for templates."""

    pages: Counter = field(default_factory=Counter)  # group -> distinct pages
    lines: dict[str, Counter] = field(default_factory=dict)  # group -> signature -> pages
    seen: set[str] = field(default_factory=set)  # content hashes already counted

    def add(self, group: str, content_sha256: str, signatures: Iterable[int]) -> None:
        """Count one page's signatures once per distinct content."""
        if content_sha256 in self.seen:
            return
        self.seen.add(content_sha256)
        self.pages[group] += 1
        self.lines.setdefault(group, Counter()).update(set(signatures))

    def templates(self) -> dict[str, frozenset[int]]:
        """group -> signatures that recur often enough to be chrome."""
        result = {}
        for group, counts in self.lines.items():
            floor = template_threshold(self.pages[group])
            result[group] = frozenset(sig for sig, n in counts.items() if n >= floor)
        return result
