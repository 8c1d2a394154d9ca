"""Every rule the cleaner writes to boilerplate.rule is one the contract accepts.

The accepted-values data test on boilerplate.rule runs on a real run's tables, and the seeds hit only some rules:
round 12 found seven rules (article_tail, page_stamp, login_widget, ...) that real pages produce and the contract
did not name, so a run over such pages would have failed its data tests. This test runs the pipeline over the
bundled real pages (eval/real/dev and holdout, the seeds) and checks each rule it writes.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage
from cityclips.warehouse.schemas import BOILERPLATE_RULES

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([*ROOT.glob("eval/real/dev/pages/*"), *ROOT.glob("eval/real/holdout/pages/*"), *ROOT.glob("seeds/*")])
MIN_PAGES = 100  # the bundled sets hold 130+ pages: fewer means the glob went wrong


def _accepted(rule: str) -> bool:
    return rule in BOILERPLATE_RULES or any(rule.startswith(key[:-1]) for key in BOILERPLATE_RULES if key.endswith("*"))


def _rules_written() -> Counter:
    seen: Counter = Counter()
    for path in PAGES:
        page = RawPage(path.name, path.read_bytes(), "text" if path.suffix == ".txt" else "html")
        for removed in getattr(process_page(page), "removed", ()):
            seen[removed.rule] += 1
    return seen


def test_every_rule_written_on_the_bundled_real_pages_is_accepted() -> None:
    assert len(PAGES) >= MIN_PAGES
    seen = _rules_written()
    assert len(seen) > 20  # the pages exercise many rules, not a handful
    assert sorted(rule for rule in seen if not _accepted(rule)) == []

