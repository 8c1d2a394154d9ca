"""page_kind.is_item_url asks ARTICLE_URL's parts apart (the slug's only where its id ends a path segment):
the same answer as the one pattern, on Korean boards' and English news sites' URLs and on any URL."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.page_kind import ARTICLE_URL, DATED_URL, is_item_url

URLS = [
    "https://www.gwangju.go.kr/boardView.do?pageId=www789&boardId=BD_0000000027&seq=12345",
    "https://www.gwangju.go.kr/board/list.do?boardId=BD_0000000027",
    "https://news.example.kr/news/articleView.html?idxno=608399",
    "https://www.twincities.com/2023/11/08/st-louis-park-elects-a-new-mayor/",
    "https://example.com/Breaking-News/Son-of-former-mayor-in-Berlin-608399",
    "https://example.com/Breaking-News/Son-of-former-mayor-in-Berlin-608399.html?ref=home",
    "https://example.com/breaking-news/son-of-former-mayor-in-berlin-6083",  # a short id: no item
    "https://example.com/about-us/contact-the-city/",
    "https://www.uusisuomi.fi/uutiset/sanna-marin-tapasi-angela-merkelin-myos-saksa-haluaa-pitaa-kiinni-" * 2,
    "https://example.com/", "", None,
]


def _union(url: str | None) -> bool:
    return bool(url and (ARTICLE_URL.search(url) or DATED_URL.search(url)))


def test_named_urls_answer_as_the_one_pattern():
    assert [is_item_url(url) for url in URLS] == [_union(url) for url in URLS]
    assert is_item_url(URLS[4]) and is_item_url(URLS[5]) and not is_item_url(URLS[6])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcXYZ-_!/?#.0123456789=&광주html"), max_size=80))
def test_any_url_answers_as_the_one_pattern(path):
    url = f"https://example.com/{path}"
    assert is_item_url(url) == _union(url)
