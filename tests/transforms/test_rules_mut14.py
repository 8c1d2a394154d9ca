"""transforms/rules.py (round 14, mut14): the contains-rules' choice of the leftmost phrase, as the mutation check
left it open (issue 19): a phrase that starts on the line's last character, and two rules that start at one place."""
from __future__ import annotations

import pytest

from cityclips.transforms.rules import match_line_rule


@pytest.mark.parametrize("line", ["©", "ⓒ", "광주광역시 ⓒ", "Seoul Metropolitan Government ©"])
def test_a_copyright_mark_on_the_lines_last_character_names_the_line(line: str) -> None:
    # the mark starts at len(line) - 1: the search for the leftmost phrase starts past the line's end
    assert match_line_rule(line) == "copyright"


def test_two_rules_starting_at_one_place_give_the_first_rules_name() -> None:
    # address_footer (a '...도 ...구 ... 12' address) and prev_next ('이전글 ...') both start at 0; address_footer
    # comes first in LINE_RULES, so it names the line. No English line is known where two differently named
    # contains-rules start at one position.
    assert match_line_rule("이전글도 강남구 역삼로 12") == "address_footer"
    assert match_line_rule("이전글 강남구 역삼로 12") == "prev_next"  # without the address, the other rule
