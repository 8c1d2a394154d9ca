"""Finding input files: symlink loops end, every file is listed once, under its real path when it has one."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from reliability_helpers import ARTICLE_TEXT

from cityclips.flows.inputs import discover

DISCOVERY_LIMIT_S = 10  # a loop would never end; a correct walk of this tree takes milliseconds


def _discover_with_deadline(inputs: list[Path]):
    result: list = []
    worker = threading.Thread(target=lambda: result.append(discover(inputs)), daemon=True)
    worker.start()
    worker.join(DISCOVERY_LIMIT_S)
    assert not worker.is_alive(), f"discover did not finish in {DISCOVERY_LIMIT_S} s (a symlink loop?)"
    return result[0]


def _page(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    return path


def test_symlink_loops_terminate_and_list_each_file_once(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    _page(root / "a" / "one.txt")
    _page(root / "b" / "two.html")
    _page(outside / "three.txt")
    (root / "a" / "loop").symlink_to(root)  # a/loop/a/loop/... forever if followed blindly
    (root / "b" / "self").symlink_to(root / "b")
    (root / "alias_of_b").symlink_to(root / "b")  # sorts before b: must not steal b's files
    (root / "external").symlink_to(outside)  # outside the root: followed once, with --follow-links only
    (outside / "back").symlink_to(root)  # ... and from there back in: not again
    files, problems = _discover_with_deadline([root])
    assert [f.source_path for f in files] == ["a/one.txt", "b/two.html"]
    assert [(p.source_path, p.reason) for p in problems] == [("external", "outside_inputs")]
    files, problems = discover([root], follow_links=True)
    assert not problems
    assert [f.source_path for f in files] == ["a/one.txt", "b/two.html", "external/three.txt"]
    real = [os.path.realpath(f.path) for f in files]
    assert len(real) == len(set(real))


def test_same_folder_given_twice_or_with_a_file_inside_is_listed_once(tmp_path):
    root = tmp_path / "root"
    page = _page(root / "site" / "one.txt")
    files, _ = _discover_with_deadline([root, root, page])
    # Paths are relative to the folder that holds every input (here root), so the file given alone
    # and the same file found in the folder are one page, 'site/one.txt'.
    assert [f.source_path for f in files] == ["site/one.txt"]


def test_hidden_folders_are_skipped(tmp_path):
    root = tmp_path / "root"
    _page(root / "one.txt")
    _page(root / ".git" / "two.txt")
    _page(root / ".versions" / "three.txt")
    files, _ = _discover_with_deadline([root])
    assert [f.source_path for f in files] == ["one.txt"]


def test_order_is_stable_and_sorted(tmp_path):
    root = tmp_path / "root"
    for name in ("b/2.txt", "a/10.txt", "a/9.html", "보도 자료 2024.txt", "c d/e.htm"):
        _page(root / name)
    first, _ = _discover_with_deadline([root])
    second, _ = _discover_with_deadline([root])
    assert [f.source_path for f in first] == [f.source_path for f in second]
    assert [f.source_path for f in first] == sorted(f.source_path for f in first)
    assert "보도 자료 2024.txt" in [f.source_path for f in first]
