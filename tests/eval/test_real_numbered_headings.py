"""eval/real.py scores a numbered heading by either form: its text, or its number (the segment's marker) and text."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import real  # noqa: E402


def test_a_numbered_heading_matches_gold_written_with_its_number() -> None:
    found, invented = real._count_structure([("Preamble", "1.Preamble"), ("추진 배경", "1.추진 배경")],
                                            ["1. Preamble", "1. 추진 배경"], [])
    assert (found, invented) == (2, [])


def test_a_numbered_heading_matches_gold_written_without_it() -> None:
    found, invented = real._count_structure([("Preamble", "1.Preamble"), ("추진 배경", "가.추진 배경")],
                                            ["Preamble", "추진 배경"], [])
    assert (found, invented) == (2, [])


def test_an_unmatched_numbered_heading_is_invented_under_its_text() -> None:
    found, invented = real._count_structure([("Related links", "7.Related links"), "Background"], ["Background"], [])
    assert (found, invented) == (1, ["Related links"])
