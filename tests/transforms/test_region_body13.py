"""transforms/region.py, round 13 (body13): the lead under the titled headline above a section's own <h1>; the
headline's subtitle in the headline's own box."""
from __future__ import annotations

import pytest

from cityclips.transforms.dom import measure
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.region import find_region
from tests.transforms.test_region import EN, KO, NAV, _content

MORE_KO = KO + ["시는 올해 안에 세부 계획을 마련하고, 내년부터 단계적으로 사업을 추진할 예정이라고 설명했다.",
                "관련 조례 개정안은 다음 달 시의회 임시회에 상정돼 심의를 거칠 예정이며, 시민 의견도 함께 듣는다."]

HEADLINE = {"en": "Water and sewerage companies in England: environmental performance report",
            "ko": "상수도 사업자 환경성과 평가 보고서 공개"}
LEAD = {"en": "Annual reports on the environmental performance of the 9 water and sewerage companies operating in England.",
        "ko": "영국에서 상하수도 사업을 하는 9개 회사의 환경성과를 해마다 평가한 연례 보고서입니다."}
SECTION = {"en": "Documents", "ko": "첨부 문서"}
FILES = {"en": ["Environmental performance report 2015", "Environmental performance report 2014"],
         "ko": ["2015년 환경성과 보고서", "2014년 환경성과 보고서"]}


def _titled_page(lang: str, section: bool = True) -> str:
    files = "".join(f"<li><a href='/f{n}.pdf'>{name}</a></li>" for n, name in enumerate(FILES[lang]))
    documents = f"<div class='block-2'><section><h1>{SECTION[lang]}</h1><ul>{files}</ul></section></div>" if section else ""
    body = "".join(f"<p>{line}</p>" for line in (EN if lang == "en" else MORE_KO))
    return (f"<!DOCTYPE html><html><head><title>{HEADLINE[lang]} - GOV</title></head><body>{NAV}<main><article>"
            f"<header><div class='inner'><h1>{HEADLINE[lang]}</h1></div></header>"
            f"<div><div class='inner-block'><div class='summary'><p>{LEAD[lang]}</p></div></div></div>"
            f"{documents}<div class='block-3'><section id='details'><div class='content'><div class='body'>"
            f"<div class='govspeak'>{body}</div></div></div></section></div></article></main></body></html>")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lead_under_the_titled_headline_is_kept_above_a_section_h1(lang: str) -> None:
    content = _content(_titled_page(lang))
    assert LEAD[lang] in content
    assert (EN if lang == "en" else MORE_KO)[0] in content


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_section_between_the_lead_and_the_body_stays_out(lang: str) -> None:
    # the box of the later <h1> ends the header: its file links are no lead and no part of the article's text
    blocks = html_blocks(_titled_page(lang))[0]
    assert all(b.excluded_by for b in blocks if b.text == SECTION[lang])


SUBTITLE = {"en": "Pediatric Health Safe Storage Act; enact", "ko": "소아 건강 안전 보관법 제정"}
NUMBER = {"en": "HB 1", "ko": "의안 1호"}


def _bill_page(lang: str, after: str = "") -> str:
    body = "".join(f"<p>{line}</p>" for line in (EN if lang == "en" else MORE_KO))
    return (f"<!DOCTYPE html><html><head><title>{NUMBER[lang]}</title></head><body>{NAV}<main>"
            f"<div class='pageHeading'><div class='row'><div class='col'><h1>{NUMBER[lang]}</h1></div></div>"
            f"<div class='h1 subHead'>{SUBTITLE[lang]}</div>{after}</div>"
            f"<div class='pageContent'><div class='article-body'>{body}</div></div>"
            "</main></body></html>")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_headline_subtitle_in_its_box_is_content(lang: str) -> None:
    content = _content(_bill_page(lang))
    assert SUBTITLE[lang] in content
    assert (EN if lang == "en" else MORE_KO)[0] in content


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_headline_box_of_more_lines_gives_no_subtitle(lang: str) -> None:
    # a second line after the subtitle: the box is a header of several parts (a byline, a date), not a subtitle's
    page = _bill_page(lang, "<div class='note'>Share · Print</div>" if lang == "en" else "<div class='note'>공유 · 인쇄</div>")
    assert SUBTITLE[lang] not in _content(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_byline_box_after_the_headline_is_no_subtitle(lang: str) -> None:
    page = _bill_page(lang).replace("class='h1 subHead'", "class='byline'")
    assert SUBTITLE[lang] not in _content(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_dateline_under_the_headline_is_no_subtitle(lang: str) -> None:
    line = "19 October 2019 15:07" if lang == "en" else "2019년 10월 19일 15:07"
    page = _bill_page(lang).replace(SUBTITLE[lang], line)
    assert line not in _content(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_site_header_tagline_far_from_the_region_is_no_subtitle(lang: str) -> None:
    tagline = "Where all learners thrive" if lang == "en" else "모두가 배우고 자라는 곳"
    body = "".join(f"<p>{line}</p>" for line in (EN if lang == "en" else MORE_KO))
    page = (f"<!DOCTYPE html><html><head><title>{NUMBER[lang]}</title></head><body><div class='wrap'>"
            f"<div class='top'><div class='brand'><div class='logo'><h1>{NUMBER[lang]}</h1></div><div>{tagline}</div></div>"
            f"</div>{NAV}<div class='page'><div class='columns'><div class='main'><div class='article-body'>{body}</div>"
            "</div></div></div></div></body></html>")
    assert tagline not in _content(page)


LOCATION = {"en": "City Hall, Room 400 – Public Comment: (415) 655-0001",
            "ko": "시청 3층 대회의실 (광주광역시 서구 내방로 111) 및 온라인 중계"}
WHEN = {"en": "Thursday, October 28, 2021", "ko": "2021년 10월 28일 (목)"}
LONG = {"en": EN * 3, "ko": MORE_KO * 3}


def _event_page(lang: str, facts_class: str = "details", heading: str = "") -> str:
    body = "".join(f"<p>{line} ({n})</p>" for n, line in enumerate(LONG[lang]))
    label = ("Time", "Location") if lang == "en" else ("시간", "장소")
    heading = f"<h2>{heading}</h2>" if heading else ""
    return (f"<!DOCTYPE html><html><head><title>Planning Commission</title></head><body>{NAV}<main><article>"
            f"<div class='container'><h1>Planning Commission</h1><div class='left'>"
            f"<div class='date-rsvp'><h3 class='date'>{WHEN[lang]}</h3></div>"
            f"<div class='{facts_class}'>{heading}<div class='time'><div class='label'>{label[0]}</div>1:00pm</div>"
            f"<div class='location'><div class='label'>{label[1]}</div>{LOCATION[lang]}</div></div>"
            f"<div class='body'><div class='field--name-body'>{body}</div></div></div></div></article></main>"
            "<footer><p>Contact 02-120-0000</p></footer></body></html>")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_fact_boxes_between_the_headline_and_a_long_region_are_content(lang: str) -> None:
    content = _content(_event_page(lang))
    assert LOCATION[lang] in content
    assert LONG[lang][0] + " (0)" in content


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_chrome_named_box_above_a_long_region_stays_out(lang: str) -> None:
    assert LOCATION[lang] not in _content(_event_page(lang, facts_class="share-bar"))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_section_with_its_heading_above_a_long_region_stays_out(lang: str) -> None:
    # '<h2>Events</h2>' over dated entries: a section of the page of its own, not the article's header fields
    page = _event_page(lang, heading="Upcoming events" if lang == "en" else "다가오는 행사")
    assert LOCATION[lang] not in _content(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_video_box_above_a_long_region_is_no_fact_box(lang: str) -> None:
    # a lead video's thumbnail, its title and its running time: the media's, not a field of the article
    page = _event_page(lang).replace("<div class='time'>", "<div class='time'><img src='/thumb.jpg' alt=''>")
    assert LOCATION[lang] not in _content(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_byline_with_a_date_above_a_long_region_is_no_fact_box(lang: str) -> None:
    # a name and a date: a byline (the metadata's), not a header of labelled fields; the fields box beside it is one
    byline = ("<div class='byline-box'><span>Jane Doe</span> <span>04 Jun 2020</span></div>" if lang == "en"
              else "<div class='byline-box'><span>홍길동</span> <span>2020년 6월 4일</span></div>")
    root = parse_html(_event_page(lang).replace("<div class='date-rsvp'>", byline + "<div class='date-rsvp'>"))
    sizes, _ = measure(root)
    region = find_region(root.find("body"), sizes, {}, "Planning Commission")
    classes = {node.get("class") for node in region.nodes}
    assert "byline-box" not in classes and "details" in classes


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_tagline_under_the_site_banner_h1_the_title_names_is_no_lead(lang: str) -> None:
    # a blog whose <title> is its name: the banner's <h1> and its tagline are the site's, the post has its own <h1>
    body = "".join(f"<p>{line}</p>" for line in (EN if lang == "en" else MORE_KO))
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE[lang]} - GOV</title></head><body><header class='site'>"
            f"<h1>{HEADLINE[lang]}</h1><div class='tagline'><p>{LEAD[lang]}</p></div></header>{NAV}<main><article>"
            f"<h1>{SECTION[lang]}</h1><div class='body'><div class='entry'>{body}</div></div></article></main></body></html>")
    content = _content(page)
    assert LEAD[lang] not in content
    assert (EN if lang == "en" else MORE_KO)[0] in content
