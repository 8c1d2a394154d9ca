"""The scored evaluation over the labelled pages: a regression cannot silently lower these floors."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import score  # noqa: E402

# Both hand-written sets score 1.000 on every metric (measured 2026-12, issue 19): floors of 0.90-0.98
# let a regression on several pages pass, so the floor is what is measured. These pages are ours and
# were used for tuning; the floors that say how well cityclips does are on real pages (test_real_floor.py).
FLOORS = {"field_accuracy": 1.0, "must_keep_recall": 1.0, "attachments_exact": 1.0, "captions_exact": 1.0,
          "list_precision": 1.0, "list_recall": 1.0, "quote_precision": 1.0, "quote_recall": 1.0}


# 'main' was written before the cleaner; 'holdout' was written blind to it, measured, then used to
# generalise the rules (its first, blind scores are in the README). Both keep the same floors.
SETS = ["main", "holdout"]


@pytest.fixture(scope="module", params=SETS)
def scores(request) -> dict:
    return score.score_all(score.EVAL_SETS[request.param]).as_dict()


def test_evaluation_set_is_big_enough_and_bilingual() -> None:
    pages = score.load_pages()
    kinds = {(gold["language"], raw.source_format) for raw, gold in pages}
    assert len(pages) >= 24 and kinds == {("en", "text"), ("en", "html"), ("ko", "text"), ("ko", "html")}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_stays_above_its_floor(scores: dict, metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]:.3f}"


def test_no_chrome_leaks_and_no_page_rejected(scores: dict) -> None:
    assert scores["must_drop_leaks"] == 0
    assert scores["rejected"] == []
