"""Template detection at its edges (transforms/template.py), written for the survivors of its first mutation run
(issue 19, round 11): what counts as one line, which script group a page joins, how many distinct articles make a
line or a DOM path chrome, and which lines the guard against a template pass that would take the body leaves.

Each test asserts what a user sees: which lines of a site's pages are taken as its template and removed.
"""
from __future__ import annotations

from cityclips.transforms.records import Block
from cityclips.transforms.template import (TemplateStats, block_signatures, chrome_paths, dom_pairs, dom_path_signature,
                                           line_signature, page_group, page_signatures, script_group, template_paths,
                                           template_rules)

SKIP_KO = "본문 바로가기"
SKIP_EN = "Skip to main content"


# --- one line, one signature -------------------------------------------------------------------------------------------
def test_a_line_is_the_same_line_whatever_its_digits_case_and_spacing() -> None:
    for one, other in (("Copyright 2019 Gwangju", "copyright 7 GWANGJU"),  # digits masked, any run length
                       ("조회수 1234", "조회수 5"),
                       ("Share  this page", "Share this page"),  # a double space inside
                       ("Share\tthis page", "Share this page"),  # a tab inside
                       (" 본문 바로가기", "본문 바로가기"),  # a leading space alone
                       ("본문 바로가기 ", "본문 바로가기")):  # a trailing space alone
        assert line_signature(one) == line_signature(other), (one, other)


def test_different_lines_and_different_words_around_digits_stay_apart() -> None:
    assert line_signature("Share this page") != line_signature("Print this page")
    assert line_signature("2024 annual report") != line_signature("annual report")  # a masked number is still there
    assert line_signature("본문 바로가기") != line_signature("본문바로가기")  # one space is a word boundary
    assert line_signature("Straße 5") != line_signature("STRASSE 5")  # lower-cased, not upper-cased: ß is not ss


def test_a_signature_fits_the_manifests_unsigned_64_bit_column() -> None:
    for text in ("본문 바로가기", "Copyright © Gwangju. All rights reserved.", "x" * 300):
        assert 0 <= line_signature(text) < 2 ** 64


# --- the script group of a page --------------------------------------------------------------------------------------------
def test_a_korean_page_and_an_english_page_fall_in_their_own_groups() -> None:
    korean = [Block(1, "광주시는 14일 시내버스 노선을 개편한다고 밝혔다."), Block(2, "Gwangju")]
    english = [Block(1, "The city opened the new bus routes today."), Block(2, "광주")]
    assert script_group(korean) == "ko"
    assert script_group(english) == "en"
    assert script_group([Block(1, "2024-05-06 12:00")]) == "en"  # no letters at all: the default group


def test_a_korean_menu_of_one_syllable_lines_is_a_korean_page() -> None:
    menu = [Block(i + 1, syllable) for i, syllable in enumerate("홈뉴스정보민원")]
    assert script_group(menu) == "ko"


def test_a_page_is_korean_from_thirty_percent_hangul_letters() -> None:
    at_share = [Block(1, "가" * 30 + " " + "a" * 70)]
    under = [Block(1, "가" * 29 + " " + "a" * 71)]
    assert script_group(at_share) == "ko"
    assert script_group(under) == "en"


def test_the_script_sample_reads_the_first_six_thousand_characters_across_blocks() -> None:
    # 5,999 characters (299 Hangul, 700 Latin letters), then one Hangul syllable: the 6,000th character counts and
    # makes the share exactly 30 %; what follows it does not.
    first = "가" * 299 + "a" * 700 + " " * 5000
    assert script_group([Block(1, first), Block(2, "가"), Block(3, "b" * 5000)]) == "ko"
    assert script_group([Block(1, first + " "), Block(2, "가")]) == "en"  # now the 6,001st


def test_a_page_group_is_its_site_or_its_top_folder_and_its_script() -> None:
    korean = [Block(1, "광주광역시 보도자료")]
    assert page_group("gwangju/notice/1.html", korean) == "gwangju|ko"
    assert page_group("gwangju/1.html", korean) == "gwangju|ko"
    assert page_group("1.html", korean) == "|ko"  # a page at the input root: no folder to name a site
    assert page_group("gwangju/1.html", [Block(1, "Press releases")], site="www.gwangju.go.kr") == "www.gwangju.go.kr|en"


# --- which lines can be template lines -----------------------------------------------------------------------------------
def test_only_short_lines_with_two_letters_can_be_template_lines() -> None:
    blocks = [Block(1, "a" * 300), Block(2, "a" * 301), Block(3, "1."), Block(4, "A1"), Block(5, "Go"), Block(6, "홈페"),
              Block(7, "-")]
    signatures = block_signatures(blocks)
    assert [s is not None for s in signatures] == [True, False, False, False, True, True, False]
    assert signatures[0] == line_signature("a" * 300)


def test_page_signatures_take_the_signatures_given_and_drop_the_missing_ones() -> None:
    blocks = [Block(1, SKIP_KO), Block(2, "x" * 400)]
    assert page_signatures(blocks) == frozenset({line_signature(SKIP_KO)})
    assert page_signatures(blocks, [None, 7]) == frozenset({7})


def test_dom_pairs_give_each_html_block_its_path_and_its_line() -> None:
    blocks = [Block(1, SKIP_EN, "li", dom_path="body/ul.quick/li"), Block(2, "plain text line"),
              Block(3, "x" * 400, "p", dom_path="body/div.view/p"), Block(4, "Sitemap", "li", dom_path="body/ul.quick/li")]
    pairs = dom_pairs(blocks, block_signatures(blocks))
    nav, view = dom_path_signature("body/ul.quick/li"), dom_path_signature("body/div.view/p")
    assert pairs == ((nav, line_signature(SKIP_EN)), (view, 0), (nav, line_signature("Sitemap")))


# --- counting over a site's distinct articles --------------------------------------------------------------------------------
def _stats(pages: list[set[str]], group: str = "site|en") -> dict[str, frozenset[int]]:
    stats = TemplateStats()
    for n, lines in enumerate(pages):
        stats.add(group, f"article-{n}", [line_signature(t) for t in lines])
    return stats.templates()


def test_a_line_is_template_from_five_percent_of_a_groups_articles_rounded_up() -> None:
    # 41 articles: 5 % is 2.05, so a line must be on 3 of them; 40 articles: on 2.
    for articles, needed in ((41, 3), (40, 2), (10, 2)):
        pages = [{f"article line {'abcdefghij'[n % 10]} {n // 10}x"} for n in range(articles)]
        for n in range(needed):
            pages[n].add(SKIP_EN)
        assert line_signature(SKIP_EN) in _stats(pages)["site|en"], articles
        pages[needed - 1].discard(SKIP_EN)
        assert line_signature(SKIP_EN) not in _stats(pages)["site|en"], articles


def test_a_page_counted_again_under_the_same_article_adds_nothing() -> None:
    stats = TemplateStats()
    stats.add("site|ko", "article-1", [line_signature(SKIP_KO)])
    stats.add("site|ko", "article-1", [line_signature(SKIP_KO)])  # a second copy of the same article
    stats.add("site|ko", "article-2", [line_signature("다른 기사 본문입니다")])
    assert line_signature(SKIP_KO) not in stats.templates()["site|ko"]
    stats.add("site|ko", "article-3", [line_signature(SKIP_KO)])
    assert line_signature(SKIP_KO) in stats.templates()["site|ko"]


def test_a_line_said_twice_on_one_page_counts_once() -> None:
    stats = TemplateStats()
    stats.add("site|en", "article-1", [line_signature(SKIP_EN)] * 2)
    stats.add("site|en", "article-2", [line_signature("another article line")])
    assert line_signature(SKIP_EN) not in stats.templates()["site|en"]


def test_groups_count_apart() -> None:
    stats = TemplateStats()
    stats.add("a.go.kr|ko", "article-1", [line_signature(SKIP_KO)])
    stats.add("b.go.kr|ko", "article-1", [line_signature(SKIP_KO)])
    assert all(line_signature(SKIP_KO) not in templates for templates in stats.templates().values())


def test_a_dom_path_is_chrome_from_ninety_percent_of_its_articles_and_three_of_them() -> None:
    path = 11
    assert chrome_paths([{path: True}] * 9 + [{path: False}], 2) == {path}  # 9 of 10: exactly 90 %
    assert chrome_paths([{path: True}] * 8 + [{path: False}] * 2, 2) == frozenset()
    assert chrome_paths([{path: True}] * 3, 2) == {path}  # three articles, whatever the line threshold under it
    assert chrome_paths([{path: True}] * 2, 2) == frozenset()
    assert chrome_paths([{path: True}] * 3, 4) == frozenset()  # ... and the line threshold when it is higher
    assert chrome_paths([{path: True}] * 4, 4) == {path}


def test_a_path_is_template_on_a_page_only_when_every_text_there_is_a_template_line() -> None:
    lines = frozenset({1, 2})
    assert template_paths([(9, 1), (9, 2), (8, 3)], lines) == {9: True, 8: False}
    assert template_paths([(9, 1), (9, 3), (9, 2)], lines) == {9: False}


def test_a_site_pages_with_a_fixed_menu_make_its_path_chrome() -> None:
    stats = TemplateStats()
    nav, view = "body/ul.gnb/li", "body/div.view/p"
    for n in range(4):
        blocks = [Block(1, "시민소통", "li", dom_path=nav), Block(2, "열린시장실", "li", dom_path=nav),
                  Block(3, f"{'가나다라'[n]}{'마바사아'[n]} 사업을 추진한다고 밝혔다", "p", dom_path=view)]
        signatures = block_signatures(blocks)
        stats.add("gwangju|ko", f"article-{n}", page_signatures(blocks, signatures), dom_pairs(blocks, signatures))
    templates = stats.templates()["gwangju|ko"]
    assert dom_path_signature(nav) in templates and dom_path_signature(view) not in templates


# --- the rules on one page ----------------------------------------------------------------------------------------------------
def _rules(texts: list[str], templates: set[str], kept: list[bool] | None = None) -> list[str | None]:
    blocks = [Block(i + 1, t) for i, t in enumerate(texts)]
    return template_rules(blocks, block_signatures(blocks), frozenset(line_signature(t) for t in templates),
                          kept or [True] * len(blocks))


def test_no_template_set_removes_nothing() -> None:
    assert _rules([SKIP_EN, "Body"], set()) == [None, None]


def test_lines_an_earlier_rule_took_are_not_marked_again_and_the_next_ones_still_are() -> None:
    texts = ["Print", "Body of the article here", "Share"]
    assert _rules(texts, {"Print", "Share"}, [False, True, True]) == [None, None, "template"]


def test_a_new_text_at_a_chrome_path_is_removed_as_dom_template() -> None:
    blocks = [Block(1, "2026 빛고을 축제 안내", "li", dom_path="body/ul.gnb/li"),
              Block(2, "시는 올해 축제를 연다고 밝혔다. " * 3, "p", dom_path="body/div.view/p"),
              Block(3, "1.", "li", dom_path="body/ul.gnb/li"),  # no signature of its own, still at the path
              Block(4, "Sitemap")]  # a text dump line: no path
    templates = frozenset({dom_path_signature("body/ul.gnb/li"), dom_path_signature("")})
    assert template_rules(blocks, block_signatures(blocks), templates, [True] * 4) == \
        ["dom_template", None, "dom_template", None]


# The guard: when the template rules would take more than half of the kept text, only the runs of template lines at
# the top and the bottom of the page go, each within a quarter of the kept text.
def test_template_lines_taking_exactly_half_of_the_kept_text_are_all_removed() -> None:
    # kept: 4 + 8 + 6 + 2 = 20 characters, template lines 4 + 6 = 10: not past half, so the middle line goes too
    assert _rules(["Menu", "Ordinary", "Footer", "Ne"], {"Menu", "Footer"}) == ["template", None, "template", None]


def test_past_half_only_the_edge_runs_go_each_within_a_quarter_of_the_kept_text() -> None:
    # kept: 10 + 5 + 10 + 10 + 5 = 40 characters, template lines 30: the guard is on, a quarter is 10 characters.
    texts = ["Top menu 1", "Login", "Middle rec", "Body text.", "Sitem"]
    assert _rules(texts, {"Top menu 1", "Login", "Middle rec", "Sitem"}) == ["template", None, None, None, "template"]


def test_past_half_a_footer_of_several_template_lines_goes_whole() -> None:
    # kept: 5 + 10 + 10 + 5 + 4 + 4 = 38 characters, template lines 23: the guard is on, a quarter is 9.5 characters
    texts = ["Menu1", "Body text.", "Middle rec", "Body.", "Help", "Info"]
    assert _rules(texts, {"Menu1", "Middle rec", "Help", "Info"}) == ["template", None, None, None, "template", "template"]


def test_past_half_a_top_run_longer_than_a_quarter_stays() -> None:
    texts = ["Top menu 12", "Body line.", "Body line.", "Sitem a"]  # kept 38: a quarter is 9.5 characters
    assert _rules(texts, {"Top menu 12", "Body line.", "Sitem a"}) == [None, None, None, "template"]


def test_text_an_earlier_rule_removed_does_not_count_in_the_guards_shares() -> None:
    # kept: 4 + 4 + 10 + 4 = 22 characters, template lines 14 (over half): the guard keeps the middle line. The long
    # line an earlier rule took would make the template lines a small share if it counted.
    texts = ["x" * 100 + " removed", "Menu", "Text", "Middle rec", "Next"]
    assert _rules(texts, {"Menu", "Middle rec"}, [False, True, True, True, True]) == [None, "template", None, None, None]
