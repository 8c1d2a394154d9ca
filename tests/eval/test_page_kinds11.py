"""eval/page_kinds.py --reasons: each wrong page with the evidence that decided it, never for the fresh split."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.transforms.test_page_kind import article_page, board_page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import page_kinds  # noqa: E402


def test_reasons_name_what_decided_each_wrong_page_and_never_a_fresh_page(tmp_path, capsys):
    (tmp_path / "list.html").write_text(board_page(), encoding="utf-8")
    (tmp_path / "view.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "labels.json").write_text(json.dumps([
        {"file": "list.html", "kind": "article", "split": "dev"},
        {"file": "view.html", "kind": "listing", "split": "fresh"}]), encoding="utf-8")
    assert page_kinds.main(["--dir", str(tmp_path), "--reasons"]) == 0
    out = capsys.readouterr().out
    assert "WRONG list.html: labelled article, got listing\n      why: rows=10 dated=10" in out
    assert "view.html" not in out
    assert page_kinds.main(["--dir", str(tmp_path), "--split", "fresh", "--reasons"]) == 0
    out = capsys.readouterr().out
    assert "1 wrong" in out and "why:" not in out and "view.html" not in out
