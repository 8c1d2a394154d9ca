"""transforms/tails.py with region.py and html.py: what follows an article is decided by its shape."""
from __future__ import annotations

from cityclips.transforms.dom import measure
from cityclips.transforms.html import parse_html
from cityclips.transforms.tails import is_teaser_feed
from tests.transforms.test_region import EN, KO, _content, _page, _paragraphs, _rules

KO_TEASERS = [("전남도, 섬 지역 여객선 운임 지원 확대", "전라남도는 다음 달부터 섬 주민과 관광객의 여객선 운임 지원을 늘린다고 밝혔다."),
              ("광주 서구, 어르신 무료 급식소 두 곳 새로 열어", "서구는 어르신 무료 급식소를 두 곳 더 열어 모두 열두 곳을 운영한다."),
              ("나주시, 혁신도시 공공기관과 일자리 협약", "나주시는 혁신도시 공공기관 열 곳과 지역 청년 일자리 협약을 맺었다.")]
EN_TEASERS = [("Busan opens a museum by the sea", "The city said entry will be free for the first month, and tours run daily."),
              ("Daegu adds night buses to six routes", "Buses will run until 2 a.m. from next week, the transit office said."),
              ("Incheon plans a new ferry terminal", "The port authority expects the terminal to open in 2028, officials said.")]


def _feed(teasers: list[tuple[str, str]], tag: str = "article") -> str:
    items = "".join(f"<{tag} class='post'><h3><a href='/news/{i}'>{head}</a></h3><p>{summary}</p></{tag}>"
                    for i, (head, summary) in enumerate(teasers))
    return f"<div class='list'>{items}</div>"


def test_a_feed_of_teasers_after_the_article_is_dropped_in_both_languages() -> None:
    for texts, teasers in ((KO, KO_TEASERS), (EN, EN_TEASERS)):
        # the feed box carries no chrome name: its shape alone says what it is
        # the feed sits inside the article's box, after its paragraphs
        html = _page(f"<div class='col'><article class='post'>{_paragraphs(texts)}{_feed(teasers)}</article></div>")
        assert _content(html) == texts
        assert [rule for text, rule in _rules(html).items() if teasers[0][1] in text] == ["teaser_feed"]


def test_a_feed_of_teasers_is_never_the_article_though_its_summaries_hold_more_prose() -> None:
    # a blog post of one paragraph, then a box of the post's own classes holding nine long teasers:
    # the box outscores the post on prose, and only its shape says it is not the article
    for texts, teasers in ((EN, EN_TEASERS), (KO, KO_TEASERS)):
        feed = "".join(f"<article class='post hentry'><a href='/p/{i}'>{head}</a><p>{summary} {texts[2]} {texts[3]}</p>"
                       "</article>" for i, (head, summary) in enumerate(teasers * 3))
        html = _page(f"<div class='col'><article class='post hentry'>{_paragraphs(texts[:1])}</article>"
                     f"<article class='post hentry'><h3>More posts</h3>{feed}</article></div>")
        assert _content(html) == texts[:1]


def test_link_led_list_items_without_a_summary_block_are_no_feed() -> None:
    # '<li><a>name</a> what it is</li>': lines of the article's own list, not teasers
    items = "".join(f"<li><a href='/t/{i}'>{head}</a> {summary}</li>" for i, (head, summary) in enumerate(EN_TEASERS))
    root = parse_html(_page(f"<ul>{items}</ul>"))
    sizes, _ = measure(root)
    assert not is_teaser_feed(root.find(".//ul"), sizes)


def test_two_teasers_are_a_previous_next_pair_not_a_feed() -> None:
    root = parse_html(_page(_feed(KO_TEASERS[:2])))
    sizes, _ = measure(root)
    assert not is_teaser_feed(root.find(".//div[@class='list']"), sizes)
    root = parse_html(_page(_feed(KO_TEASERS, tag="li")))
    sizes, _ = measure(root)
    assert is_teaser_feed(root.find(".//div[@class='list']"), sizes)

