"""transforms/rules.py: named whole-line chrome rules, and the article sentences they must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage
from cityclips.transforms.rules import LINE_RULES, MAX_CHROME_LINE_CHARS, match_line_rule

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)
RULE_NAMES = {rule.name for rule in LINE_RULES} | {"menu"}


@pytest.mark.parametrize("line, rule", [
    ("Shortcut to the text", "skip_link"),
    ("Skip to main content", "skip_link"),
    ("본문 바로가기", "skip_link"),
    ("본문바로가기", "skip_link"),
    ("주메뉴 바로가기", "skip_link"),
    ("Gwangju city", "site_name"),
    ("Gwangju Metropolitan City", "site_name"),
    ("Daejeon Metropolitan City Hall", "site_name"),
    ("광주광역시", "site_name"),
    ("광주광역시청", "site_name"),
    ("청주시", "site_name"),
    ("모바일메뉴 열기", "menu"),
    ("전체메뉴", "menu"),
    ("전체 메뉴 닫기", "menu"),
    ("Open the menu", "menu"),
    ("Sitemap", "menu"),
    ("로그인", "menu"),
    ("page print", "button"),
    ("page download", "button"),
    ("Print", "button"),
    ("목록", "button"),
    ("목록으로", "button"),
    ("인쇄", "button"),
    ("인쇄하기", "button"),
    ("페이스북", "button"),
    ("이 페이지에서 제공하는 정보에 만족하십니까?", "survey"),
    ("Are you satisfied with the information on this page?", "survey"),
    ("매우 만족", "survey"),
    ("만족도 조사", "survey"),
    ("Copyright © Gwangju Metropolitan City. All rights reserved.", "copyright"),
    ("COPYRIGHT(C) GWANGJU METROPOLITAN CITY", "copyright"),
    ("ⓒ 광주광역시. 무단 전재 및 재배포 금지", "copyright"),
    ("Copyright 2023 Gwangju Metropolitan City", "copyright"),
    ("(61945) 광주광역시 서구 내방로 111 (치평동)", "address_footer"),
    ("Address: 111 Naebang-ro, Seo-gu, Gwangju, Korea.", "address_footer"),
    ("TEL 062-120", "address_footer"),
    ("최종수정일 : 2023-05-02", "updated"),
    ("Attachment Full (compressed) Download", "attachment_button"),
    ("첨부파일 전체 다운로드", "attachment_button"),
])
def test_chrome_line_is_matched_by_its_rule(line: str, rule: str) -> None:
    assert match_line_rule(line) == rule


@pytest.mark.parametrize("line", [
    "page print page download",
    "인쇄 목록",
    "로그인 | 회원가입 | 사이트맵",
])
def test_a_row_of_chrome_items_is_a_menu(line: str) -> None:
    assert match_line_rule(line) == "menu"


@pytest.mark.parametrize("line", [
    # sentences that merely mention print, 목록, menu, the city ...
    "The city will print 10,000 copies of the guide.",
    "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다.",
    "The menu at the festival includes local food.",
    "Gwangju city will open a new AI center in 2024.",
    "목록에 오른 사업은 총 20개다.",
    "인쇄소 지원 사업을 확대한다.",
    "The mayor asked citizens to share their opinions on the plan.",
    "Search and rescue teams were deployed.",
    "Next year the city will add 20 buses.",
    # ... surveys, copyright, addresses and phone numbers in prose
    "시민 만족도 조사 결과 85%가 만족한다고 답했다.",
    "Mayor Lee said citizens were satisfied with the new buses.",
    "The survey asked: was this information helpful to residents? Most said yes.",
    "Copyright law protects artists, the mayor said, and the city will respect it.",
    "시는 불법 소프트웨어 무단 복제를 단속하겠다고 밝혔다.",
    "광주광역시 서구 치평동 일대에서 23일 축제가 열린다.",
    "광주광역시 북구 용봉동에서 12일 화재가 발생했다.",
    "The festival will be held at 111 Naebang-ro, Seo-gu, from May 3 to 5.",
    "Residents can report by phone 062-120-1234 any time.",
    # headings and words that look like a site name but are not one
    "Smart City",
    "The City",
    "당시",
    "도시",
    "전시",
    "Print this.",
    "Seventh, Gwangju is setting the foundations to be the safest city in country.",
])
def test_article_text_is_not_chrome(line: str) -> None:
    assert match_line_rule(line) is None


def test_rules_match_whole_lines_only() -> None:
    for chrome in ("page print", "목록", "본문 바로가기", "Gwangju city", "전체메뉴"):
        assert match_line_rule(chrome) is not None
        assert match_line_rule(f"Please see the {chrome} section for details.") is None
        assert match_line_rule(f"{chrome}에 관한 안내는 다음과 같다.") is None


def test_spacing_around_and_inside_a_line_does_not_matter() -> None:
    assert match_line_rule("  인쇄  ") == "button"
    assert match_line_rule("page\tprint") == "button"
    assert match_line_rule("모바일메뉴   열기") == "menu"


def test_empty_and_blank_lines_match_nothing() -> None:
    assert match_line_rule("") is None
    assert match_line_rule(" \t ") is None


def test_long_lines_are_article_text_whatever_they_contain() -> None:
    line = "Copyright © Gwangju Metropolitan City. " + "All rights reserved. " * 12
    assert len(line) > MAX_CHROME_LINE_CHARS
    assert match_line_rule(line) is None


SEED_CHROME = {("Shortcut to the text", "skip_link"), ("Gwangju city", "site_name"), ("모바일메뉴 열기", "menu"),
               ("page print", "button"), ("page download", "button"),
               ("Attachment Full (compressed) Download", "attachment_button")}


def test_every_seed_chrome_line_is_named() -> None:
    """Each chrome line of the seed pages is removed from its page under its rule's name."""
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    documents = process_pages([RawPage(p.name, p.read_bytes(), "text") for p in seeds])
    named = set()
    for path, document in zip(seeds, documents):
        removed = {(r.text, r.rule) for r in document.removed}
        for block in text_blocks(path.read_text(encoding="utf-8")):  # lines without their list markers
            rule = match_line_rule(block.text)
            if rule is not None:
                assert (block.text, rule) in removed, (path.name, block.text)
                named.add((block.text, rule))
    assert named == SEED_CHROME


# --- properties -----------------------------------------------------------------------------------

@PROPERTY
@given(st.text(max_size=250))
def test_match_line_rule_never_raises_and_names_a_known_rule(text: str) -> None:
    assert match_line_rule(text) in RULE_NAMES | {None}


CHROME_WORDS = ["print", "page print", "목록", "인쇄", "menu", "전체메뉴", "share", "공유", "download", "Gwangju city",
                "광주광역시", "copyright", "만족도 조사", "satisfied with the", "search", "검색", "Top", "Home",
                "062-613-2321", "tel 062-120-1234", "서구 내방로 111"]
SUBJECTS_EN = ["The city", "Mayor Lee", "Residents", "The council"]
SUBJECTS_KO = ["광주시는", "이용섭 시장은", "시민들은", "시의회는"]


@PROPERTY
@given(st.sampled_from(SUBJECTS_EN), st.sampled_from(CHROME_WORDS),
       st.sampled_from(["will expand next year.", "was announced on Monday.", "drew 3,000 visitors."]))
def test_english_sentence_mentioning_chrome_words_is_kept(subject: str, word: str, ending: str) -> None:
    assert match_line_rule(f"{subject} said the {word} {ending}") is None


@PROPERTY
@given(st.sampled_from(SUBJECTS_KO), st.sampled_from(CHROME_WORDS),
       st.sampled_from(["관련 사업을 확대한다고 밝혔다.", "계획을 23일 발표했다.", "개선을 추진한다."]))
def test_korean_sentence_mentioning_chrome_words_is_kept(subject: str, word: str, ending: str) -> None:
    assert match_line_rule(f"{subject} {word} {ending}") is None


def test_a_recurring_events_next_date_is_its_schedule_not_a_next_article_link() -> None:
    from cityclips.transforms.rules import match_line_rule
    assert match_line_rule("Next date: Saturday, April 11, 2026 | 02:00 PM to 04:00 PM") is None
    assert match_line_rule("Next meeting: Tuesday, May 5, 2026") is None
    assert match_line_rule("Next   Gadeokdo Airport Plan Finalized") == "prev_next"
    assert match_line_rule("다음글 : 2026년 시민안전보험 안내") == "prev_next"


# --- round 9 (body9): licence notices, login prompts and empty boxes ---------------------------------

@pytest.mark.parametrize("line, rule", [
    # f213, f214: KOGL's licence notice under a Korean public page, and its English counterpart
    ('본 공공저작물은 공공누리 제4유형: "출처표시" + 상업적 이용 및 변경 금지 조건에 따라 이용할 수 있습니다.', "licence"),
    ('본 저작물은 "공공누리 제3유형 : 출처표시 | 상업적, 비상업적 이용가능 | 변형 등 2차적 저작물 작성 금지" 조건에 따라 이용할 수 '
     '있습니다.', "licence"),
    ("- 누리집 저작권 정책 참조 : 저작권정책 보기", "licence"),
    ("공공누리 제4유형", "licence"),
    ("This work is licensed under a Creative Commons Attribution 4.0 International License.", "licence"),
    ("Content on this site is available under the Open Government Licence v3.0.", "licence"),
    # f218: a widget asking the reader to log in
    ("로그인이 필요합니다.", "login_prompt"),
    ("로그인 후 이용하실 수 있습니다.", "login_prompt"),
    ("Please log in to comment.", "login_prompt"),
    ("You must be logged in to post a review.", "login_prompt"),
    # f218, r111, r107: an empty box's message
    ("등록된 후기가 없습니다.", "empty_state"),
    ("진행 중인 채용 공고가 없습니다.", "empty_state"),
    ("등록된 질의 및 의견 목록이 없습니다.", "empty_state"),
    ("No comments yet.", "empty_state"),
    ("There are no reviews.", "empty_state"),
])
def test_licence_login_and_empty_box_lines(line: str, rule: str) -> None:
    assert match_line_rule(line) == rule


@pytest.mark.parametrize("line", [
    "시는 공공누리 제1유형으로 사진 500장을 개방했다.",  # news about the licence, a sentence
    "저작권 정책을 강화했다.",
    "The Creative Commons licence lets anyone reuse the photos, the city said.",
    "What is Creative Commons?",  # a heading on a page about the licence
    "공공누리란?",
    "No Meeting",  # r316: a schedule's month without a meeting is the schedule's fact
    "There is no charge for admission.",
    "로그인 기록은 3개월간 보관됩니다.",
    "회의록이 없습니다.",  # no 'registered ...' / 'in progress' opening: a statement, not an empty box
])
def test_sentences_about_licences_logins_and_absence_are_not_chrome(line: str) -> None:
    assert match_line_rule(line) is None
