"""Golden segmentations: every seed and our own English/Korean text and HTML pages.

Refresh with `pytest tests/transforms/test_segment_golden.py --update-golden` and review the diff.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cityclips.flows.inspect import inspect_file
from tests.conftest import EVAL_PAGES, GOLDEN, SEEDS

SEGMENT_FIELDS = ("seq", "kind", "marker", "depth", "parent_seq", "heading_seq", "ordinal", "language", "text")
GOLDEN_PAGES = sorted(SEEDS.glob("*.txt")) + [EVAL_PAGES / name for name in (
    "001_gwangju_ai_budget.txt",         # en text: ① items with nested 1. items, □ headings
    "009_gwangju_hydrogen_bus.html",     # en html: ol with nested ul, figcaption, metadata table
    "016_gwangju_ai_datacenter.txt",     # ko text: ○ / - / · press-release depths, quotes with 은/는
    "018_gwangju_youth_allowance.txt",   # ko text: ① with nested 1., ※ notes
    "024_gwangju_flu_vaccination.html",  # ko html: nested ul, metadata table, dl contact
)]


def _golden_view(path: Path) -> dict:
    report = inspect_file(path)
    return {
        "source_path": report["source_path"],
        "title": report["metadata"]["title"],
        "segments": [{field: s[field] for field in SEGMENT_FIELDS} for s in report["segments"]],
        "quotes": [{"seq": q["seq"], "speaker": q["speaker"], "speaker_as_written": q["speaker_as_written"],
                    "text": q["text"]} for q in report["quotes"]],
    }


@pytest.mark.parametrize("path", GOLDEN_PAGES, ids=lambda p: p.name)
def test_segmentation_matches_golden(path: Path, update_golden: bool) -> None:
    golden_path = GOLDEN / f"{path.stem}.json"
    actual = _golden_view(path)
    if update_golden or not golden_path.exists():
        if not update_golden:
            pytest.fail(f"no golden file {golden_path.name}: run pytest --update-golden and review it")
        golden_path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden_path.read_text(encoding="utf-8"))
    assert actual == expected
