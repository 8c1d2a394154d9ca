"""cityclips on the real saved pages (eval/real, dev and holdout): floors a regression of a few points fails.

Each floor sits about one page under the figure measured when it was set (`python eval/real.py --json
--no-trafilatura`, 2026-12, issue 19), so losing one more page's title, date or must-keep text fails.
dev and holdout are both tuned on now; holdout holds pages measured blind once before they joined it (round
3's holdout, round 5's fresh split), so its figures are lower; the fresh split is never scored here. Only cityclips runs here (about 5 s); `make eval` puts trafilatura beside it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import real  # noqa: E402

# metric: (measured, floor) for shares that should be high
FLOORS = {
    # dev and holdout re-measured on main after round 14's merges (meta14 dates and categories, body14 numbering and
    # speakers, attach14 attachments, forms14 forms and site boxes, speed14a/b, mut14) and round 14's fresh split
    # (f1401-f1410, measured blind once on main e6b78e7) joining holdout (128 pages), then the second wave on its
    # misses (tmpl14 shared clauses, title14, capt14 captions and media files): (measured, floor)
    "dev": {"must_keep_kept": (0.996, 0.96), "title_right": (1.0, 0.97), "date_right": (1.0, 0.96),
            "other_fields_right": (0.865, 0.83), "headings_found": (0.944, 0.90),
            "list_items_found": (0.983, 0.94), "captions_found": (1.0, 0.96), "attachments_found": (0.963, 0.92),
            "quote_precision": (1.0, 0.97), "quote_recall": (0.946, 0.92), "speaker_right": (0.971, 0.94)},
    "holdout": {"must_keep_kept": (0.978, 0.95), "title_right": (0.922, 0.89), "date_right": (0.938, 0.91),
                "other_fields_right": (0.862, 0.83), "headings_found": (0.909, 0.87), "list_items_found": (0.856, 0.83),
                "attachments_found": (0.985, 0.95), "quote_precision": (0.986, 0.95), "quote_recall": (0.958, 0.92),
                "speaker_right": (0.956, 0.92)},
}
# metric: (measured, ceiling) for what should be low; the invented headings and list items pin the structure rules
# (struct6: 165 -> 22 list items invented on dev, 161 -> 92 on holdout; struct8: 125 -> 68; struct10: 52 -> 32;
# struct11: 39 -> 30 on holdout, 20 -> 4 on dev; round 12: 36 -> 23 on holdout with its fresh split, 4 -> 1 on dev;
# round 13: 23 -> 33 on holdout, all 10 on round 13's blind pages f1304/f1310, old federal forms pages; round 14: 33 -> 24,
# forms14's site box and meta14's record rows on those two pages)
CEILINGS = {
    "dev": {"chrome_leaked": (0.010, 0.015), "dates_invented": (0, 1), "fields_invented": (3, 5), "rejected": (0, 0),
            "headings_invented": (0, 1), "list_items_invented": (1, 3), "attachments_invented": (0, 1)},
    "holdout": {"chrome_leaked": (0.020, 0.027), "dates_invented": (0, 1), "fields_invented": (29, 31), "rejected": (0, 0),
                "headings_invented": (6, 8), "list_items_invented": (24, 28), "attachments_invented": (0, 1)},
}
# issue 12's targets on the Korean pages (gold language ko; dev 14, holdout 26 pages), measured after round 14's merges:
# must-keep 100 / 99.4 %, leaked 0.0 / 0.8 %, title 100 / 96.2 %, date 100 / 95.2 % (holdout's f1301, a
# law.go.kr statute frame measured blind in round 13, has its date wrong; round 14's f1410 is a news page). The title floor on holdout is a page under;
# the date floor is issue 12's 95 % itself; the leak ceiling is issue 12's 3 % less a margin.
KOREAN_FLOORS = {"must_keep_kept": 0.99, "title_right": 0.90, "date_right": 0.95}
KOREAN_CEILINGS = {"chrome_leaked": 0.02, "rejected": 0}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request) -> tuple[str, dict]:
    return request.param, real.score_split(request.param, with_trafilatura=False)["cityclips"]


def test_shares_stay_above_their_floors(scored) -> None:
    split, figures = scored
    fallen = {metric: round(figures[metric], 3) for metric, (_, floor) in FLOORS[split].items() if figures[metric] < floor}
    assert not fallen, f"{split}: under the floor: {fallen} (floors {FLOORS[split]})"


def test_leaks_and_inventions_stay_under_their_ceilings(scored) -> None:
    split, figures = scored
    risen = {metric: figures[metric] for metric, (_, ceiling) in CEILINGS[split].items() if figures[metric] > ceiling}
    assert not risen, f"{split}: over the ceiling: {risen} (ceilings {CEILINGS[split]})"


def test_floors_are_close_to_what_was_measured() -> None:
    """A floor far under its figure lets a regression pass: each is within about four points of it."""
    for split, floors in FLOORS.items():
        for metric, (measured, floor) in floors.items():
            assert 0 <= measured - floor <= 0.045, (split, metric)


def test_the_default_run_never_scores_the_blind_split(monkeypatch, capsys) -> None:
    """`python eval/real.py` (and make eval through eval/score.py) scores dev and holdout only: fresh needs asking for."""
    asked: list[str] = []
    monkeypatch.setattr(real, "score_split", lambda split, _trafilatura, **_: asked.append(split) or {})
    real.main(["--json", "--no-trafilatura"])
    assert asked and "fresh" not in asked and set(asked) <= {"dev", "holdout"}
    asked.clear()
    real.main(["--json", "--no-trafilatura", "--split", "all"])
    assert "fresh" in asked or not (real.REAL_DIR / "fresh" / "gold").is_dir()


def test_a_language_scores_only_its_pages() -> None:
    """`--language ko` (issue 12's Korean targets) keeps the pages whose gold is Korean, and only those."""
    korean = real.load_split("dev", language="ko")
    every = real.load_split("dev")
    assert korean and len(korean) < len(every)
    assert all(gold["language"] == "ko" for _, gold in korean)
    assert sum(gold["language"] == "ko" for _, gold in every) == len(korean)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_the_korean_pages_keep_issue_12s_targets(split) -> None:
    """The Korean pages alone (`python eval/real.py --language ko`): must-keep 99 %, leaks at most about 3 %."""
    figures = real.score_split(split, with_trafilatura=False, language="ko")["cityclips"]
    assert figures["pages"] >= 14
    fallen = {m: round(figures[m], 3) for m, floor in KOREAN_FLOORS.items() if figures[m] < floor}
    risen = {m: figures[m] for m, ceiling in KOREAN_CEILINGS.items() if figures[m] > ceiling}
    assert not fallen and not risen, f"Korean {split}: under {fallen}, over {risen}"
