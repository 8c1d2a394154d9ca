"""Small boxes after an article's body are its furniture; large ones, paragraphs and fact lines stay."""
from __future__ import annotations

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.html import html_blocks
from cityclips.transforms.records import Block
from cityclips.transforms.tail_boxes import ARTICLE_TAIL, article_tail

BODY = "body/div.post/div.entry-content"
PROSE_EN = ("The council approved the new bus routes on Monday, after a hearing that lasted three hours. "
            "Residents of the northern districts asked for more frequent service at night.")
PROSE_KO = ("광주시는 14일 시내버스 노선 12개를 개편한다고 밝혔다. 새 노선은 다음 달부터 운행하며, 배차 간격은 평균 10분으로 "
            "줄어든다. 시는 주민 의견을 들어 노선을 정했다고 설명했다.")


def _article(prose: str, paragraphs: int = 4) -> list[Block]:
    return [Block(i + 1, prose, "p", dom_path=f"{BODY}/p") for i in range(paragraphs)]


def _after(blocks: list[Block], *tail: tuple[str, str, str]) -> list[Block]:
    start = len(blocks) + 1
    return blocks + [Block(start + k, text, hint, dom_path=path) for k, (text, hint, path) in enumerate(tail)]


def _tail(blocks: list[Block]) -> list[str]:
    return [blocks[i].text for i in article_tail(blocks, [True] * len(blocks))]


def test_a_small_bio_box_after_the_body_is_the_articles_tail_in_both_languages() -> None:
    for prose, bio in ((PROSE_EN, "Jane Doe writes about transport."), (PROSE_KO, "홍길동 기자 gildong@example.kr")):
        blocks = _after(_article(prose), (bio, "p", "body/div.post/section.author-box/p"),
                        ("Share", "p", "body/div.post/div.tools"))
        assert _tail(blocks) == [bio, "Share"]


def test_a_box_as_large_as_a_quarter_of_the_body_stays() -> None:
    second = [(PROSE_EN, "p", "body/div.post/div.second-part/p")]
    assert _tail(_after(_article(PROSE_EN, 3), *second)) == []


def test_a_box_holding_a_full_paragraph_stays_though_small() -> None:
    long_paragraph = ("More information: the timetable, the map of the new routes and the fares for each zone are "
                      "published on the city's site, and paper copies are at every district office, library and "
                      "community centre from next week, with staff on hand to answer questions in person.")
    blocks = _after(_article(PROSE_EN, 8), (long_paragraph, "p", "body/div.post/div.notes/p"))
    assert _tail(blocks) == []


def test_a_box_named_for_the_author_or_as_chrome_after_the_body_goes_whatever_its_size() -> None:
    for name in ("section.post-author.clearfix", "footer", "div.article-footer"):
        blocks = _after(_article(PROSE_EN, 3), (PROSE_EN, "p", f"body/div.post/{name}/p"))
        assert _tail(blocks) == [PROSE_EN], name
    before = [Block(1, PROSE_EN, "p", dom_path="body/div.post/section.post-author/p")] + _article(PROSE_EN, 3)
    assert _tail(before) == []  # before the body's last paragraph: not the tail


def test_fact_lines_after_the_body_stay() -> None:
    blocks = _after(_article(PROSE_KO), ("○ 문의 : 02-779-9870", "p", "body/div.post/div.program/div.txt"),
                    ("○ 누리집", "p", "body/div.post/div.program/div.txt"))
    assert _tail(blocks) == ["○ 누리집"]


def test_blocks_inside_the_body_box_and_before_its_last_paragraph_are_not_the_tail() -> None:
    blocks = _article(PROSE_EN, 2) + [Block(3, "Photo: City Hall", "p", dom_path="body/div.post/div.photo")] \
        + [Block(4 + k, PROSE_EN, "p", dom_path=f"{BODY}/p") for k in range(2)] \
        + [Block(6, "Short line in the body", "p", dom_path=BODY)]
    assert _tail(blocks) == []


def test_a_thin_article_and_a_text_dump_have_no_tail() -> None:
    thin = _after(_article(PROSE_EN, 1), ("Share", "p", "body/div.post/div.tools"))
    assert _tail(thin) == []
    dump = [Block(i + 1, PROSE_EN, "line") for i in range(5)] + [Block(6, "Share", "line")]
    assert _tail(dump) == []


def test_removed_content_does_not_count() -> None:
    blocks = _after(_article(PROSE_EN), ("Share", "p", "body/div.post/div.tools"))
    assert article_tail(blocks, [True] * 4 + [False]) == []


def test_an_html_page_records_the_tail_under_its_rule() -> None:
    paragraphs = "".join(f"<p>{PROSE_EN}</p>" for _ in range(4))
    bio = "Jane Doe has covered city hall for the Courier since 2015. She lives in the north of the city."
    html = (f"<html><head><title>Bus routes</title></head><body><article class='post'><h1>Bus routes</h1>"
            f"<div class='text'>{paragraphs}</div><div class='box'><p>{bio}</p><ul><li>Mastodon</li><li>Email</li></ul>"
            "</div></article></body></html>")
    blocks, removed, title = html_blocks(html)
    page = clean_blocks("p.html", "html", blocks, html_title=title, removed_markup=removed)
    rules = {line.text: line.rule for line in page.removed}
    assert rules[bio] == rules["Mastodon"] == rules["Email"] == ARTICLE_TAIL
    assert [b.text for b in page.body] == [PROSE_EN] * 4

