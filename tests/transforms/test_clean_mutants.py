"""transforms/clean.py at its edges (issue 19): what the cleaned page shows a reader (body, captions, title,
category, dates, and the rule recorded for every removed line), in Korean and English.

The pages are small block lists as html.py and blocks.py emit them. Each test asserts what comes out of
clean_blocks, never how it is computed, so a changed rule that keeps the behaviour keeps the test green.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import Block

PATH = "body/div.article/p"


def _p(n: int, text: str, hint: str = "p", **fields) -> Block:
    """An HTML block of the page's main content (fields: blank_before, excluded_by, dom_path, depth, marker)."""
    fields.setdefault("dom_path", PATH)
    return Block(n, text, hint, **fields)


def _clean(blocks, source_format: str = "html", **options):
    return clean_blocks("p.html" if source_format == "html" else "p.txt", source_format, blocks, **options)


def _rules(page) -> dict[str, str]:
    return {line.text: line.rule for line in page.removed}


def _body(page) -> list[str]:
    return [block.text for block in page.body]


EN_BODY = "The city opened thirty new parks on Saturday and plans ten more next year, officials said."
KO_BODY = "광주시는 토요일 새 공원 30곳을 열었으며 내년에 10곳을 더 열 계획이라고 밝혔다."


# --- captions --------------------------------------------------------------------------------------

@pytest.mark.parametrize("hint, source_format", [("p", "html"), ("line", "text")])
def test_a_doubled_caption_line_becomes_caption_blocks_in_the_body(hint, source_format):
    doubled = "City Hall at nightCity Hall at night광주시청 전경광주시청 전경"
    blocks = [Block(1, "Thirty new parks open", "heading" if hint == "p" else "line", dom_path=PATH if hint == "p" else ""),
              Block(2, EN_BODY, hint, dom_path=PATH if hint == "p" else ""),
              Block(3, doubled, hint, blank_before=True, dom_path=PATH if hint == "p" else ""),
              Block(4, KO_BODY, hint, dom_path=PATH if hint == "p" else "")]
    page = _clean(blocks, source_format)
    assert page.captions == ("City Hall at night", "광주시청 전경")
    captions = [b for b in page.body if b.hint == "caption"]
    assert [(b.line_no, b.text, b.depth, b.marker, b.blank_before) for b in captions] == [
        (3, "City Hall at night", 0, "", True), (3, "광주시청 전경", 0, "", True)]
    assert _body(page) == [EN_BODY, "City Hall at night", "광주시청 전경", KO_BODY]


def test_a_doubled_list_item_or_heading_is_not_split_into_captions():
    doubled = "City Hall at nightCity Hall at night"
    page = _clean([_p(1, "Thirty new parks open", "heading"), _p(2, EN_BODY), _p(3, doubled, "li", marker="•"),
                   _p(4, doubled, "heading")])
    assert page.captions == ()
    assert [b.hint for b in page.body if b.text == doubled] == ["li", "heading"]


def test_an_image_caption_said_twice_in_a_row_is_kept_once_but_a_later_repeat_is_kept():
    page = _clean([_p(1, "Thirty new parks open", "heading"), _p(2, "Mudeung Park", "caption"),
                   _p(3, "Mudeung Park", "caption"), _p(4, EN_BODY), _p(5, "무등산 설경", "caption"),
                   _p(6, "Mudeung Park", "caption"), _p(7, KO_BODY)])
    assert page.captions == ("Mudeung Park", "무등산 설경", "Mudeung Park")
    assert _body(page) == ["Mudeung Park", EN_BODY, "무등산 설경", "Mudeung Park", KO_BODY]
    assert [b.line_no for b in page.body if b.hint == "caption"] == [2, 5, 6]


def test_removed_lines_never_reach_the_captions():
    page = _clean([_p(1, "Thirty new parks open", "heading"), _p(2, EN_BODY),
                   _p(3, "Mudeung Park", "caption", excluded_by="outside_region")])
    assert page.captions == () and "Mudeung Park" not in _body(page)
    assert _rules(page)["Mudeung Park"] == "outside_region"


# --- title source ----------------------------------------------------------------------------------

@pytest.mark.parametrize("hint, source", [("title", "heading"), ("heading", "heading"), ("cell", "board_table"),
                                          ("p", "text_line")])
def test_the_title_source_says_what_kind_of_line_the_title_was(hint, source):
    blocks = [_p(1, "Thirty new parks open this weekend", hint), _p(2, EN_BODY), _p(3, KO_BODY)]
    meta = _clean(blocks).metadata
    assert (meta.title, meta.title_source) == ("Thirty new parks open this weekend", source)


def test_a_text_dumps_title_line_is_a_text_line():
    meta = _clean(text_blocks(f"광주시, 새 공원 30곳 개장\n\n{KO_BODY}\n"), "text").metadata
    assert (meta.title, meta.title_source) == ("광주시, 새 공원 30곳 개장", "text_line")


# --- related lists ---------------------------------------------------------------------------------

def _related_page(header: str, after: list[Block]) -> list[Block]:
    return [_p(1, "Thirty new parks open", "heading"), _p(2, EN_BODY), _p(3, KO_BODY), _p(4, header), *after]


@pytest.mark.parametrize("header", ["Related News", "related articles:", "More news", "관련 기사", "관련뉴스",
                                    "다른 기사", "함께 보면 좋은 글"])
def test_a_related_header_and_its_list_of_links_are_removed(header):
    page = _clean(_related_page(header, [_p(5, "Parks open in Seoul", "li", blank_before=True),
                                         _p(6, "서울 공원 개장", "li", blank_before=True),
                                         _p(7, "Busan adds bike lanes")]))
    rules = _rules(page)
    assert [rules.get(t) for t in (header, "Parks open in Seoul", "서울 공원 개장", "Busan adds bike lanes")] == \
        ["related"] * 4
    assert _body(page) == [EN_BODY, KO_BODY]


def test_a_related_list_ends_at_a_paragraph_after_a_blank_line():
    page = _clean(_related_page("Related News", [_p(5, "Parks open in Seoul", blank_before=True),
                                                 _p(6, "Busan adds bike lanes"),
                                                 _p(7, "Contact the parks office for more.", blank_before=True)]))
    rules = _rules(page)
    assert rules["Parks open in Seoul"] == rules["Busan adds bike lanes"] == "related"
    assert "Contact the parks office for more." in _body(page)


def test_a_related_list_ends_at_a_long_line_and_at_the_regions_edge():
    line = ("A" * 199) + "."
    page = _clean(_related_page("관련 기사", [_p(5, line), _p(6, "x" * 201), _p(7, "서울 공원 개장")]))
    rules = _rules(page)
    assert rules[line] == "related"  # 200 characters: still a link line
    assert "x" * 201 in _body(page) and "서울 공원 개장" in _body(page)
    page = _clean(_related_page("관련 기사", [_p(5, "서울 공원 개장"), _p(6, "부산 자전거길", excluded_by="outside_region"),
                                            _p(7, "대구 도서관 개관")]))
    rules = _rules(page)
    assert rules["서울 공원 개장"] == "related" and rules["부산 자전거길"] == "outside_region"
    assert "대구 도서관 개관" in _body(page)


def test_a_related_header_outside_the_region_takes_nothing_and_later_headers_still_count():
    page = _clean([_p(1, "Thirty new parks open", "heading"), _p(2, "Related News", excluded_by="outside_region"),
                   _p(3, EN_BODY), _p(4, KO_BODY), _p(5, "관련 기사"), _p(6, "서울 공원 개장")])
    rules = _rules(page)
    assert rules["Related News"] == "outside_region" and EN_BODY in _body(page)
    assert rules["관련 기사"] == rules["서울 공원 개장"] == "related"


def test_a_line_of_a_related_list_that_another_rule_named_keeps_that_rule():
    page = _clean(_related_page("Related News", [_p(5, "Copyright 2024 Suwon City. All rights reserved."),
                                                 _p(6, "Parks open in Seoul")]))
    rules = _rules(page)
    assert rules["Copyright 2024 Suwon City. All rights reserved."] == "copyright"
    assert rules["Parks open in Seoul"] == "related"


# --- headline choice ---------------------------------------------------------------------------------

def test_an_html_page_whose_first_line_is_a_long_sentence_has_no_title_from_its_text():
    prose = ("The city opened thirty new parks on Saturday, and the mayor said that ten more would follow next "
             "year in the districts that have the fewest green spaces today")
    assert len(prose) + 1 > 150
    page = _clean([_p(1, prose + "."), _p(2, KO_BODY)])
    assert page.metadata.title is None and _body(page)[0] == prose + "."
    short = "The city opened thirty new parks on Saturday, and the mayor said that ten more would follow."
    assert len(short) <= 150
    assert _clean([_p(1, short), _p(2, KO_BODY)]).metadata.title == short  # a headline-length first line


def test_a_long_korean_first_paragraph_ending_as_a_sentence_is_no_title():
    prose = "광주시는 " + "시민 누구나 가까운 곳에서 쉴 수 있도록 공원을 늘리는 사업을 " * 9 + "추진한다고 밝혔다"
    assert len(prose) > 300
    page = _clean([_p(1, prose), _p(2, EN_BODY)])
    assert page.metadata.title is None
    unended = prose[:-3] + " 계획"  # no sentence ending: the text's first line stays its title
    assert _clean([_p(1, unended), _p(2, EN_BODY)]).metadata.title == unended


def test_a_text_dumps_first_line_is_its_title_even_when_long():
    prose = "광주시는 " + "시민 누구나 가까운 곳에서 쉴 수 있도록 공원을 늘리는 사업을 " * 9 + "추진한다고 밝혔다"
    page = _clean([Block(1, prose), Block(2, KO_BODY)], "text")
    assert page.metadata.title == prose


# --- templates and digits ----------------------------------------------------------------------------

def _templated(lines: list[str], templates: list[str]):
    from cityclips.transforms.template import block_signatures, line_signature
    blocks = [_p(1, "Board of Ethics Meeting", "heading")] + [_p(n, t) for n, t in enumerate(lines, 2)] + \
        [_p(90, EN_BODY), _p(91, KO_BODY), _p(92, EN_BODY + " Again."), _p(93, KO_BODY + " 다시.")]
    page = _clean(blocks, templates=frozenset(line_signature(t) for t in templates),
                  signatures=block_signatures(blocks))
    return page


def test_a_recurring_line_a_quarter_of_whose_characters_are_digits_is_kept_as_the_pages_fact():
    # 'Room 2B 1x' is 8 non-space characters, 2 of them digits: 25%; 'Room AB 1xy' 1 of 9
    page = _templated(["Room 2B 1x", "Room AB 1xy", "Subscribe to our newsletter"],
                      ["Room 7B 3x", "Room AB 7xy", "Subscribe to our newsletter"])
    assert "Room 2B 1x" in _body(page)
    rules = _rules(page)
    assert rules["Room AB 1xy"] == "template" and rules["Subscribe to our newsletter"] == "template"


def test_template_lines_are_removed_when_no_signatures_are_given():
    from cityclips.transforms.template import line_signature
    blocks = [_p(1, "Board of Ethics Meeting", "heading"), _p(2, "Subscribe to our newsletter"), _p(3, EN_BODY),
              _p(4, KO_BODY)]
    page = _clean(blocks, templates=frozenset({line_signature("Subscribe to our newsletter")}))
    assert _rules(page)["Subscribe to our newsletter"] == "template"


# --- category, section and title repeats -----------------------------------------------------------

META = "Name : admin Date : 2024-01-05 10:00 5"


def _dump(above: str) -> str:
    """A text dump: lines above the headline, the headline over its metadata line, the body."""
    return f"{above}\n\nNight market opens\n{META}\n\n{EN_BODY}\n"


def test_a_short_line_above_the_title_of_a_text_dump_is_its_category_and_the_rest_above_is_header():
    page = _clean(text_blocks(_dump("Skip to content\nLantern parade notes\nPress releases")), "text")
    assert (page.metadata.title, page.metadata.category) == ("Night market opens", "Press releases")
    rules = _rules(page)
    assert rules["Press releases"] == "category" and rules["Lantern parade notes"] == "before_title"
    assert rules["Skip to content"] == "skip_link"


@pytest.mark.parametrize("above", ["Visit Suwon, the heart of Gyeonggi and its fortress walls",
                                   "One two three four five six", "Press releases, news,"])
def test_a_long_or_wordy_or_unfinished_line_above_the_title_is_no_category(above):
    page = _clean(text_blocks(_dump(above)), "text")
    assert page.metadata.title == "Night market opens"
    assert page.metadata.category is None and _rules(page)[above] == "before_title"


@pytest.mark.parametrize("above, category", [
    ("News of the city hall", "News of the city hall"),  # five words
    ("News of the city hall today", None),  # six
    ("보도자료" * 10, "보도자료" * 10),  # forty characters
    ("보도자료" * 10 + "가", None),  # forty-one
])
def test_a_category_has_at_most_five_words_and_forty_characters(above, category):
    page = _clean(text_blocks(_dump(above)), "text")
    assert page.metadata.title == "Night market opens" and page.metadata.category == category


def test_a_section_name_recurring_on_the_sites_pages_is_still_the_category():
    from cityclips.transforms.template import block_signatures, line_signature
    blocks = text_blocks(_dump("Lantern parade notes\n보도자료"))
    page = _clean(blocks, "text", templates=frozenset({line_signature("보도자료")}), signatures=block_signatures(blocks))
    assert page.metadata.category == "보도자료" and _rules(page)["보도자료"] == "category"


def test_the_category_is_the_nearest_unruled_line_above_the_title_and_a_long_one_ends_the_search():
    page = _clean(text_blocks(_dump("Press releases\nCopyright 2024 Suwon City. All rights reserved.")), "text")
    assert page.metadata.category == "Press releases"
    assert _rules(page)["Copyright 2024 Suwon City. All rights reserved."] == "copyright"
    page = _clean(text_blocks(_dump("Press releases\nThe night market of Suwon opens again in its old place")), "text")
    assert page.metadata.category is None


def test_the_title_repeated_as_one_body_line_is_removed_and_a_partial_repeat_is_kept():
    page = _clean([_p(1, "Night market opens", "heading"), _p(2, "Night market opens!"), _p(3, EN_BODY)])
    assert _rules(page)["Night market opens!"] == "title_repeat" and _body(page) == [EN_BODY]
    page = _clean([_p(1, "Night market opens", "heading"), _p(2, "Night market"), _p(3, EN_BODY)])
    assert _body(page) == ["Night market", EN_BODY]


def test_a_title_repeat_is_looked_for_only_near_the_top_of_the_body():
    near = [_p(n, f"{EN_BODY} ({n})") for n in range(2, 9)]  # seven body lines, then the repeat: the eighth
    page = _clean([_p(1, "Night market opens", "heading"), *near, _p(9, "Night market opens"), _p(10, KO_BODY)])
    assert _rules(page).get("Night market opens") == "title_repeat"
    far = [_p(n, f"{EN_BODY} ({n})") for n in range(2, 10)]  # eight body lines: the repeat is the ninth
    page = _clean([_p(1, "Night market opens", "heading"), *far, _p(10, "Night market opens"), _p(11, KO_BODY)])
    assert "Night market opens" in _body(page)


def test_a_section_name_near_the_title_is_removed_as_category_within_eight_lines():
    crumb = _p(1, "Home > News > Press releases", "p")
    lines = [_p(n, f"{EN_BODY} ({n})") for n in range(3, 10)]
    page = _clean([crumb, _p(2, "Night market opens", "heading"), *lines, _p(10, "Press releases"),
                   _p(11, "Press releases")])
    rules = _rules(page)
    assert rules["Home > News > Press releases"] == "breadcrumb"
    assert page.metadata.category == "Press releases"
    # the line eight after the title is the section repeated; the ninth is out of reach
    assert [r.rule for r in page.removed if r.text == "Press releases"] == ["category"]
    assert _body(page).count("Press releases") == 1


# --- dates, contacts, attachments ----------------------------------------------------------------------

def test_a_dateline_below_the_title_dates_the_page_and_a_metadata_date_wins_over_it():
    page = _clean([_p(1, "Seoul opens 30 new parks", "heading"), _p(2, "SEOUL, Dec. 6, 2025"), _p(3, EN_BODY)])
    meta = page.metadata
    assert (meta.published_at, meta.published_at_source) == (datetime(2025, 12, 6), "byline")
    page = _clean(text_blocks(f"Seoul opens 30 new parks\n\nSEOUL, Dec. 6, 2025\n\nName : admin Date : 2024-01-05 10:00 5\n\n"
                              f"{EN_BODY}\n"), "text")
    assert page.metadata.published_at == datetime(2024, 1, 5, 10, 0)
    assert page.metadata.published_at_source != "byline"


def test_a_dateline_two_lines_from_the_title_is_not_the_pages_date():
    page = _clean([_p(1, "SEOUL, Dec. 6, 2025"), _p(2, "Parks office"), _p(3, "Seoul opens 30 new parks", "heading"),
                   _p(4, EN_BODY), _p(5, "SEOUL, Dec. 7, 2025")])
    assert page.metadata.published_at is None


def test_a_page_without_contact_or_attachments_says_so():
    meta = _clean([_p(1, "Night market opens", "heading"), _p(2, EN_BODY)]).metadata
    assert (meta.contact_department, meta.contact_phone, meta.attachments) == (None, None, ())
    assert (meta.author, meta.author_source, meta.published_at_source, meta.modified_at_source,
            meta.department_source) == (None, None, None, None, None)


def test_long_lines_are_never_read_as_contact_or_attachment_lines():
    long_contact = "담당부서 : 교통정책과 ☎ 062-613-4321 " + "안내 " * 60
    assert len(long_contact) > 200
    page = _clean(text_blocks(f"광주시, 시내버스 노선 개편\n\n{long_contact}\n\n{KO_BODY}\n"), "text")
    assert page.metadata.contact_phone is None and long_contact.strip() in _body(page)


def test_a_section_name_at_a_chrome_dom_path_above_the_headline_is_the_category():
    from cityclips.transforms.template import block_signatures, dom_path_signature
    blocks = [_p(1, "Press releases", dom_path="body/div.section-name/p"), _p(2, "Night market opens", "heading"),
              _p(3, EN_BODY), _p(4, KO_BODY)]
    page = _clean(blocks, templates=frozenset({dom_path_signature("body/div.section-name/p")}),
                  signatures=block_signatures(blocks))
    assert (page.metadata.title, page.metadata.category) == ("Night market opens", "Press releases")
    assert _rules(page)["Press releases"] == "category"


def test_a_one_line_page_is_its_title_with_no_date():
    page = _clean([_p(1, "Night market opens", "heading")])
    assert (page.metadata.title, page.metadata.published_at, page.body) == ("Night market opens", None, ())


def test_a_dateline_at_the_end_of_the_page_does_not_date_a_title_at_its_top():
    page = _clean([_p(1, "Seoul opens 30 new parks", "heading"), _p(2, EN_BODY), _p(3, "SEOUL, Dec. 7, 2025")])
    assert page.metadata.title == "Seoul opens 30 new parks" and page.metadata.published_at is None


def test_metadata_lines_are_recorded_as_metadata_and_attachments_in_them_are_numbered_in_order():
    row = "조회수 : 1,507 첨부 : 상품권_가맹점_현황.xls [size: 1.32 MB, Download: 63] 안내문.hwp [size: 20 KB, Download: 5]"
    page = _clean(text_blocks(f"광주시, 상품권 가맹점 모집\n작성자 : 대변인실 등록일 : 2022-03-14\n{row}\n\n{KO_BODY}\n"), "text")
    meta = page.metadata
    assert [(a.ordinal, a.name) for a in meta.attachments] == [(1, "상품권_가맹점_현황.xls"), (2, "안내문.hwp")]
    rules = _rules(page)
    assert rules[row] == "metadata" and rules["작성자 : 대변인실 등록일 : 2022-03-14"] == "metadata"
    assert meta.title == "광주시, 상품권 가맹점 모집" and meta.author == "대변인실"


def test_a_page_with_nothing_in_its_main_content_still_gets_its_headline_from_above_it():
    page = _clean([_p(1, "Night market opens", "heading", excluded_by="outside_region"),
                   _p(2, EN_BODY, excluded_by="outside_region")])
    assert page.metadata.title == "Night market opens" and page.body == ()
    assert _rules(page)[EN_BODY] == "outside_region"


@pytest.mark.parametrize("line, author, department", [
    ("작성자 : 홍길동 담당부서 : 공원녹지과 등록일 : 2024-01-05", "홍길동", "공원녹지과"),
    ("Author : Kim Min-ji Department : Parks Office Date : 2024-01-05", "Kim Min-ji", "Parks Office"),
])
def test_a_metadata_line_gives_author_department_and_date_with_their_source(line, author, department):
    page = _clean(text_blocks(f"Thirty new parks open\n{line}\n\n{EN_BODY}\n"), "text")
    meta = page.metadata
    assert (meta.author, meta.department, meta.published_at) == (author, department, datetime(2024, 1, 5))
    assert meta.author_source == meta.department_source == meta.published_at_source == "text_line"
    assert meta.modified_at is None and meta.modified_at_source is None
    assert _rules(page)[line] == "metadata"


def test_the_section_named_again_above_the_headline_is_removed_as_the_category():
    from cityclips.transforms.pipeline import page_blocks
    from cityclips.transforms.records import RawPage
    for crumb, section, headline, text in (
            ("홈 > 촬영영상 > 클립본(원본) > 상세페이지", "클립본(원본)", "20251217 중계_산업통상부 업무보고 원샷 녹취", KO_BODY),
            ("Home > Media > Video clips > Detail", "Video clips", "Minister presents the 2026 work plan in Sejong", EN_BODY)):
        html = (f"<html><head><title>Archive</title></head><body><nav class='location'>{crumb.replace(' > ', ' &gt; ')}"
                f"</nav><h2>{section}</h2><div class='view'><h2>{headline}</h2><p>{text} {text}</p></div></body></html>")
        blocks, removed, title = page_blocks(RawPage("p.html", html.encode(), "html"))[:3]
        page = clean_blocks("p.html", "html", blocks, html_title=title, removed_markup=removed)
        assert (page.metadata.title, page.metadata.category) == (headline, section)
        assert _rules(page)[section] == "category" and section not in _body(page)


def test_a_text_dumps_line_above_the_headline_that_repeats_a_breadcrumb_step_is_its_section():
    page = _clean(text_blocks(f"홈 > 촬영영상 > 클립본(원본) > 상세페이지\n클립본(원본)\n\n산업통상부 업무보고 원샷 녹취\n"
                              f"작성자 : 홍길동 등록일 : 2024-01-05\n\n{KO_BODY}\n"), "text")
    assert (page.metadata.title, page.metadata.category) == ("산업통상부 업무보고 원샷 녹취", "클립본(원본)")
    assert _rules(page)["클립본(원본)"] == "category"


def test_the_line_above_a_metadata_line_is_the_title_up_to_the_longest_title():
    longest = ("공원 조성 사업 안내와 " * 40)[:299] + "끝"
    assert len(longest) == 300
    for line, expected in ((longest, longest), (longest + "끝", "공원 소식")):
        page = _clean(text_blocks(f"공원 소식\n{line}\n작성자 : 홍길동 등록일 : 2024-01-05\n\n{KO_BODY}\n"), "text")
        assert page.metadata.title == expected


@pytest.mark.parametrize("hint", ["title", "heading", "p"])
def test_a_section_name_above_the_headline_markup_confirms_is_the_category_whatever_its_tag(hint):
    headline = "Minister presents the 2026 work plan in Sejong"
    blocks = [_p(1, "Home > Media > Video clips > Detail", dom_path="body/nav/p"),
              _p(2, "Video clips", hint, dom_path="body/div.top/h1"), _p(3, headline, "heading"), _p(4, EN_BODY)]
    page = _clean(blocks, title_hints=(("og:title", headline),))
    assert (page.metadata.title, page.metadata.category) == (headline, "Video clips")
    assert _rules(page)["Video clips"] == "category"


def test_the_headline_is_in_the_metadata_not_among_the_removed_lines():
    page = _clean([_p(1, "Night market opens", "heading"), _p(2, EN_BODY)])
    assert page.metadata.title == "Night market opens"
    assert "Night market opens" not in _rules(page) and "Night market opens" not in _body(page)


def test_a_section_name_above_the_headline_is_found_past_a_removed_line():
    headline = "Minister presents the 2026 work plan in Sejong"
    blocks = [_p(1, "Home > Media > Video clips > Detail", dom_path="body/nav/p"),
              _p(2, "Video clips", "heading", dom_path="body/div.top/h2"),
              _p(3, "Skip to content", dom_path="body/div.top/p"), _p(4, headline, "heading"), _p(5, EN_BODY)]
    page = _clean(blocks, title_hints=(("og:title", headline),))
    assert (page.metadata.title, page.metadata.category) == (headline, "Video clips")
    assert _rules(page)["Skip to content"] == "skip_link"


def test_the_section_name_far_above_the_headline_stays_in_the_body():
    body = [_p(n, f"{EN_BODY} ({n})") for n in range(3, 12)]  # nine paragraphs between it and the headline
    page = _clean([_p(1, "Home > News > Press releases", dom_path="body/nav/p"), _p(2, "Press releases"), *body,
                   _p(12, "Night market opens", "title"), _p(13, KO_BODY), _p(14, "Press releases")])
    assert page.metadata.title == "Night market opens"
    assert _body(page)[0] == "Press releases"  # nine lines above: out of reach
    assert "Press releases" not in _body(page)[1:]  # just below: the section named again


@pytest.mark.parametrize("between", ["본문 바로가기", "Skip to content"])
def test_a_removed_line_between_the_headline_and_its_metadata_line_is_not_the_title(between):
    page = _clean(text_blocks(f"광주시, 공원 30곳 개장\n{between}\n작성자 : 홍길동 등록일 : 2024-01-05\n\n{KO_BODY}\n"), "text")
    assert page.metadata.title == "광주시, 공원 30곳 개장"
    assert _rules(page)[between] == "skip_link"


def test_the_section_name_as_the_pages_first_line_is_removed_as_its_category():
    page = _clean([_p(1, "Press releases", dom_path="body/div.top/p"), _p(2, "Home > News > Press releases", dom_path="body/nav/p"),
                   _p(3, "Night market opens", "title"), _p(4, EN_BODY), _p(5, KO_BODY)])
    assert (page.metadata.title, page.metadata.category) == ("Night market opens", "Press releases")
    assert _rules(page)["Press releases"] == "category" and _body(page) == [EN_BODY, KO_BODY]


@pytest.mark.parametrize("department, phone", [("Department : Port Logistics Division", "Phone : 032-440-4521"),
                                               ("담당부서 : 항만물류과", "연락처 : 032-440-4521")])
def test_a_contact_written_over_two_lines_is_parsed_and_both_lines_removed(department, phone):
    page = _clean(text_blocks(f"Port opens a new pier\n\n{EN_BODY}\n\n{department}\n{phone}\n"), "text")
    meta = page.metadata
    assert meta.contact_phone == "032-440-4521" and meta.contact_department
    rules = _rules(page)
    assert rules[department] == rules[phone] == "contact"


def test_a_related_list_stopped_at_the_regions_edge_does_not_hide_a_later_related_header():
    page = _clean(_related_page("관련 기사", [_p(5, "서울 공원 개장"), _p(6, "부산 자전거길", excluded_by="outside_region"),
                                            _p(7, "대구 도서관 개관"), _p(8, "More news"), _p(9, "Parks open in Seoul")]))
    rules = _rules(page)
    assert rules["More news"] == rules["Parks open in Seoul"] == "related"
    assert "대구 도서관 개관" in _body(page)


def test_the_headline_is_the_heading_above_the_metadata_line_not_the_subtitle_under_it():
    page = _clean([_p(1, "Night market opens", "heading"), _p(2, "Stalls sell local food every Friday"),
                   _p(3, "Name : admin Date : 2024-01-05 10:00 5"), _p(4, EN_BODY)])
    assert page.metadata.title == "Night market opens"
    assert "Stalls sell local food every Friday" in _body(page)


def test_a_related_list_ends_at_its_second_line_when_a_blank_line_sets_it_apart():
    page = _clean(_related_page("Related News", [_p(5, "Parks open in Seoul"),
                                                 _p(6, "Contact the parks office for more.", blank_before=True)]))
    assert _rules(page)["Parks open in Seoul"] == "related"
    assert "Contact the parks office for more." in _body(page)


def test_without_metadata_or_h1_the_first_heading_near_the_top_is_the_headline():
    page = _clean([_p(1, "Lantern parade notes"), _p(2, "Night market opens", "heading"), _p(3, EN_BODY), _p(4, KO_BODY)])
    assert (page.metadata.title, page.metadata.category) == ("Night market opens", "Lantern parade notes")


def test_an_h1_above_the_region_stays_the_headline_when_a_paragraph_lies_between_it_and_the_text():
    page = _clean([_p(1, "Oregon Secretary of State", "title", excluded_by="outside_region"),
                   _p(2, "Lantern parade notes", excluded_by="outside_region"), _p(3, EN_BODY), _p(4, KO_BODY)])
    assert page.metadata.title == "Oregon Secretary of State"


def test_the_last_of_several_headings_above_the_metadata_line_is_the_headline():
    page = _clean([_p(1, "Suwon Parks Office", "heading"), _p(2, "Press releases", "heading"),
                   _p(3, "Night market opens", "heading"), _p(4, "Name : admin Date : 2024-01-05 10:00 5"), _p(5, EN_BODY)])
    assert page.metadata.title == "Night market opens"


def test_with_a_page_title_a_heading_second_of_two_lines_is_the_headline():
    page = _clean([_p(1, "Lantern parade notes"), _p(2, "Night market opens", "heading")],
                  html_title="Night market opens | Suwon")
    assert page.metadata.title == "Night market opens"


@pytest.mark.parametrize("line, department", [("담당부서 : 교통정책과 ☎ 062-613-4321", "교통정책과"),
                                              ("Contact: Transport Division 062-613-4321", "Transport Division")])
def test_a_one_line_contact_footer_is_parsed_and_removed_as_contact(line, department):
    page = _clean(text_blocks(f"Port opens a new pier\n\n{EN_BODY}\n\n{line}\n"), "text")
    assert (page.metadata.contact_department, page.metadata.contact_phone) == (department, "062-613-4321")
    assert _rules(page)[line] == "contact"
