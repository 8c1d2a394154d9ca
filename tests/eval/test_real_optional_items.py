"""eval/real.py's optional list items (round 13): a gold may write them as text starts or in list_items' own form."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import real  # noqa: E402

_GOLD_ITEM = {"marker": "•", "depth": 0, "text_start": "Stay out of rip currents"}


@pytest.mark.parametrize("optional", [
    "Seven Dangers at the Beach",
    {"marker": "•", "depth": 0, "text_start": "Seven Dangers at the Beach"},
    "해수욕장 안전 수칙",
    {"marker": "○", "depth": 0, "text_start": "해수욕장 안전 수칙"},
])
def test_an_optional_item_in_either_form_counts_neither_way(optional: str | dict) -> None:
    text = real.entry_text(optional)
    tally = real.Tally()
    out = real.Output(list_items=["Stay out of rip currents and swim near a lifeguard", text + " (more)"])
    real.score_page(out, {"list_items": [_GOLD_ITEM], "optional_list_items": [optional]}, tally, "p1")
    assert (tally.list_found, tally.list_invented) == (1, 0)


def test_an_item_no_entry_names_is_still_invented() -> None:
    tally = real.Tally()
    out = real.Output(list_items=["Stay out of rip currents", "Home", "모바일메뉴 열기"])
    real.score_page(out, {"list_items": [_GOLD_ITEM], "optional_list_items": [{"text_start": "Seven Dangers"}]}, tally, "p1")
    assert (tally.list_found, tally.list_invented) == (1, 2)
