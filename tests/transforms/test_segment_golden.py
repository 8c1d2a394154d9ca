"""Golden segmentations: every seed and our own English/Korean text and HTML pages.

A golden file is reviewed truth: a page whose segmentation, quotes or metadata differ fails with the
unified diff, and the new view is written beside the golden file as `<name>.json.new` to compare.
`pytest tests/transforms/test_segment_golden.py --update-golden` writes the new views over the golden
files and still fails, with the diff, for every file it changed: the run that accepts a diff is red;
the next run (after `git diff tests/golden` is reviewed) is green. An unchanged file passes.
"""
from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from cityclips.flows.inspect import inspect_file
from tests.conftest import EVAL_PAGES, GOLDEN, SEEDS

METADATA_FIELDS = ("category", "author", "published_at", "modified_at", "view_count", "department",
               "contact_department", "contact_phone", "site_name", "canonical_url", "attachments")
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
        "metadata": {field: report["metadata"][field] for field in METADATA_FIELDS},
        "segments": [{field: s[field] for field in SEGMENT_FIELDS} for s in report["segments"]],
        "quotes": [{"seq": q["seq"], "speaker": q["speaker"], "speaker_as_written": q["speaker_as_written"],
                    "text": q["text"]} for q in report["quotes"]],
    }


def _dump(view: dict) -> str:
    return json.dumps(view, ensure_ascii=False, indent=1, default=str) + "\n"  # datetimes as ISO text


def golden_diff(expected: str, actual: str, name: str) -> str:
    """The unified diff from a golden file's text to the new view's text ('' when they are equal)."""
    return "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                        f"golden/{name}", f"golden/{name}.new"))


def check_golden(golden_path: Path, actual: str, update: bool) -> None:
    """Compare a view with its golden file; on a difference write it (over the golden file when
    updating, else beside it as .new) and fail with the diff."""
    new_path = golden_path.with_name(golden_path.name + ".new")
    expected = golden_path.read_text(encoding="utf-8") if golden_path.exists() else ""
    diff = golden_diff(expected, actual, golden_path.name)
    if not diff:
        new_path.unlink(missing_ok=True)
        return
    if update:
        golden_path.write_text(actual, encoding="utf-8")
        new_path.unlink(missing_ok=True)
        pytest.fail(f"golden file {golden_path.name} updated: review this diff (git diff tests/golden), "
                    f"then run again without --update-golden\n{diff}", pytrace=False)
    new_path.write_text(actual, encoding="utf-8")
    hint = "no golden file yet" if not expected else "segmentation changed"
    pytest.fail(f"{hint}: {golden_path.name} (new view in {new_path.name}; accept it with --update-golden "
                f"after review)\n{diff}", pytrace=False)


@pytest.mark.parametrize("path", GOLDEN_PAGES, ids=lambda p: p.name)
def test_segmentation_matches_golden(path: Path, update_golden: bool) -> None:
    check_golden(GOLDEN / f"{path.stem}.json", _dump(_golden_view(path)), update_golden)


def test_a_changed_golden_file_fails_with_its_diff_and_update_writes_it_once(tmp_path: Path) -> None:
    """The flag never compares a file with itself: the run that writes a changed file fails."""
    golden = tmp_path / "page.json"
    golden.write_text(_dump({"title": "old"}), encoding="utf-8")
    new_view = _dump({"title": "new"})
    with pytest.raises(pytest.fail.Exception, match=r'- "title": "old"'):
        check_golden(golden, new_view, update=False)
    assert (tmp_path / "page.json.new").read_text(encoding="utf-8") == new_view
    assert "old" in golden.read_text(encoding="utf-8")  # without the flag the golden file stays
    with pytest.raises(pytest.fail.Exception, match=r'\+ "title": "new"'):
        check_golden(golden, new_view, update=True)
    assert golden.read_text(encoding="utf-8") == new_view and not (tmp_path / "page.json.new").exists()
    check_golden(golden, new_view, update=False)  # accepted: green
