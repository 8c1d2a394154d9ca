"""transforms/markup.py's readers of JSON-LD, meta tags, microdata and <time> (issue 19, round 12): what each gives
and in which order, written for the first mutation run of markup.py; Korean and English pages.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import (MAX_TIME_ELEMENTS, MAX_TITLE_CHARS, _clean, _first_text, _json_ld_objects,
                                         _names, _types, json_ld_object_types, markup_metadata)
from cityclips.transforms.records import MarkupDate


def read(head: str, body: str = "<p>본문</p>", lang: str = ""):
    return markup_metadata(parse_html(f"<html{lang}><head>{head}</head><body>{body}</body></html>"))


def ld(*objects: str) -> str:
    return "".join(f'<script type="application/ld+json">{obj}</script>' for obj in objects)


def test_clean_decodes_entities_and_squashes_whitespace() -> None:
    assert _clean("  Kim &amp; Lee\n\t news ") == "Kim & Lee news"
    assert _clean(" \n ") is None and _clean("") is None
    assert _clean(None) is None and _clean(3) is None and _clean(["x"]) is None


def test_json_ld_objects_flattens_lists_and_graphs_in_order_and_skips_broken_scripts() -> None:
    page = parse_html("<html><head>" + ld('[{"@type": "A"}, [{"@type": "B"}]]',
                                          '{"@graph": [{"@type": "C"}, {"@type": "D"}], "@type": "G"}',
                                          "not json at all",
                                          '<!-- {"@type": "E", "x": [1, 2,],}; -->',
                                          '{"@type": "F", "text": "line one\nline two"}', "")
                      + '<script type="text/javascript">{"@type": "X"}</script>'
                      + '<script type="APPLICATION/LD+JSON">{"@type": "H"}</script>' + "</head><body></body></html>")
    assert [obj.get("@type") for obj in _json_ld_objects(page)] == ["A", "B", "G", "C", "D", "E", "F", "H"]
    assert json_ld_object_types(page)[:2] == [frozenset({"a"}), frozenset({"b"})]
    assert json_ld_object_types(None) == []


def test_types_are_lower_cased_without_their_vocabulary() -> None:
    assert _types({"@type": "NewsArticle"}) == {"newsarticle"}
    assert _types({"@type": ["https://schema.org/Event", "Thing", 3]}) == {"event", "thing"}
    assert _types({}) == set() and _types({"@type": None}) == set()


def test_names_read_strings_objects_and_lists_but_no_addresses() -> None:
    assert _names("Kim Min-ji") == ["Kim Min-ji"]
    assert _names({"@type": "Person", "name": " 홍길동 "}) == ["홍길동"]
    assert _names([{"name": "Kim"}, "Lee", {"url": "x"}, "https://site/author/park", "//cdn/x", None]) == ["Kim", "Lee"]
    assert _first_text(["사회", "정치"]) == "사회" and _first_text([]) is None and _first_text(" 경제 ") == "경제"


def test_json_ld_articles_give_titles_dates_authors_and_section_and_pages_fill_gaps() -> None:
    article = ('{"@type": "NewsArticle", "headline": "광주시, 시내버스 노선 개편", "datePublished": "2025-12-06T16:43:00+09:00",'
               ' "dateModified": "2025-12-07T09:00:00+09:00", "author": [{"name": "홍길동"}, "Kim"],'
               ' "articleSection": ["사회", "교통"], "publisher": {"name": "광주일보"}}')
    page = ('{"@type": "WebPage", "name": "광주시, 시내버스 노선 개편 | 광주일보", "datePublished": "2025-01-01",'
            ' "isPartOf": {"@type": "WebSite", "name": "광주일보 누리집"}}')
    got = read(ld(page, article))
    assert got.titles[:2] == (("json_ld", "광주시, 시내버스 노선 개편"), ("json_ld", "광주시, 시내버스 노선 개편 | 광주일보"))
    assert got.published[0] == MarkupDate(datetime(2025, 12, 6, 16, 43), "json_ld", True, False)
    assert got.published[1].value == datetime(2025, 1, 1)  # the WebPage's, after the article's
    assert got.modified == (MarkupDate(datetime(2025, 12, 7, 9), "json_ld", True, False),)
    assert got.authors == (("json_ld", "홍길동"), ("json_ld", "Kim")) and got.section == "사회"
    assert got.site_names == ("광주일보 누리집", "광주일보")
    named = read(ld('{"@type": "BlogPosting", "name": "Council adopts budget", "dateCreated": "2024-03-01"}'))
    assert named.titles == (("json_ld", "Council adopts budget"),) and named.published[0].value == datetime(2024, 3, 1)
    webpage_name_only = read(ld('{"@type": "WebPage", "name": "About us", "isPartOf": {"@type": "Thing", "name": "X"}}'))
    assert webpage_name_only.titles == (("json_ld", "About us"),) and webpage_name_only.site_names == ()


def test_json_ld_sites_and_events() -> None:
    got = read(ld('{"@type": "Organization", "name": "City of Troy"}',
                  '{"@type": "Event", "name": "Board Meeting", "startDate": "2024-02-01T18:00"}',
                  '{"@type": "Event", "name": "Later Meeting", "startDate": "2024-03-01T18:00"}'))
    assert got.site_names == ("City of Troy",) and got.is_event
    assert got.titles == (("json_ld", "Board Meeting"),)
    assert [event.value for event in got.events] == [datetime(2024, 2, 1, 18)]
    assert not read(ld('{"@type": "NewsArticle", "headline": "x y z"}')).is_event


def test_titles_are_kept_once_each_up_to_their_length_and_ranked_by_source() -> None:
    head = ('<title>Budget | City</title><meta name="twitter:title" content="Budget tw">'
            '<meta property="og:title" content="Budget og"><meta property="og:title" content="Budget og">'
            f'<meta name="dc.title" content="{"x" * (MAX_TITLE_CHARS + 1)}"><meta name="dcterms.title" content="{"y" * MAX_TITLE_CHARS}">'
            + ld('{"@type": "Article", "headline": "Budget ld"}'))
    got = read(head, '<h1 itemprop="headline">Budget md</h1>')
    assert got.titles == (("json_ld", "Budget ld"), ("opengraph", "Budget og"), ("microdata", "Budget md"),
                          ("meta", "Budget tw"), ("meta", "y" * MAX_TITLE_CHARS), ("html_title", "Budget | City"))


def test_meta_tags_by_property_name_or_itemprop() -> None:
    head = ('<meta property="og:site_name" content="광주일보"><meta name="application-name" content="광주일보">'
            '<meta name="application-name" content="Gwangju Ilbo">'
            '<meta property=" ARTICLE:PUBLISHED_TIME " content="2025-12-06T16:43:00+09:00">'
            '<meta itemprop="datePublished" content="2025-12-05">'
            '<meta property="article:modified_time" content="2025-12-07T10:00:00+09:00">'
            '<meta itemprop="dateModified" content="2025-12-08">'
            '<meta name="author" content="By Kim Min-ji"><meta name="author" content="https://site/kim">'
            '<meta property="article:author" content=" "><meta name="section" content="정치">'
            '<meta name="category" content="사회"><meta property="og:url" content="not a url">'
            '<meta property="og:url" content=" https://www.kwangju.co.kr/a/1 ">'
            '<meta property="og:url" content="https://www.kwangju.co.kr/a/2">'
            '<meta name="last-updated-date" content="2025-12-09"><meta name="publish-date" content="2025-12-04">'
            '<meta name="created" content="2025-11-30"><meta name="keywords">')
    got = read(head)
    assert got.site_names == ("광주일보", "Gwangju Ilbo")
    assert [(d.value, d.source) for d in got.published] == [(datetime(2025, 12, 5), "microdata"),
                                                           (datetime(2025, 12, 6, 16, 43), "opengraph"),
                                                           (datetime(2025, 12, 4), "meta")]
    assert [(d.value, d.source) for d in got.modified] == [(datetime(2025, 12, 8), "microdata"),
                                                          (datetime(2025, 12, 7, 10), "opengraph"),
                                                          (datetime(2025, 12, 9), "meta")]
    assert got.authors == (("meta", "Kim Min-ji"),)
    assert got.section == "정치" and got.canonical_url == "https://www.kwangju.co.kr/a/1"


def test_microdata_elements_give_dates_and_a_headline() -> None:
    body = ('<h1 itemprop="headline">Council adopts budget</h1><span itemprop="headline" content="Other">x</span>'
            '<time itemprop=" datePublished " datetime="2024-03-01T09:00">March 1</time>'
            '<span itemprop="dateModified" content="2024-03-02">edited</span>'
            '<span itemprop="datepublished">2024-02-28</span><span itemprop="author">Kim</span>')
    got = read("", body)
    assert got.titles == (("microdata", "Council adopts budget"), ("microdata", "Other"))
    assert [(d.value, d.source) for d in got.published][:2] == [(datetime(2024, 3, 1, 9), "microdata"),
                                                               (datetime(2024, 2, 28), "microdata")]
    assert [(d.value, d.source) for d in got.modified] == [(datetime(2024, 3, 2), "microdata")]


def test_time_elements_date_the_page_or_its_edit_outside_asides_and_only_the_first_few() -> None:
    body = ('<div class="entry-meta"><time class="entry-date published updated" datetime="2024-03-01">1</time>'
            '<time class="updated" datetime="2024-03-05">5</time><time id="수정일" datetime="2024-03-06">6</time></div>'
            '<div class="modified-box"><time datetime="2024-03-07">7</time></div>'
            '<aside><time datetime="2024-01-01">aside</time></aside>'
            '<div class="related-news"><time datetime="2024-01-02">related</time></div>'
            '<time itemprop="x" datetime="2024-01-03">itemprop</time>')
    got = read("", body)
    assert [d.value for d in got.published] == [datetime(2024, 3, 1)]
    assert [d.value for d in got.modified] == [datetime(2024, 3, 5), datetime(2024, 3, 6), datetime(2024, 3, 7)]
    assert {d.source for d in got.published + got.modified} == {"time"}
    many = "".join(f'<p><time datetime="2024-01-{day:02d}">{day}</time></p>' for day in range(1, 10))
    assert [d.value.day for d in read("", many).published] == list(range(1, MAX_TIME_ELEMENTS + 1))


def test_nav_and_footer_times_are_off_the_article_and_a_parentless_check_does_not_fail() -> None:
    body = ('<nav><time datetime="2024-01-01">n</time></nav><footer><time datetime="2024-01-02">f</time></footer>'
            '<div class="sidebar"><time datetime="2024-01-03">s</time></div><time datetime="2024-01-04">own</time>')
    assert [d.value for d in read("", body).published] == [datetime(2024, 1, 4)]


def test_no_markup_gives_an_empty_record() -> None:
    assert markup_metadata(None).titles == () and markup_metadata(None).canonical_url is None


@pytest.mark.parametrize("url, is_event", [("https://city.gov/events/board-meeting", True),
                                           ("https://city.gov/meeting-2024", True),
                                           ("https://city.go.kr/행사/1", True),
                                           ("https://city.gov/news/eventually", False)])
def test_an_events_url_makes_an_event_page(url: str, is_event: bool) -> None:
    got = read(f'<link rel="canonical" href="{url}">')
    assert got.is_event is is_event


def test_json_ld_is_read_from_scripts_only_and_raw_newlines_are_kept_as_written() -> None:
    page = parse_html("<html><head>" + ld('{"@type": "F", "text": "a,\n}b"}', '{"@type": "I", "text": "a\nb",}')
                      + "</head><body><div type='application/ld+json'>{\"@type\": \"X\"}</div></body></html>")
    objects = list(_json_ld_objects(page))
    assert [obj["@type"] for obj in objects] == ["F", "I"]  # a <div> of that type is no script
    assert objects[0]["text"] == "a,\n}b"  # read as written, not through the trailing-comma repair
    assert objects[1]["text"] == "a\nb"  # a trailing comma and a raw newline together


def test_nested_lists_and_graphs_lose_nothing_that_follows_them() -> None:
    page = parse_html("<html><head>" + ld('[[{"@type": "A"}], {"@type": "B"}]',
                                          '[{"@graph": [{"@type": "C"}]}, {"@type": "D"}]') + "</head><body></body></html>")
    assert [obj.get("@type") for obj in _json_ld_objects(page)] == ["A", "B", None, "C", "D"]


def test_a_time_element_with_an_itemprop_is_read_once_as_microdata() -> None:
    got = read("", '<time itemprop="datePublished" datetime="2024-03-01T09:00">3월 1일</time>')
    assert [(d.value, d.source) for d in got.published] == [(datetime(2024, 3, 1, 9), "microdata")]


def test_json_ld_events_are_dated_as_json_ld_and_only_events_make_an_event_page() -> None:
    got = read(ld('{"@type": "Event", "name": "Board Meeting", "startDate": "2024-02-01T18:00"}'))
    assert [(d.value, d.source) for d in got.events] == [(datetime(2024, 2, 1, 18), "json_ld")]
    for kind in ("BreadcrumbList", "Thing", "ImageObject"):
        assert not read(ld(f'{{"@type": "{kind}", "name": "광주광역시 누리집 경로"}}')).is_event, kind


def test_a_webpages_name_comes_after_an_events_name() -> None:
    got = read(ld('{"@type": "WebPage", "name": "Board Meeting | City of Troy"}',
                  '{"@type": "NewsArticle", "headline": "Council adopts budget"}',
                  '{"@type": "Event", "name": "Board Meeting"}'))
    assert got.titles == (("json_ld", "Council adopts budget"), ("json_ld", "Board Meeting"),
                          ("json_ld", "Board Meeting | City of Troy"))


def test_unlisted_date_keys_are_read_by_their_words_and_itemprop_keys_are_microdata() -> None:
    got = read('<meta name="press-release-date" content="2025-12-04">'
               '<meta itemprop="article:published_time" content="2025-12-05">'
               '<meta itemprop="og:updated_time" content="2025-12-06">')
    assert [(d.value.day, d.source) for d in got.published] == [(5, "microdata"), (4, "meta")]
    assert [(d.value.day, d.source) for d in got.modified] == [(6, "microdata")]


def test_on_an_event_page_the_articles_date_stays_and_the_webpages_goes() -> None:
    event = '{"@type": "Event", "name": "Board Meeting", "startDate": "2024-02-01T18:00"}'
    got = read(ld('{"@type": "NewsArticle", "headline": "Board meets", "datePublished": "2024-01-20"}',
                  '{"@type": "WebPage", "name": "Board", "datePublished": "2023-05-05"}', event))
    assert [d.value for d in got.published] == [datetime(2024, 1, 20)]


def test_a_meta_without_content_is_passed_over_and_dates_that_are_no_text_are_none() -> None:
    got = read('<meta charset="utf-8"><meta name="viewport"><meta property="og:title" content="시내버스 노선 개편 안내">'
               + ld('{"@type": "NewsArticle", "headline": "x y z", "datePublished": {"@value": "2024-01-01"},'
                    ' "dateModified": 20240102}'))
    assert ("opengraph", "시내버스 노선 개편 안내") in got.titles
    assert got.published == () and got.modified == ()
