"""eval/real/view.py, the reading aid for writing gold: it must show the text the page shows, in its script."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "real"))
import view  # noqa: E402

TITLE_FIRST = ("<html><head><title>광주광역시 보도자료</title><meta charset='utf-8'></head>"
               "<body><p>시장은 “함께 하겠다”고 말했다.</p></body></html>")


def test_a_utf8_page_declaring_its_charset_after_the_title_is_not_mojibake(capsys, tmp_path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(TITLE_FIRST.encode("utf-8"))
    assert view.main([str(page)]) == 0
    out = capsys.readouterr().out
    assert "<title> 광주광역시 보도자료" in out and "시장은 “함께 하겠다”고 말했다." in out


def test_an_euc_kr_page_is_read_by_its_declaration_and_raw_view_agrees(capsys, tmp_path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes("<html><head><meta charset='euc-kr'><title>공지사항</title></head><body><p>등록일 2025.01.02</p>"
                     "</body></html>".encode("euc-kr"))
    assert view.main([str(page)]) == 0 and view.main([str(page), "--raw"]) == 0
    out = capsys.readouterr().out
    assert out.count("공지사항") == 2 and out.count("등록일 2025.01.02") == 2


def test_an_xml_declared_page_parses(capsys, tmp_path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Council minutes</p></body></html>")
    assert view.main([str(page)]) == 0 and "Council minutes" in capsys.readouterr().out


def test_every_saved_real_page_is_shown() -> None:
    pages = sorted((ROOT / "eval" / "real").glob("[dh]*/pages/*.html"))
    assert len(pages) >= 90
    for path in pages:
        text = view.page_text(path.read_bytes())
        assert list(view.blocks(view._tree(text))), path.name
