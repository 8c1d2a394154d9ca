"""eval/real.py's attachment name match (round 13): one name ends another only at a word's boundary."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import real  # noqa: E402


def _found_invented(emitted: list[str], gold: list[str]) -> tuple:
    tally = real.Tally()
    real.score_page(real.Output(attachments=emitted), {"attachments": [{"name": g} for g in gold]}, tally, "p1")
    summary = tally.summary()
    return summary["attachments_found"], summary["attachments_invented"]


@pytest.mark.parametrize("emitted, gold", [
    ("11차 위원회 회의록.hwp", "1차 위원회 회의록.hwp"),  # a number that ends another number is another file
    ("2024 Annual report.pdf", "4 Annual report.pdf"),
    ("붙임공고문.hwp", "공고문.hwp"),  # a name glued to a word is another word
    ("Final_report.pdf ", "l_report.pdf"),
])
def test_a_name_that_ends_inside_another_names_word_is_another_file(emitted: str, gold: str) -> None:
    assert _found_invented([emitted], [gold]) == (0.0, 1)
    assert _found_invented([gold], [emitted]) == (0.0, 1)  # either way round


@pytest.mark.parametrize("emitted, gold", [
    ("첨부 1. 1차 위원회 회의록.hwp", "1차 위원회 회의록.hwp"),  # a listed prefix before a space
    ("(붙임1)신청서.hwp", "신청서.hwp"),  # ... or a mark
    ("Attachment: Annual report.pdf", "annual  REPORT.pdf"),  # whitespace and case ignored
    ("1차위원회 회의록.hwp", "1차 위원회회의록.hwp"),  # whitespace inside the name ignored
])
def test_a_name_that_ends_another_after_a_space_or_a_mark_is_the_same_file(emitted: str, gold: str) -> None:
    assert _found_invented([emitted], [gold]) == (1.0, 0)
