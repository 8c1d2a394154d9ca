"""transforms/source.py at its edges (issue 19): what a reader of the output sees for each piece of URL evidence.

Each test names the behaviour: the page's URL, its site, whether a link is kept, the format a response is read as.
"""
from __future__ import annotations

import pytest

from cityclips.transforms.source import (MAX_URL_CHARS, absolute_url, charset_from_content_type, page_format,
                                         page_url, site_of)

LONG_PATH = "https://a.go.kr/" + "x" * (MAX_URL_CHARS - len("https://a.go.kr/"))  # exactly MAX_URL_CHARS


# --- page_format -----------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type, expected", [
    ("text/html", "html"), ("application/xhtml+xml", "html"), ("application/xml+html", "html"),
    ("text/plain", "text"), ("text/plain; charset=utf-8", "text"),
    ("TEXT/HTML; Charset=EUC-KR", "html"),  # media types are case-blind
    ("  text/plain  ;charset=utf-8", "text"),  # spaces around the media type
    ("text/html;charset=utf-8;format=flowed", "html"),  # several parameters
    (None, "html"), ("", "html"), ("   ", "html"),  # no Content-Type: read as HTML
    ("image/png", None), ("application/pdf", None), ("text/css", None),
])
def test_the_format_a_response_is_read_as(content_type, expected):
    assert page_format(content_type) == expected


# --- charset_from_content_type --------------------------------------------------------------------

@pytest.mark.parametrize("content_type, expected", [
    ("text/html; charset=EUC-KR", "euc-kr"),
    ("text/html; CHARSET=UTF-8", "utf-8"),  # the parameter name is case-blind
    ("text/html; charset = 'ks_c_5601-1987'", "ks_c_5601-1987"),  # spaces and single quotes
    ('text/html; charset=" windows-949"', "windows-949"),
    ("text/html; charset=x-mac.roman:1", "x-mac.roman:1"),  # dots and colons are part of a label
    ("text/html; charset=utf-8; format=flowed", "utf-8"),  # the label ends at the next parameter
    ("text/html; charset=", None), ("text/html", None), ("", None), (None, None),
])
def test_the_charset_a_header_names(content_type, expected):
    assert charset_from_content_type(content_type) == expected


# --- site_of ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, site", [
    ("  https://www.gwangju.go.kr/news  ", "gwangju.go.kr"),  # spaces around a URL are not its host
    ("https://www.gwangju.go.kr./news", "gwangju.go.kr"),  # the DNS root's dot: the same site
    ("https://www.a.kr/", "a.kr"),  # two dots: 'www.' is a prefix
    ("https://www.kr/", "www.kr"),  # one dot: 'www' is the name itself
    ("http://./", None), ("http:///path", None),  # no host name
])
def test_a_site_is_the_host_a_reader_would_name(url, site):
    assert site_of(url) == site


# --- absolute_url ------------------------------------------------------------------------------------

@pytest.mark.parametrize("href", [
    "javascript:void(0)", "JavaScript:fn()", "mailto:press@gwangju.go.kr", "tel:062-120", "data:image/png;base64,AA",
    "#content", "", "   ", None,
])
def test_links_that_lead_to_no_page_are_dropped(href):
    assert absolute_url(href, "https://a.go.kr/board/list.do") is None


def test_a_link_is_stripped_and_joined_to_its_page():
    assert absolute_url("  view.do?id=7  ", "https://a.go.kr/board/list.do") == "https://a.go.kr/board/view.do?id=7"
    assert absolute_url("/news/7", "https://a.go.kr/board/list.do") == "https://a.go.kr/news/7"


def test_the_longest_link_is_kept_and_a_longer_one_dropped():
    assert absolute_url(LONG_PATH, "https://a.go.kr/") == LONG_PATH
    assert absolute_url(LONG_PATH + "y", "https://a.go.kr/") is None


def test_without_a_base_a_link_is_kept_as_written():
    assert absolute_url("view.do?id=7", None) == "view.do?id=7"
    assert absolute_url("ftp://files.go.kr/a.hwp", None) == "ftp://files.go.kr/a.hwp"


@pytest.mark.parametrize("href", ["javascript:void(0)", "JAVASCRIPT:fn()", "mailto:press@gwangju.go.kr",
                                  "MailTo:press@gwangju.go.kr", "tel:062-120", "TEL:062-120", "data:text/html,x",
                                  "DATA:text/html,x", "#content"])
def test_without_a_base_script_mail_phone_data_and_fragment_links_are_still_dropped(href):
    assert absolute_url(href, None) is None


def test_a_link_to_another_scheme_or_a_broken_url_is_dropped():
    assert absolute_url("ftp://files.go.kr/a.hwp", "https://a.go.kr/") is None
    assert absolute_url("http://[::1/x", "https://a.go.kr/") is None  # unbalanced IPv6 bracket
    assert absolute_url("x.html", "http://[::1") is None  # a broken base
    assert absolute_url("HTTPS://b.go.kr/x", "https://a.go.kr/") == "https://b.go.kr/x"
    assert absolute_url("http://b.go.kr/x", "https://a.go.kr/") == "http://b.go.kr/x"  # plain http is a web link


# --- page_url --------------------------------------------------------------------------------------

def test_the_fetched_url_is_given_without_surrounding_spaces():
    assert page_url("  https://a.go.kr/x  ", None, None, "p.html") == "https://a.go.kr/x"


def test_a_fetched_url_needs_a_web_scheme_a_host_and_a_sane_length():
    assert page_url("http://a.go.kr/x", "https://b.go.kr/y", None, "p.html") == "http://a.go.kr/x"
    assert page_url("ftp://a.go.kr/x", "https://b.go.kr/y", None, "p.html") == "https://b.go.kr/y"
    assert page_url("http://[::1", None, "https://c.go.kr/", "p.html") == "https://c.go.kr/p.html"  # unparsable
    assert page_url("https:///x", "https://b.go.kr/y", None, "p.html") == "https://b.go.kr/y"
    assert page_url(LONG_PATH, "https://b.go.kr/y", None, "p.html") == LONG_PATH
    assert page_url(LONG_PATH + "y", "https://b.go.kr/y", None, "p.html") == "https://b.go.kr/y"


def test_a_broken_fetched_url_does_not_hide_an_absolute_declared_one():
    """Found by mut9 (round 9): a fetched URL urljoin cannot parse (an unbalanced IPv6 bracket) made page_url drop an
    absolute canonical link too; only a relative link is joined to the fetched URL now."""
    assert page_url("http://[::1", "https://b.go.kr/y", None, "p.html") == "https://b.go.kr/y"


def test_a_declared_url_is_stripped_and_joined_to_the_fetched_one():
    assert page_url(None, "  https://b.go.kr/y  ", None, "p.html") == "https://b.go.kr/y"
    # the fetched URL is too long to be the page's, but a relative canonical link still resolves against it
    assert page_url(LONG_PATH + "y", "/news/7", None, "p.html") == "https://a.go.kr/news/7"


def test_a_declared_url_that_is_no_web_address_falls_back_to_the_base_url():
    assert page_url(None, "ftp://b.go.kr/y", "https://c.go.kr/", "p.html") == "https://c.go.kr/p.html"
    assert page_url(None, "", "https://c.go.kr/", "p.html") == "https://c.go.kr/p.html"


def test_the_base_url_is_a_folder_with_or_without_its_slash():
    assert page_url(None, None, "https://c.go.kr/archive/", "2024/a.html") == "https://c.go.kr/archive/2024/a.html"
    assert page_url(None, None, "https://c.go.kr/archive", "2024/a.html") == "https://c.go.kr/archive/2024/a.html"
    assert page_url(None, None, "https://c.go.kr/archive", "a?b#c.html") == "https://c.go.kr/archive/a%3Fb%23c.html"


def test_a_base_url_that_is_no_web_address_gives_no_url():
    assert page_url(None, None, "file:///srv/pages/", "a.html") is None
    assert page_url(None, None, "", "a.html") is None
