"""Boxes that follow an article's body inside its region and are not part of it, decided by size and position.

After an article's last paragraph, its main-content region often holds boxes of its own: an author's
bio, a disclaimer, a newsletter sign-up, a 'related' teaser, a rating widget, a press contact card.
jusText calls such blocks boilerplate by context (short blocks beside boilerplate); readability keeps
a sibling only when it scores close to the article. Here the same idea works on the blocks: the box
that holds most of the article's prose is the article's body (its home). A box that comes after the
body's last paragraph, outside the home, is the article's furniture when it is small beside the body
(under a quarter of its prose) and holds no full paragraph of its own, or when its own name says
chrome or author ('post-author', 'article-footer': a class is evidence, here beside the position).
Its fact lines ('label : value' with digits) stay: a contact or a place after a notice is the notice's.
A large box after the body (a second section, a results table, an FAQ) or one with a paragraph of
real length stays. Size and position carry the rule, so it is the same in every language.
"""
from __future__ import annotations

from collections.abc import Sequence

# html.py's block measures, so that the article's edges and its tail read a block the same way
from cityclips.transforms.html import box_path, is_attribution_line, is_info_line, reads_as_prose, text_weight
from cityclips.transforms.records import Block
from cityclips.transforms.region import NAVIGATION_WORDS, NEGATIVE_PREFIXES, STRONG_NEGATIVE_WORDS, class_words

ARTICLE_TAIL = "article_tail"
MIN_HOME_WEIGHT = 500  # weighted chars of prose: a few paragraphs; a thinner article (a notice of fields) keeps its boxes
MAX_TAIL_SHARE = 0.25  # a box after the body holding under a quarter of the body's prose is furniture ...
FULL_PARAGRAPH_WEIGHT = 250  # ... unless it holds a paragraph of this length (a real paragraph, two or three lines)
# After the body a box named for the author or as chrome is furniture whatever its size (a long bio, a
# disclaimer): a content word beside the name ('post-author', 'article-footer') names whose furniture it is.
AUTHOR_WORDS = frozenset({"author", "byline", "bio", "biography", "disclaimer"})
CHROME_TAGS = frozenset({"footer", "aside", "nav"})
BODY_HINTS = frozenset({"li", "cell"})  # list items and table rows among the body's paragraphs are its text too


def _under(path: str, home: str) -> bool:
    return path == home or path.startswith(home + "/")


def _home(blocks: Sequence[Block], content: Sequence[bool]) -> tuple[str, int]:
    """The box holding the most prose among the content blocks, and that prose's weight."""
    weights: dict[str, int] = {}
    for block, kept in zip(blocks, content):
        if kept and block.hint == "p" and reads_as_prose(block):
            path = box_path(block)
            weights[path] = weights.get(path, 0) + text_weight(block.text)
    if not weights:
        return "", 0
    home = max(weights, key=weights.get)
    return home, weights[home]


def article_home(blocks: Sequence[Block], content: Sequence[bool]) -> str:
    """The DOM path of the box holding most of the article's prose among the content blocks ('' for none)."""
    return _home(blocks, content)[0]


def _tail_box(path: str, home: str) -> str:
    """The box right below the deepest ancestor that path shares with home: the unit judged whole."""
    steps, home_steps = path.split("/"), home.split("/")
    shared = 0
    while shared < min(len(steps), len(home_steps)) and steps[shared] == home_steps[shared]:
        shared += 1
    return "/".join(steps[:shared + 1])


def _named_furniture(box: str) -> bool:
    """True when the box's own tag or class words name chrome or the author ('section.post-author.clearfix')."""
    tag, _, classes = box.rpartition("/")[2].partition(".")
    if tag in CHROME_TAGS:
        return True
    # a navigation widget's name (quick, menu, tags ...) on a box html.py kept is no verdict: a box that was that
    # widget (links) was dropped there; one kept holds prose ('field-quick-facts') and is judged by its size
    return any((word in STRONG_NEGATIVE_WORDS and word not in NAVIGATION_WORDS) or word in AUTHOR_WORDS
               or NEGATIVE_PREFIXES.match(word) for word in class_words(classes.replace(".", " ")))


def article_tail(blocks: Sequence[Block], content: Sequence[bool]) -> list[int]:
    """Indices of the content blocks in small boxes after the article's body (see the module docstring).

    content[i] says whether block i is still the page's content. Text dumps (no DOM paths) have no
    boxes: nothing is returned for them.
    """
    home, home_weight = _home(blocks, content)
    if not home or home_weight < MIN_HOME_WEIGHT:
        return []
    body = [i for i, (block, kept) in enumerate(zip(blocks, content)) if kept and _under(block.dom_path, home)
            and (block.hint in BODY_HINTS or (block.hint == "p" and reads_as_prose(block)))]
    boxes: dict[str, list[int]] = {}
    for i in range(body[-1] + 1, len(blocks)):
        if content[i] and not _under(blocks[i].dom_path, home):
            boxes.setdefault(_tail_box(blocks[i].dom_path, home), []).append(i)
    found = []
    for box, members in boxes.items():
        weight = sum(text_weight(blocks[i].text) for i in members)
        full = any(reads_as_prose(blocks[i]) and text_weight(blocks[i].text) >= FULL_PARAGRAPH_WEIGHT for i in members)
        if _named_furniture(box) or (weight < MAX_TAIL_SHARE * home_weight and not full):
            # a fact line stays, as at the region's edges ('○ 문의 : 02-779-9870', 'Location: Room 132')
            # ... and so does a quotation's attribution: the speaker of a quote the body holds
            found.extend(i for i in members if not is_info_line(blocks[i].text) and not is_attribution_line(blocks[i]))
    return sorted(found)
