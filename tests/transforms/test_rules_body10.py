"""transforms/rules.py, round 10 (body10): a phone label after words is an instruction, not a footer."""
from __future__ import annotations

import pytest

from cityclips.transforms.rules import match_line_rule


@pytest.mark.parametrize("line", [
    "Join by Phone: +1-646-992-2010 United States Toll (New York City) +1-202-860-2110 United States Toll (Washington D.C.)",
    "Dial in by phone +1 312 626 6799 (Meeting ID 861 2345 6789)",
    "회의 참석 전화 연결 Tel: 02-6004-8400 (회의 번호 2486)",
])
def test_a_phone_label_after_words_is_a_meetings_instruction_english_and_korean(line: str) -> None:
    assert match_line_rule(line) is None


@pytest.mark.parametrize("line", [
    "Fax (313) 224-3522",
    "TEL 062-120-1234",
    "대연캠퍼스(48513) 부산광역시 남구 용소로 45 TEL: 051-629-4114 FAX: 051-629-5119",
    "광주광역시청 | Tel 062-120-1234",
    "2 Woodward Avenue, Phone: (313) 224-3400",
])
def test_a_phone_label_opening_the_line_or_after_the_address_is_a_footer_english_and_korean(line: str) -> None:
    assert match_line_rule(line) == "address_footer"
