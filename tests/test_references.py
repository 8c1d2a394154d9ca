"""No reference in the code or the docs points to a file or folder the repository does not have.

A reference is a path under one of the repository's top-level folders ('docs/segments.md',
'sql/marts/', 'transforms/rules.py'), a bare Markdown file name ('FACTS.md', 'models.md'), or the
target of a relative Markdown link. Globs and placeholders ('tests/golden/*.json',
'docs/{name}.md') count up to the part before them; paths outside the repository ('../shared/...')
output paths ('data/...') and files of other repositories cited as 'owner/repo @ commit : `path`'
are not references to it.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOP_FOLDERS = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")
                     and p.name not in ("data", "build", "dist", "cityclips") and not p.name.endswith(".egg-info"))
SCANNED = (".py", ".md", ".sql", ".toml", ".cfg", ".yml", ".yaml")
DATA_FOLDERS = ("eval/pages/", "eval/holdout/", "eval/blind/", "eval/real/pages/", "tests/golden/", "seeds/",
                "bench/data/")
PATH = re.compile(rf"(?<![\w./-])((?:{'|'.join(map(re.escape, TOP_FOLDERS))})/[\w./-]*)")
BARE_MARKDOWN = re.compile(r"(?<![\w./-])([A-Za-z][\w-]*\.md)\b")
LINK = re.compile(r"\]\(([^)\s]+)\)")
# 'owner/repo @ 1a2b3c4 : `tests/files/page.html`': a file of another repository (eval/*/SOURCES.md)
OTHER_REPOSITORY = re.compile(r"[\w.-]+/[\w.-]+ @ [0-9a-f]{7,40}\s*:\s*`[^`]*`")


def _files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / name for name in listed
            if (name.endswith(SCANNED) or name in ("Makefile", ".ci/run")) and not name.startswith(DATA_FOLDERS)
            and (ROOT / name).is_file() and name != "tests/test_references.py"]  # its examples are examples


FILES = _files()
NAMES = {path.name for path in FILES} | {p.name for p in ROOT.rglob("*.md") if ".venv" not in p.parts}


def references(path: Path) -> list[tuple[int, str]]:
    """(line number, reference) of every reference to a repository file in one file."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = OTHER_REPOSITORY.sub("", re.sub(r"https?://\S+", "", line))
        found += [(number, ref.rstrip(".")) for ref in PATH.findall(line)]
        found += [(number, name) for name in BARE_MARKDOWN.findall(line)]
        if path.suffix == ".md":
            found += [(number, target.split("#")[0]) for target in LINK.findall(line)
                      if not target.startswith(("#", "mailto:", "../")) and target.split("#")[0]]
    return found


def _exists(reference: str, source: Path) -> bool:
    if "/" not in reference.rstrip("/") and reference.endswith(".md"):
        return reference in NAMES
    return (ROOT / reference).exists() or (source.parent / reference).exists()


def test_references_are_found():
    readme = dict((ref, n) for n, ref in references(ROOT / "README.md"))
    assert "docs/tables.md" in readme and "BENCHMARKS.md" in readme


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_reference_points_to_a_file_that_exists(path):
    missing = [f"line {n}: {ref}" for n, ref in references(path) if not _exists(ref, path)]
    assert missing == [], f"{path.relative_to(ROOT)} refers to what the repository does not have"
