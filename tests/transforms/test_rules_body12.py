"""transforms/rules.py, round 12 (body12): a note's mark before a login prompt."""
from __future__ import annotations

import pytest

from cityclips.transforms.rules import match_line_rule


@pytest.mark.parametrize("line", ["*로그인 후 작성 가능합니다.", "※ 로그인 후 이용하실 수 있습니다.", "* Please log in to comment.",
                                  "※ You must be logged in to post a comment."])
def test_a_marked_login_prompt_is_a_login_prompt(line: str) -> None:
    assert match_line_rule(line) == "login_prompt"


@pytest.mark.parametrize("line", ["* 로그인 정보는 안전하게 보관됩니다.", "* Log in details are sent by mail."])
def test_a_marked_note_about_logging_in_is_no_prompt(line: str) -> None:
    assert match_line_rule(line) is None
