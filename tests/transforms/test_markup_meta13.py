"""transforms/markup.py (round 13, meta13): the section a page's marked breadcrumb names, in both languages."""
from __future__ import annotations

import lxml.html

from cityclips.transforms.markup import crumb_section, markup_metadata


def _section(html: str) -> str | None:
    return markup_metadata(lxml.html.fromstring(html)).path_section


def test_a_marked_path_names_the_step_above_the_pages_own() -> None:
    english = ('<html><body><h1>Attorney General Announces Settlement</h1><ol class="breadcrumb">'
               '<li><a href="/media/news">Press Release</a></li><li class="active">Attorney General Announces…</li>'
               '</ol><p>Text.</p></body></html>')
    assert _section(english) == "Press Release"
    korean = ('<html><body><div class="location"><ul class="breadcrumb"><li><a href="/">홈</a></li>'
              '<li><a href="/news">광주소식</a></li><li><a href="/news/press">보도자료</a></li><li>시민 안전 대책 발표</li>'
              '</ul></div><h1>시민 안전 대책 발표</h1></body></html>')
    assert _section(korean) == "보도자료"


def test_a_step_marked_current_that_links_elsewhere_is_the_section() -> None:
    # SharePoint marks the section the page sits in as the current node: it links to the section's list
    english = ('<html><body><div class="page-breadcrumb"><ul><li><a href="/">ILCC</a><ul><li class="CurrentNode">'
               '<a href="/events">Events</a></li></ul></li></ul></div><h1>Board Meeting 9-18-19</h1></body></html>')
    assert _section(english) == "Events"
    korean = ('<html><body><div class="breadcrumb"><ul><li><a href="/">기관</a><ul><li class="current">'
              '<a href="/notice">공지사항</a></li></ul></li></ul></div><h1>운영위원회 개최</h1></body></html>')
    assert _section(korean) == "공지사항"


def test_roots_labels_and_folders_name_no_section() -> None:
    steps = [("Sie sind hier:", False), ("Startseite", False), ("Presse", False), ("Aussendungen", False),
             ("2018", False), ("07", False), ("Außenministerin beim Treffen der...", True)]
    assert crumb_section(steps, []) == "Aussendungen"
    assert crumb_section([("EUROPA", False), ("EUR-Lex home", False), ("EUR-Lex - P9_A(2021)0270 - EN", True)], []) is None
    assert crumb_section([("Home", False), ("Board Meeting", False)], ["Board Meeting"]) is None
    assert crumb_section([("현재 위치", False), ("홈", False), ("2025", False), ("시민 안전 대책", False)],
                         ["시민 안전 대책"]) is None
    assert crumb_section([("현재 위치", False), ("홈", False), ("알림마당", False), ("고시공고", False), ("시민 안전 대책", False)],
                         ["시민 안전 대책"]) == "고시공고"


def test_an_unmarked_list_is_no_path_and_a_json_ld_trail_fills_in() -> None:
    assert _section('<html><body><ul class="menu"><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul>'
                    '<h1>Headline</h1></body></html>') is None
    json_ld = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList",'
               ' "itemListElement": [{"@type": "ListItem", "position": 2, "name": "Opinions", "item": "https://x.gov/o"},'
               ' {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://x.gov/"},'
               ' {"@type": "ListItem", "position": 3, "name": "2017-3"}]}</script></head><body><h1>Official Opinion 2017-3'
               '</h1></body></html>')
    assert _section(json_ld) == "Opinions"
    korean = json_ld.replace("Opinions", "법령해석").replace('"Home"', '"홈"')
    assert _section(korean) == "법령해석"


# --- a line of the headline's box ----------------------------------------------------------------------


def test_a_category_classed_line_in_the_headlines_box_names_the_section() -> None:
    english = ('<html><head><title>EP paves way for EU funds | News | European Parliament</title></head><body>'
               '<div class="heading"><h1>Parliament paves way for EU funds</h1><div class="subtitle">'
               '<div class="layout_category"><span>Press Releases</span></div></div></div><p>Text.</p></body></html>')
    assert _section(english) == "Press Releases"
    korean = ('<html><head><title>시민 안전 대책 발표 | 광주광역시</title></head><body><div class="view-head">'
              '<h1>시민 안전 대책 발표</h1><span class="post-category">보도자료</span></div><p>본문.</p></body></html>')
    assert _section(korean) == "보도자료"


def test_a_dated_line_names_the_posts_kind_after_its_bar() -> None:
    english = ('<html><head><title>Paxton Sues Snapchat | Texas Attorney General</title></head><body><div class="cell">'
               '<div class="meta">February 11, 2026 | Press Release</div><h1>Paxton Sues Snapchat</h1></div></body></html>')
    assert _section(english) == "Press Release"
    korean = ('<html><head><title>시민 안전 대책 발표 | 광주광역시</title></head><body><div class="view-head">'
              '<p class="info">2025.12.06 | 보도자료</p><h1>시민 안전 대책 발표</h1></div></body></html>')
    assert _section(korean) == "보도자료"


def test_a_sites_header_a_link_or_a_sentence_names_no_section() -> None:
    # the <h1> is the site's name (not the markup's headline): its box is the site's header
    header = ('<html><head><title>Milk and body size | Gordon blog</title></head><body><div class="top"><h1>Naver Blog'
              '</h1><span class="category">Biology</span></div></body></html>')
    assert _section(header) is None
    linked = ('<html><head><title>시민 안전 대책 발표 | 광주광역시</title></head><body><div class="view-head"><h1>시민 안전 대책 '
              '발표</h1><div class="blog_category"><a href="/list">카테고리 이동</a></div></div></body></html>')
    assert _section(linked) is None
    dated = ('<html><head><title>Paxton Sues Snapchat | Texas</title></head><body><div class="cell"><h1>Paxton Sues '
             'Snapchat</h1><p>February 11, 2026 | The office said 3 more suits would follow</p></div></body></html>')
    assert _section(dated) is None
