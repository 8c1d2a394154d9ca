"""Template statistics over distinct articles, DOM-path chrome, and the guard against a template
pass that would take most of a page's body (transforms/template.py)."""
from __future__ import annotations

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import Block
from cityclips.transforms.template import (TemplateStats, block_signatures, dom_pairs, dom_path_signature,
                                           line_signature, page_signatures, template_rules)

CHROME = ["본문 바로가기", "Gwangju Metropolitan City", "Copyright © Gwangju. All rights reserved."]
NAV = "body/div.wrap/ul.quick/li"
ARTICLE = "body/div.wrap/article.board_view/div.view_cont/p"


SYLLABLES = "가나다라마바사아자차카타파하강남동서북산"  # line signatures mask digits: vary the words
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet")


def name(n: int, language: str) -> str:
    if language == "ko":
        return SYLLABLES[n % 20] + SYLLABLES[n // 20 % 20] + SYLLABLES[n // 400 % 20]
    return f"{WORDS[n % 10]} {WORDS[n // 10 % 10]} {WORDS[n // 100 % 10]}"


def article_blocks(n: int, language: str = "en") -> list[Block]:
    line = "시는 올해 {name} 사업을 추진한다고 밝혔다." if language == "ko" else "The city opened the {name} project today."
    return [Block(i + 10, line.format(name=name(n * 3 + i, language))) for i in range(3)]


def test_copies_of_one_article_count_once():
    stats = TemplateStats()
    article = [b.text for b in article_blocks(1)]
    for name in ("copy-a", "copy-b", "copy-c"):  # three copies of one article: one duplicate group
        stats.add("site|en", "group-1", page_signatures([Block(1, t) for t in CHROME + article]))
    stats.add("site|en", "group-2", page_signatures([Block(1, t) for t in CHROME]))
    templates = stats.templates()["site|en"]
    assert all(line_signature(t) in templates for t in CHROME)
    assert not any(line_signature(t) in templates for t in article)


def test_copies_counted_as_articles_would_take_the_article_for_chrome():
    """The failure of issue 14, kept as a test: counting pages instead of articles."""
    stats = TemplateStats()
    article = [b.text for b in article_blocks(1, "ko")]
    for name in ("copy-a", "copy-b"):
        stats.add("site|ko", name, page_signatures([Block(1, t) for t in article]))
    assert all(line_signature(t) in stats.templates()["site|ko"] for t in article)


def test_guard_keeps_template_lines_inside_the_body_when_they_would_take_most_of_it():
    chrome = [Block(1, CHROME[0]), Block(2, CHROME[1])]
    body = article_blocks(7)
    footer = [Block(20, CHROME[2])]
    blocks = chrome + [Block(5, "Opening 2020 with 20 initiatives")] + body + footer
    signatures = block_signatures(blocks)
    suspect = frozenset(s for s in signatures if s is not None) - {line_signature("Opening 2020 with 20 initiatives")}
    rules = template_rules(blocks, signatures, suspect, [True] * len(blocks))
    assert [b.text for b, r in zip(blocks, rules) if r] == [CHROME[0], CHROME[1], CHROME[2]]
    clean = clean_blocks("page.txt", "text", blocks, suspect)
    assert [b.text for b in clean.body] == [b.text for b in body]


def test_guard_stays_out_of_the_way_when_templates_are_a_small_share():
    blocks = [Block(1, CHROME[0])] + article_blocks(3) + [Block(9, "Share this page")]
    signatures = block_signatures(blocks)
    templates = frozenset({line_signature(CHROME[0]), line_signature("Share this page"),
                           line_signature(blocks[2].text)})  # one article line recurs: removed, as before
    rules = template_rules(blocks, signatures, templates, [True] * len(blocks))
    assert rules == ["template", None, "template", None, "template"]


def html_page(n: int, quick_links: list[str]) -> list[Block]:
    blocks = [Block(1, link, "li", dom_path=NAV) for link in quick_links]
    blocks += [Block(10 + i, b.text, "p", dom_path=ARTICLE) for i, b in enumerate(article_blocks(n, "ko"))]
    return blocks


def test_a_dom_path_that_holds_chrome_on_the_sites_pages_is_chrome_for_a_new_text():
    stats = TemplateStats()
    links = ["시민소통", "분야별 정보", "열린시장실"]
    for n in range(20):
        blocks = html_page(n, links)
        signatures = block_signatures(blocks)
        stats.add("gwangju|ko", f"article-{n}", page_signatures(blocks, signatures), dom_pairs(blocks, signatures))
    templates = stats.templates()["gwangju|ko"]
    assert dom_path_signature(NAV) in templates and dom_path_signature(ARTICLE) not in templates
    page = html_page(99, links + ["2026 빛고을 축제 안내"])  # a link seen on no other page
    clean = clean_blocks("gwangju/99.html", "html", [Block(0, "제목입니다", "title", dom_path="body/h1")] + page,
                         templates)
    assert {r.text: r.rule for r in clean.removed}["2026 빛고을 축제 안내"] == "dom_template"
    assert [b.text for b in clean.body] == [b.text for b in article_blocks(99, "ko")]


def test_a_path_whose_texts_vary_is_never_chrome():
    stats = TemplateStats()
    for n in range(20):
        blocks = html_page(n, [f"오늘의 소식 {name(n, 'ko')}", "시민소통"])  # one link varies on every page
        signatures = block_signatures(blocks)
        stats.add("gwangju|ko", f"article-{n}", page_signatures(blocks, signatures), dom_pairs(blocks, signatures))
    assert dom_path_signature(NAV) not in stats.templates()["gwangju|ko"]
