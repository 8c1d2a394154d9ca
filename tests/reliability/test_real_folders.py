"""What real folders hold: file names that are not UTF-8, two roots with the same relative path,
symlinks out of the input, NUL bytes, pages that are only chrome. The pure parts are checked
in-process; one real `cityclips run siteA siteB` (and its re-run) shows them end to end.
"""
from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_helpers import ARTICLE_TEXT, CHROME_ONLY, KOREAN_ARTICLE, PROJECT, run_cli, table_rows

from cityclips.flows.inputs import discover
from cityclips.transforms.paths import doc_id_for, path_bytes, path_text
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage, Reject
from cityclips.warehouse.rows import tables_for

BAD_NAME = b"19_bad_utf8_\xff\xfe.txt"
NUL_OFFSETS = (100, 9_000)  # the old binary sniff read the first 8 KB only: one NUL before it, one after


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


ENGLISH = (PROJECT / "bench" / "data" / "langid" / "en.txt").read_text(encoding="utf-8").splitlines()


def _with_nul_at(offset: int, first_line: int = 0) -> bytes:
    """A long English text dump (real sentences from first_line on) with one NUL byte at offset."""
    body = ("News\n\nCity council news\n\n" + "\n".join(ENGLISH[first_line:first_line + 80]) + "\n").encode()
    assert len(body) > offset
    return body[:offset] + b"\x00" + body[offset:]


# --- in-process -------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b),
                min_size=1, max_size=3))
def test_any_file_name_has_a_storable_form_that_round_trips(parts):
    name = b"/".join(parts)
    stored = path_text(os.fsdecode(name))
    stored.encode("utf-8")  # Arrow, Parquet and DuckDB take it
    assert path_bytes(stored) == name
    assert doc_id_for(stored) == hashlib.sha256(name).hexdigest()[:16]  # the id is a hash of the bytes


def test_utf8_names_keep_the_ids_they_always_had():
    for name in ("001_37b750b5778ba05a.txt", "광주 시청/보도 자료 2024.txt", "news clip (1).html"):
        assert path_text(name) == name
        assert doc_id_for(name) == hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def test_a_name_that_is_not_utf8_is_discovered_and_processed(tmp_path):
    _write(Path(os.fsdecode(bytes(tmp_path) + b"/" + BAD_NAME)), ARTICLE_TEXT.encode())
    (item,), problems = discover([tmp_path])
    assert not problems and item.source_path == "19_bad_utf8_\\xff\\xfe.txt"
    document = process_page(RawPage(item.source_path, Path(item.path).read_bytes(), "text"))
    assert isinstance(document, Document)
    assert tables_for([document], "run", datetime.now())["documents"].num_rows == 1


def test_two_roots_with_the_same_relative_path_keep_both_pages(tmp_path):
    _write(tmp_path / "siteA" / "page.txt", ARTICLE_TEXT.encode())
    _write(tmp_path / "siteB" / "page.txt", KOREAN_ARTICLE.encode())
    files, _ = discover([tmp_path / "siteA", tmp_path / "siteB"])
    assert [f.source_path for f in files] == ["siteA/page.txt", "siteB/page.txt"]
    assert len({doc_id_for(f.source_path) for f in files}) == 2
    # one root: paths relative to it, as before; the parent as root names the pages as the two roots do
    assert [f.source_path for f in discover([tmp_path / "siteA"])[0]] == ["page.txt"]
    assert [f.source_path for f in discover([tmp_path])[0]] == ["siteA/page.txt", "siteB/page.txt"]


def test_symlinks_out_of_the_inputs_are_not_followed_unless_asked(tmp_path):
    pages, outside = tmp_path / "pages", tmp_path / "outside"
    _write(pages / "ok.txt", ARTICLE_TEXT.encode())
    _write(outside / "elsewhere.txt", KOREAN_ARTICLE.encode())
    (pages / "passwd.txt").symlink_to("/etc/passwd")
    (pages / "linked").symlink_to(outside)
    (pages / "inside.txt").symlink_to(pages / "ok.txt")  # stays inside: followed
    files, problems = discover([pages])
    assert [f.source_path for f in files] == ["inside.txt", "ok.txt"]
    assert sorted((p.source_path, p.reason) for p in problems) == [("linked", "outside_inputs"),
                                                                   ("passwd.txt", "outside_inputs")]
    assert all("--follow-links" in p.detail for p in problems)
    followed, problems = discover([pages], follow_links=True)
    assert not problems
    assert [f.source_path for f in followed] == ["inside.txt", "linked/elsewhere.txt", "ok.txt", "passwd.txt"]


def test_follow_links_reaches_discovery_from_the_command_line(tmp_path):
    from cityclips.flows.cli import _parser
    from cityclips.flows.stages import RunOptions, plan_stage
    _write(tmp_path / "outside" / "elsewhere.txt", KOREAN_ARTICLE.encode())
    _write(tmp_path / "pages" / "ok.txt", ARTICLE_TEXT.encode())
    (tmp_path / "pages" / "linked").symlink_to(tmp_path / "outside")
    assert _parser().parse_args(["run", "pages", "--follow-links"]).follow_links is True
    assert _parser().parse_args(["run", "pages"]).follow_links is False
    inputs, out = (str(tmp_path / "pages"),), str(tmp_path / "out")
    plans = [plan_stage.fn(RunOptions(inputs, out, follow_links=follow)) for follow in (False, True)]
    assert [len(planned.plan.to_process) for planned in plans] == [1, 2]


def test_a_nul_byte_means_the_same_wherever_it_is():
    early, late = (process_page(RawPage("nul.txt", _with_nul_at(offset), "text")) for offset in NUL_OFFSETS)
    assert isinstance(early, Document) and isinstance(late, Document), (early, late)
    assert early.body_text == late.body_text and "\x00" not in early.body_text
    assert any("NUL" in warning for warning in early.warnings) and early.warnings == late.warnings


def test_a_file_mostly_of_nuls_is_binary_wherever_they_are():
    text = ARTICLE_TEXT.encode()
    for data in (b"\x00" * 20_000 + text, text + b"\x00" * 20_000):
        result = process_page(RawPage("zeros.txt", data, "text"))
        assert isinstance(result, Reject) and result.reason == "binary"


def test_a_no_article_page_keeps_its_lines_in_boilerplate():
    reject = process_page(RawPage("chrome.txt", CHROME_ONLY.encode(), "text"))
    assert isinstance(reject, Reject) and reject.reason == "no_article"
    tables = tables_for([reject], "run", datetime.now())
    rows = tables["boilerplate"].to_pylist()
    assert {row["text"] for row in rows} == {line for line in CHROME_ONLY.splitlines() if line}
    assert {row["doc_id"] for row in rows} == {doc_id_for("chrome.txt")} == \
        set(tables["rejects"].column("doc_id").to_pylist())


# --- one real run over such folders ------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_folders(cli_env, tmp_path_factory):
    """`cityclips run siteA siteB`, then the same again: (first run, re-run, out folder)."""
    base = tmp_path_factory.mktemp("real-folders")
    site_a, site_b, outside = base / "siteA", base / "siteB", base / "outside"
    _write(Path(os.fsdecode(bytes(site_a) + b"/" + BAD_NAME)), ARTICLE_TEXT.replace("library", "museum").encode())
    _write(site_a / "page.txt", ARTICLE_TEXT.encode())
    _write(site_b / "page.txt", KOREAN_ARTICLE.encode())
    _write(site_b / "chrome.txt", CHROME_ONLY.encode())
    for index, offset in enumerate(NUL_OFFSETS):  # different articles: two copies would be a site template
        _write(site_b / f"nul_{offset}.txt", _with_nul_at(offset, first_line=100 * index))
    _write(outside / "elsewhere.txt", KOREAN_ARTICLE.replace("2단계", "5단계").encode())
    (site_a / "passwd.txt").symlink_to("/etc/passwd")
    (site_a / "linked").symlink_to(outside)
    out = base / "out"
    args = ["run", str(site_a), str(site_b), "--out", str(out)]
    first = run_cli(args, cli_env, base / "log1")
    again = run_cli(args, cli_env, base / "log2")
    return first, again, out


def test_the_run_and_every_later_run_complete(real_folders):
    first, again, _ = real_folders
    assert first.returncode == 0, first.stderr[-3000:]
    assert again.returncode == 0, again.stderr[-3000:]
    assert "Traceback" not in first.stderr + again.stderr


def test_the_name_that_is_not_utf8_is_stored_and_round_trips(real_folders):
    _, _, out = real_folders
    (row,) = [r for r in table_rows(out, "documents") if r["source_path"].startswith("siteA/19_")]
    assert row["source_path"] == "siteA/19_bad_utf8_\\xff\\xfe.txt"
    assert path_bytes(row["source_path"]) == b"siteA/" + BAD_NAME
    assert row["doc_id"] == hashlib.sha256(b"siteA/" + BAD_NAME).hexdigest()[:16]


def test_both_roots_keep_their_page(real_folders):
    _, _, out = real_folders
    documents = {r["source_path"]: r for r in table_rows(out, "documents")}
    assert {"siteA/page.txt", "siteB/page.txt"} <= set(documents)
    assert documents["siteA/page.txt"]["doc_id"] != documents["siteB/page.txt"]["doc_id"]
    assert "Gwangju" in documents["siteA/page.txt"]["body_text"]
    assert "광주광역시" in documents["siteB/page.txt"]["body_text"]


def test_no_data_from_outside_the_inputs(real_folders):
    _, _, out = real_folders
    documents = table_rows(out, "documents")
    assert not any("root:" in r["body_text"] or "5단계" in r["body_text"] for r in documents)
    rejects = {r["source_path"]: r["reason"] for r in table_rows(out, "rejects")}
    assert rejects["siteA/passwd.txt"] == rejects["siteA/linked"] == "outside_inputs"


def test_nul_bytes_early_or_late_are_removed_the_same_way(real_folders):
    _, _, out = real_folders
    documents = {r["source_path"]: r for r in table_rows(out, "documents")}
    for index, offset in enumerate(NUL_OFFSETS):
        body = documents[f"siteB/nul_{offset}.txt"]["body_text"]
        assert "\x00" not in body
        assert ENGLISH[100 * index + 40] in body  # the text around the NUL is all there


def test_the_chrome_only_page_keeps_its_lines_in_the_tables_and_the_database(real_folders):
    _, _, out = real_folders
    (reject,) = [r for r in table_rows(out, "rejects") if r["source_path"] == "siteB/chrome.txt"]
    assert reject["reason"] == "no_article"
    lines = [r for r in table_rows(out, "boilerplate") if r["doc_id"] == reject["doc_id"]]
    assert "모바일메뉴 열기" in {r["text"] for r in lines}
    con = duckdb.connect(str(out / "cityclips.duckdb"), read_only=True)
    try:
        (source_path,) = con.execute("select distinct source_path from boilerplate_by_page where doc_id = ?",
                                     [reject["doc_id"]]).fetchone()
    finally:
        con.close()
    assert source_path == "siteB/chrome.txt"
