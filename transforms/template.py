"""Corpus-level template detection: lines that recur across many pages of a site are chrome.

A line's signature is its lower-cased text with digits masked, so 'Copyright 2019' and
'Copyright 2020' count as one line. Counts are per group (site and script), over distinct articles:
the copies of one article (a re-scrape, a print view, a syndicated story: transforms/dedup.py)
count once, so an article saved twice does not make its own lines look like chrome. HTML pages
also count DOM paths: chrome keeps its place in a site's pages while articles vary.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
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
    texts, length = [], 0
    for block in blocks:  # the first SCRIPT_SAMPLE_CHARS only: a long page's text is not joined whole
        texts.append(block.text)
        length += len(block.text)
        if length >= SCRIPT_SAMPLE_CHARS:
            break
    sample = "".join(texts)[:SCRIPT_SAMPLE_CHARS]
    # Hangul first (a scan for its one range, in C): a page without any is 'en' whatever its letters are,
    # and counting every letter run of an English page was half of this function's time
    hangul = sum(map(len, _HANGUL_RUN.findall(sample)))
    if not hangul:
        return "en"
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    return "ko" if hangul / letters >= HANGUL_GROUP_SHARE else "en"


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


HEADLINE_HINT = "title"  # an <h1>'s block (html.HINTS): the page's headline
EXACT_KEY = "\x1fexact:"  # exact headline signatures share the template set, in their own key space


def exact_signature(text: str) -> int:
    """A headline's key with its digits as written ('S-2 44th Parliament' and 'S-3 44th Parliament' differ)."""
    key = _WS.sub(" ", text.lower()).strip()
    return int.from_bytes(hashlib.blake2b((EXACT_KEY + key).encode("utf-8"), digest_size=8).digest(), "big")


def _numbered_headline(block: Block, signature: int | None) -> bool:
    """An <h1> with digits that could be a template line: its line signature masks what may be its own number."""
    return signature is not None and block.hint == HEADLINE_HINT and _DIGITS.search(block.text) is not None


MAX_RECORD_LABEL_CHARS = 40  # a record's label ('FORM NUMBER:', '등록일 :') is a few words; longer is a sentence
MAX_RECORD_LINE_CHARS = 120  # ... and its line a label and a short value ('EDITION DATE: 20000201'), not prose
_RECORD_LINE = re.compile(r"[^\W\d_][^:：]{0,%d}[:：]\s*\S" % (MAX_RECORD_LABEL_CHARS - 1))


def _numbered_record(block: Block, signature: int | None) -> bool:
    """A label/value record line whose value holds digits ('FORM NUMBER: DD3', '등록일 : 2024.05.01') that could
    be a template line: masked, every record of a site's form pages is one line; its exact value is the page's own.

    A form or board page's record is a column of label cells and value cells (<td>FORM NUMBER:</td><td>DD3</td>,
    <th>등록일 :</th><td>2024.05.01</td>) read as one line a row; the labels recur on every page of the site,
    the values differ, often in their digits only."""
    if signature is None or len(block.text) > MAX_RECORD_LINE_CHARS:
        return False
    shape = _RECORD_LINE.match(block.text)
    return shape is not None and _DIGITS.search(block.text, shape.end() - 1) is not None


def _own_numbered_line(block: Block, signature: int | None) -> bool:
    """A line whose masked signature may hide its own number: a numbered headline or a numbered record line."""
    return _numbered_headline(block, signature) or _numbered_record(block, signature)


def page_signatures(blocks: Iterable[Block], signatures: Iterable[int | None] | None = None) -> frozenset[int]:
    """Signatures of the lines of a page that could be template lines (from block_signatures if given), and the
    exact signature of each headline or record line with digits (see template_rules)."""
    blocks = list(blocks)
    signatures = block_signatures(blocks) if signatures is None else list(signatures)
    found = {s for s in signatures if s is not None}
    found.update(exact_signature(b.text) for b, s in zip(blocks, signatures) if _own_numbered_line(b, s))
    return frozenset(found)


def template_threshold(pages: int) -> int:
    """Distinct pages of a group a line must appear on to count as template."""
    return max(MIN_TEMPLATE_PAGES, math.ceil(TEMPLATE_PAGE_SHARE * pages))


DOM_PATH_KEY = "\x1fdom-path:"  # path signatures share the set of template signatures, in their own key space
CHROME_PATH_SHARE = 0.9  # a DOM path is chrome when its texts are template lines on 90% of the articles it is on
MIN_CHROME_PATH_PAGES = 3  # ... and it is on at least this many distinct articles (and the line threshold)
MAX_TEMPLATE_BODY_SHARE = 0.5  # template lines taking more than half of what the rules kept: suspect (see template_rules)
EDGE_RUN_SHARE = 0.25  # ... then only header and footer runs of at most a quarter of the kept text each are chrome
# ... and a box of the site's inside the page: a run of at least MIN_BOX_LINES template lines, each short (no
# paragraph of an article: at most MAX_BOX_LINE_CHARS), after a line of the page's own, holding a list whose items
# are all in the run ('If you are unable to find your form here, you may want to visit:' over a list of five links,
# on every form page of a site). An article that recurs (copies not grouped) recurs from its headline on, its
# paragraphs are long and in no list: no own line before it, or no short run, or no list of the site's in it.
MIN_BOX_LINES = 4
MAX_BOX_LINE_CHARS = 120
MIN_BOX_ITEMS = 2


def dom_path_signature(dom_path: str) -> int:
    """The signature of a DOM path (digits are masked as in line signatures: 'li.item3' = 'li.item7')."""
    return line_signature(DOM_PATH_KEY + dom_path)


def dom_pairs(blocks: Sequence[Block], signatures: Sequence[int | None]) -> tuple[tuple[int, int], ...]:
    """(path signature, line signature or 0) of each HTML block: what the DOM template pass counts."""
    # a page's blocks share a third as many paths, of a thousand characters and more on deep pages: each is hashed once
    by_path: dict[str, int] = {}
    pairs = []
    for block, signature in zip(blocks, signatures):
        path = block.dom_path
        if path:
            path_signature = by_path.get(path)
            if path_signature is None:
                path_signature = by_path[path] = dom_path_signature(path)
            pairs.append((path_signature, signature or 0))
    return tuple(pairs)


@dataclass
class TemplateStats:
    """Counts of line signatures over distinct articles, per group. Add pages, then ask for templates.

    An article is a duplicate group (transforms/dedup.py): its copies count once, so a line that
    recurs only among copies of one article is article text, not chrome. DOM paths are counted too:
    a path whose texts are template lines on CHROME_PATH_SHARE of the articles it appears on is
    chrome, and so is any other text found there (the site-style-tree idea: chrome keeps its place
    in the page, articles vary). Its signature joins the group's template set.
    """

    pages: Counter = field(default_factory=Counter)  # group -> distinct articles
    lines: dict[str, Counter] = field(default_factory=dict)  # group -> signature -> articles
    paths: dict[str, list[tuple[tuple[int, int], ...]]] = field(default_factory=dict)  # group -> DOM pairs a page
    seen: set[tuple[str, str]] = field(default_factory=set)  # (group, article) already counted

    def add(self, group: str, article: str, signatures: Iterable[int],
            pairs: Iterable[tuple[int, int]] = ()) -> None:
        """Count one page's signatures (and DOM pairs) once per article of its group."""
        if (group, article) in self.seen:
            return
        self.seen.add((group, article))
        self.pages[group] += 1
        self.lines.setdefault(group, Counter()).update(set(signatures))
        pairs = tuple(pairs)
        if pairs:
            self.paths.setdefault(group, []).append(pairs)

    def templates(self) -> dict[str, frozenset[int]]:
        """group -> signatures of lines (and DOM paths) that recur often enough to be chrome."""
        result = {}
        for group, counts in self.lines.items():
            floor = template_threshold(self.pages[group])
            lines = frozenset(sig for sig, n in counts.items() if n >= floor)
            per_article = [template_paths(pairs, lines) for pairs in self.paths.get(group, [])]
            result[group] = lines | chrome_paths(per_article, floor)
        return result


def template_paths(pairs: Iterable[tuple[int, int]], lines: frozenset[int]) -> dict[int, bool]:
    """For one page: DOM path -> whether every text the page holds at that path is a template line."""
    result: dict[int, bool] = {}
    for path, text in pairs:
        result[path] = result.get(path, True) and text in lines
    return result


def chrome_paths(per_article: Iterable[dict[int, bool]], floor: int) -> frozenset[int]:
    """Path signatures on >= max(floor, MIN_CHROME_PATH_PAGES) articles whose texts there are template
    lines on CHROME_PATH_SHARE of them. per_article: for each article, path -> 'all its texts are templates'."""
    seen: Counter = Counter()
    chrome: Counter = Counter()
    for paths in per_article:
        for path, all_template in paths.items():
            seen[path] += 1
            chrome[path] += all_template
    least = max(floor, MIN_CHROME_PATH_PAGES)
    return frozenset(path for path, n in seen.items() if n >= least and chrome[path] >= CHROME_PATH_SHARE * n)


def template_rules(blocks: Sequence[Block], signatures: Sequence[int | None], templates: frozenset[int],
                   kept: Sequence[bool]) -> list[str | None]:
    """For each block the template rule that removes it: 'template', 'dom_template' or None.

    'template': its line recurs on the site's distinct articles; 'dom_template': it sits at a DOM
    path that holds chrome on the site's pages. Only kept blocks (no earlier rule took them) are
    marked. A headline (<h1>) with digits whose exact text (digits as written) recurs on no other article is
    the page's own, however alike its masked line (two bills 'S-2 44th Parliament ...' and 'S-3 44th Parliament
    ...', two meetings '2024-05 정기회의' and '2024-06 정기회의'); so is a label/value record line with digits in
    its value ('FORM NUMBER: DD3' and 'FORM NUMBER: DD285', '등록일 : 2024.05.01' and '등록일 : 2024.06.03'). Guard: when these rules would take more than MAX_TEMPLATE_BODY_SHARE of the kept text,
    the statistics are suspect (copies that were not grouped, a tiny corpus): only the runs of
    template lines at the top and the bottom of the page are removed, where chrome sits, and only
    as far as each stays within EDGE_RUN_SHARE of the kept text.
    """
    rules: list[str | None] = [None] * len(blocks)
    if not templates:
        return rules
    for i, (block, signature) in enumerate(zip(blocks, signatures)):
        if not kept[i]:
            continue
        if _own_numbered_line(block, signature) and exact_signature(block.text) not in templates:
            continue  # its headline or record line recurs only with other digits ('S-2 ...', 'S-3 ...',
            # 'FORM NUMBER: DD3', 'FORM NUMBER: DD285'): the page's own number
        if signature is not None and signature in templates:
            rules[i] = "template"
        elif block.dom_path and dom_path_signature(block.dom_path) in templates:
            rules[i] = "dom_template"
    for i in _numbered_in_own_series(blocks, rules, kept):
        rules[i] = None
    kept_chars = sum(len(b.text) for b, k in zip(blocks, kept) if k)
    hit_chars = sum(len(b.text) for b, rule in zip(blocks, rules) if rule)
    if hit_chars <= MAX_TEMPLATE_BODY_SHARE * kept_chars:
        return rules
    order = [i for i in range(len(blocks)) if kept[i]]
    edges = _edge_run(blocks, rules, order, kept_chars) | _edge_run(blocks, rules, order[::-1], kept_chars)
    edges |= _inner_boxes(blocks, rules, order)
    return [rule if i in edges else None for i, rule in enumerate(rules)]


# A clause number opening a line: '2.', '2.1', '1.3.2' (dotted, up to three digits a step: '2024.05.01' is a date)
# or '제3조' (a Korean rule's article), then a space or a bracket ('제1조(목적)').
_CLAUSE_NUMBER = re.compile(r"(?:(\d{1,3}(?:\.\d{1,3}){0,5})\.?|제\s?(\d{1,3})\s?조)(?=[\s(（])")


def clause_number(text: str) -> tuple[int, ...] | None:
    """The clause number a line opens with, as a tuple, or None.

    >>> clause_number("2.1 This standard takes effect on September 27, 2024."), clause_number("제3조(정의)")
    ((2, 1), (3,))
    >>> clause_number("2024.05.01 공지") is None, clause_number("3.5% growth") is None
    (True, True)
    """
    found = _CLAUSE_NUMBER.match(text)
    if found is None:
        return None
    return tuple(int(n) for n in (found.group(1) or found.group(2)).split("."))


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """True when clause after comes next to clause before: its first sub-clause ('1.4' then '1.4.1') or the next
    clause of its level or of a level above ('1.4.2' then '1.5' or '2.')."""
    if len(after) == len(before) + 1:
        return after[:-1] == before and after[-1] == 1
    return len(after) <= len(before) and after[:-1] == before[:len(after) - 1] and after[-1] == before[len(after) - 1] + 1


def _numbered_in_own_series(blocks: Sequence[Block], rules: Sequence[str | None], kept: Sequence[bool]) -> list[int]:
    """Template lines that are clauses of the page's own numbered series: a run of the content's numbered lines,
    each the clause next to the one before it ('1.3', '1.4', '1.4.1', '2.', '2.1'), that holds a line of the page's
    own. A series of documents (a government's standards, a council's rules) shares clauses and headings word for
    word ('2. Effective date', '6.1 For interpretation of this standard, contact ...', '제5조(시행일)') between each
    one's own clauses; a site's box is not numbered on from the article's last clause."""
    found: list[int] = []
    series: list[int] = []
    own = False
    last: tuple[int, ...] | None = None
    for i in [*range(len(blocks)), None]:
        number = clause_number(blocks[i].text) if i is not None and kept[i] else None
        if i is not None and number is None:
            continue
        if number is None or last is None or not _follows(last, number):
            if own:
                found.extend(j for j in series if rules[j] is not None)
            series, own = [], False
        if i is not None:
            series.append(i)
            own = own or rules[i] is None
            last = number
    return found


def _inner_boxes(blocks: Sequence[Block], rules: Sequence[str | None], order: Sequence[int]) -> set[int]:
    """The runs of at least MIN_BOX_LINES short template lines (MAX_BOX_LINE_CHARS) after the page's first own
    line that hold a whole list of the site's (_holds_whole_list): a box of the site's inside a page whose own
    text has begun (see MIN_BOX_LINES)."""
    found: set[int] = set()
    run: list[int] = []
    own_seen = False
    for i in [*order, None]:
        if i is not None and rules[i] is not None and len(blocks[i].text) <= MAX_BOX_LINE_CHARS:
            run.append(i)
            continue
        if own_seen and len(run) >= MIN_BOX_LINES and _holds_whole_list(blocks, run, order):
            found.update(run)
        run = []
        own_seen = own_seen or (i is not None and rules[i] is None)
    return found


def _holds_whole_list(blocks: Sequence[Block], run: Sequence[int], order: Sequence[int]) -> bool:
    """True when the run holds MIN_BOX_ITEMS items or more of one list (blocks at one DOM path ending in <li>)
    and every kept block of that list is in the run: the site's list, none of the page's own lines in it."""
    lists = {blocks[i].dom_path.rpartition("/")[0] for i in run
             if blocks[i].dom_path.rpartition("/")[2].split(".", 1)[0] == "li"}
    inside = set(run)
    for box in lists:
        members = [i for i in order if blocks[i].dom_path.rpartition("/")[0] == box]
        if len(members) >= MIN_BOX_ITEMS and all(i in inside for i in members):
            return True
    return False


def _edge_run(blocks: Sequence[Block], rules: Sequence[str | None], order: Sequence[int], kept_chars: int) -> set[int]:
    """The template lines at one edge of the page (order runs from that edge inward), as long as they
    are a small share of the kept text: beyond EDGE_RUN_SHARE it is the article that recurs, not chrome."""
    run: set[int] = set()
    chars = 0
    for i in order:
        chars += len(blocks[i].text)
        if rules[i] is None or chars > EDGE_RUN_SHARE * kept_chars:
            break
        run.add(i)
    return run
