"""transforms/markup.py: JSON-LD, microdata, OpenGraph and meta tags, <time>, canonical links, in both languages."""
from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.markup import markup_metadata
from cityclips.transforms.records import MarkupMetadata

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)


def read(head: str, body: str = "<p>본문</p>"):
    return markup_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"))


# Modelled on a Korean regional newspaper (ndsoft CMS): NewsArticle JSON-LD and OpenGraph article tags.
KOREAN_NEWS_HEAD = """<title>광주시, 시내버스 노선 12개 개편 - 광주일보</title>
<meta property="og:title" content="광주시, 시내버스 노선 12개 개편">
<meta property="og:site_name" content="광주일보">
<meta property="og:url" content="https://www.kwangju.co.kr/article.php?aid=1700000000">
<meta property="article:published_time" content="2025-12-06T16:43:00+09:00">
<meta property="article:modified_time" content="2025-12-06T17:05:12+09:00">
<meta property="article:section" content="사회">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "광주시, 시내버스 노선 12개 개편",
 "datePublished": "2025-12-06T16:43:00+09:00", "dateModified": "2025-12-06T17:05:12+09:00",
 "author": {"@type": "Person", "name": "홍길동"},
 "publisher": {"@type": "Organization", "name": "광주일보"}}
</script>"""


def test_korean_news_article_json_ld_and_opengraph() -> None:
    meta = read(KOREAN_NEWS_HEAD)
    assert meta.titles[0] == ("json_ld", "광주시, 시내버스 노선 12개 개편")
    assert ("html_title", "광주시, 시내버스 노선 12개 개편 - 광주일보") in meta.titles
    assert meta.site_names == ("광주일보",)
    assert (meta.published[0].value, meta.published[0].source) == (datetime(2025, 12, 6, 16, 43), "json_ld")
    assert meta.modified[0].value == datetime(2025, 12, 6, 17, 5, 12)
    assert meta.authors == (("json_ld", "홍길동"),)
    assert meta.section == "사회"
    assert meta.canonical_url == "https://www.kwangju.co.kr/article.php?aid=1700000000"


def test_json_ld_graph_lists_broken_scripts_and_a_web_page_only_fills_gaps() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "broken", </script>
<script type="application/ld+json">[{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Seoul Metropolitan Government"},
  {"@type": "WebPage", "name": "Seoul opens 30 new parks | Seoul Metropolitan Government",
   "datePublished": "2024-04-02"},
  {"@type": ["Article"], "headline": "Seoul opens 30 new parks", "datePublished": "2024-04-01T09:00:00Z",
   "author": [{"@type": "Person", "name": "Kim Min-ji"}, "https://example.org/staff/lee"]}]}]</script>"""
    meta = read(head)
    assert [t for s, t in meta.titles if s == "json_ld"] == ["Seoul opens 30 new parks",
                                                              "Seoul opens 30 new parks | Seoul Metropolitan Government"]
    assert meta.site_names == ("Seoul Metropolitan Government",)
    first = meta.published[0]
    assert (first.value, first.has_time, first.utc) == (datetime(2024, 4, 1, 9, 0), True, True)
    assert meta.authors == (("json_ld", "Kim Min-ji"),)  # a URL is not a name


def test_raw_newlines_and_entities_inside_json_ld_strings() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "AI &amp; 데이터\n센터 확충"}</script>'
    assert read(head).titles == (("json_ld", "AI & 데이터 센터 확충"),)


def test_dublin_core_meta_date_and_microdata() -> None:
    head = """<meta name="DC.title" content="2024년 시정 주요 업무계획"><meta name="date" content="2024-01-05">
<meta name="dcterms.modified" content="2024-01-09"><meta name="author" content="기획조정실">"""
    body = '<span itemprop="datePublished" content="2024-01-04T10:00:00+09:00">1월 4일</span>'
    meta = read(head, body)
    assert meta.titles == (("meta", "2024년 시정 주요 업무계획"),)
    assert [(d.source, d.value) for d in meta.published] == [("microdata", datetime(2024, 1, 4, 10)),
                                                            ("meta", datetime(2024, 1, 5))]
    assert meta.published[1].has_time is False
    assert meta.modified[0].value == datetime(2024, 1, 9)
    assert meta.authors == (("meta", "기획조정실"),)


def test_time_elements_of_other_stories_are_not_the_articles() -> None:
    body = """<aside class="related"><time datetime="2020-01-01T00:00">old</time></aside>
<div class="comment-list"><time datetime="2021-01-01">comment</time></div>
<article><time class="updated" datetime="2023-05-03T11:00+09:00">수정</time>
<time datetime="2023-05-02T10:30:00+09:00">2023.05.02</time></article>"""
    meta = read("", body)
    assert [(d.source, d.value) for d in meta.published] == [("time", datetime(2023, 5, 2, 10, 30))]
    assert [d.value for d in meta.modified] == [datetime(2023, 5, 3, 11, 0)]


def test_canonical_link_beats_og_url_and_relative_links_are_ignored() -> None:
    head = """<meta property="og:url" content="https://www.gwangju.go.kr/boardView.do?id=1">
<link rel="canonical" href="/relative/only"><link rel="alternate canonical" href="https://www.gwangju.go.kr/b/1">"""
    assert read(head).canonical_url == "https://www.gwangju.go.kr/b/1"
    assert read('<meta property="og:url" content="https://www.gwangju.go.kr/x">').canonical_url == \
        "https://www.gwangju.go.kr/x"


def test_placeholder_and_unparseable_dates_are_skipped() -> None:
    head = """<meta property="article:published_time" content="0001-01-01T00:00:00">
<meta name="date" content="unknown"><meta name="pubdate" content="Sat, 06 Dec 2025 16:43:00 +0900">"""
    assert [(d.source, d.value) for d in read(head).published] == [("meta", datetime(2025, 12, 6, 16, 43))]


def test_reading_markup_leaves_the_tree_for_html_blocks() -> None:
    html = f"<html><head>{KOREAN_NEWS_HEAD}</head><body><h1>광주시, 시내버스 노선 12개 개편</h1><p>본문입니다.</p></body></html>"
    root = parse_html(html)
    before = html_blocks(parse_html(html))
    markup_metadata(root)
    assert html_blocks(root) == before


def test_no_markup_gives_an_empty_record() -> None:
    assert markup_metadata(None) == MarkupMetadata()
    assert read("") == MarkupMetadata()


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list('{}[]":,@ typeNewsArticleheadline가나2024-01-01T\n<>&;')), max_size=200))
def test_any_json_ld_text_never_raises(script: str) -> None:
    markup_metadata(parse_html(f'<html><head><script type="application/ld+json">{script}</script></head><body></body></html>'))


def test_a_board_title_row_written_in_one_cell_is_the_board_title() -> None:
    for label, value in (("제 목", "관광산업 근로자 리프레쉬존 개선지원 공고"), ("Title", "Notice of the 2025 grant round")):
        body = (f"<table><tr><th colspan='4'>{label} : {value}</th></tr>"
                "<tr><th>작성자</th><td>강릉정보문화진흥센터</td><th>등록일</th><td>2025년 05월 30일 15시 25분</td></tr></table>")
        got = read("<title>진흥원</title>", body)
        assert got.board_title == value
        assert got.board.published_at == datetime(2025, 5, 30, 15, 25)


def test_a_field_label_naming_what_was_registered_before_its_date_label_is_the_posting_date() -> None:
    body = "<table><tr><th>채용공고 등록일시</th><td>2026.03.18 00:00:00</td><th>행사 날짜</th><td>2026.05.01</td></tr></table>"
    assert read("", body).board.published_at == datetime(2026, 3, 18, 0, 0)
    english = "<table><tr><th>Event date</th><td>May 1, 2026</td></tr><tr><th>Job posted</th><td>March 18, 2026</td></tr></table>"
    assert read("", english).board.published_at == datetime(2026, 3, 18, 0, 0)
    assert read("", "<table><tr><th>행사 날짜</th><td>2026.05.01</td></tr></table>").board.published_at is None


def test_label_and_value_elements_give_dated_fields_in_both_languages() -> None:
    video = ("<h4>20251217 중계_업무보고</h4><ul><li><span>촬영장소</span><strong>정부세종컨벤션센터</strong></li>"
             "<li><span>촬영일자</span><strong>2025-12-17</strong></li><li><span>조회수</span><strong>27</strong></li></ul>")
    got = read("", video)
    assert [d.value for d in got.other_dates] == [datetime(2025, 12, 17)] and got.board.view_count == 27
    assert got.board.published_at is None  # the day a video was shot is not a posting date
    posted = read("", "<p><strong>Posted:</strong> June 5, 2025</p><p class='date'>발행일 <span>2025.04.03. 11:36</span></p>")
    assert posted.board.published_at == datetime(2025, 6, 5)
    updated = read("", "<div><div class='tit'><b>Last Updated</b></div><div class='txt'>March 26, 2021</div></div>")
    assert updated.board.modified_at == datetime(2021, 3, 26)


def test_an_event_fields_dates_are_the_events_and_make_the_page_an_event_page() -> None:
    meeting = read("", "<h1>Board Meeting</h1><p><strong>Meeting Date:</strong> November 13, 2018</p>")
    assert meeting.is_event and [d.value for d in meeting.events] == [datetime(2018, 11, 13)]
    assert meeting.board.published_at is None
    ranged = read("", "<dl><dt>Date</dt><dd>November 20, 2019 8:30 AM - 10:00 AM</dd></dl>")  # a time range: an event's
    assert ranged.is_event and ranged.board.published_at is None
    article = read("", "<dl><dt>Date</dt><dd>2025-06-05</dd></dl>")  # a bare 'Date' on an article: its date
    assert not article.is_event and article.board.published_at == datetime(2025, 6, 5)


def test_json_ld_event_start_date_and_name() -> None:
    head = ('<script type="application/ld+json">{"@type": "Event", "name": "Police Discipline Work Group",'
            ' "startDate": "2024-02-01"}</script>')
    got = read(head)
    assert got.is_event and got.events[0].value == datetime(2024, 2, 1)
    assert ("json_ld", "Police Discipline Work Group") in got.titles and not got.published


def test_date_elements_by_class_and_what_their_box_says() -> None:
    got = read("", "<div class='entry-meta'><span class='post-date'>12. September 2013</span></div><p>Text</p>")
    assert [(d.value, d.source) for d in got.published] == [(datetime(2013, 9, 12), "byline")]
    teaser = read("", "<div class='related-posts'><span class='date'>2013-09-01</span></div>")
    assert not teaser.published
    event = read("", "<div class='event-details'><span class='date'>Tue, Jul 30 2024</span></div>")
    assert event.events and not event.published
    period = read("", "<span class='date'>2025.06.01 ~ 2025.06.30</span>")  # a period is no day
    assert not period.published and not period.events


def test_a_url_path_date_and_an_events_url() -> None:
    assert read('<link rel="canonical" href="https://blog.example.org/2019/08/02/json-parsing/">').url_date \
        == datetime(2019, 8, 2)
    event = read('<link rel="canonical" href="http://www.example.org/events/land-committee-20190913/">')
    assert event.is_event and event.url_date is None


def test_the_site_names_chrome_gives_copyright_lines_and_the_logo_link() -> None:
    body = ("<a href='/'><img alt='열린 아카이브 KTV 나누리'></a><a href='/news'>뉴스</a><p>사진 설명 ©이마음</p>"
            "<footer><p>© 열린 아카이브 KTV 나누리. All Rights Reserved.</p>"
            "<p>Copyright © 2018 Public Building Commission of Chicago. All Rights Reserved.</p><p>© Stephan Höferer</p></footer>")
    assert read("", body).site_marks == ("열린 아카이브 KTV 나누리", "Public Building Commission of Chicago")


def test_two_sibling_dates_of_one_day_at_two_times_are_an_events_start_and_end() -> None:
    body = ("<h1>November 2017 Regular Board Meeting</h1><h2><div id='formatDateA'>11/2/2017 9:00 AM</div>"
            "<div id='formatDateB'>11/2/2017 12:00 PM</div></h2>")
    got = read("", body)
    assert got.is_event and not got.published and got.events[0].value == datetime(2017, 11, 2, 9, 0)
    edited = read("", "<div class='date'>11/2/2017 9:00 AM</div><div class='updated'>11/2/2017 12:00 PM</div>")
    assert not edited.is_event and edited.published[0].value == datetime(2017, 11, 2, 9, 0)


def test_a_release_date_label_is_a_posting_date_even_with_a_clock_after_it_and_hidden_dates_are_no_dates() -> None:
    body = ("<p><span class='field-label'>Release Date:</span></p>"
            "<div class='field'><span>Thursday, 28 April 2022 – 3:55pm</span></div>")
    got = read("", body)
    assert not got.is_event and got.board.published_at.date() == datetime(2022, 4, 28).date()
    hidden = read("", "<div class='rich-snippet' style='display:none'><span class='date'>2024-01-05</span></div>")
    assert not hidden.published


def test_a_day_first_page_reads_its_numeric_markup_dates_day_first() -> None:
    html = ('<html lang="es-MX"><head><meta name="publish-date" content="05/10/2022 17:22"></head>'
            '<body><p>x</p></body></html>')
    assert markup_metadata(parse_html(html)).published[0].value == datetime(2022, 10, 5, 17, 22)


def test_the_fast_date_class_test_finds_what_the_case_insensitive_pattern_finds() -> None:
    # _names_a_date lower-cases ASCII words and keeps re.IGNORECASE for the rest: 'ſ' (U+017F) is an 's'
    # to IGNORECASE, 'K' (U+212A) a 'k', and lower() would not make them so
    from cityclips.transforms.markup import _DATE_CLASS, _names_a_date

    for words in ("post-Date ", "ENTRY-META x", "articleInfo ", " regdate", "metadata ", "poſted ", "bbs_view ",
                  "게시일 date", "meta_info", "xmeta ", "BYLINE ", "UPDATED-at ", "İnfo ", "boxinfo ", ""):
        assert _names_a_date(words) == bool(_DATE_CLASS.search(words)), words


def test_copyright_texts_are_the_first_four_text_nodes_with_a_mark_in_document_order() -> None:
    from cityclips.transforms.markup import _copyright_texts

    root = parse_html("<html><body><!-- © 2020 in a comment --><p>본문 (c) 사진</p><script>var c='© 2021'</script>"
                      "<footer><p>Copyright 2022 광주광역시</p>tail COPYRIGHT<span>© 2023</span><i>© 2024</i>"
                      "</footer></body></html>")
    assert _copyright_texts(root) == ["본문 (c) 사진", "var c='© 2021'", "Copyright 2022 광주광역시", "tail COPYRIGHT"]


def test_the_row_just_above_a_boards_byline_row_is_its_title_when_no_label_names_it() -> None:
    for title, byline in (("2025년 제1차 입주기업 모집 공고(상시접수)", "작성자 : 김태하 ㅣ 조회수 : 426"),
                          ("Notice of the 2025 small business grant round", "Writer : Planning Office | Date : 2025-02-14")):
        body = (f"<table><tr><td height='2'></td></tr><tr><td><strong>{title}</strong></td></tr>"
                f"<tr><td height='1'></td></tr><tr><td>{byline}</td></tr></table><p>본문</p>")
        assert read("<title>환동해산업연구원</title>", body).board_title == title
        # a row that is itself a field, a date or several cells is no title
        for above in ("<tr><td>담당부서 : 기획예산과</td></tr>", "<tr><td>2025-02-14</td></tr>",
                      "<tr><td>공지</td><td>번호 12</td></tr>"):
            table = f"<table>{above}<tr><td>{byline}</td></tr></table>"
            assert read("<title>환동해산업연구원</title>", table).board_title is None


def test_a_notices_closing_date_above_its_issuer_is_a_fallback_date() -> None:
    for closing, issuer, day in (("2025. 02. 14.", "( 재 ) 환동해산업연구원장", datetime(2025, 2, 14)),
                                 ("2024-01-05", "Jane Doe, City Clerk", datetime(2024, 1, 5))):
        body = f"<div><p>공고 내용 본문입니다.</p><p>{closing}</p><p>{issuer}</p></div>"
        assert [d.value for d in read("<title>공고</title>", body).other_dates] == [day]
        # a date followed by a sentence, a time or a link's text is no closing
        for after in ("다음과 같이 공고합니다.", "오후 2시", "<a href='/list'>목록</a>"):
            assert read("<title>공고</title>", f"<p>{closing}</p><p>{after}</p>").other_dates == ()
