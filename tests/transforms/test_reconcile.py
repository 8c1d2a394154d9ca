"""transforms/reconcile.py: markup and visible metadata reconciled, site names kept out of titles, provenance."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.reconcile import find_title_block, reconcile_metadata, same_title, strip_site_name, title_hints
from cityclips.transforms.records import Document, MarkupDate, MarkupMetadata, Metadata, MetadataFields, RawPage


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


# --- site names out of titles ------------------------------------------------------------------

def test_site_name_suffixes_go_in_both_languages_and_the_headline_keeps_its_own_separators() -> None:
    assert strip_site_name("시내버스 노선 12개 개편 | 광주광역시", {"광주광역시"}) == "시내버스 노선 12개 개편"
    assert strip_site_name("서울시, 공원 30곳 개장 - 서울특별시", {"서울특별시"}) == "서울시, 공원 30곳 개장"
    assert strip_site_name("Fact Check: Is it true? - News Nation", {"newsnation"}) == "Fact Check: Is it true?"
    assert strip_site_name("SlashGear :: The VW ID. Space Vizzion", {"slashgear"}) == "The VW ID. Space Vizzion"
    assert strip_site_name("Kim - a life in politics", set()) == "Kim - a life in politics"  # no site name known


def test_the_site_name_comes_from_og_site_name_the_publisher_the_host_or_the_title_og_title_shares() -> None:
    shared = MarkupMetadata(titles=(("opengraph", "광주광역시"), ("html_title", "2024년 시정 주요 업무계획 발표 | 광주광역시")))
    assert title_hints(shared) == (("html_title", "2024년 시정 주요 업무계획 발표"),)
    by_host = MarkupMetadata(titles=(("html_title", "Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de"),),
                             canonical_url="https://www.heizung.de/ratgeber/waermepumpe.html")
    assert title_hints(by_host)[0] == ("html_title", "Wärmepumpe im Altbau - Wann es sich lohnt")


def test_opengraph_titles_of_a_root_og_url_describe_the_site() -> None:
    markup = MarkupMetadata(titles=(("opengraph", "강릉과학산업진흥원 MY BIZ 플랫폼"),
                                    ("html_title", "강릉과학산업진흥원 MY BIZ플랫폼")),
                            canonical_url="https://mybiz.gsipa.or.kr")
    assert title_hints(markup) == ()


def test_short_title_parts_are_section_names_not_headline_hints() -> None:
    assert title_hints(MarkupMetadata(titles=(("html_title", "보도자료 | 해운대구"),))) == ()


def test_hints_most_markup_fields_agree_on_come_first() -> None:
    markup = MarkupMetadata(titles=(("json_ld", "Hiking the Boulder Flat Irons"),
                                    ("opengraph", "Simple Hiking Survival Kit (with Kids)"),
                                    ("html_title", "Simple Hiking Survival Kit (with Kids) - The Anti-June Cleaver")),
                            site_names=("The Anti-June Cleaver",))
    assert title_hints(markup)[0] == ("opengraph", "Simple Hiking Survival Kit (with Kids)")


def test_same_title_ignores_punctuation_labels_brackets_and_truncation() -> None:
    assert same_title("제 목 : 광주시, 시내버스 노선 12개 개편", "광주시 시내버스 노선 12개 개편")
    assert same_title("[보도자료] 광주시, 시내버스 노선 12개 개편", "광주시, 시내버스 노선 12개 개편")
    assert same_title("Mayor Lee opens the new central library downtown", "Mayor Lee opens the new central…")
    assert not same_title("보도자료", "보도자료 광주시 시내버스 노선 12개 개편 안내")
    assert find_title_block(["서브페이지 본문 영역", "광주시, 시내버스 노선 12개 개편", "본문"],
                            (("opengraph", "광주시, 시내버스 노선 12개 개편"),)) == 1


# --- whole pages -------------------------------------------------------------------------------

KOREAN_BOARD = """<html lang="ko"><head><title>보도자료 | 광주광역시</title>
<meta property="og:title" content="광주광역시"><meta property="og:site_name" content="광주광역시"></head><body>
<h1>광주광역시</h1>
<h2>서브페이지 본문 영역</h2>
<table class="bbs_view">
<tr><th>제목</th><td>광주시, 시내버스 노선 12개 개편</td></tr>
<tr><th>작성자</th><td>대변인실</td><th>등록일</th><td>2022-03-14 11:20</td></tr>
<tr><th>조회수</th><td>3,208</td><th>담당부서</th><td>교통정책과</td></tr>
</table>
<p>광주시는 14일 시내버스 노선 12개를 개편한다고 밝혔다. 새 노선은 다음 달부터 운행한다.</p>
</body></html>"""


def test_a_korean_board_page_whose_markup_names_only_the_site() -> None:
    meta = html_doc(KOREAN_BOARD).metadata
    assert (meta.title, meta.title_source) == ("광주시, 시내버스 노선 12개 개편", "board_table")
    assert (meta.author, meta.author_source) == ("대변인실", "board_table")
    assert (meta.published_at, meta.published_at_source) == (datetime(2022, 3, 14, 11, 20), "board_table")
    assert (meta.view_count, meta.department, meta.department_source) == (3208, "교통정책과", "board_table")
    assert meta.site_name == "광주광역시"


KOREAN_NEWS = """<html lang="ko"><head><title>광주시, AI 데이터센터 확충 - 광주일보</title>
<meta property="og:title" content="광주시, AI 데이터센터 확충">
<meta property="og:site_name" content="광주일보">
<meta property="og:url" content="https://www.kwangju.co.kr/article.php?aid=1">
<meta property="article:published_time" content="2025-12-06T16:43:00+09:00"></head><body>
<div class="top_banner"><h2>많이 본 뉴스</h2></div>
<div class="article_head"><h3>광주시, AI 데이터센터 확충</h3>
<ul class="infomation"><li>기자명 홍길동 기자</li><li>입력 2025.12.06 16:43</li><li>수정 2025.12.07 09:10</li></ul></div>
<div id="article-view-content-div"><p>광주시는 인공지능 데이터센터를 두 배로 늘린다고 6일 밝혔다.</p>
<p>강기정 광주시장은 “데이터센터는 AI 산업의 핵심 기반”이라며 “지역 기업을 돕겠다”고 말했다.</p></div>
</body></html>"""


def test_a_korean_news_page_markup_confirms_the_visible_headline_and_the_byline_gives_the_dates() -> None:
    doc = html_doc(KOREAN_NEWS)
    meta = doc.metadata
    assert (meta.title, meta.title_source) == ("광주시, AI 데이터센터 확충", "opengraph")
    assert (meta.published_at, meta.published_at_source) == (datetime(2025, 12, 6, 16, 43), "opengraph")
    assert (meta.modified_at, meta.modified_at_source) == (datetime(2025, 12, 7, 9, 10), "byline")
    assert (meta.author, meta.author_source) == ("홍길동 기자", "byline")
    assert meta.canonical_url == "https://www.kwangju.co.kr/article.php?aid=1"
    assert "많이 본 뉴스" not in doc.body_text  # above the confirmed headline: chrome
    assert [(q.speaker, q.text) for q in doc.quotes] == [("강기정 광주시장", "데이터센터는 AI 산업의 핵심 기반"),
                                                        ("강기정 광주시장", "지역 기업을 돕겠다")]


ENGLISH_NEWS = """<html lang="en"><head><title>Seoul opens 30 new parks | The Seoul Times</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Seoul opens 30 new parks", "datePublished": "2024-04-01T00:30:00Z",
"author": {"@type": "Person", "name": "Kim Min-ji"}, "publisher": {"@type": "Organization", "name": "The Seoul Times"}}
</script></head><body>
<p>Our website uses cookies to improve your experience.</p>
<h1>Seoul opens 30 new parks</h1>
<p class="byline">By Kim Min-ji | April 1, 2024 9:30 AM</p>
<p>Seoul opened 30 new neighbourhood parks on Monday, the city said.</p>
</body></html>"""


def test_an_english_news_page_a_utc_markup_time_gives_way_to_the_local_one_on_the_page() -> None:
    meta = html_doc(ENGLISH_NEWS).metadata
    assert (meta.title, meta.title_source) == ("Seoul opens 30 new parks", "json_ld")
    assert (meta.published_at, meta.published_at_source) == (datetime(2024, 4, 1, 9, 30), "byline")
    assert (meta.author, meta.author_source) == ("Kim Min-ji", "json_ld")
    assert meta.site_name == "The Seoul Times"


def test_a_korean_page_with_only_a_utc_markup_time_is_moved_to_korean_time() -> None:
    markup = MarkupMetadata(published=(MarkupDate(datetime(2025, 5, 27, 22, 5), "json_ld", True, True),), language="ko")
    assert reconcile_metadata(markup, Metadata()).published_at == datetime(2025, 5, 28, 7, 5)
    english = MarkupMetadata(published=markup.published, language="en")
    assert reconcile_metadata(english, Metadata()).published_at == datetime(2025, 5, 27, 22, 5)


def test_a_stray_meta_date_never_beats_the_pages_own_labelled_date() -> None:
    markup = MarkupMetadata(published=(MarkupDate(datetime(2026, 1, 1), "meta", False, False),))
    visible = Metadata(published_at=datetime(2024, 1, 5, 10, 0), published_at_source="board_table")
    assert reconcile_metadata(markup, visible).published_at_source == "board_table"
    same_day = MarkupMetadata(published=(MarkupDate(datetime(2024, 1, 5), "json_ld", False, False),))
    assert reconcile_metadata(same_day, visible).published_at == datetime(2024, 1, 5, 10, 0)  # the time it lacked


def test_an_unconfirmed_single_og_title_does_not_replace_a_visible_heading() -> None:
    markup = MarkupMetadata(titles=(("opengraph", "Medienmitteilungen"),))
    visible = Metadata(title="Impfen und Testen: neue Regeln ab Montag", title_source="heading")
    assert reconcile_metadata(markup, visible).title == "Impfen und Testen: neue Regeln ab Montag"
    teaser = Metadata(title="Zum Hauptinhalt springen", title_source="text_line")
    assert reconcile_metadata(markup, teaser).title == "Medienmitteilungen"


def test_text_dumps_keep_their_fields_and_say_text_line() -> None:
    visible = Metadata(title="광주시, 시내버스 노선 12개 개편", title_source="text_line", author="대변인실",
                       author_source="text_line")
    assert reconcile_metadata(MarkupMetadata(), visible) == visible
    assert MarkupMetadata().board == MetadataFields()


def test_a_spaced_title_label_of_a_text_dump_is_not_part_of_the_title() -> None:
    text = "홈 > 알림마당 > 공지사항\n\n제 목 : 2025년 청년 창업 지원사업 모집 공고\n작성자 : 창업지원팀 등록일 : 2025-05-30\n\n" \
           "청년 창업 지원사업 참여 기업을 다음과 같이 모집합니다.\n"
    doc = process_page(RawPage("notice.txt", text.encode("utf-8"), "text"))
    assert (doc.metadata.title, doc.metadata.title_source) == ("2025년 청년 창업 지원사업 모집 공고", "text_line")
    assert (doc.metadata.author_source, doc.metadata.published_at_source) == ("text_line", "text_line")


GLOSSARY = """<html lang="en"><head><title>GLOSSARY OF LEGAL TERMS - Legal Aid Program Evaluation</title>
<meta name="dcterms.title" content="Legal Aid Program Evaluation"><meta name="dcterms.issued" content="2012-04-24">
</head><body><h1>Legal Aid Program Evaluation, Final Report</h1><h2>Glossary of Legal Terms</h2>
<dl><dt>Conflict</dt><dd>Two opposing parties cannot be represented by the same lawyer or the same office.</dd>
<dt>Charge</dt><dd>a formal accusation of an offence as a preliminary step to prosecution.</dd></dl>
<p>Accused: a person charged with a crime, who is presumed innocent until proven guilty.</p>
<dl><dt>Date modified:</dt><dd>2022-05-13</dd></dl></body></html>"""


def test_a_static_page_the_page_part_of_title_and_the_date_it_shows() -> None:
    meta = html_doc(GLOSSARY).metadata
    assert (meta.title, meta.title_source) == ("Glossary of Legal Terms", "html_title")  # not the report's h1
    assert meta.author is None  # '... by the same lawyer' in a definition is no byline
    assert (meta.published_at, meta.published_at_source) == (datetime(2022, 5, 13), "board_table")


def test_a_short_visible_heading_the_title_repeats_is_confirmed_and_a_menu_word_gives_way() -> None:
    markup = MarkupMetadata(titles=(("html_title", "Criminal Glossary | Superior Court of California - County of San Diego"),))
    assert reconcile_metadata(markup, Metadata(title="Criminal Glossary", title_source="heading")).title_source == \
        "html_title"
    panel = MarkupMetadata(titles=(("html_title", "DNR - Belle Isle Park Advisory Committee"),))
    assert reconcile_metadata(panel, Metadata(title="Panel", title_source="heading")).title == \
        "Belle Isle Park Advisory Committee"


EVENT = """<html lang="en"><head><title>Howard Street SSA #19 Commissioners Meeting - Nov 20, 2019</title></head><body>
<h1>Howard Street SSA #19 Commissioners Meeting</h1>
<div class="event-node"><time datetime="2019-11-20T14:30:00Z">Nov 20</time></div>
<p>Name: Howard Street SSA #19 Commissioners Meeting</p><p>Date: November 20, 2019</p>
<p>Commissioners meet monthly to discuss initiatives for the Howard Street business district.</p></body></html>"""


def test_an_event_page_dates_the_event_not_the_page() -> None:
    meta = html_doc(EVENT).metadata
    assert meta.title == "Howard Street SSA #19 Commissioners Meeting"
    assert (meta.author, meta.published_at) == (None, None)


def test_a_value_on_the_line_after_its_label() -> None:
    html = """<html><head><title>IP glossary | IP Australia</title><meta name="dcterms.title" content="IP glossary">
<link rel="canonical" href="https://www.ipaustralia.gov.au/tools-resources/ip-glossary"></head><body>
<ul><li><a href="/tools">Tools and resources</a></li></ul><p>Last updated:</p><p>26 March 2021</p>
<h2>IP glossary</h2><p>This glossary explains the most important intellectual property words and terms.</p></body></html>"""
    meta = html_doc(html).metadata
    assert (meta.title, meta.published_at) == ("IP glossary", datetime(2021, 3, 26))


def test_a_visible_heading_that_says_more_than_the_markup_title_is_the_title() -> None:
    markup = MarkupMetadata(titles=(("json_ld", "2017-3"), ("opengraph", "2017-3")))
    visible = Metadata(title="Official Opinion 2017-3", title_source="heading")
    assert reconcile_metadata(markup, visible).title == "Official Opinion 2017-3"


def test_a_meta_author_that_names_an_institution_is_no_byline() -> None:
    institution = MarkupMetadata(authors=(("meta", "Government of Canada, Department of Justice, Electronic Communications"),))
    assert reconcile_metadata(institution, Metadata()).author is None
    person = MarkupMetadata(authors=(("meta", "Natalie Musumeci"),))
    assert reconcile_metadata(person, Metadata()).author == "Natalie Musumeci"


# --- a site and section glued to the headline, a <title> that names only the site (round 4) -----

def test_a_markup_title_with_a_glued_section_and_site_tail_gives_way_to_the_bare_headline() -> None:
    korean = MarkupMetadata(titles=(("json_ld", '민주당 "당규 개정 왜 밀어붙이나"'),
                                    ("opengraph", '민주당 "당규 개정 왜 밀어붙이나"-정치ㅣ한국일보'),
                                    ("meta", '민주당 "당규 개정 왜 밀어붙이나"-정치ㅣ한국일보'),
                                    ("html_title", '민주당 "당규 개정 왜 밀어붙이나"-정치ㅣ한국일보')))
    assert title_hints(korean) == (("json_ld", '민주당 "당규 개정 왜 밀어붙이나"'),)
    english = MarkupMetadata(titles=(("json_ld", "Council approves the 2026 budget"),
                                     ("opengraph", "Council approves the 2026 budget|Politics|Daily Herald"),
                                     ("html_title", "Council approves the 2026 budget|Politics|Daily Herald")))
    assert title_hints(english)[0] == ("json_ld", "Council approves the 2026 budget")


def test_a_title_with_an_empty_headline_part_names_the_site_and_a_board_title_field_stands() -> None:
    for site, headline in (("전남바이오진흥원", "2025년 기업지원프로그램 수혜기업 2차 모집공고"),
                           ("City of Springfield", "Call for proposals: 2025 small business grants")):
        markup = MarkupMetadata(titles=(("meta", site), ("html_title", f"- {site}")))
        visible = Metadata(title=headline, title_source="board_table")
        assert (reconcile_metadata(markup, visible).title, reconcile_metadata(markup, visible).title_source) == \
            (headline, "board_table")
        assert title_hints(markup) == ()  # the site's name is no headline hint


# --- which date is the page's -------------------------------------------------------------------

def test_an_event_pages_date_is_its_event_at_not_its_published_at() -> None:
    markup = MarkupMetadata(events=(MarkupDate(datetime(2024, 2, 1), "json_ld", False, False),), is_event=True,
                            url_date=None)
    visible = Metadata(title="Police Discipline Work Group", published_at=datetime(2024, 2, 1),
                       published_at_source="byline")
    got = reconcile_metadata(markup, visible)
    assert got.published_at is None and (got.event_at, got.event_at_source) == (datetime(2024, 2, 1), "json_ld")
    posted = replace_published(visible, datetime(2024, 1, 10))  # a posting date on another day stays
    assert reconcile_metadata(markup, posted).published_at == datetime(2024, 1, 10)


def replace_published(visible: Metadata, day: datetime) -> Metadata:
    return Metadata(title=visible.title, published_at=day, published_at_source="byline")


def test_with_no_date_shown_another_labelled_date_then_the_url_day_and_never_on_an_event_page() -> None:
    shot = MarkupDate(datetime(2025, 12, 17), "board_table", False, False)
    both = MarkupMetadata(other_dates=(shot,), url_date=datetime(2025, 12, 1))
    assert _date_of(both) == (datetime(2025, 12, 17), "board_table")
    assert _date_of(MarkupMetadata(url_date=datetime(2019, 8, 2))) == (datetime(2019, 8, 2), "url")
    assert _date_of(MarkupMetadata(other_dates=(shot,), is_event=True)) == (None, None)
    shown = reconcile_metadata(MarkupMetadata(url_date=datetime(2019, 8, 2)),
                               Metadata(title="T", published_at=datetime(2019, 8, 3), published_at_source="byline"))
    assert shown.published_at == datetime(2019, 8, 3)  # what the page shows beats its URL


def _date_of(markup: MarkupMetadata) -> tuple[datetime | None, str | None]:
    got = reconcile_metadata(markup, Metadata(title="T"))
    return got.published_at, got.published_at_source


def test_a_markup_title_that_is_the_sites_name_in_its_chrome_loses_to_the_heading() -> None:
    markup = MarkupMetadata(titles=(("meta", "열린 아카이브 KTV 나누리"), ("html_title", "열린 아카이브 KTV 나누리")),
                            site_marks=("열린 아카이브 KTV 나누리",))
    visible = Metadata(title="20251217 중계_산업통상부 업무보고 녹취_KTV", title_source="heading")
    assert reconcile_metadata(markup, visible).title == visible.title
    assert reconcile_metadata(MarkupMetadata(titles=markup.titles), visible).title == "열린 아카이브 KTV 나누리"


def test_a_utc_markup_time_gives_way_to_the_same_moment_in_local_time() -> None:
    utc = MarkupDate(datetime(2023, 11, 9, 5, 30, 59), "json_ld", True, True)
    local = MarkupDate(datetime(2023, 11, 8, 23, 30, 59), "time", True, False)
    got = reconcile_metadata(MarkupMetadata(published=(utc, local)), Metadata(title="T"))
    assert (got.published_at, got.published_at_source) == (datetime(2023, 11, 8, 23, 30, 59), "time")
    other = MarkupDate(datetime(2023, 11, 8, 23, 10), "time", True, False)  # another moment: not the same
    assert reconcile_metadata(MarkupMetadata(published=(utc, other)), Metadata(title="T")).published_at == utc.value


def test_an_event_page_that_shows_only_an_edit_has_no_published_at() -> None:
    visible = Metadata(title="Citizens Advisory Board Meeting", modified_at=datetime(2020, 6, 25),
                       modified_at_source="byline")
    assert reconcile_metadata(MarkupMetadata(is_event=True), visible).published_at is None
    assert reconcile_metadata(MarkupMetadata(), visible).published_at == datetime(2020, 6, 25)  # a static page's


def test_a_path_title_gives_its_end_steps_as_hints_never_the_path_or_a_middle_step() -> None:
    markup = MarkupMetadata(titles=(("html_title", "Board Meeting > PFRS > Resources > Meetings"),))
    hints = [text for _, text in title_hints(markup)]
    assert "Board Meeting" in hints and "PFRS" not in hints and not any(">" in hint for hint in hints)
    glued = MarkupMetadata(titles=(("opengraph", "부산테크노파크"), ("html_title", "부산테크노파크>공고˙안내>사업공고>사업공고 상세 내용")))
    assert "부산테크노파크>공고˙안내>사업공고>사업공고 상세 내용" not in [t for _, t in title_hints(glued)]
    section = Metadata(title="사업공고", title_source="heading")  # a middle step: a section, not confirmed by the path
    assert reconcile_metadata(glued, section).title_source != "html_title" or reconcile_metadata(glued, section).title != "사업공고"
    shown = Metadata(title="Board Meeting", title_source="heading")
    assert (reconcile_metadata(markup, shown).title, reconcile_metadata(markup, shown).title_source) == ("Board Meeting", "html_title")


# --- round 8: titles that start with the site's name, lead with a meeting's hour, or break over lines ------------

def test_a_headline_that_starts_with_the_sites_name_is_the_pages_part_of_its_title() -> None:
    english = MarkupMetadata(titles=(("html_title", "O'Hare Noise Compatibility Commission Meeting (via video/teleconference) "
                                                    "- O'Hare Noise Compatibility Commission"),),
                             site_marks=("O’Hare Noise Compatibility Commission",))
    assert title_hints(english) == (("html_title", "O'Hare Noise Compatibility Commission Meeting (via video/teleconference)"),)
    korean = MarkupMetadata(titles=(("html_title", "광주광역시 시민 안전 대책 발표 | 광주광역시"),), site_names=("광주광역시",))
    assert title_hints(korean) == (("html_title", "광주광역시 시민 안전 대책 발표"),)
    # the site's name alone is still no headline
    assert title_hints(MarkupMetadata(titles=(("html_title", "광주광역시"),), site_names=("광주광역시",))) == ()


def test_a_meetings_date_and_hour_leading_its_title_are_not_the_headline() -> None:
    english = MarkupMetadata(titles=(("html_title", "2019/01/07 06:30 PM Planning and Zoning Commission Regular Meeting"
                                                    " - Web Outline - Creve Coeur City, Missouri"),))
    assert ("html_title", "Planning and Zoning Commission Regular Meeting") in title_hints(english)
    korean = MarkupMetadata(titles=(("html_title", "2025.03.04 14:00 제3차 도시계획위원회 정기회의 - 광주광역시"),))
    assert ("html_title", "제3차 도시계획위원회 정기회의") in title_hints(korean)


def test_a_visible_line_that_starts_the_markup_headline_gives_the_headline_whole() -> None:
    english = MarkupMetadata(titles=(("opengraph", "Planning and Zoning Commission Regular Meeting"),))
    line = Metadata(title="Planning and Zoning Commission", title_source="text_line")
    assert reconcile_metadata(english, line).title == "Planning and Zoning Commission Regular Meeting"
    korean = MarkupMetadata(titles=(("opengraph", "제3차 도시계획위원회 정기회의 개최 안내"),))
    line = Metadata(title="제3차 도시계획위원회 정기회의", title_source="text_line")
    assert reconcile_metadata(korean, line).title == "제3차 도시계획위원회 정기회의 개최 안내"
    # a heading the page states stays as written; a tail of sections after the line is the site's
    assert reconcile_metadata(korean, replace(line, title_source="heading")).title == "제3차 도시계획위원회 정기회의"
    tailed = MarkupMetadata(titles=(("opengraph", "제3차 도시계획위원회 정기회의 | 공지사항 | 알림마당"),))
    assert reconcile_metadata(tailed, line).title == "제3차 도시계획위원회 정기회의"


def test_an_unstated_visible_line_gives_way_to_the_headline_part_of_the_title() -> None:
    korean = MarkupMetadata(titles=(("html_title", "우유 섭취가 농업 초기 시대 인류의 몸집을 키웠다? : 네이버 블로그"),))
    credit = Metadata(title="(Credit: Pixabay/CC0 Public Domain)", title_source="text_line")
    assert reconcile_metadata(korean, credit).title == "우유 섭취가 농업 초기 시대 인류의 몸집을 키웠다?"
    english = MarkupMetadata(titles=(("html_title", "Council adopts the 2026 city budget : City News Blog"),))
    label = Metadata(title="Search our neighbourhood map", title_source="text_line")
    assert reconcile_metadata(english, label).title == "Council adopts the 2026 city budget"
    # a heading the page states keeps its place
    assert reconcile_metadata(english, replace(label, title_source="heading")).title == "Search our neighbourhood map"


def test_a_bar_parts_a_title_more_strongly_than_a_dash_inside_the_headline() -> None:
    english = MarkupMetadata(titles=(("html_title", "Board Meeting | Regular Agenda - January 27, 2022 | Commission | "
                                                    "Port of Los Angeles"),))
    assert ("html_title", "Regular Agenda - January 27, 2022") in title_hints(english)
    korean = MarkupMetadata(titles=(("html_title", "공지사항 | 2025년 청년 창업 지원사업 - 2차 모집 공고 | 광주광역시"),))
    assert ("html_title", "2025년 청년 창업 지원사업 - 2차 모집 공고") in title_hints(korean)


def test_a_date_or_a_year_above_the_title_is_no_category() -> None:
    for category in ("Wednesday, May 22, 2024", "April 11, 2015", "2025년 5월 30일", "2019", "2019년"):
        visible = Metadata(title="Board Retreat", title_source="heading", category=category)
        assert reconcile_metadata(MarkupMetadata(), visible).category is None
    for category in ("공지사항", "Board Meetings", "2025-2026 Regular Session (Current)"):
        visible = Metadata(title="Board Retreat", title_source="heading", category=category)
        assert reconcile_metadata(MarkupMetadata(), visible).category == category


def test_time_elements_that_give_several_moments_date_no_page() -> None:
    start, end = MarkupDate(datetime(2026, 1, 26), "time", True, False), MarkupDate(datetime(2026, 1, 30, 23, 45), "time", True, False)
    period = MarkupMetadata(titles=(("opengraph", "YUnicorn 글로벌 앙트캠프 Malaysia"),), published=(start, end, start, end),
                            language="ko")
    assert reconcile_metadata(period, Metadata(title="YUnicorn 글로벌 앙트캠프 Malaysia")).published_at is None
    listed = MarkupMetadata(published=(MarkupDate(datetime(2024, 3, 1, 9), "time", True, False),
                                       MarkupDate(datetime(2024, 2, 20, 14), "time", True, False)), language="en")
    assert reconcile_metadata(listed, Metadata(title="Council news")).published_at is None
    # one moment, however often repeated, is the page's; a visible date stands beside the <time> ones
    single = MarkupMetadata(published=(start, start), language="en")
    assert reconcile_metadata(single, Metadata(title="Council news")).published_at == datetime(2026, 1, 26)
    shown = Metadata(title="Council news", published_at=datetime(2024, 3, 1), published_at_source="byline")
    assert reconcile_metadata(listed, shown).published_at == datetime(2024, 3, 1)


# --- round 9 (meta9): a board's tag before the headline ---------------------------------------------------------

@pytest.mark.parametrize("shown, path_title, headline", [
    ("[강화] ｢금융소비자보호 모범규준｣ 개정", "｢금융소비자보호 모범규준｣ 개정 > 자율규제 제·개정 > 규제운영 > 전국은행연합회",
     "｢금융소비자보호 모범규준｣ 개정"),
    ("[Updated] Council adopts the 2026 city budget", "Council adopts the 2026 city budget > News > Council > City of Troy",
     "Council adopts the 2026 city budget")])
def test_a_board_tag_the_markup_title_does_not_carry_is_not_part_of_the_headline(shown: str, path_title: str,
                                                                                 headline: str) -> None:
    markup = MarkupMetadata(titles=(("html_title", path_title),))
    assert reconcile_metadata(markup, Metadata(title=shown, title_source="text_line")).title == headline
    # a <title> that carries the tag too keeps it ('[안내] ... | 공지사항 | 열린광장')
    tagged = MarkupMetadata(titles=(("html_title", f"{shown} | 공지사항 | 열린광장"),))
    assert reconcile_metadata(tagged, Metadata(title=shown, title_source="text_line")).title == shown
    # ... even beside an og:title without it: one markup field holds the tag as the headline's
    both = MarkupMetadata(titles=(("opengraph", headline), ("html_title", f"{shown} | 공지사항 | 열린광장")))
    assert reconcile_metadata(both, Metadata(title=shown, title_source="text_line")).title == shown


@pytest.mark.parametrize("pairs, text", [
    ((("게재일자", "2025-03-18"), ("담당부서", "교통과"), ("담당자", "이준호"), ("연락처", "3476")),
     "무단방치자동차 자진처리명령서가 반송되어 공시송달합니다. 공고기간 안에 자동차를 처리하여 주시기 바랍니다. "),
    ((("Date posted", "2025-03-18"), ("Department", "Transport Division"), ("Phone", "033-570-3476")),
     "The owners of abandoned cars could not be reached by post; this notice serves them instead. ")])
def test_a_field_list_of_department_and_phone_gives_the_contact_not_the_author(pairs: tuple[tuple[str, str], ...],
                                                                             text: str) -> None:
    fields = "".join(f"<dt>{label} :</dt><dd>{value}</dd>" for label, value in pairs)
    doc = html_doc(f"<html><body><div class='view'><h1>공시송달 공고 Notice</h1><dl>{fields}</dl><p>{text * 3}</p>"
                   "</div></body></html>")
    meta = doc.metadata
    department, phone = pairs[1][1], pairs[-1][1]
    assert (meta.contact_department, meta.contact_phone) == (department, phone)
    assert meta.author != department


@pytest.mark.parametrize("institution, person", [("Canadian Intellectual Property Office", "Kori Schulman"),
                                                 ("광주광역시 교통정책과", "김민국")])
def test_a_meta_author_that_names_a_body_is_no_byline_but_a_person_is(institution: str, person: str) -> None:
    page = Metadata(title="Glossary", title_source="heading")
    assert reconcile_metadata(MarkupMetadata(authors=(("meta", institution),)), page).author is None
    assert reconcile_metadata(MarkupMetadata(authors=(("meta", person),)), page).author == person


@pytest.mark.parametrize("section, banner, slug, shown", [("정치", "LIVE ISSUE 제21대 대통령 선거", "sports", "스포츠"),
                                                          ("North Korea", "Breaking", "north-korea", "N. Korea")])
def test_a_named_markup_section_beats_the_line_above_the_title_but_a_slug_gives_way(section: str, banner: str,
                                                                                   slug: str, shown: str) -> None:
    page = Metadata(title="Headline", title_source="heading", category=banner)
    assert reconcile_metadata(MarkupMetadata(section=section), page).category == section
    assert reconcile_metadata(MarkupMetadata(section=slug), replace(page, category=shown)).category == shown
    assert reconcile_metadata(MarkupMetadata(section=slug), replace(page, category=None)).category == slug
