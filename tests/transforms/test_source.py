"""Where a page came from: URL evidence in order, sites, content types and charsets."""
from __future__ import annotations

import pytest

from cityclips.transforms.source import (absolute_url, charset_from_content_type, page_format,
                                         page_url, site_of)


@pytest.mark.parametrize("url, site", [
    ("https://www.gwangju.go.kr/board.es?mid=a1&act=view", "gwangju.go.kr"),
    ("http://GWANGJU.go.kr:8080/", "gwangju.go.kr"),
    ("https://english.gwangju.go.kr/news", "english.gwangju.go.kr"),
    ("https://www.kr/", "www.kr"),  # 'www.' is the whole name: kept
    ("not a url", None), ("", None), (None, None), ("http://[::1", None),
])
def test_site_is_the_host_without_www_or_port(url, site):
    assert site_of(url) == site


def test_fetched_url_wins_over_the_declared_one_and_the_base_url():
    assert page_url("https://a.go.kr/x", "https://b.go.kr/y", "https://c.go.kr/", "p.html") == "https://a.go.kr/x"


def test_declared_url_wins_over_the_base_url_and_may_be_relative_to_the_fetch():
    assert page_url(None, "https://b.go.kr/y", "https://c.go.kr/", "p.html") == "https://b.go.kr/y"
    assert page_url("ftp://odd", "/news/7", None, "p.html") is None  # relative to nothing usable
    assert page_url(None, "/news/7", None, "p.html") is None  # a relative canonical link alone is not a URL


def test_base_url_joins_the_source_path_and_quotes_it():
    assert page_url(None, None, "https://c.go.kr/archive", "2024/보도 1.html") == \
        "https://c.go.kr/archive/2024/%EB%B3%B4%EB%8F%84%201.html"
    assert page_url(None, None, None, "p.html") is None


def test_content_types_that_are_pages():
    assert page_format("text/html; charset=EUC-KR") == "html"
    assert page_format("application/xhtml+xml") == "html"
    assert page_format("text/plain") == "text"
    assert page_format("") == "html"
    assert page_format("image/png") is None and page_format("application/pdf") is None


def test_charset_of_a_content_type():
    assert charset_from_content_type('text/html; charset="EUC-KR"') == "euc-kr"
    assert charset_from_content_type("text/html") is None and charset_from_content_type(None) is None


def test_absolute_links_skip_scripts_and_fragments():
    assert absolute_url("view.do?id=7", "https://a.go.kr/board/list.do") == "https://a.go.kr/board/view.do?id=7"
    assert absolute_url("javascript:fn_view('7')", "https://a.go.kr/") is None
    assert absolute_url("#top", "https://a.go.kr/") is None
