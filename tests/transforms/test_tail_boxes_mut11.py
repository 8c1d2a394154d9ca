"""The article's tail boxes at their edges (transforms/tail_boxes.py), written for the survivors of its first
mutation run (issue 19, round 11): the body's least weight, a quarter of its prose, a full paragraph, the box
judged whole, the names of furniture, and where the body ends, in Korean and English.

Texts are built to an exact weight (html.text_weight: Hangul counts two) so that each bound is tested on both sides.
"""
from __future__ import annotations

from cityclips.transforms.html import text_weight
from cityclips.transforms.records import Block
from cityclips.transforms.tail_boxes import FULL_PARAGRAPH_WEIGHT, MAX_TAIL_SHARE, MIN_HOME_WEIGHT, article_tail

POST = "body/div.wrap/div.post"
BODY = f"{POST}/div.entry"


def _prose(weight: int, korean: bool = False) -> str:
    """A paragraph of exactly this weight that reads as prose (a sentence mark, 70 weight and more)."""
    text = "시" * ((weight - 1) // 2) + "." * (1 + (weight - 1) % 2) if korean else "a" * (weight - 1) + "."
    assert text_weight(text) == weight
    return text


def _line(weight: int, korean: bool = False) -> str:
    """A line of exactly this weight with no sentence mark (never prose, never a fact line)."""
    text = "공유" * (weight // 4) + "x" * (weight % 4) if korean else "x" * weight
    assert text_weight(text) == weight
    return text


def _article(weight_each: int, paragraphs: int, korean: bool = False) -> list[Block]:
    return [Block(i + 1, _prose(weight_each, korean), "p", dom_path=f"{BODY}/p") for i in range(paragraphs)]


def _tail(blocks: list[Block], content: list[bool] | None = None) -> list[str]:
    return [blocks[i].text for i in article_tail(blocks, content or [True] * len(blocks))]


def _then(blocks: list[Block], *tail: tuple[str, str]) -> list[Block]:
    """blocks, then (text, path) blocks with hint 'p'."""
    return blocks + [Block(len(blocks) + k + 1, text, "p", dom_path=path) for k, (text, path) in enumerate(tail)]


def test_an_article_of_the_least_weight_has_a_tail_and_a_lighter_one_none() -> None:
    for korean in (False, True):
        share = _line(20, korean)
        enough = _article(100, MIN_HOME_WEIGHT // 100, korean)
        assert _tail(_then(enough, (share, f"{POST}/div.tools"))) == [share]
        lighter = enough[:-1] + [Block(9, _prose(99, korean), "p", dom_path=f"{BODY}/p")]
        assert _tail(_then(lighter, (share, f"{POST}/div.tools"))) == [], korean


def test_a_box_under_a_quarter_of_the_bodys_prose_is_furniture_and_one_of_a_quarter_stays() -> None:
    home = 800  # a quarter: 200
    quarter = int(MAX_TAIL_SHARE * home)
    for korean in (False, True):
        under = _line(quarter - 1, korean)
        assert _tail(_then(_article(100, 8, korean), (under, f"{POST}/div.box"))) == [under]
        at = _line(quarter, korean)
        assert _tail(_then(_article(100, 8, korean), (at, f"{POST}/div.box"))) == []


def test_a_small_box_with_a_full_paragraph_stays_and_a_shorter_paragraph_goes() -> None:
    for korean in (False, True):
        article = _article(100, 12, korean)  # a quarter: 300, over a full paragraph
        full = _prose(FULL_PARAGRAPH_WEIGHT, korean)
        assert _tail(_then(article, (full, f"{POST}/div.notes/p"))) == []
        shorter = _prose(FULL_PARAGRAPH_WEIGHT - 1, korean)
        assert _tail(_then(article, (shorter, f"{POST}/div.notes/p"))) == [shorter]
        long_line = _line(FULL_PARAGRAPH_WEIGHT + 10, korean)  # as heavy, but no sentence: not a paragraph
        assert _tail(_then(article, (long_line, f"{POST}/div.notes/p"))) == [long_line]


def test_a_box_is_judged_whole_over_its_inner_boxes() -> None:
    # two lines of 120 in one box after an 800 body: 240, over a quarter (200), though each is under it
    article = _article(100, 8)
    first, second = _line(120), "y" * 120
    blocks = _then(article, (first, f"{POST}/div.box/div.a/p"), (second, f"{POST}/div.box/div.b/p"))
    assert _tail(blocks) == []
    apart = _then(article, (first, f"{POST}/div.box/div.a/p"), (second, f"{POST}/div.other/p"))
    assert _tail(apart) == [first, second]


def test_a_box_is_cut_right_below_what_it_shares_with_the_body() -> None:
    # the body deep in div.wrap/div.post/div.entry; an aside beside div.post is chrome by its tag, whatever its size
    article = _article(100, 6)
    big = _line(400)
    assert _tail(_then(article, (big, "body/div.wrap/aside/div.inner/p"))) == [big]
    assert _tail(_then(article, (big, "body/div.wrap/div.inner/aside/p"))) == []  # the box is div.inner: a big one


def test_boxes_named_as_chrome_or_for_the_author_go_whatever_their_size() -> None:
    article = _article(100, 6)
    big = _line(400)  # over a quarter of 600
    for name in ("aside", "nav", "footer", "div.share", "div.bio", "div.box.author", "div.sharedaddy",
                 "div.relatedPosts"):
        assert _tail(_then(article, (big, f"{POST}/{name}/p"))) == [big], name
    for name in ("div.box", "section.info-list", "div.authority"):
        assert _tail(_then(article, (big, f"{POST}/{name}/p"))) == [], name


def test_the_box_right_after_the_last_paragraph_is_in_the_tail() -> None:
    for korean in (False, True):
        article = _article(100, 6, korean)
        share = _line(12, korean)
        assert _tail(_then(article, (share, f"{POST}/div.tools"), (_line(8, korean), f"{POST}/div.tools2"))) == [
            share, _line(8, korean)]


def test_list_items_and_rows_in_the_body_extend_it_but_short_lines_do_not() -> None:
    article = _article(100, 6)
    photo = ("Photo: City Hall", f"{POST}/div.photo")
    item = Block(20, "Route 12 runs every ten minutes", "li", dom_path=f"{BODY}/ul/li")
    row = Block(21, "Route 12 | 10 min", "cell", dom_path=f"{BODY}/table/tr")
    for last in (item, row):
        blocks = _then(article, photo) + [last]
        assert _tail(blocks) == [], last.hint  # before the body's last line: not the tail
    short = Block(20, "Photo: the new bus", "p", dom_path=f"{BODY}/p")  # no prose: the body still ends before it
    assert _tail(_then(article, photo) + [short]) == ["Photo: City Hall"]


def test_the_body_is_where_the_kept_prose_is() -> None:
    removed = [Block(i + 1, _prose(100), "p", dom_path="body/div.wrap/div.comments/p") for i in range(9)]
    blocks = _then(removed + _article(100, 6), ("Share", f"{POST}/div.tools"))
    content = [False] * 9 + [True] * 7
    assert _tail(blocks, content) == ["Share"]  # the removed comments are not the body
    headings = [Block(1, _prose(100), "heading", dom_path="body/div.wrap/div.top/h2") for _ in range(9)]
    assert _tail(_then(headings + _article(100, 6), ("Share", f"{POST}/div.tools"))) == ["Share"]


def test_only_content_blocks_after_the_body_are_judged() -> None:
    blocks = _then(_article(100, 6), ("Share", f"{POST}/div.tools"), ("Print", f"{POST}/div.print"))
    assert _tail(blocks, [True] * 7 + [False]) == ["Share"]


def test_a_box_is_named_by_its_own_classes_not_its_ancestors() -> None:
    # a theme's wrapper says 'sidebar-right' (its layout); the big box after the body is a second section
    wrap = "body/div.wrap.sidebar-right/div.post"
    article = [Block(i + 1, _prose(100), "p", dom_path=f"{wrap}/div.entry/p") for i in range(6)]
    big = _line(400)
    assert _tail(_then(article, (big, f"{wrap}/div.box/p"))) == []
    assert _tail(_then(article, (big, f"{wrap}/div.box.share/p"))) == [big]


def test_each_class_of_a_box_is_read_on_its_own() -> None:
    # 'with-photo' is a modifier (it says what the box holds); the next class still names the author's box
    article = _article(100, 6)
    big = _line(400)
    assert _tail(_then(article, (big, f"{POST}/div.with-photo.author-bio/p"))) == [big]
    assert _tail(_then(article, (big, f"{POST}/div.with-author/p"))) == []  # the modifier's own words do not count


def test_a_line_in_the_articles_wrapper_after_the_body_is_in_the_tail() -> None:
    for korean in (False, True):
        tags = _line(16, korean)
        assert _tail(_then(_article(100, 6, korean), (tags, POST))) == [tags]
