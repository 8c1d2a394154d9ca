"""eval/real.py's attachment scoring: files found, files invented, and the misses it names."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import real  # noqa: E402


def _tally(emitted: list[str], gold: list[str]) -> real.Tally:
    tally = real.Tally()
    real.score_page(real.Output(attachments=emitted), {"attachments": [{"name": g} for g in gold]}, tally, "p1")
    return tally


def test_a_listed_prefix_still_finds_the_gold_file_and_an_extra_file_is_invented() -> None:
    tally = _tally(["첨부 1. 공고문.hwp", "Agenda.pdf", "poster.jpg"], ["공고문.hwp", "agenda.PDF"])
    summary = tally.summary()
    assert (summary["attachments_found"], summary["attachments_invented"]) == (1.0, 1)
    assert tally.misses == ["p1: 1 attachments invented, e.g. ['poster.jpg']"]


def test_a_page_whose_gold_lists_no_files_counts_every_emitted_file_as_invented() -> None:
    summary = _tally(["minutes.pdf", "agenda.pdf"], []).summary()
    assert summary["attachments_invented"] == 2 and summary["attachments_found"] is None


def test_missed_files_are_named() -> None:
    tally = _tally([], ["신청서.hwp"])
    assert tally.summary()["attachments_found"] == 0.0
    assert tally.misses == ["p1: 1 attachments missed, e.g. ['신청서.hwp']"]
