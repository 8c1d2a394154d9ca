"""transforms/rules.py at each bound and branch (issue 19, mutation survivors).

Each test puts a line exactly at a length bound (80, 100, 200, 240 characters) or makes the first
hit of the contains-rules not apply, and checks the rule named on both sides, in English and Korean.
"""
from __future__ import annotations

from cityclips.transforms.rules import (MAX_CHROME_LINE_CHARS, MAX_COMPOSITE_CHARS, MAX_ITEM_CHARS, LineRule, _composite_rule,
                                        _contains, _item_rule, _rule, _whole_line_rule, match_line_rule)


def test_the_bounds_are_as_documented() -> None:
    assert (MAX_CHROME_LINE_CHARS, MAX_ITEM_CHARS, MAX_COMPOSITE_CHARS) == (200, 80, 100)


def test_a_rule_matches_any_of_its_alternatives_as_the_whole_line_in_any_case() -> None:
    rule = _rule("demo", "ab", "인쇄")
    assert (rule.name, rule.max_chars, rule.anywhere, rule.prose_ok) == ("demo", MAX_ITEM_CHARS, False, True)
    assert rule.matches("ab") and rule.matches("AB") and rule.matches("인쇄")
    assert not rule.matches("abc") and not rule.matches("xab") and not rule.matches("인쇄하다")
    assert not rule.matches("ab인쇄")
    assert _rule("demo", "ab", max_chars=5).max_chars == 5


def test_a_rule_takes_no_line_longer_than_its_bound() -> None:
    rule = _rule("demo", "a+", max_chars=5)
    assert rule.matches("aaaaa")
    assert not rule.matches("aaaaaa")


def test_a_contains_rule_finds_its_phrase_anywhere_in_the_line() -> None:
    rule = _contains("demo", "all rights", "무단 전재")
    assert (rule.name, rule.max_chars, rule.anywhere, rule.prose_ok) == ("demo", MAX_CHROME_LINE_CHARS, True, True)
    assert rule.matches("2024 Gwangju. ALL RIGHTS reserved")
    assert rule.matches("이 기사의 무단 전재 금지")
    assert not rule.matches("all right")
    prose = _contains("demo", "copyright", max_chars=50, prose_ok=False)
    assert (prose.max_chars, prose.prose_ok) == (50, False)
    assert prose.matches("Copyright Gwangju City")
    assert not prose.matches("Copyright law protects artists.")  # ends like a sentence
    assert not prose.matches("무단 복제 copyright 를 단속하겠다.")


def test_a_line_rule_alone_applies_its_length_and_prose_tests() -> None:
    import re
    rule = LineRule("demo", re.compile("b"), max_chars=10, anywhere=True, prose_ok=False)
    assert rule.matches("abc")
    assert not rule.matches("Lab ends.")  # prose
    assert LineRule("demo", re.compile("b"), max_chars=10, anywhere=True).matches("Lab ends.")
    assert not LineRule("demo", re.compile("b"), max_chars=10).matches("abc")  # match: at the start only


def test_an_item_rule_names_the_rule_and_stops_at_80_characters() -> None:
    assert _item_rule("본문 바로가기") == "skip_link"  # a name with an underscore comes back whole
    assert _item_rule("Skip to content") == "skip_link"
    assert _item_rule("인쇄") == "button"
    assert _item_rule("attachments full download") == "attachment_button"
    assert _item_rule("그리고") is None
    place = "G" + "w" * 74 + " City"
    assert len(place) == MAX_ITEM_CHARS and _item_rule(place) == "site_name"
    assert _item_rule("G" + "w" * 75 + " City") is None


def test_the_contains_rules_stop_at_240_characters() -> None:
    line = "ⓒ " + "x" * 238
    assert len(line) == 240 and _whole_line_rule(line) == "copyright"
    assert _whole_line_rule(line + "x") is None


def test_no_rule_names_no_line() -> None:
    assert _whole_line_rule("광주 서구는 어르신 급식소를 열었다") is None
    assert _whole_line_rule("Copyright law protects artists.") is None  # the first hit does not apply, nor any other


def test_the_first_hit_names_the_line_when_it_applies() -> None:
    # 'Address:' opens the line (address_footer); the copyright sign after it is also a rule, listed before it
    line = "Address: 111 Naebang-ro, Seo-gu, Gwangju ⓒ"
    assert _whole_line_rule(line) == "address_footer"
    assert _whole_line_rule("주소: 광주광역시 서구 내방로 111 ⓒ") == "address_footer"
    assert _whole_line_rule("광주광역시 서구 내방로 111 ⓒ") == "address_footer"  # a rule that takes no prose
    assert _whole_line_rule("Address: 111 Naebang-ro, Seo-gu, Gwangju ⓒ City Hall.") == "address_footer"  # prose is ok


def test_the_first_hit_applies_up_to_its_own_length_bound() -> None:
    head = "Address: 111 Naebang-ro ⓒ "
    at_bound = head + "x" * (160 - len(head))
    assert len(at_bound) == 160 and _whole_line_rule(at_bound) == "address_footer"
    assert _whole_line_rule(at_bound + "x") == "copyright"  # too long for the address, not for the copyright


def test_a_later_rule_names_the_line_when_the_first_hit_does_not_apply() -> None:
    assert _whole_line_rule("만족하십니까 ⓒ 2024 Gwangju.") == "copyright"  # the survey phrase takes no prose
    assert _whole_line_rule("만족하십니까 ⓒ 2024") == "survey"


def test_a_row_of_items_is_a_menu() -> None:
    assert _composite_rule("로그인 | 회원가입 | 사이트맵") == "menu"
    assert _composite_rule("login / sign up / sitemap") == "menu"
    assert _composite_rule("인쇄 페이스북 목록") == "menu"
    assert _composite_rule("page print page download") == "menu"  # two-word items side by side
    assert _composite_rule("page print 인쇄") == "menu"
    assert _composite_rule("인쇄 page print") == "menu"
    assert _composite_rule("page print 인쇄 page download 목록") == "menu"
    # two words: a two-word item with a separator inside, whose parts are items ('본문' alone is none)
    assert _composite_rule("본문 바로가기/로그인") == "menu"


def test_a_row_needs_more_than_one_item() -> None:
    assert _composite_rule("로그인") is None
    assert _composite_rule("page print") is None  # one two-word item
    assert _composite_rule("Skip to") is None


def test_a_row_with_one_word_that_is_no_item_is_no_menu() -> None:
    assert _composite_rule("hello") is None
    assert _composite_rule("광주 서구 소식") is None
    assert _composite_rule("로그인 | 회원가입 | 광주 소식") is None
    assert _composite_rule("인쇄 목록 광주") is None
    assert _composite_rule("인쇄 광주 목록") is None  # no word is skipped after an item
    assert _composite_rule("page print 광주") is None
    assert _composite_rule("인쇄 페이스북 page") is None
    # 'main menu' is an item, 'open' is none, and 'main' alone is none: the row is not covered from its first word
    assert _composite_rule("main menu open") is None


def test_match_line_rule_reads_single_spaced_words() -> None:
    assert match_line_rule("page\n   print") == "button"
    assert match_line_rule("  모바일메뉴 열기 ") == "menu"
    assert match_line_rule("") is None
    assert match_line_rule("   ") is None


def test_a_whole_line_rule_is_not_replaced_by_the_row_test() -> None:
    assert match_line_rule("page print") == "button"
    assert match_line_rule("Gwangju Metropolitan City") == "site_name"
    assert match_line_rule("광주광역시") == "site_name"


def test_a_chrome_line_holds_at_most_200_characters() -> None:
    tags = "#광주 #" + "b" * 195
    assert len(tags) == 200 and match_line_rule(tags) == "tags"
    assert match_line_rule(tags + "s") is None


def test_a_row_is_read_up_to_100_characters() -> None:
    row = " | ".join(["home"] * 9 + ["sitemap"] * 4)
    assert len(row) == MAX_COMPOSITE_CHARS and match_line_rule(row) == "menu"
    longer = " | ".join(["home"] * 8 + ["login"] + ["sitemap"] * 4)
    assert len(longer) == MAX_COMPOSITE_CHARS + 1 and match_line_rule(longer) is None
