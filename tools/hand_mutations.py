"""Re-make issue 19's thirteen hand-made mutations, one at a time, and run the tests that should catch each.

Works on the staging tree of tools/mutation.py (the installed layout), copied to a scratch folder so
the work tree is never edited: `python tools/mutation.py stage && python tools/hand_mutations.py
[/tmp/hand-mutations]`. Prints a markdown table: mutation, file, tests run, caught or survived, and
the first failing test. Minutes, not seconds: run outside `make test`.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / "build" / "mutation"

T = "tests/transforms"
# (what, file in the installed layout, text to change, its replacement, test files that should catch it)
MUTATIONS = [
    ("publish not atomic: unlink `current`, then symlink", "cityclips/warehouse/store.py",
     "        os.symlink(self.name, tmp_link)\n        os.replace(tmp_link, self.warehouse.versions / CURRENT)\n",
     "        (self.warehouse.versions / CURRENT).unlink(missing_ok=True)\n"
     "        os.symlink(self.name, self.warehouse.versions / CURRENT)\n",
     ["tests/warehouse/test_atomic_publish.py"]),
    ("related-news lists kept (`_mark_related` dropped)", "cityclips/transforms/clean.py",
     "    _mark_related(m)\n", "", [f"{T}/test_rules_pinned.py", f"{T}/test_clean.py"]),
    ("section headline repeat kept (`_mark_section_repeat` dropped)", "cityclips/transforms/clean.py",
     "        _mark_section_repeat(m, title_at)\n", "", [f"{T}/test_rules_pinned.py", f"{T}/test_clean.py"]),
    ("appositive speakers not shortened", "cityclips/transforms/quotes.py",
     'return _APPOSITIVE.sub("", match["speaker"]), True', 'return match["speaker"], True',
     [f"{T}/test_rules_pinned.py", f"{T}/test_quotes.py"]),
    ("document shares without their 'between 0 and 1' bounds", "cityclips/warehouse/schemas.py",
     "nullable=False,\n           at_least=0, at_most=1),", "nullable=False),", ["tests/sql"]),
    ("`segments_heading_is_heading` without `h.seq >= s.seq`", "cityclips/sql/tests/segments_heading_is_heading.sql",
     " or h.seq >= s.seq", "", ["tests/sql"]),
    ("attachment extension pattern without two of its classes (dot, space)", "cityclips/warehouse/schemas.py",
     r'pattern=r"[^A-Z.\s]*"', r'pattern=r"[^A-Z]*"', ["tests/sql"]),
    ("glued view count split off by one ('14:4975' -> 5 views)", "cityclips/transforms/metadata.py",
     "views = _to_int(rest)", "views = _to_int(rest.strip()[1:])", [f"{T}/test_metadata.py"]),
    ("list depth off by one", "cityclips/transforms/segment.py",
     "depth = self.segments[parent].depth + 1 if parent", "depth = self.segments[parent].depth + 2 if parent",
     [f"{T}/test_segment.py"]),
    ("speaker-after-quote pattern dropped", "cityclips/transforms/quotes.py",
     ", (_AFTER_SPEAKER_FIRST, after))", ")", [f"{T}/test_quotes.py"]),
    ("no Latin fallback for short Latin text on a CJK site", "cityclips/transforms/language.py",
     "fallback = LATIN_FALLBACK if default in CJK_LANGUAGES else default", "fallback = default",
     [f"{T}/test_language.py"]),
    ("headings mart joins contents on `seq` without `doc_id`", "cityclips/sql/marts/headings.sql",
     "on c.doc_id = h.doc_id and c.seq = h.seq", "on c.seq = h.seq", ["tests/sql"]),
    ("title repeated in the body kept (`_mark_title_repeat` dropped)", "cityclips/transforms/clean.py",
     "        _mark_title_repeat(m, title_at, title)\n", "", [f"{T}/test_rules_pinned.py", f"{T}/test_clean.py"]),
]


def run_one(scratch: Path, relative: str, old: str, new: str, tests: list[str]) -> tuple[bool, str]:
    """Apply one mutation in the scratch tree, run the tests (first failure stops), restore the file."""
    path = scratch / relative
    original = path.read_text(encoding="utf-8")
    assert original.count(old) >= 1, f"{relative}: the text to mutate is gone: {old!r}"
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        env = dict(os.environ, PYTHONPATH=str(scratch), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
                               "-W", "ignore", *tests], cwd=scratch, env=env, capture_output=True, text=True)
    finally:
        path.write_text(original, encoding="utf-8")
    failed = re.findall(r"^FAILED (\S+)", done.stdout, re.M)
    return done.returncode != 0, (failed[0] if failed else done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    scratch = Path(args[0] if args else "/tmp/hand-mutations")
    if not (STAGE / "cityclips").is_dir():
        print("no staging tree: run `python tools/mutation.py stage` first", file=sys.stderr)
        return 2
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(STAGE, scratch, ignore=shutil.ignore_patterns("mutants", ".hypothesis", "__pycache__"))
    print("| # | mutation | file | tests run | result | caught by |\n|---:|---|---|---|---|---|")
    survived = 0
    for number, (what, relative, old, new, tests) in enumerate(MUTATIONS, 1):
        caught, detail = run_one(scratch, relative, old, new, tests)
        survived += not caught
        print(f"| {number} | {what} | {relative.removeprefix('cityclips/')} | {', '.join(tests)} | "
              f"{'caught' if caught else 'SURVIVED'} | `{detail}` |", flush=True)
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
