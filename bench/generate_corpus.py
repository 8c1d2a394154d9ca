#!/usr/bin/env python3
"""Deterministic synthetic corpus of city-government pages, for the "Scale and speed" benchmarks.

Writes N pages that look like the scraped Gwangju seeds (seeds/*.txt): text dumps and HTML
documents, English and Korean, from four sites (Gwangju plus invented Daejeon, Suwon and Changwon
sites), each with its own recurring chrome, so that corpus-level template detection has real work.
A small share of pages is dirty (empty, chrome only, binary junk, undeclared CP949, one 200 KB line).

Every page is a pure function of (seed, index): the same seed gives byte-identical files, and a
page can be regenerated alone (``generate_page``) without writing the corpus. Writing streams one
page at a time, so memory does not grow with N.

    python bench/generate_corpus.py --pages 10000 --out /tmp/corpus
    python bench/generate_corpus.py --mutate /tmp/corpus --share 0.01 --seed 8
    python bench/generate_corpus.py --pages 10000 --out /tmp/copies --rescrape-share 0.1 --syndicate-share 0.02

Copies (issue 14): --rescrape-share pages are saved a second time a day later (the same page, a
higher view count), --syndicate-share pages also appear on another site (the same article under
that site's chrome). The truth, one line per copy, is written to <out>/.truth/duplicates.tsv.
"""
from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime
import functools
import hashlib
import html
import itertools
import os
import random
import re
import string
import struct
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

FILES_PER_FOLDER = 1000  # listing a folder of 100k entries is slow in shells and file browsers
DEFAULT_SEED = 7
DEFAULT_EN_SHARE = 0.6  # the Gwangju crawl is mostly its English site, with Korean press releases
DEFAULT_HTML_SHARE = 0.3  # most of the crawl arrived as text dumps; HTML came from later crawls
DEFAULT_DIRTY_SHARE = 0.01  # 100 dirty pages in 10,000: every reject path runs, the totals barely move
DEFAULT_MUTATE_SHARE = 0.01
MAX_DEFAULT_WORKERS = 4  # file creation contends in the kernel: 2 writers here cost 8x the sys time
DEFAULT_WORKERS = min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)
STATIC_PAGE_SHARE = 0.05  # introduction pages like seed 003: chrome, headings, prose, no metadata
DIRTY_KINDS = ("empty", "chrome_only", "binary", "cp949", "long_line")
LONG_LINE_BYTES = 200_000  # far past any real line; catches regexes that go quadratic on one line
BINARY_MIN_BYTES, BINARY_MAX_BYTES = 512, 48_000  # a thumbnail to a small photo saved as .txt
BINARY_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"PK\x03\x04", b"%PDF-1.4\n", b"")
DELETES_PER_EDIT = 0.25  # a re-crawl mostly edits pages; a quarter as many vanish and as many appear
PAGE_NAME = re.compile(r"(\d+)(?:-[a-z-]+)?_(en|ko)\.(txt|html)$")  # copies: 000123-rescrape_en.txt
TRUTH_FILE = ".truth/duplicates.tsv"  # hidden: neither an input page nor a page mutate may touch
RESCRAPE_MIN_NEW_VIEWS, RESCRAPE_MAX_NEW_VIEWS = 1, 40  # views gained between two scrapes a day apart
FIRST_POST_DAY = datetime.date(2018, 1, 1).toordinal()  # the English news board starts in 2018
POST_DAYS = datetime.date(2024, 12, 31).toordinal() - FIRST_POST_DAY + 1


# ------------------------------------------------------------------ page shape shares
HEADER_SHARE = 0.55  # seeds 000 and 003 open with the site header; 001, 002 and 004 at the section
SECTION_SHARE = 0.85  # the section line and print bullets are on nearly every news page
FOOTER_SHARE = 0.5  # some dumps stop at the article's end, some carry the survey and copyright
ATTACHMENT_SHARE = 0.4
ZIP_LINK_ONLY_SHARE = 0.25  # seeds 002 and 004: the "(compressed) Download" line without a list
CAPTION_SHARE = 0.3  # doubled glued captions: image alt text and caption flattened together
SUMMARY_SHARE = 0.7
QUOTE_SHARE = 0.6
CONTACT_SHARE = 0.6
GLUED_META_SHARE = 0.6  # seeds 001, 002 and 004 glue the date's minutes to the view count
MIN_BLOCKS, MAX_BLOCKS = 5, 25  # body blocks; with 1-5 sentences a paragraph, text pages average ~5.4 KB
MIN_SENTENCES, MAX_SENTENCES = 1, 5
BANKED_GROUPS = {  # template group -> bank size, per seed, site and language
    "sentences": 8_192,  # at 100k pages a one-sentence paragraph recurs on ~8 of its site's 9k-33k
    #                      pages, far below any template threshold
    "list_items": 2_048, "sub_items": 2_048, "detail_items": 2_048,  # their templates vary less
    "ordinal_leads": 2_048, "headings": 2_048, "angle_headings": 2_048, "notes": 1_024,
}  # titles, captions and summaries stay fresh: a title recurring on 16 pages would look like a copy
BLOCK_MIX = (  # how often each kind of body block is drawn; paragraphs carry most of the text
    ("paragraph", 0.65), ("headed_paragraph", 0.08), ("headed_list", 0.05), ("list", 0.08),
    ("ordinal_run", 0.05), ("note", 0.09),
)
BLOCK_CUMULATIVE = tuple(itertools.accumulate(share for _, share in BLOCK_MIX))
HEADING_KINDS = ("heading", "angle_heading")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
LANGUAGES = ("en", "ko")
T = TypeVar("T")
DIGEST_WORDS = struct.Struct("<8Q")  # a 64-byte BLAKE2b digest read as eight 64-bit words,
FLOAT_SCALE = 2.0 ** -53  # whose top 53 bits scale into [0, 1) exactly, as random.random() does
TemplatePart = tuple[str, str, "tuple[str, ...] | None", str]  # literal, slot, pool, particle


# ------------------------------------------------------------------ sites and their chrome
@dataclass(frozen=True)
class HtmlStyle:
    """One structural variant of a site's HTML template."""

    meta: str  # metadata markup: 'table' | 'dl' | 'spans'
    body_class: str  # class of the element that holds the article body
    breadcrumb: str  # 'div' (a &gt; b &gt; c) | 'ol' (one li per step)
    nested_nav: bool  # second-level ul lists under each header menu entry


@dataclass(frozen=True)
class Site:
    """One city site: chrome identical on all its pages, and the names its articles use."""

    key: str
    code: str  # used in URLs, CSS ids and script names
    weight: float  # share of the corpus
    name: dict[str, str]  # by language, as the logo reads
    skip_links: dict[str, tuple[str, ...]]
    all_menu_button: bool  # a '전체메뉴' line under the mobile menu button
    slogan: dict[str, tuple[str, ...]]
    quick_links: dict[str, tuple[tuple[str, ...], ...]]  # site-only menu strings, one tuple a line
    sections: dict[str, tuple[str, ...]]  # section line or breadcrumb; one is chosen per page
    tools: dict[str, tuple[str, ...]]  # print/download bullets, without the bullet
    menu: dict[str, tuple[str, ...]]  # HTML header navigation
    footer_links: dict[str, tuple[str, ...]]
    address: dict[str, str]
    phone: dict[str, str]  # contact phone prefix, to which four digits are added
    slots: dict[str, dict[str, tuple[str, ...]]]  # by language: city, mayor, district, venue ...
    html_styles: tuple[HtmlStyle, ...]


SURVEY = {
    "en": ("Are you satisfied with the information on this page?",
           ("Very satisfied", "Satisfied", "Average", "Dissatisfied", "Very dissatisfied")),
    "ko": ("이 페이지에서 제공하는 정보에 만족하십니까?", ("매우만족", "만족", "보통", "불만족", "매우불만족")),
}
MOBILE_MENU = "모바일메뉴 열기"  # Korean even on the English sites (seeds 000 and 003)
ALL_MENU = "전체메뉴"
QUICK_LINK_JOINER = {"en": " | ", "ko": " "}  # how each site's dump flattened its link lists
SUBMENUS = {
    "en": ("Overview", "Notices", "Photo News", "Videos", "Events", "Organization", "Contacts",
           "Statistics", "FAQ", "Downloads"),
    "ko": ("개요", "공지사항", "포토뉴스", "영상자료", "행사안내", "조직도", "연락처", "통계", "자주 묻는 질문",
           "자료실"),
}
HOME = {"en": "Home", "ko": "홈"}
META_LABELS = {"en": ("Name", "Date", "Views"), "ko": ("작성자", "등록일", "조회수")}
FILE_LABELS = {"en": ("File", "Attachment Full (compressed) Download"),
               "ko": ("첨부파일", "첨부파일 전체 (압축) 다운로드")}

STYLE_TABLE = HtmlStyle("table", "board_view", "div", True)
STYLE_DL = HtmlStyle("dl", "bbs_view", "ol", False)
STYLE_SPANS = HtmlStyle("spans", "post-body", "ol", True)


def _site_slots(city: str, mayor: tuple[str, ...], mayor_short: str, districts: tuple[str, ...],
                venues: tuple[str, ...], city_full: str | None = None) -> dict[str, tuple[str, ...]]:
    """The per-site slot values for one language."""
    return {"city": (city,), "city_full": (city_full or city,), "mayor": mayor,
            "mayor_short": (mayor_short,), "district": districts, "venue": venues}


def _footer_links(en: tuple[str, ...], ko: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {"en": en, "ko": ko}


GWANGJU = Site(
    key="gwangju", code="gwangju", weight=0.55,
    name={"en": "Gwangju city", "ko": "광주광역시"},
    skip_links={"en": ("Shortcut to the text",), "ko": ("본문 바로가기",)},
    all_menu_button=False,
    slogan={"en": ("With information on Gwangju available throughout the world,",
                   "Gwangju’s interaction with many countries will be of greater value."),
            "ko": ("정의롭고 풍요로운 광주,", "시민이 행복한 인공지능 중심도시")},
    quick_links={"en": (("Tourist Information",),
                        ("Invest Gwangju", "Study in Gwangju", "Gwangju Biennale")),
                 "ko": (("열린시장실", "시정소식", "분야별정보"),)},
    sections={"en": ("News Clips", "Press Releases", "Home > News > Press Releases"),
              "ko": ("보도자료", "시정소식", "홈 > 광주소식 > 보도자료")},
    tools={"en": ("page print", "page download"), "ko": ("인쇄", "목록")},
    menu={"en": ("About Gwangju", "Mayor's Office", "News", "Tourism", "Investment", "Living in Gwangju"),
          "ko": ("열린시장실", "광주소식", "분야별정보", "참여소통", "정보공개", "광주소개")},
    footer_links=_footer_links(("Privacy Policy", "Copyright Policy", "Sitemap"),
                               ("개인정보처리방침", "저작권정책", "이메일무단수집거부")),
    address={"en": "(61945) 111 Naebang-ro, Seo-gu, Gwangju, Republic of Korea",
             "ko": "(61945) 광주광역시 서구 내방로 111"},
    phone={"en": "+82-(0)62-613-", "ko": "062-613-"},
    slots={"en": _site_slots("Gwangju", ("Gwangju Mayor Kim Do-hyun", "Mayor Kim Do-hyun"), "Mayor Kim",
                             ("Dong-gu", "Seo-gu", "Nam-gu", "Buk-gu", "Gwangsan-gu"),
                             ("the briefing room of Gwangju City Hall", "the Kimdaejung Convention Center",
                              "the Asia Culture Center", "the conference room of City Hall",
                              "Gwangju World Cup Stadium")),
           "ko": _site_slots("광주시", ("김도현 광주시장",), "김 시장",
                             ("동구", "서구", "남구", "북구", "광산구"),
                             ("시청 브리핑룸", "김대중컨벤션센터", "국립아시아문화전당", "시청 대회의실",
                              "광주월드컵경기장"), city_full="광주광역시")},
    html_styles=(STYLE_TABLE, STYLE_DL, STYLE_SPANS),
)

DAEJEON = Site(
    key="daejeon", code="daejeon", weight=0.15,
    name={"en": "Daejeon city", "ko": "대전광역시"},
    skip_links={"en": ("Shortcut to the text",), "ko": ("본문 바로가기",)},
    all_menu_button=True,
    slogan={"en": ("Daejeon, the city of science where dreams come true",),
            "ko": ("일류 경제도시 대전", "과학으로 꿈을 이루는 도시")},
    quick_links={"en": (("Invest Daejeon", "Visit Daejeon", "Daejeon Tube"),),
                 "ko": (("대전소개", "대전소식", "분야별정보", "참여마당"),)},
    sections={"en": ("Press Releases", "Daejeon News", "Home > Newsroom > Press Releases"),
              "ko": ("보도자료", "대전소식", "홈 > 대전소식 > 보도자료")},
    tools={"en": ("page print", "page download"), "ko": ("인쇄", "공유", "목록")},
    menu={"en": ("Daejeon Introduction", "Mayor", "Newsroom", "Science City", "Invest Daejeon",
                 "Visit Daejeon"),
          "ko": ("대전소개", "대전소식", "분야별정보", "참여마당", "정보공개", "시장실")},
    footer_links=_footer_links(("Privacy Policy", "Terms of Use", "Contact Us"),
                               ("개인정보처리방침", "영상정보처리기기 운영방침", "찾아오시는 길")),
    address={"en": "(35240) 120 Hanbat-daero, Seo-gu, Daejeon", "ko": "(35240) 대전광역시 서구 한밭대로 120"},
    phone={"en": "+82-(0)42-270-", "ko": "042-270-"},
    slots={"en": _site_slots("Daejeon", ("Daejeon Mayor Han Seo-jin", "Mayor Han Seo-jin"), "Mayor Han",
                             ("Yuseong-gu", "Daedeok-gu", "Jung-gu", "Dong-gu", "Seo-gu"),
                             ("Daejeon City Hall", "the Daejeon Convention Center", "Expo Science Park",
                              "the conference room of City Hall", "Daedeok Innopolis")),
           "ko": _site_slots("대전시", ("한서진 대전시장",), "한 시장",
                             ("유성구", "대덕구", "중구", "동구", "서구"),
                             ("시청 중회의실", "대전컨벤션센터", "엑스포과학공원", "대덕연구개발특구", "시청 대강당"),
                             city_full="대전광역시")},
    html_styles=(STYLE_DL, STYLE_TABLE),
)

SUWON = Site(
    key="suwon", code="suwon", weight=0.15,
    name={"en": "Suwon Special City", "ko": "수원특례시"},
    skip_links={"en": ("Go to main content",), "ko": ("본문 바로가기", "주메뉴 바로가기")},
    all_menu_button=True,
    slogan={"en": ("Suwon, where people come first",), "ko": ("사람이 반가운 새로운 수원",)},
    quick_links={"en": (("Suwon Hwaseong Fortress", "Suwon TV", "e-Suwon Cyber Tour"),
                        ("Language : English", "한국어", "中文", "日本語")),
                 "ko": (("수원소개", "수원뉴스", "시민참여", "민원안내"),)},
    sections={"en": ("News", "Suwon Today", "Home > Suwon News > News"),
              "ko": ("수원뉴스", "보도자료", "홈 > 수원소식 > 보도자료")},
    tools={"en": ("print", "share"), "ko": ("인쇄", "목록")},
    menu={"en": ("About Suwon", "Suwon Hwaseong Fortress", "Suwon News", "Culture & Tourism",
                 "Business", "Suwon TV"),
          "ko": ("수원소개", "수원뉴스", "시민참여", "민원안내", "분야별정보", "정보공개")},
    footer_links=_footer_links(("Privacy Policy", "Site Map", "Related Sites"),
                               ("개인정보처리방침", "누리집 이용안내", "관련사이트")),
    address={"en": "(16490) 200 Hwaseong-ro, Paldal-gu, Suwon, Gyeonggi-do",
             "ko": "(16490) 경기도 수원시 팔달구 화성로 200"},
    phone={"en": "+82-(0)31-228-", "ko": "031-228-"},
    slots={"en": _site_slots("Suwon", ("Suwon Mayor Yoon Ji-ho", "Mayor Yoon Ji-ho"), "Mayor Yoon",
                             ("Jangan-gu", "Gwonseon-gu", "Paldal-gu", "Yeongtong-gu"),
                             ("Suwon City Hall", "the Suwon Convention Center", "Hwaseong Haenggung Palace",
                              "the main conference room of City Hall", "Suwon World Cup Stadium")),
           "ko": _site_slots("수원시", ("윤지호 수원시장",), "윤 시장",
                             ("장안구", "권선구", "팔달구", "영통구"),
                             ("시청 중회의실", "수원컨벤션센터", "화성행궁 광장", "시청 대회의실", "수원월드컵경기장"),
                             city_full="수원특례시")},
    html_styles=(STYLE_SPANS, STYLE_TABLE),
)

CHANGWON = Site(
    key="changwon", code="changwon", weight=0.15,
    name={"en": "Changwon city", "ko": "창원특례시"},
    skip_links={"en": ("Shortcut to the text",), "ko": ("본문 바로가기",)},
    all_menu_button=False,
    slogan={"en": ("Changwon, the hub of advanced machinery", "and a green port city by the sea"),
            "ko": ("창원의 꿈, 시민의 꿈",)},
    quick_links={"en": (("Invest Changwon", "Masan Bay", "Jinhae Gunhangje Festival"),),
                 "ko": (("창원소개", "열린시장실", "창원뉴스", "분야별정보"),)},
    sections={"en": ("News Clips", "City News", "Home > News > City News"),
              "ko": ("보도자료", "창원소식", "홈 > 창원뉴스 > 보도자료")},
    tools={"en": ("page print", "page download", "share"), "ko": ("인쇄", "목록")},
    menu={"en": ("About Changwon", "Mayor", "City News", "Investment", "Tourism", "Sister Cities"),
          "ko": ("창원소개", "열린시장실", "창원뉴스", "분야별정보", "참여광장", "정보공개")},
    footer_links=_footer_links(("Privacy Policy", "Copyright Policy", "Email Collection Refusal"),
                               ("개인정보처리방침", "저작권보호정책", "이메일무단수집거부")),
    address={"en": "(51430) 90 Wonidae-ro, Seongsan-gu, Changwon", "ko": "(51430) 경상남도 창원시 성산구 원이대로 90"},
    phone={"en": "+82-(0)55-225-", "ko": "055-225-"},
    slots={"en": _site_slots("Changwon", ("Changwon Mayor Baek Seung-woo", "Mayor Baek Seung-woo"),
                             "Mayor Baek",
                             ("Uichang-gu", "Seongsan-gu", "Masanhappo-gu", "Masanhoewon-gu", "Jinhae-gu"),
                             ("Changwon City Hall", "the Changwon Exhibition Convention Center",
                              "the Masan Bay waterfront", "the conference room of City Hall",
                              "Changwon Sports Park")),
           "ko": _site_slots("창원시", ("백승우 창원시장",), "백 시장",
                             ("의창구", "성산구", "마산합포구", "마산회원구", "진해구"),
                             ("시청 시민홀", "창원컨벤션센터", "마산만 해양신도시", "시청 제3회의실", "창원종합운동장"),
                             city_full="창원특례시")},
    html_styles=(STYLE_TABLE, STYLE_SPANS),
)

SITES: tuple[Site, ...] = (GWANGJU, DAEJEON, SUWON, CHANGWON)
SITES_BY_KEY = {site.key: site for site in SITES}
SITE_CUMULATIVE_WEIGHTS = tuple(itertools.accumulate(site.weight for site in SITES))


@functools.cache
def header_lines(site_key: str, language: str) -> tuple[str, ...]:
    """The site's text-dump header, as seeds 000 and 003 show it for Gwangju."""
    site = SITES_BY_KEY[site_key]
    lines = [*site.skip_links[language], "", site.name[language], "", MOBILE_MENU]
    lines += [ALL_MENU] if site.all_menu_button else []
    lines += ["", "", *site.slogan[language], ""]
    lines += [QUICK_LINK_JOINER[language].join(items) for items in site.quick_links[language]]
    return (*lines, "")


@functools.cache
def footer_lines(site_key: str, language: str) -> tuple[str, ...]:
    """Survey, policy links, address and copyright, as a text dump flattens them."""
    site = SITES_BY_KEY[site_key]
    question, options = SURVEY[language]
    copyright_line = (f"Copyright © {site.name[language]}. All Rights Reserved." if language == "en"
                      else f"Copyright © {site.name[language]}. All rights reserved.")
    return (question, " ".join(options), "", " | ".join(site.footer_links[language]),
            site.address[language], copyright_line)


def chrome_lines(site: Site) -> dict[str, tuple[str, ...]]:
    """Every non-blank chrome line a site repeats on its text pages, by language (for tests)."""
    return {language: tuple(line for line in header_lines(site.key, language)
                            + footer_lines(site.key, language) if line)
            for language in LANGUAGES}


# ------------------------------------------------------------------ vocabulary
@dataclass(frozen=True)
class Vocabulary:
    """Templates of one language. {slot} draws a value; {slot__eul} adds the Korean particle."""

    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    ordinal_leads: tuple[str, ...]  # after "First," / "첫째,"
    ordinals: tuple[str, ...]
    headings: tuple[str, ...]  # after '□ '
    angle_headings: tuple[str, ...]  # inside '<...>'
    summaries: tuple[str, ...]  # after '| '
    captions: tuple[str, ...]
    list_items: tuple[str, ...]  # top-level items ('①' in English, '○' in Korean)
    sub_items: tuple[str, ...]  # nested items ('1.' in English, '-' in Korean)
    detail_items: tuple[str, ...]  # third level ('·', Korean only) or dash lists (English)
    notes: tuple[str, ...]  # after '※ '
    quote_bodies: tuple[str, ...]
    quote_frames: tuple[str, ...]  # {body} and {body2} are filled quote bodies
    pools: dict[str, tuple[str, ...]]
    authors: tuple[str, ...]
    file_names: tuple[str, ...]  # {n} is the attachment's ordinal


ENGLISH = Vocabulary(
    titles=(
        "{city} to invest {money} in {project} by {year}",
        "{city} selected for national pilot program on {field}",
        "{mayor_short} calls for innovation in {field} at {event}",
        "{city} opens {facility} in {district}",
        "{city} wins presidential award for excellence in {field}",
        "{countbig} {group} to receive support under new {city} program",
        "{city} and {org} sign agreement on {project}",
        "{city} announces {count} key initiatives for {year}",
        "Opening {year} with {count} Initiatives for {city} of {field}",
        "{city} stresses the need for {field} to achieve a \"Super-Difference\"",
        "{city} expands support for {group} amid rising costs",
        "Construction of {project} reaches {pct} percent",
    ),
    sentences=(
        "{city} announced on {day} that it will invest {money} in {project} by {year}.",
        "The project is expected to create {countbig} jobs and benefit {group} across {district}.",
        "{mayor} presided over a meeting at {venue} on {day}, where officials from {org} reviewed "
        "progress on {project}.",
        "According to the city, {pct} percent of the budget will go to {group}, up from {pct} percent "
        "last year.",
        "The city plans to work closely with {org} to complete {project} ahead of schedule.",
        "In particular, {city} has secured {money} in national funding for {project}, the largest "
        "amount in its history.",
        "Applications will be accepted until {day} through the {city} website or at community "
        "service centers in {district}.",
        "The ceremony was attended by {count} guests, including representatives of {org} and local "
        "residents.",
        "Officials said the pilot program in {district} will be evaluated before a citywide rollout "
        "in {year}.",
        "Since its launch in {year}, {project} has served more than {countbig} citizens.",
        "The city will also open {facility} in {district} to provide {group} with one-stop services.",
        "This year, {org} selected {city} as the best local government in {field} for the {nth} "
        "consecutive year.",
        "Experts in {field} said the policy could become a model for other local governments.",
        "To ease the burden on {group}, the city set aside an emergency fund of {money} and "
        "simplified the application process.",
        "On the same day, participants shared key issues and discussed ways to strengthen "
        "cooperation in {field}.",
        "The city expects the measure to save about {money} a year while improving services for "
        "{group}.",
        "A total of {count} companies have moved to the {district} industrial complex since {year}, "
        "creating {countbig} new jobs.",
        "Construction of {project} is {pct} percent complete and is expected to finish {small} months "
        "ahead of schedule.",
        "Residents of {district} can apply for the program from {day}, and the results will be "
        "announced in {month_name}.",
        "Meanwhile, the city has held {count} on-site meetings with {group} to hear their opinions "
        "since {month_name}.",
        "Following the agreement, {city} and {org} will set up a joint working group on {project}.",
        "The city hopes the program will help {group} settle in {district} and stay in {city}.",
    ),
    ordinal_leads=(
        "{city} has laid the foundation to become a leader in {field}.",
        "{city} has expanded tailored support for {group} in every district.",
        "{project} is on track, with {pct} percent of the work already complete.",
        "{city} is becoming the safest city in the country, with no child traffic deaths for {small} "
        "years.",
        "the city government has been reorganized around innovation and communication.",
        "{city} secured {money} in state funds, the largest amount ever.",
    ),
    ordinals=("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
              "Tenth"),
    headings=(
        "The {count} key performances in {field}", "Background of {project}", "Plans for {year}",
        "Major achievements in {field}", "Support for {group}", "Next steps for {project}",
        "The new {city} era begins based on {count} major achievements",
    ),
    angle_headings=(
        "{count} Key Initiatives for {year}", "Major Industries for {city} in {year}",
        "Schedule of {event}", "Ten key policy objectives for the next three years",
    ),
    summaries=(
        "Full-fledged operation of {project} with {org}",
        "{money} to be invested in {field} by {year}",
        "Support expanded for {countbig} {group}",
        "{city} to become a leading city in {field}",
        "Pilot program to begin in {district} in {month_name}",
        "{city} Mayor holds press conference on {project}",
        "Efforts to secure the sustainability of {project} by strengthening cooperation with {org}",
    ),
    captions=(
        "{mayor} attends the opening ceremony of {facility} in {district} ({day} {year})",
        "{mayor} speaks at {event} held at {venue} on {day}.",
        "Participants pose for a photo at {event} ({day} {year})",
        "{mayor} signs an agreement with {org} on {project} at {venue}.",
        "Night view of {venue}",
        "{mayor} talks with {group} at {facility} in {district}",
    ),
    list_items=(
        "Full-fledged operation of {project}",
        "Expansion of tailored support for {group}",
        "Creation of {countbig} quality jobs in {field}",
        "Completion of {facility} in {district} by {year}",
        "Strengthening cooperation with {org} on {project}",
        "Minimizing inconvenience to citizens during construction of {project}",
        "Designation of {district} as a special zone for {field}",
        "Promotion of {event} as a signature event of {city}",
    ),
    sub_items=("AI & Drone Industry", "Eco-friendly Automotive Industry", "Energy and Hydrogen Industry",
               "Optical Convergence Industry", "Medical and Healthcare Industry",
               "Cultural Contents Industry", "5G-based ICT Industry", "Tourism Industry",
               "Kimchi and Food Industry", "Smart Mobility Industry", "Bio and Health Industry",
               "Air-quality Appliances Industry"),
    detail_items=(
        "the start of construction for {project}",
        "the successful hosting of {event}",
        "support for {countbig} {group}",
        "the opening of {facility} in {district}",
        "the designation of {district} as a special zone for {field}",
    ),
    notes=(
        "Reference - {count} achievements in {field}",
        "Photos attached.",
        "For details, contact the {dept} at {phone}.",
        "The schedule may change depending on local conditions.",
    ),
    quote_bodies=(
        "We will make {city} a city where young people want to stay and build their future",
        "This is only the beginning of a new era for {city}",
        "I ask every citizen for their continued interest and participation",
        "{project} will be the foundation for jobs and growth over the next decade",
        "We will listen to {group} and answer with policies they can feel in their daily lives",
        "There is nothing we cannot accomplish when we unite as one",
        "Our goal is to make {city} the leading city in {field}",
    ),
    quote_frames=(
        "“{body},” said {mayor_short}.",
        "{mayor} said, “{body}.”",
        "“{body},” {mayor_short} added. “{body2}.”",
        "At the meeting, {mayor} stressed, “{body}.”",
        "\"{body},\" said {mayor}.",
    ),
    pools={
        "project": ("the AI Hub City project", "the second subway line", "the urban regeneration new deal",
                    "the hydrogen bus network", "the smart city platform", "the public bicycle system",
                    "the youth housing program", "the river restoration project",
                    "the carbon-neutral energy plan", "the free economic zone",
                    "the national industrial complex", "the green mobility program",
                    "the public daycare expansion", "the digital twin project",
                    "the night tourism program", "the local currency card"),
        "group": ("small business owners", "senior citizens", "young job seekers", "multicultural families",
                  "people with disabilities", "startups", "low-income households", "newlyweds",
                  "foreign residents", "farmers", "university students", "single-person households"),
        "org": ("the Ministry of Science and ICT", "the Ministry of the Interior and Safety",
                "the Ministry of Land, Infrastructure and Transport", "the Ministry of Employment and Labor",
                "the Korea Land and Housing Corporation", "the Korea Tourism Organization",
                "the city council", "local universities", "the Chamber of Commerce and Industry",
                "the Korea Electric Power Corporation", "the Ministry of Environment",
                "the Ministry of SMEs and Startups"),
        "field": ("artificial intelligence", "hydrogen energy", "public transportation", "disaster safety",
                  "welfare", "culture and tourism", "urban regeneration", "climate response",
                  "youth employment", "smart mobility"),
        "facility": ("a youth startup center", "a public daycare center", "a hydrogen charging station",
                     "a community sports complex", "a smart farm", "a senior welfare center",
                     "a public library", "a pet culture center", "a public parking lot",
                     "a multipurpose cultural center"),
        "event": ("the Korea AI Cluster Forum", "the Citizens' Innovation Conference",
                  "the Urban Regeneration Expo", "the Youth Job Fair", "the Carbon Neutral City Summit",
                  "the Citizen Safety Festival", "the International Hydrogen Expo", "Citizens' Day"),
        "dept": ("Department of Policy Planning", "Spokesperson's Office", "Investment Promotion Division",
                 "Department of AI Industry", "International Cooperation Division",
                 "Department of Transportation Policy", "Department of Welfare Policy",
                 "Department of Culture and Tourism", "Climate and Environment Division",
                 "Job Policy Division", "Youth Policy Division", "Urban Regeneration Division"),
    },
    authors=("admin", "admin", "admin", "admin", "Spokesperson's Office",
             "International Cooperation Division"),  # the seeds all say admin
    file_names=("{n}.jpg", "{n}.jpg", "{n}.png", "press_release_{n}.pdf", "photo{n}.jpg",
                "attachment{n}.hwp"),
)

KOREAN = Vocabulary(
    titles=(
        "{city}, {project} 본격 추진",
        "{city}, {year}년 {group} 지원에 {money} 투입",
        "{city}, ‘{field} 우수기관’ 대통령 표창 수상",
        "{mayor_short}, “{field} 선도도시로 도약하겠다”",
        "{district}에 {facility} 문 열어",
        "{city}·{org}, {project} 업무협약 체결",
        "{city}, 올해 {field} 분야 {count}대 핵심과제 발표",
        "{city}, {group} {countbig}명에 맞춤형 지원",
        "{project} 공정률 {pct}%… 조기 완공 청신호",
        "{city}, {month}월부터 {district}에서 {project} 시범 운영",
    ),
    sentences=(
        "{city__eun} {dayn}일 {venue}에서 {event__eul} 개최했다고 밝혔다.",
        "이날 행사에는 {mayor__wa} {org} 관계자, 시민 등 {count}여 명이 참석했다.",
        "이번 사업에는 {year}년까지 총 {money__i} 투입되며, {district} 일원에 {facility__i} 들어선다.",
        "{city__eun} 올해 {money__eul} 들여 {group__eul} 위한 맞춤형 지원을 확대하기로 했다.",
        "시는 {org__wa} 협력해 {project__eul} 단계적으로 추진하고, 그 성과를 시민들과 공유할 계획이다.",
        "특히 {project__eun} 지역 경제 활성화와 일자리 창출의 마중물이 될 것으로 기대된다.",
        "{city__eun} 지난해 {project}에서 {count}건의 성과를 거뒀으며, 올해는 대상을 {district}까지 넓힐 방침이다.",
        "이와 함께 {group__eul} 대상으로 한 상담 창구를 {count}곳으로 늘리고 온라인 신청 절차도 간소화한다.",
        "시는 {month}월부터 {district}에서 시범 운영을 시작하고, 결과를 분석해 {year}년 전면 시행 여부를 결정할 예정이다.",
        "{org__eun} 이번 평가에서 {city}의 {field} 분야 정책이 우수하다고 판단해 대통령 표창을 수여했다.",
        "사업 신청은 {month}월 {dayn}일까지 {city} 누리집 또는 {district} 행정복지센터에서 할 수 있다.",
        "지난달 말 기준 {project} 공정률은 {pct}%로, 당초 계획보다 {small}개월 앞당겨 완공될 전망이다.",
        "시는 {group}의 부담을 덜기 위해 {money} 규모의 긴급 자금을 편성하고 신청 요건을 대폭 완화했다.",
        "{field} 분야 전문가들은 {city}의 이번 정책이 다른 지방자치단체의 모범 사례가 될 것이라고 평가했다.",
        "{city__eun} 앞서 {org__wa} 업무협약을 체결하고 {project} 추진을 위한 실무협의체를 구성했다.",
        "올해 사업 대상자는 모두 {countbig}명으로, 지난해보다 {pct}% 늘었다.",
        "시는 현장 점검을 통해 {facility}의 안전 관리 실태를 확인하고 미비점은 즉시 보완하도록 조치했다.",
        "{project__eun} {year}년 국비 공모사업에 선정돼 국비 {money__eul} 확보했다.",
        "아울러 {group}의 의견을 듣기 위해 {district}에서 {count}차례 현장 간담회를 열었다.",
        "시는 이번 조치로 연간 {money}의 예산 절감 효과가 있을 것으로 내다봤다.",
        "이날 회의에서 참석자들은 {field} 분야 현안을 공유하고 협력 방안을 논의했다.",
        "{city__eun} {year}년부터 {district}에 {facility__eul} 차례로 확충해 {group}의 생활 여건을 개선할 계획이다.",
    ),
    ordinal_leads=(
        "{field} 선도도시의 기반을 마련했다.",
        "{group__eul} 위한 맞춤형 지원을 모든 자치구로 확대했다.",
        "{project__eun} 공정률 {pct}%로 순조롭게 추진되고 있다.",
        "국비 {money__eul} 확보해 역대 최대 규모를 기록했다.",
        "혁신과 소통을 중심으로 시정 조직을 개편했다.",
    ),
    ordinals=("첫째", "둘째", "셋째", "넷째", "다섯째", "여섯째", "일곱째", "여덟째", "아홉째", "열째"),
    headings=(
        "추진 배경", "주요 내용", "향후 계획", "{project} 추진 현황", "{field} 분야 주요 성과",
        "지원 대상 및 내용", "{year}년 주요 업무 추진 방향",
    ),
    angle_headings=(
        "{year}년 {field} 분야 주요 추진 과제", "{event} 개요", "{city} {count}대 핵심 사업",
    ),
    summaries=(
        "{year}년까지 {money} 투입… {field} 선도도시 도약",
        "{group} {countbig}명에 맞춤형 지원",
        "{org__wa} 협력해 {project} 본격 추진",
        "{month}월부터 {district}에서 시범 운영",
        "{mayor_short} “{field} 분야 전국 최고 수준으로 끌어올릴 것”",
    ),
    captions=(
        "{mayor__i} {dayn}일 {venue}에서 열린 {event}에서 인사말을 하고 있다.",
        "{mayor__i} {dayn}일 {district} {facility} 개소식에 참석해 시민들과 기념촬영을 하고 있다.",
        "{event} 참석자들이 기념촬영을 하고 있다.",
        "{mayor__i} {org} 관계자와 {project} 업무협약을 체결하고 있다.",
    ),
    list_items=(
        "(사업기간) {period}", "(사업비) 총 {money}", "(사업내용) {facility} 조성, {group} 지원 등",
        "(지원대상) {group} {countbig}명", "(추진방향) {org__wa} 협력 체계 구축", "{project} 추진",
        "{district} 일원 {count}개소",
    ),
    sub_items=(
        "{district} {count}개소", "{group} 대상 맞춤형 상담 운영", "{org__wa} 협력 체계 구축",
        "{facility} 리모델링", "{month}월 공모, 하반기 착공",
    ),
    detail_items=(
        "신청 기간: {month}월 {dayn}일 ~ {month}월 {dayn}일", "문의: {dept} ☎ {phone}", "장소: {venue}",
        "지원 규모: 1인당 최대 {small}백만 원",
    ),
    notes=(
        "붙임: 관련 사진 {small}부.", "자세한 사항은 {dept}(☎ {phone})로 문의 바랍니다.",
        "상기 일정은 현지 사정에 따라 변경될 수 있음", "보도자료 내용 중 수치는 잠정치임",
    ),
    quote_bodies=(
        "시민 여러분의 삶을 바꾸는 데 모든 역량을 집중하겠다",
        "{project__eun} {city}의 미래를 여는 핵심 사업이다",
        "{group__i} 체감할 수 있는 정책으로 보답하겠다",
        "현장에서 답을 찾는 행정을 펼치겠다",
        "{field} 분야에서 전국을 선도하는 도시로 도약하겠다",
        "시민과 함께 {city}의 새로운 시대를 열어가겠다",
    ),
    quote_frames=(
        "{mayor_short__eun} “{body}”라고 말했다.",
        "{mayor__eun} “{body}”며 “{body2}”라고 강조했다.",
        "이에 대해 {mayor_short__eun} “{body}”고 밝혔다.",
        "{mayor_short__eun} 이날 “{body}”라고 거듭 강조했다.",
    ),
    pools={
        "project": ("인공지능 중심 산업융합 집적단지 조성사업", "도시철도 2호선 건설", "도시재생 뉴딜사업",
                    "수소버스 보급사업", "스마트시티 통합플랫폼 구축", "공공자전거 확대", "청년 주거 지원사업",
                    "하천 생태복원 사업", "탄소중립 에너지 자립도시 조성", "경제자유구역 지정", "국가산업단지 조성",
                    "친환경 모빌리티 전환", "공공 어린이집 확충", "디지털 트윈 구축사업", "야간 관광 활성화 사업",
                    "지역화폐 발행"),
        "group": ("소상공인", "어르신", "청년 구직자", "다문화가족", "장애인", "창업기업", "저소득 가구", "신혼부부",
                  "외국인 주민", "농업인", "대학생", "1인 가구"),
        "org": ("과학기술정보통신부", "행정안전부", "국토교통부", "고용노동부", "한국토지주택공사", "한국관광공사",
                "시의회", "지역 대학", "상공회의소", "한국전력공사", "환경부", "중소벤처기업부"),
        "field": ("인공지능", "수소에너지", "대중교통", "재난안전", "복지", "문화관광", "도시재생", "기후위기 대응",
                  "청년 일자리", "스마트 모빌리티"),
        "facility": ("청년창업지원센터", "공공 어린이집", "수소충전소", "생활체육관", "스마트팜", "노인복지관",
                     "공공도서관", "반려동물 문화센터", "공영주차장", "다목적 문화센터"),
        "event": ("인공지능 클러스터 포럼", "시민혁신 토론회", "도시재생 박람회", "청년 일자리 박람회",
                  "탄소중립 도시 정상회의", "시민 안전 체험 한마당", "국제 수소 엑스포", "시민의 날 기념식"),
        "dept": ("대변인실", "정책기획관실", "투자유치과", "인공지능산업과", "국제협력과", "교통정책과", "복지정책과",
                 "문화관광정책과", "기후환경정책과", "일자리정책과", "청년정책과", "도시재생과"),
    },
    authors=("대변인실", "대변인실", "홍보담당관실", "정책기획관실", "관리자"),
    file_names=("{n}.jpg", "사진{n}.jpg", "보도자료({n}).hwp", "붙임{n}. 사업 개요.pdf", "{n}.png"),
)

VOCABULARIES = {"en": ENGLISH, "ko": KOREAN}


# ------------------------------------------------------------------ filling templates
PARTICLES = {"eun": ("은", "는"), "i": ("이", "가"), "eul": ("을", "를"), "wa": ("과", "와"), "ro": ("으로", "로")}
HANGUL_FIRST, HANGUL_SYLLABLES, FINAL_CONSONANTS = 0xAC00, 11172, 28  # Unicode Hangul syllable block
RIEUL = 8  # index of the final ㄹ, which takes 로 rather than 으로
DIGIT_FINALS = {"0": 21, "1": 8, "3": 16, "6": 1, "7": 8, "8": 8}  # 영 일 삼 육 칠 팔 end in a consonant


def final_consonant(word: str) -> int:
    """Index of the final consonant of the word's last readable syllable (0 when it has none)."""
    for char in reversed(word):
        code = ord(char) - HANGUL_FIRST
        if 0 <= code < HANGUL_SYLLABLES:
            return code % FINAL_CONSONANTS
        if char.isdigit():
            return DIGIT_FINALS.get(char, 0)
        if char.isascii() and char.isalpha():
            return 0
    return 0


def with_particle(word: str, particle: str) -> str:
    """'광주시' + 'eun' -> '광주시는'; '사업' + 'eun' -> '사업은'."""
    after_consonant, after_vowel = PARTICLES[particle]
    final = final_consonant(word)
    if particle == "ro" and final == RIEUL:
        return word + after_vowel
    return word + (after_consonant if final else after_vowel)


class FloatSource(Protocol):
    """What template filling needs of a generator: random.Random, or the cheaper HashRandom."""

    def random(self) -> float: ...


class HashRandom:
    """Floats in [0, 1) from BLAKE2b of a key and a counter: deterministic, and free to start.

    Seeding a random.Random costs ~8 us, more than filling the template it would serve.
    """

    def __init__(self, key: str) -> None:
        self.key = key.encode("utf-8")
        self.counter = 0
        self.values: list[float] = []

    def random(self) -> float:
        """The next float; a new digest every eight."""
        if not self.values:
            digest = hashlib.blake2b(self.key + self.counter.to_bytes(4, "little")).digest()
            self.values = [(word >> 11) * FLOAT_SCALE for word in DIGEST_WORDS.unpack(digest)]
            self.counter += 1
        return self.values.pop()


class SlotFiller:
    """Fills templates, drawing a fresh value for every {slot} (a '__eul' suffix adds a particle)."""

    def __init__(self, rng: FloatSource, site: Site, language: str, seed: int | None = None) -> None:
        self.rng = rng
        self.random = rng.random
        self.site = site
        self.language = language
        self.pools = slot_pools(site.key, language)
        self.compiled = compiled_templates(site.key, language)
        self.banks = line_banks(seed, site.key, language) if seed is not None else {}

    def line(self, group: str) -> str:
        """A line of a template group ('sentences', 'list_items' ...): from the seed's bank when
        the group is banked and the filler has a seed, else filled afresh."""
        bank = self.banks.get(group)
        if bank is not None:
            return bank.draw(self.rng)
        return self.fill(pick(self.rng, getattr(VOCABULARIES[self.language], group)))

    def sentence(self) -> str:
        """A body sentence."""
        return self.line("sentences")

    def sentence_source(self) -> Callable[[], str]:
        """A function returning body sentences: the hot loop of a page, so no lookups per call."""
        bank = self.banks.get("sentences")
        if bank is None:
            return self.sentence
        draw, rng = bank.draw, self.rng
        return lambda: draw(rng)

    def fill(self, template: str, **extra: str) -> str:
        """The template with every slot drawn; `extra` gives fixed values (quote bodies)."""
        parts = self.compiled.get(template) or self.compile(template)
        random_float = self.random
        out: list[str] = []
        for literal, name, pool, particle in parts:
            out.append(literal)
            if not name:
                continue
            if pool is not None:
                value = pool[int(random_float() * len(pool))]
            elif name in extra:
                value = extra[name]
            else:
                value = GENERATORS[name](self.rng, self.language, self.site)
            out.append(with_particle(value, particle) if particle else value)
        return "".join(out)

    def compile(self, template: str) -> tuple[TemplatePart, ...]:
        """Parse the template once per site and language: (literal, slot, pool or None, particle)."""
        parts = []
        for literal, field, _spec, _conversion in string.Formatter().parse(template):
            name, _, particle = (field or "").partition("__")
            parts.append((literal, name, self.pools.get(name), particle))
        self.compiled[template] = compiled = tuple(parts)
        return compiled

    def draw(self, name: str) -> str:
        """One value for the slot: a site name, a vocabulary pool entry, or a generated number."""
        pool = self.pools.get(name)
        if pool is not None:
            return pool[int(self.random() * len(pool))]
        return GENERATORS[name](self.rng, self.language, self.site)


@functools.cache
def compiled_templates(site_key: str, language: str) -> dict[str, tuple[TemplatePart, ...]]:
    """The cache SlotFiller.compile fills: one per site and language, shared by all pages."""
    return {}


@functools.cache
def slot_pools(site_key: str, language: str) -> dict[str, tuple[str, ...]]:
    """The vocabulary's pools with the site's own names (city, mayor, districts ...) over them."""
    return {**VOCABULARIES[language].pools, **SITES_BY_KEY[site_key].slots[language]}


def pick(rng: FloatSource, options: Sequence[T]) -> T:
    """rng.choice without its pure-Python rejection loop (the bias, n / 2**53, is immaterial)."""
    return options[int(rng.random() * len(options))]


def between(rng: FloatSource, low: int, high: int) -> int:
    """rng.randint(low, high), the fast way pick() is rng.choice."""
    return low + int(rng.random() * (high - low + 1))


def _money(rng: FloatSource, language: str, site: Site) -> str:
    roll = rng.random()
    if language == "en":
        if roll < 0.6:
            return f"{between(rng, 1, 999)}.{between(rng, 1, 9)} billion won"
        if roll < 0.85:
            return f"{between(rng, 100, 950)} million won"
        return f"{between(rng, 1, 4)}.{between(rng, 1, 9)} trillion won"
    if roll < 0.6:
        return f"{between(rng, 2, 999)}억 원"
    if roll < 0.85:
        return f"{between(rng, 1, 9)}천{between(rng, 1, 9)}백억 원"
    return f"{between(rng, 1, 3)}조 {between(rng, 1, 9)}천억 원"


def _day(rng: FloatSource, language: str, site: Site) -> str:
    day, month = between(rng, 1, 28), between(rng, 1, 12)
    return f"{day} {MONTHS[month - 1]}" if language == "en" else f"{month}월 {day}일"


def _period(rng: FloatSource, language: str, site: Site) -> str:
    start = between(rng, 2019, 2026)
    return f"{start}. {between(rng, 1, 12)}. ~ {start + between(rng, 1, 4)}. 12."


def _phone(rng: FloatSource, language: str, site: Site) -> str:
    return f"{site.phone[language]}{between(rng, 2000, 8999)}"


GENERATORS = {
    "money": _money,
    "day": _day,
    "period": _period,
    "phone": _phone,
    "count": lambda rng, language, site: str(between(rng, 2, 300)),
    "countbig": lambda rng, language, site: f"{between(rng, 1_000, 250_000):,}",
    "small": lambda rng, language, site: str(between(rng, 2, 9)),
    "pct": lambda rng, language, site: f"{between(rng, 5, 95)}.{between(rng, 0, 9)}",
    "year": lambda rng, language, site: str(between(rng, 2019, 2030)),
    "month": lambda rng, language, site: str(between(rng, 1, 12)),
    "month_name": lambda rng, language, site: pick(rng, MONTHS),
    "dayn": lambda rng, language, site: str(between(rng, 1, 28)),
    "nth": lambda rng, language, site: pick(rng, ("second", "third", "fourth", "fifth")),
}


def fill_sentence(rng: FloatSource, site: Site, language: str) -> str:
    """One body sentence of the language, with fresh names and numbers."""
    return SlotFiller(rng, site, language).fill(pick(rng, VOCABULARIES[language].sentences))


class LineBank:
    """Filled lines of one template group, for one seed, site and language, made on first use.

    Entry j is made from its own HashRandom, so it is a pure function of (seed, site, language,
    group, j): pages do not depend on the order they are generated in. Drawing a made line is
    ten times cheaper than filling a template, and sentences and list items are most of a page.
    """

    def __init__(self, seed: int, site: Site, language: str, group: str) -> None:
        self.site = site
        self.language = language
        self.templates: tuple[str, ...] = getattr(VOCABULARIES[language], group)
        self.size = BANKED_GROUPS[group]
        self.prefix = f"cityclips-line:{seed}:{site.key}:{language}:{group}:"
        self.entries: list[str] = [""] * self.size

    def draw(self, rng: FloatSource) -> str:
        """A line chosen by rng."""
        number = int(rng.random() * self.size)
        return self.entries[number] or self.make_entry(number)

    def make_entry(self, number: int) -> str:
        """Fill entry `number` from its own HashRandom and keep it."""
        entry_rng = HashRandom(self.prefix + str(number))
        line = SlotFiller(entry_rng, self.site, self.language).fill(pick(entry_rng, self.templates))
        self.entries[number] = line
        return line


@functools.lru_cache(maxsize=8)  # a corpus and its mutation use two seeds
def line_banks(seed: int, site_key: str, language: str) -> dict[str, LineBank]:
    """The banks of a seed, site and language, by template group."""
    site = SITES_BY_KEY[site_key]
    return {group: LineBank(seed, site, language, group) for group in BANKED_GROUPS}


# ------------------------------------------------------------------ the article, before rendering
class ListItem(NamedTuple):
    marker: str  # as a text dump writes it: '①', '1.', '○', '-', '·', ''
    text: str
    children: tuple[ListItem, ...] = ()


class BodyBlock(NamedTuple):
    kind: str  # 'paragraph' | 'heading' | 'angle_heading' | 'note' | 'list'
    text: str = ""
    items: tuple[ListItem, ...] = ()
    spaced: bool = False  # list items separated by blank lines in the dump (seed 002)


class AttachmentFile(NamedTuple):
    name: str
    size: str  # '783.2 KB' / '1.89 MB', as the site prints it
    downloads: int


class PostMeta(NamedTuple):
    author: str
    date: str  # '2020-01-07'
    time: str  # '13:25'
    views: int
    glued: bool  # the dump lost the spaces between fields


@dataclass(frozen=True)
class Article:
    language: str
    section: str
    title: str
    meta: PostMeta | None  # None on static pages
    attachments: tuple[AttachmentFile, ...]
    zip_link: bool  # the 'Attachment Full (compressed) Download' line
    captions: tuple[str, ...]
    summary: tuple[str, ...]
    blocks: tuple[BodyBlock, ...]
    contact: tuple[str, str] | None  # (department, phone)


def compose_article(rng: random.Random, site: Site, language: str, static: bool, seed: int) -> Article:
    """Draw one article: title, metadata, attachments, captions, summary, body and contact."""
    filler = SlotFiller(rng, site, language, seed)
    vocabulary = VOCABULARIES[language]
    title = filler.line("titles")
    section = pick(rng, site.sections[language])
    news = not static
    meta = draw_meta(rng, vocabulary) if news else None
    attachments, zip_link = draw_attachments(rng, vocabulary) if news else ((), False)
    captions = draw_lines(rng, filler, "captions", CAPTION_SHARE, 4)
    summary = draw_lines(rng, filler, "summaries", SUMMARY_SHARE, 4) if news else ()
    blocks = compose_body(rng, filler, vocabulary)
    contact = (filler.draw("dept"), filler.draw("phone")) if rng.random() < CONTACT_SHARE else None
    return Article(language, section, title, meta, attachments, zip_link, captions, summary,
                   blocks, contact)


def draw_meta(rng: random.Random, vocabulary: Vocabulary) -> PostMeta:
    """Author, a date 2018-2024, a time, and a view count spread over four orders of magnitude."""
    day = FIRST_POST_DAY + between(rng, 0, POST_DAYS - 1)
    date = datetime.date.fromordinal(day).isoformat()
    views = between(rng, 0, 10 ** between(rng, 1, 4) - 1)
    return PostMeta(pick(rng, vocabulary.authors), date,
                    f"{between(rng, 8, 19):02d}:{between(rng, 0, 59):02d}", views,
                    rng.random() < GLUED_META_SHARE)


def draw_attachments(rng: random.Random, vocabulary: Vocabulary) -> tuple[tuple[AttachmentFile, ...], bool]:
    """On ATTACHMENT_SHARE of pages: a list of 1-5 files and the zip link, or the zip link alone."""
    if rng.random() >= ATTACHMENT_SHARE:
        return (), False
    if rng.random() < ZIP_LINK_ONLY_SHARE:
        return (), True
    files = tuple(AttachmentFile(pick(rng, vocabulary.file_names).format(n=number), draw_size(rng),
                                 between(rng, 0, 39))
                  for number in range(1, between(rng, 1, 5) + 1))
    return files, True


def draw_size(rng: random.Random) -> str:
    """'783.2 KB', '484.95 KB' or '1.89 MB': up to two decimals, trailing zeros dropped (seed 001)."""
    unit = "KB" if rng.random() < 0.7 else "MB"
    hundredths = between(rng, 1_200, 99_999) if unit == "KB" else between(rng, 101, 999)
    number = f"{hundredths / 100:.2f}".rstrip("0").rstrip(".")
    return f"{number} {unit}"


def draw_lines(rng: random.Random, filler: SlotFiller, group: str, share: float,
               most: int) -> tuple[str, ...]:
    """On `share` of pages, 1..most lines of a template group; else none."""
    if rng.random() >= share:
        return ()
    return tuple(filler.line(group) for _ in range(between(rng, 1, most)))


def compose_body(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> tuple[BodyBlock, ...]:
    """MIN_BLOCKS..MAX_BLOCKS blocks: mostly paragraphs, with headings, lists, notes and quotes."""
    target = between(rng, MIN_BLOCKS, MAX_BLOCKS)
    blocks: list[BodyBlock] = []
    while len(blocks) < target:
        blocks.extend(draw_block(rng, filler, vocabulary))
    if rng.random() < QUOTE_SHARE:
        quote = BodyBlock("paragraph", draw_quote(rng, filler, vocabulary))
        blocks.insert(quote_position(rng, blocks), quote)
    return tuple(blocks)


def quote_position(rng: random.Random, blocks: list[BodyBlock]) -> int:
    """A place in the second half of the body that does not split a heading from what it heads."""
    start = between(rng, len(blocks) // 2, len(blocks))
    for position in range(start, len(blocks)):
        if blocks[position - 1].kind not in HEADING_KINDS:
            return position
    return len(blocks)


def draw_block(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> list[BodyBlock]:
    """One to a few blocks of one kind, the kind drawn by BLOCK_MIX."""
    kind = BLOCK_MIX[bisect.bisect(BLOCK_CUMULATIVE, rng.random() * BLOCK_CUMULATIVE[-1])][0]
    if kind == "paragraph":
        return [BodyBlock("paragraph", draw_paragraph(rng, filler, vocabulary))]
    if kind == "headed_paragraph":
        heading = BodyBlock("heading", filler.line("headings"))
        return [heading, BodyBlock("paragraph", draw_paragraph(rng, filler, vocabulary))]
    if kind == "headed_list":
        heading = BodyBlock("angle_heading", filler.line("angle_headings"))
        return [heading, draw_list(rng, filler, vocabulary)]
    if kind == "list":
        return [draw_list(rng, filler, vocabulary)]
    if kind == "ordinal_run":
        return draw_ordinal_run(rng, filler, vocabulary)
    return [BodyBlock("note", filler.line("notes"))]


def draw_paragraph(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> str:
    """1-5 sentences; Korean press releases often open each paragraph with '□'."""
    sentence = filler.sentence_source()
    sentences = [sentence() for _ in range(between(rng, MIN_SENTENCES, MAX_SENTENCES))]
    text = " ".join(sentences)
    if filler.language == "ko" and rng.random() < 0.3:
        return f"□ {text}"
    return text


def draw_quote(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> str:
    """A quoted statement of the mayor, framed as the site's press releases frame them."""
    body = filler.line("quote_bodies")
    body2 = filler.line("quote_bodies")
    if filler.language == "en":
        body, body2 = body[0].upper() + body[1:], body2[0].upper() + body2[1:]
    return filler.fill(pick(rng, vocabulary.quote_frames), body=body, body2=body2)


def draw_list(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> BodyBlock:
    """English: '①' items, one with nested '1.' items, or a '-' list. Korean: '○' > '-' > '·'."""
    if filler.language == "en":
        if rng.random() < 0.25:
            items = tuple(ListItem("-", filler.line("detail_items"))
                          for _ in range(between(rng, 2, 4)))
            return BodyBlock("list", items=items)
        return BodyBlock("list", items=circled_items(rng, filler, vocabulary), spaced=rng.random() < 0.3)
    items = tuple(ListItem("○", filler.line("list_items"),
                           korean_children(rng, filler, vocabulary))
                  for _ in range(between(rng, 2, 5)))
    return BodyBlock("list", items=items)


def circled_items(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> tuple[ListItem, ...]:
    """3-10 '①' items; about half the lists nest '1.' items under one of them (seed 001)."""
    count = between(rng, 3, 10)
    nested_at = between(rng, 0, count - 1) if rng.random() < 0.5 else -1
    items = []
    for position in range(count):
        children: tuple[ListItem, ...] = ()
        if position == nested_at:
            names = rng.sample(vocabulary.sub_items, between(rng, 3, 8))
            children = tuple(ListItem(f"{number}.", name) for number, name in enumerate(names, 1))
        items.append(ListItem(CIRCLED[position], filler.line("list_items"), children))
    return tuple(items)


def korean_children(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> tuple[ListItem, ...]:
    """0-3 '-' items, each with 0-2 '·' details."""
    if rng.random() < 0.4:
        return ()
    children = []
    for _ in range(between(rng, 1, 3)):
        details = tuple(ListItem("·", filler.line("detail_items"))
                        for _ in range(pick(rng, (0, 0, 1, 2))))
        children.append(ListItem("-", filler.line("sub_items"), details))
    return tuple(children)


def draw_ordinal_run(rng: random.Random, filler: SlotFiller, vocabulary: Vocabulary) -> list[BodyBlock]:
    """'First, ...' 'Second, ...' paragraphs (seed 002), each with 0-2 further sentences."""
    blocks = []
    for ordinal in vocabulary.ordinals[: between(rng, 2, 5)]:
        lead = filler.line("ordinal_leads")
        more = [filler.sentence() for _ in range(between(rng, 0, 2))]
        blocks.append(BodyBlock("paragraph", " ".join([f"{ordinal}, {lead}", *more])))
    return blocks


# ------------------------------------------------------------------ text dumps
def render_text(rng: random.Random, site: Site, article: Article) -> str:
    """The article as a flattened text dump, with the site's chrome around it (seeds/*.txt)."""
    language = article.language
    static = article.meta is None
    lines: list[str] = []
    if static or rng.random() < HEADER_SHARE:
        lines.extend(header_lines(site.key, language))
    if not static and rng.random() < SECTION_SHARE:
        lines.extend(section_lines(site, language, article.section))
    lines.append(article.title)
    if static or rng.random() < 0.5:
        lines.append("")
    if article.meta is not None:
        lines.append(meta_line(article.meta, language))
    lines.extend(attachment_lines(article))
    if article.captions:
        lines.append("".join(caption + caption for caption in article.captions))
    lines.extend(f"| {line}" for line in article.summary)
    lines.append("")
    for block in article.blocks:
        lines.extend(block_lines(block))
        lines.append("")
    if article.contact is not None:
        lines.append(contact_line(article.contact, language))
    if rng.random() < FOOTER_SHARE:
        lines.extend(("", *footer_lines(site.key, language)))
    return "\n".join(lines).rstrip("\n") + ("\n" if rng.random() < 0.5 else "")


def section_lines(site: Site, language: str, section: str) -> list[str]:
    """The section line or breadcrumb, then the print/download bullets (seed 001)."""
    return [section, "", *(f"  • {tool}" for tool in site.tools[language]), ""]


def meta_line(meta: PostMeta, language: str) -> str:
    """One of the four metadata line forms.

    >>> meta_line(PostMeta("admin", "2020-01-20", "14:49", 75, glued=True), "en")
    'Name : adminDate : 2020-01-20 14:4975'
    """
    if language == "en":
        if meta.glued:
            return f"Name : {meta.author}Date : {meta.date} {meta.time}{meta.views}"
        return f"Name : {meta.author} Date : {meta.date} {meta.time} {meta.views}"
    if meta.glued:
        return f"작성자 : {meta.author}등록일 : {meta.date}{meta.time}조회수 : {meta.views}"
    return f"작성자 : {meta.author} 등록일 : {meta.date} {meta.time} 조회수 : {meta.views}"


def attachment_lines(article: Article) -> list[str]:
    """'File', one bullet per file, and the zip link, as seed 001 shows them."""
    file_label, zip_label = FILE_LABELS[article.language]
    lines = [file_label] if article.attachments else []
    lines.extend(f"  • {item.name}[size: {item.size}, Download: {item.downloads}]"
                 for item in article.attachments)
    if article.zip_link:
        lines.append(zip_label)
    return lines


def block_lines(block: BodyBlock) -> list[str]:
    """A body block as dump lines: '□ ' headings, '<...>' headings, '※ ' notes, list items."""
    if block.kind == "heading":
        return [f"□ {block.text}"]
    if block.kind == "angle_heading":
        return [f"<{block.text}>"]
    if block.kind == "note":
        return [f"※ {block.text}"]
    if block.kind == "list":
        lines: list[str] = []
        for item in block.items:
            lines.extend(item_lines(item, depth=0))
            if block.spaced:
                lines.append("")
        return lines[:-1] if block.spaced else lines
    return [block.text]


def item_lines(item: ListItem, depth: int) -> list[str]:
    """An item and its children; Korean markers indent one space a level, '1.' items do not."""
    indent = " " * depth if item.marker in ("○", "-", "·") else ""
    lines = [f"{indent}{item.marker} {item.text}"]
    for child in item.children:
        lines.extend(item_lines(child, depth + 1))
    return lines


def contact_line(contact: tuple[str, str], language: str) -> str:
    """'  • Department of X : +82-(0)62-613-2321' (seed 003) or '담당부서 : X ☎ 062-613-2321'."""
    department, phone = contact
    if language == "en":
        return f"  • {department} : {phone}"
    return f"담당부서 : {department} ☎ {phone}"


def render_chrome_only(rng: random.Random, site: Site, language: str, source_format: str) -> str:
    """A page whose article failed to load: header, section, bullets and footer, nothing else."""
    if source_format == "html":
        parts = html_head(site, language, site.name[language], declare_charset=True)
        parts += html_header(site, language, pick(rng, site.html_styles))
        parts += ['<main id="contents">', "</main>", *html_footer(site, language), "</body>", "</html>"]
        return "\n".join(parts)
    lines = [*header_lines(site.key, language), *section_lines(site, language, site.sections[language][0]),
             *footer_lines(site.key, language)]
    return "\n".join(lines)


# ------------------------------------------------------------------ HTML documents
STYLESHEET = """#wrap{{max-width:1200px;margin:0 auto}}
.{code}-gnb>li{{float:left;position:relative}}
.{code}-gnb>li>ul{{display:none;position:absolute;top:60px}}
.view_cont p,.post-body p{{line-height:1.8;margin:0 0 1em}}
@media (max-width:1024px){{.{code}-gnb{{display:none}}}}"""
HEAD_SCRIPT = """var siteCode = "{code}_{language}";
function goPrint() {{ window.print(); return false; }}
$(function () {{
  var menus = $('.{code}-gnb > li');
  for (var i = 0; i < menus.length; i++) {{
    $(menus[i]).on('mouseenter', function () {{ $(this).addClass('on'); }});
  }}
}});"""
TAIL_SCRIPT = """window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}
gtag('config', 'G-{code}{language}');"""
KEPT_MARKERS = frozenset(CIRCLED)  # circled numbers are written into the text; markup gives the rest


def text_html(text: str) -> str:
    return html.escape(text, quote=False)


def attr_html(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(rng: random.Random, site: Site, article: Article, declare_charset: bool = True) -> str:
    """The article as a full HTML document in one of the site's structural variants."""
    language = article.language
    style = pick(rng, site.html_styles)
    page_title = f"{article.title} | {article.section.split(' > ')[-1]} | {site.name[language]}"
    parts = html_head(site, language, page_title, declare_charset)
    parts += html_header(site, language, style)
    parts += html_breadcrumb(language, article.section, style)
    parts.append(f'<ul class="util">{"".join(tool_item(tool) for tool in site.tools[language])}</ul>')
    parts += ['<main id="contents">', f'<article class="{style.body_class}">',
              f"<h2 class=\"title\">{text_html(article.title)}</h2>"]
    if article.meta is not None:
        parts.append(html_meta(article.meta, language, style))
    parts += html_attachments(site, article)
    if article.summary:
        parts.append('<ul class="summary">'
                     + "".join(f"<li>{text_html(line)}</li>" for line in article.summary) + "</ul>")
    parts += [html_figure(rng, site, number, caption) for number, caption in enumerate(article.captions, 1)]
    parts.append('<div class="view_cont">')
    parts += [html_block(block) for block in article.blocks]
    parts += ["</div>", "</article>"]
    if article.contact is not None:
        parts.append(html_contact(article.contact, language))
    parts += ["</main>", *html_footer(site, language),
              f"<script>\n{TAIL_SCRIPT.format(code=site.code, language=language)}\n</script>",
              "</body>", "</html>"]
    return "\n".join(parts)


def html_head(site: Site, language: str, page_title: str, declare_charset: bool) -> list[str]:
    """Doctype, head with title, charset (unless undeclared), stylesheet and scripts; opens body."""
    charset = ['<meta charset="utf-8">'] if declare_charset else []
    return ["<!DOCTYPE html>", f'<html lang="{language}">', "<head>", *charset,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text_html(page_title)}</title>",
            f'<link rel="stylesheet" href="/{site.code}/css/common.css">',
            f"<style>\n{STYLESHEET.format(code=site.code)}\n</style>",
            '<script src="/js/jquery-3.6.0.min.js"></script>',
            f"<script>\n{HEAD_SCRIPT.format(code=site.code, language=language)}\n</script>",
            "</head>", "<body>"]


def html_header(site: Site, language: str, style: HtmlStyle) -> list[str]:
    """Skip links, logo, mobile menu button, link-heavy navigation, slogan and quick links."""
    skips = "".join(f'<a href="#contents">{text_html(text)}</a>' for text in site.skip_links[language])
    parts = [f'<div id="skipnav">{skips}</div>', '<div id="wrap">', '<header id="header">',
             f'<h1 class="logo"><a href="/{site.code}/{language}/main.do">'
             f'<img src="/{site.code}/images/logo.png" alt="{attr_html(site.name[language])}"></a></h1>',
             f'<button type="button" class="btn_mobile">{MOBILE_MENU}</button>']
    if site.all_menu_button:
        parts.append(f'<button type="button" class="btn_all">{ALL_MENU}</button>')
    parts.append(f'<nav id="gnb"><ul class="{site.code}-gnb">')
    for number, entry in enumerate(site.menu[language], 1):
        parts.append(nav_entry(site, language, number, entry, style.nested_nav))
    parts.append("</ul></nav>")
    slogan = "<br>".join(text_html(line) for line in site.slogan[language])
    parts.append(f'<p class="slogan">{slogan}</p>')
    for items in site.quick_links[language]:
        links = "".join(f'<li><a href="/{site.code}/quick{number}.do">{text_html(item)}</a></li>'
                        for number, item in enumerate(items, 1))
        parts.append(f'<ul class="quick">{links}</ul>')
    parts += ["</header>", "</div>"]
    return parts


def nav_entry(site: Site, language: str, number: int, entry: str, nested: bool) -> str:
    """One top menu entry; nested menus carry three fixed submenu links."""
    link = f'<a href="/{site.code}/{language}/menu{number}.do">{text_html(entry)}</a>'
    if not nested:
        return f"<li>{link}</li>"
    names = SUBMENUS[language]
    subs = "".join(f'<li><a href="/{site.code}/{language}/menu{number}_{sub}.do">'
                   f"{text_html(names[(number * 3 + sub) % len(names)])}</a></li>" for sub in range(3))
    return f"<li>{link}<ul>{subs}</ul></li>"


def html_breadcrumb(language: str, section: str, style: HtmlStyle) -> list[str]:
    """'Home > News > Press Releases' as a div of links or an ol."""
    steps = section.split(" > ") if " > " in section else [HOME[language], section]
    if style.breadcrumb == "ol":
        items = "".join(f"<li>{text_html(step)}</li>" for step in steps)
        return [f'<nav class="breadcrumb"><ol>{items}</ol></nav>']
    links = " &gt; ".join(f'<a href="#">{text_html(step)}</a>' for step in steps[:-1])
    return [f'<div class="location">{links} &gt; <strong>{text_html(steps[-1])}</strong></div>']


def tool_item(tool: str) -> str:
    return f'<li><a href="#" onclick="return goPrint();">{text_html(tool)}</a></li>'


def html_meta(meta: PostMeta, language: str, style: HtmlStyle) -> str:
    """The post's author, date and views as a table, a dl, or spans."""
    labels = META_LABELS[language]
    values = (meta.author, f"{meta.date} {meta.time}", str(meta.views))
    pairs = list(zip(labels, map(text_html, values)))
    if style.meta == "table":
        cells = "".join(f'<th scope="row">{label}</th><td>{value}</td>' for label, value in pairs)
        return f'<table class="view_info"><tbody><tr>{cells}</tr></tbody></table>'
    if style.meta == "dl":
        return '<dl class="info">' + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in pairs) \
            + "</dl>"
    spans = "".join(f"<span>{label} : {value}</span>" for label, value in pairs)
    return f'<div class="article-meta">{spans}</div>'


def html_attachments(site: Site, article: Article) -> list[str]:
    """The file box: label, one link per file with its glued size, and the zip link."""
    if not article.attachments and not article.zip_link:
        return []
    file_label, zip_label = FILE_LABELS[article.language]
    parts = ['<div class="file">']
    if article.attachments:
        items = "".join(f'<li><a href="/{site.code}/download.do?fileSn={number}">{text_html(item.name)}</a>'
                        f'<span class="size">[size: {item.size}, Download: {item.downloads}]</span></li>'
                        for number, item in enumerate(article.attachments, 1))
        parts.append(f"<strong>{file_label}</strong><ul>{items}</ul>")
    if article.zip_link:
        parts.append(f'<a class="btn_zip" href="/{site.code}/downloadAll.do">{text_html(zip_label)}</a>')
    parts.append("</div>")
    return parts


def html_figure(rng: random.Random, site: Site, number: int, caption: str) -> str:
    """A photo whose alt text repeats the caption half the time (hence doubled dump captions)."""
    alt = attr_html(caption) if rng.random() < 0.5 else ""
    return (f'<figure class="photo"><img src="/{site.code}/upload/photo{number}.jpg" alt="{alt}">'
            f"<figcaption>{text_html(caption)}</figcaption></figure>")


def html_block(block: BodyBlock) -> str:
    """A body block as markup; circled-number markers stay in the text, others go to ul/ol."""
    if block.kind == "heading":
        return f"<h3>□ {text_html(block.text)}</h3>"
    if block.kind == "angle_heading":
        return f"<h4>&lt;{text_html(block.text)}&gt;</h4>"
    if block.kind == "note":
        return f'<p class="note">※ {text_html(block.text)}</p>'
    if block.kind == "list":
        return html_list(block.items)
    return f"<p>{text_html(block.text)}</p>"


def html_list(items: tuple[ListItem, ...]) -> str:
    """ol for '1.' items, ul otherwise; nested lists go inside their parent's li."""
    tag = "ol" if items[0].marker.endswith(".") else "ul"
    rendered = []
    for item in items:
        prefix = f"{item.marker} " if item.marker in KEPT_MARKERS else ""
        children = html_list(item.children) if item.children else ""
        rendered.append(f"<li>{prefix}{text_html(item.text)}{children}</li>")
    return f"<{tag}>{''.join(rendered)}</{tag}>"


def html_contact(contact: tuple[str, str], language: str) -> str:
    department, phone = contact
    if language == "en":
        return (f'<div class="manager"><span>{text_html(department)}</span> : '
                f'<a href="tel:{attr_html(phone)}">{text_html(phone)}</a></div>')
    return f'<div class="manager">담당부서 : {text_html(department)} ☎ {text_html(phone)}</div>'


def html_footer(site: Site, language: str) -> list[str]:
    """Satisfaction survey form, policy links, address and copyright."""
    question, options = SURVEY[language]
    radios = "".join(f'<label><input type="radio" name="score" value="{5 - number}"> '
                     f"{text_html(option)}</label>" for number, option in enumerate(options))
    links = "".join(f'<li><a href="/{site.code}/policy{number}.do">{text_html(link)}</a></li>'
                    for number, link in enumerate(site.footer_links[language], 1))
    copyright_line = footer_lines(site.key, language)[-1]
    return ['<div class="satisfaction">', f"<p>{text_html(question)}</p>",
            f'<form action="/{site.code}/survey.do" method="post">{radios}'
            '<button type="submit">OK</button></form>', "</div>",
            f'<footer id="footer"><ul class="footer_menu">{links}</ul>',
            f"<address>{text_html(site.address[language])}</address>",
            f'<p class="copyright">{text_html(copyright_line)}</p>', "</footer>"]


# ------------------------------------------------------------------ pages, corpus, mutation
@dataclass(frozen=True)
class PagePlan:
    """What a page will be, drawn before its content: the ground truth for a benchmark."""

    index: int
    name: str  # relative path, '/'-separated, e.g. '0000/000123_en.txt'
    site: str  # a Site.key
    language: str  # 'en' | 'ko' (what the page would be; dirty pages may not show it)
    source_format: str  # 'text' | 'html'
    static: bool  # an introduction page without a metadata line
    dirty: str | None  # one of DIRTY_KINDS, or None for a clean page


@dataclass(frozen=True)
class MutationReport:
    """Relative paths that mutate_corpus edited, deleted and added."""

    edited: tuple[str, ...]
    deleted: tuple[str, ...]
    added: tuple[str, ...]


def page_rng(seed: int, index: int) -> random.Random:
    """The page's own generator: a string seed is hashed with SHA-512, so it is stable across runs."""
    return random.Random(f"cityclips-corpus:{seed}:{index}")


def page_name(index: int, language: str, source_format: str) -> str:
    """'0001/001234_ko.html' for index 1234: at most FILES_PER_FOLDER files per folder."""
    extension = "html" if source_format == "html" else "txt"
    return f"{index // FILES_PER_FOLDER:04d}/{index:06d}_{language}.{extension}"


def draw_plan(
    rng: random.Random, index: int, en_share: float, html_share: float, dirty_share: float
) -> PagePlan:
    """Draw the page's site, language, format and dirtiness (in that order) from rng."""
    site = rng.choices(SITES, cum_weights=SITE_CUMULATIVE_WEIGHTS)[0]
    language = "en" if rng.random() < en_share else "ko"
    source_format = "html" if rng.random() < html_share else "text"
    static = rng.random() < STATIC_PAGE_SHARE
    dirty = pick(rng, DIRTY_KINDS) if rng.random() < dirty_share else None
    if dirty == "cp949":
        language = "ko"  # CP949 only matters for Hangul
    elif dirty == "long_line":
        source_format = "text"
    name = page_name(index, language, source_format)
    return PagePlan(index, name, site.key, language, source_format, static, dirty)


def plan_page(
    index: int,
    seed: int,
    en_share: float = DEFAULT_EN_SHARE,
    html_share: float = DEFAULT_HTML_SHARE,
    dirty_share: float = DEFAULT_DIRTY_SHARE,
) -> PagePlan:
    """The plan of page `index` (site, language, format, dirty kind) without rendering it."""
    return draw_plan(page_rng(seed, index), index, en_share, html_share, dirty_share)


def generate_page(
    index: int,
    seed: int,
    en_share: float = DEFAULT_EN_SHARE,
    html_share: float = DEFAULT_HTML_SHARE,
    dirty_share: float = DEFAULT_DIRTY_SHARE,
) -> tuple[str, bytes]:
    """Return (relative file name, content bytes) of page `index`; a pure function of its arguments.

    >>> generate_page(123, seed=7)[0]
    '0000/000123_en.txt'
    """
    rng = page_rng(seed, index)
    plan = draw_plan(rng, index, en_share, html_share, dirty_share)
    return plan.name, render_page(rng, plan, seed)


def render_page(rng: random.Random, plan: PagePlan, seed: int) -> bytes:
    """Content bytes for a plan, continuing to draw from the rng that drew the plan."""
    if plan.dirty == "empty":
        return b""
    if plan.dirty == "binary":
        return binary_junk(rng)
    site = SITES_BY_KEY[plan.site]
    if plan.dirty == "chrome_only":
        text = render_chrome_only(rng, site, plan.language, plan.source_format)
    elif plan.dirty == "long_line":
        text = long_line(rng, site, plan.language)
    else:
        article = compose_article(rng, site, plan.language, plan.static, seed)
        text = render_document(rng, site, article, plan)
    if plan.dirty == "cp949":
        return text.encode("cp949", errors="replace")  # '•' and a few others have no CP949 code
    return text.encode("utf-8")


def render_document(rng: random.Random, site: Site, article: Article, plan: PagePlan) -> str:
    """The article as a text dump or an HTML document; CP949 pages drop the charset declaration."""
    if plan.source_format == "html":
        return render_html(rng, site, article, declare_charset=plan.dirty != "cp949")
    return render_text(rng, site, article)


def binary_junk(rng: random.Random) -> bytes:
    """Random bytes, sometimes behind an image, zip or PDF signature (a mislabelled download)."""
    size = between(rng, BINARY_MIN_BYTES, BINARY_MAX_BYTES)
    return pick(rng, BINARY_MAGIC) + rng.randbytes(size)


def long_line(rng: random.Random, site: Site, language: str) -> str:
    """One line of about LONG_LINE_BYTES: article sentences joined by spaces, no newline at all."""
    parts: list[str] = []
    size = 0
    while size < LONG_LINE_BYTES:
        sentence = fill_sentence(rng, site, language)
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    return " ".join(parts)


class PageCopy(NamedTuple):
    """A second file holding the article of page `index`: the truth for duplicate detection."""

    name: str  # relative path of the copy
    original: str  # relative path of the page it copies
    kind: str  # 'rescrape' (the same page, more views) | 'syndicated' (another site's chrome)
    site: str  # the site whose chrome the copy carries


def copy_plans(index: int, seed: int, rescrape_share: float, syndicate_share: float,
               plan: PagePlan | None = None) -> list[PageCopy]:
    """The copies of page `index`, drawn from their own generator (the pages' bytes do not change)."""
    if not rescrape_share and not syndicate_share:
        return []
    plan = plan or plan_page(index, seed)
    if plan.dirty is not None:
        return []
    rng = random.Random(f"cityclips-copies:{seed}:{index}")
    draw = rng.random()
    stem, extension = plan.name.rsplit(".", 1)
    number, language = stem.rsplit("_", 1)
    if draw < rescrape_share:
        return [PageCopy(f"{number}-rescrape_{language}.{extension}", plan.name, "rescrape", plan.site)]
    if draw < rescrape_share + syndicate_share:
        site = pick(rng, [s.key for s in SITES if s.key != plan.site])
        return [PageCopy(f"{number}-syndicated-{site}_{language}.{extension}", plan.name, "syndicated", site)]
    return []


def generate_copy(index: int, seed: int, copy: PageCopy) -> bytes:
    """The bytes of a copy: the original's article, drawn from the same generator, re-rendered.

    A re-scrape makes the same chrome decisions as the original (the generator is replayed), with
    a few more views; a syndicated copy renders the same article under its site's chrome.
    """
    rng = page_rng(seed, index)
    plan = draw_plan(rng, index, DEFAULT_EN_SHARE, DEFAULT_HTML_SHARE, DEFAULT_DIRTY_SHARE)
    article = compose_article(rng, SITES_BY_KEY[plan.site], plan.language, plan.static, seed)
    if copy.kind == "rescrape" and article.meta is not None:
        gained = random.Random(f"cityclips-views:{seed}:{index}").randint(RESCRAPE_MIN_NEW_VIEWS,
                                                                           RESCRAPE_MAX_NEW_VIEWS)
        article = dataclasses.replace(article, meta=article.meta._replace(views=article.meta.views + gained))
    return render_document(rng, SITES_BY_KEY[copy.site], article, plan).encode("utf-8")


def write_truth(out: Path, pages: int, seed: int, rescrape_share: float, syndicate_share: float,
                first_index: int = 0) -> int:
    """Write <out>/.truth/duplicates.tsv (copy, original, kind, site); return the number of copies."""
    copies = [copy for index in range(first_index, first_index + pages)
              for copy in copy_plans(index, seed, rescrape_share, syndicate_share)]
    if not copies:
        return 0
    target = out / TRUTH_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["copy\toriginal\tkind\tsite", *("\t".join(copy) for copy in copies)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(copies)


def write_corpus(
    out: Path,
    pages: int,
    seed: int = DEFAULT_SEED,
    en_share: float = DEFAULT_EN_SHARE,
    html_share: float = DEFAULT_HTML_SHARE,
    dirty_share: float = DEFAULT_DIRTY_SHARE,
    first_index: int = 0,
    workers: int = 1,
    rescrape_share: float = 0.0,
    syndicate_share: float = 0.0,
) -> int:
    """Write pages first_index .. first_index+pages-1 under `out`; return the bytes written.

    Streams: each process holds one page at a time. With workers > 1, folders of FILES_PER_FOLDER
    pages are shared out to processes; the files are the same whatever the number of workers.
    Existing files of the same name are overwritten. Copies (rescrape_share, syndicate_share) are
    written beside their originals, and their truth to TRUTH_FILE. Copies need the default mix.
    """
    if (rescrape_share or syndicate_share) and (en_share, html_share, dirty_share) != (
            DEFAULT_EN_SHARE, DEFAULT_HTML_SHARE, DEFAULT_DIRTY_SHARE):
        raise ValueError("copies are drawn for the default mix of languages, formats and dirty pages")
    write_truth(out, pages, seed, rescrape_share, syndicate_share, first_index)
    settings = (seed, en_share, html_share, dirty_share, rescrape_share, syndicate_share)
    end = first_index + pages
    if workers <= 1 or pages < 2 * FILES_PER_FOLDER:
        return write_range(out, first_index, end, settings)
    starts = range(first_index, end, FILES_PER_FOLDER)
    ends = [min(start + FILES_PER_FOLDER, end) for start in starts]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(write_range, itertools.repeat(out), starts, ends, itertools.repeat(settings)))


def write_range(out: Path, start: int, end: int, settings: tuple[int, float, float, float, float, float]) -> int:
    """Write pages start .. end-1 and their copies (settings: seed, en, html, dirty, rescrape and
    syndicate shares); return the bytes."""
    total_bytes = 0
    made_folders: set[str] = set()
    seed, rescrape_share, syndicate_share = settings[0], settings[4], settings[5]
    for index in range(start, end):
        name, data = generate_page(index, *settings[:4])
        folder = name.partition("/")[0]
        if folder not in made_folders:
            (out / folder).mkdir(parents=True, exist_ok=True)
            made_folders.add(folder)
        written = [(name, data)]
        written += [(copy.name, generate_copy(index, seed, copy))
                    for copy in copy_plans(index, seed, rescrape_share, syndicate_share)]
        for file_name, content in written:
            with open(out / file_name, "wb") as handle:
                handle.write(content)
            total_bytes += len(content)
    return total_bytes


def list_files(directory: Path) -> list[str]:
    """Relative '/'-separated paths of the files under directory, sorted (for determinism).

    Hidden files and folders (a benchmark's '.complete' stamp) are left out, so never mutated.
    """
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        prefix = Path(root).relative_to(directory).as_posix()
        for file_name in files:
            if not file_name.startswith("."):
                found.append(file_name if prefix == "." else f"{prefix}/{file_name}")
    return sorted(found)


def append_sentence(path: Path, rng: random.Random) -> bool:
    """Append one new sentence to a UTF-8 page (inside the article for HTML); False if not UTF-8.

    Dirty pages (empty, binary, CP949) are left alone so an edit never adds a second encoding.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if not text:
        return False
    match = PAGE_NAME.search(path.name)
    language = match.group(2) if match else "en"
    sentence = fill_sentence(rng, site_of(text, language), language)
    if path.suffix == ".html":
        text = insert_paragraph(text, sentence)
    else:
        text = f"{text}\n\n{sentence}"
    path.write_bytes(text.encode("utf-8"))
    return True


def site_of(text: str, language: str) -> Site:
    """The site whose city the page names (Gwangju if none does), so an edit stays in voice."""
    for site in SITES:
        if site.slots[language]["city"][0] in text:
            return site
    return GWANGJU


def insert_paragraph(document: str, sentence: str) -> str:
    """Put <p>sentence</p> before the last </article> (or </body>), else at the end."""
    paragraph = f"<p>{html.escape(sentence)}</p>\n"
    for closing in ("</article>", "</body>"):
        position = document.rfind(closing)
        if position >= 0:
            return document[:position] + paragraph + document[position:]
    return document + paragraph


def mutate_corpus(directory: Path, share: float, seed: int) -> MutationReport:
    """Edit about share of the files in place, delete and add a quarter as many; deterministic.

    Edits append a sentence. Added pages take the indices after the largest one present and are
    generated with `seed` and the default mix. The same directory and seed give the same changes.
    """
    files = list_files(directory)
    rng = random.Random(f"cityclips-mutate:{seed}")
    order = files[:]
    rng.shuffle(order)
    edit_target = round(share * len(files))
    change_target = max(1, round(edit_target * DELETES_PER_EDIT)) if edit_target else 0
    edited: list[str] = []
    deleted: list[str] = []
    for relative in order:
        if len(edited) < edit_target and append_sentence(directory / relative, rng):
            edited.append(relative)
        elif len(deleted) < change_target:
            (directory / relative).unlink()
            deleted.append(relative)
        elif len(edited) >= edit_target:
            break
    added = add_pages(directory, files, change_target, seed)
    return MutationReport(tuple(sorted(edited)), tuple(sorted(deleted)), tuple(added))


def add_pages(directory: Path, existing: list[str], count: int, seed: int) -> list[str]:
    """Write `count` new pages at the indices after the largest index among existing names."""
    indices = [int(m.group(1)) for m in map(PAGE_NAME.search, existing) if m]
    next_index = max(indices, default=-1) + 1
    added: list[str] = []
    for index in range(next_index, next_index + count):
        name, data = generate_page(index, seed)
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        added.append(name)
    return added


def share_argument(text: str) -> float:
    """argparse type: a float in [0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; give a share such as 0.3")
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is outside 0..1; give a share such as 0.3")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line: generate with --pages/--out, or change a corpus with --mutate."""
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic corpus of city-government pages, "
        "or mutate one in place to measure incremental runs.",
        epilog="example: python bench/generate_corpus.py --pages 10000 --out /tmp/corpus\n"
        "         python bench/generate_corpus.py --mutate /tmp/corpus --share 0.01 --seed 8",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pages", type=int, metavar="N", help="number of pages to write")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="folder to write into (subfolders of 1000 files)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help="same seed, same bytes; with --mutate, the seed of the changes (default 7)")
    parser.add_argument("--en-share", type=share_argument, default=DEFAULT_EN_SHARE, metavar="F",
                        help="share of English pages, the rest Korean (default 0.6)")
    parser.add_argument("--html-share", type=share_argument, default=DEFAULT_HTML_SHARE, metavar="F",
                        help="share of HTML documents, the rest text dumps (default 0.3)")
    parser.add_argument("--dirty-share", type=share_argument, default=DEFAULT_DIRTY_SHARE, metavar="F",
                        help="share of dirty pages: empty, chrome only, binary, CP949, one long line "
                        "(default 0.01)")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N",
                        help="processes writing folders in parallel; the files do not depend on it "
                        f"(default: the number of CPUs, at most {MAX_DEFAULT_WORKERS})")
    parser.add_argument("--rescrape-share", type=share_argument, default=0.0, metavar="F",
                        help="share of pages saved twice, the second time with more views (default 0)")
    parser.add_argument("--syndicate-share", type=share_argument, default=0.0, metavar="F",
                        help="share of pages whose article also appears under another site's chrome "
                        f"(default 0); the truth goes to <out>/{TRUTH_FILE}")
    parser.add_argument("--force", action="store_true", help="write into a non-empty --out folder")
    parser.add_argument("--mutate", type=Path, metavar="DIR",
                        help="instead of generating, edit/delete/add pages of an existing corpus in DIR")
    parser.add_argument("--share", type=share_argument, default=DEFAULT_MUTATE_SHARE, metavar="F",
                        help="with --mutate: share of files to edit (default 0.01)")
    return parser


def run_generate(args: argparse.Namespace) -> int:
    """Write the corpus and print one summary line; 2 on a usage error."""
    if args.pages is None or args.out is None or args.pages < 0:
        print("error: give --pages N (N >= 0) and --out DIR, or --mutate DIR.", file=sys.stderr)
        return 2
    if args.out.exists() and any(args.out.iterdir()) and not args.force:
        print(f"error: {args.out} is not empty; choose another --out or pass --force.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        total_bytes = write_corpus(args.out, args.pages, args.seed, args.en_share, args.html_share,
                                   args.dirty_share, workers=args.workers, rescrape_share=args.rescrape_share,
                                   syndicate_share=args.syndicate_share)
    except ValueError as error:
        print(f"error: {error}; leave --en-share, --html-share and --dirty-share at their defaults.",
              file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"wrote {args.pages} pages ({total_bytes / 1e6:.1f} MB) to {args.out} in {elapsed:.1f} s")
    return 0


def run_mutate(args: argparse.Namespace) -> int:
    """Mutate the corpus and print what changed, one 'M|D|A path' line per file."""
    if not args.mutate.is_dir():
        print(f"error: {args.mutate} is not a folder; give the --out folder of a generated corpus.",
              file=sys.stderr)
        return 2
    report = mutate_corpus(args.mutate, args.share, args.seed)
    print(f"mutated {args.mutate}: {len(report.edited)} edited, {len(report.deleted)} deleted, "
          f"{len(report.added)} added")
    for flag, names in (("M", report.edited), ("D", report.deleted), ("A", report.added)):
        for name in names:
            print(f"{flag} {name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.mutate is not None:
        return run_mutate(args)
    return run_generate(args)


if __name__ == "__main__":
    sys.exit(main())
