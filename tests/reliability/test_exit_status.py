"""The real `cityclips run` on a folder of bad pages: it completes (exit 0), quarantines every bad page
in rejects with its reason, counts them in the summary and the runs table, executes nothing from a
page, and fails with one sentence (exit != 0) only when it cannot write its output.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from reliability_helpers import (ARTICLE_TEXT, CHROME_ONLY, KOREAN_ARTICLE, PNG_BYTES, PROJECT, UNDECODABLE_BYTES,
                                 long_line_page, run_cli, script_page, table_rows)

MAX_PAGE_MB = 5  # the run's --max-page-mb: the 2 MB line passes, the 50 MB file does not
EXPECTED_REJECTS = {"empty.txt": "empty", "image.html": "binary", "image.txt": "binary", "garbled.txt": "undecodable",
                    "chrome.txt": "no_article", "huge.txt": "too_large", "dangling.txt": "unreadable",
                    "pipe.txt": "unreadable"}
# Good pages each sit in their own top folder: template detection counts lines per top folder, and
# two small pages sharing lines in one folder would make those lines look like a site template.
EXPECTED_DOCUMENTS = {"cp949/korean.txt", "truncated/truncated.html", "long/one_line.txt", "dups/copy_a.txt",
                      "dups/copy_b.txt", "광주 시청/보도 자료 2024.txt", "script/script.html", "seed/seed.txt"}


def _truncated_html() -> bytes:
    page = (PROJECT / "eval/pages/009_gwangju_hydrogen_bus.html").read_bytes()
    cut = page.index(b"</p>", page.index(b"330 diesel")) + 4  # after the article's first paragraph
    return page[:cut] + b'<p>The fleet <a hre'


def _write(root: Path, rel: str, data: bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture(scope="module")
def bad_run(cli_env, tmp_path_factory):
    """One real run over every kind of bad page: (completed process, out folder, script marker path)."""
    base = tmp_path_factory.mktemp("bad-inputs")
    pages, out, marker = base / "pages", base / "out", base / "executed.txt"
    _write(pages, "empty.txt", b"")
    _write(pages, "image.html", PNG_BYTES)
    _write(pages, "image.txt", PNG_BYTES)
    _write(pages, "garbled.txt", UNDECODABLE_BYTES)
    _write(pages, "chrome.txt", CHROME_ONLY.encode())
    with open(pages / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 ** 2)  # sparse: 50 MB that takes no disk and is never read
    (pages / "dangling.txt").symlink_to(pages / "deleted.txt")
    os.mkfifo(pages / "pipe.txt")
    (pages / "loop").mkdir()
    (pages / "loop" / "again").symlink_to(pages)  # a symlink loop in the input tree
    _write(pages, "cp949/korean.txt", KOREAN_ARTICLE.encode("euc-kr"))
    _write(pages, "truncated/truncated.html", _truncated_html())
    _write(pages, "long/one_line.txt", long_line_page())
    _write(pages, "dups/copy_a.txt", ARTICLE_TEXT.encode())
    _write(pages, "dups/copy_b.txt", ARTICLE_TEXT.encode())
    _write(pages, "광주 시청/보도 자료 2024.txt", KOREAN_ARTICLE.replace("2단계", "3단계").encode())
    _write(pages, "script/script.html", script_page(marker))
    _write(pages, "seed/seed.txt", (PROJECT / "seeds/001_37b750b5778ba05a.txt").read_bytes())
    completed = run_cli(["run", str(pages), "--out", str(out), "--max-page-mb", str(MAX_PAGE_MB)], cli_env,
                        base / "log")
    return completed, out, marker


def test_run_with_rejects_exits_zero(bad_run):
    completed, _, _ = bad_run
    assert completed.returncode == 0, completed.stderr[-3000:]


def test_every_bad_page_is_rejected_with_its_reason(bad_run):
    _, out, _ = bad_run
    rejects = {row["source_path"]: row for row in table_rows(out, "rejects")}
    assert {path: row["reason"] for path, row in rejects.items()} == EXPECTED_REJECTS
    assert all(row["detail"] for row in rejects.values())
    assert f"{MAX_PAGE_MB * 1024 ** 2}-byte page limit (--max-page-mb)" in rejects["huge.txt"]["detail"]
    assert rejects["huge.txt"]["source_bytes"] == 50 * 1024 ** 2


def test_every_good_page_is_a_document_once(bad_run):
    _, out, _ = bad_run
    documents = {row["source_path"]: row for row in table_rows(out, "documents")}
    assert set(documents) == EXPECTED_DOCUMENTS  # nothing twice through the symlink loop
    assert documents["cp949/korean.txt"]["encoding"] == "cp949"
    assert documents["dups/copy_a.txt"]["content_sha256"] == documents["dups/copy_b.txt"]["content_sha256"]
    assert documents["long/one_line.txt"]["n_chars"] > 2_000_000
    assert documents["truncated/truncated.html"]["title"]


def test_summary_counts_rejects_by_reason(bad_run):
    completed, out, _ = bad_run
    expected = Counter(EXPECTED_REJECTS.values())
    (run,) = table_rows(out, "runs")
    assert json.loads(run["counts_json"])["rejects_by_reason"] == dict(expected)
    assert run["pages_rejected"] == len(EXPECTED_REJECTS)
    assert run["pages_seen"] == len(EXPECTED_REJECTS) + len(EXPECTED_DOCUMENTS)
    assert "**Rejects by reason**" in completed.stdout
    for reason, count in expected.items():
        assert f"| {reason} | {count} |" in completed.stdout


def test_scripts_in_pages_are_never_executed(bad_run):
    _, out, marker = bad_run
    assert not marker.exists(), "a script from a page was executed"
    documents = {row["source_path"]: row for row in table_rows(out, "documents")}
    page = documents["script/script.html"]
    assert "library for children" in page["body_text"]
    assert "writeFileSync" not in page["body_text"] and "document.write" not in page["body_text"]
    scripts = [row for row in table_rows(out, "boilerplate") if row["doc_id"] == page["doc_id"]]
    assert any(row["rule"] == "html_script" and "document.write" in row["text"] for row in scripts)
    assert any("writeFileSync" in row["text"] for row in scripts)


@pytest.fixture(scope="module")
def unwritable_run(cli_env, tmp_path_factory):
    base = tmp_path_factory.mktemp("unwritable")
    blocker = base / "a_file"
    blocker.write_text("not a folder")
    pages = base / "pages"
    _write(pages, "article.txt", ARTICLE_TEXT.encode())
    return run_cli(["run", str(pages), "--out", str(blocker / "out")], cli_env, base / "log"), blocker


def test_unwritable_output_fails_with_one_clear_sentence(unwritable_run):
    completed, blocker = unwritable_run
    assert completed.returncode != 0
    errors = [line for line in completed.stderr.splitlines() if line.startswith("cityclips: ")]
    assert len(errors) == 1, completed.stderr[-2000:]
    assert errors[0].startswith("cityclips: cannot write to the output folder"), errors[0]
    assert "--out" in errors[0]
    assert blocker.read_text() == "not a folder"


def test_unwritable_output_prints_no_traceback(unwritable_run):
    completed, _ = unwritable_run
    assert "Traceback" not in completed.stderr
