"""Bad pages at the pipeline level (no Prefect): each becomes a Document or a Reject with a clear reason."""
from __future__ import annotations

import os
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from reliability_helpers import (ARTICLE_TEXT, CHROME_ONLY, KOREAN_ARTICLE, PNG_BYTES, PROJECT, UNDECODABLE_BYTES,
                                 long_line_page)

from cityclips.flows.batches import process_batch
from cityclips.flows.inputs import discover, read_page
from cityclips.transforms.pipeline import PageSettings, process_page, process_pages
from cityclips.transforms.records import Document, RawPage, Reject
from cityclips.warehouse.store import Warehouse

LONG_LINE_MAX_RATIO = 25  # ten times the text: ~10x when linear, ~100x when quadratic


def _process(name: str, data: bytes, **kwargs) -> Document | Reject:
    return process_page(RawPage(name, data, "html" if name.endswith((".html", ".htm")) else "text"), **kwargs)


def _rejected(result, reason: str) -> Reject:
    assert isinstance(result, Reject), f"expected a {reason} reject, got a Document titled {result.metadata.title!r}"
    assert result.reason == reason, f"expected {reason}, got {result.reason}: {result.detail}"
    assert result.detail, "a reject needs a sentence saying what was wrong"
    return result


@pytest.mark.parametrize("name,data", [("empty.txt", b""), ("empty.html", b""), ("blank.txt", b" \n\t\r\n ")])
def test_empty_file_is_rejected_as_empty(name, data):
    _rejected(_process(name, data), "empty")


@pytest.mark.parametrize("name", ["bom_only.txt", "bom_only.html"])
def test_file_of_only_a_byte_order_mark_is_rejected_as_empty(name):
    _rejected(_process(name, b"\xef\xbb\xbf\r\n"), "empty")


@pytest.mark.parametrize("name", ["image.html", "image.txt"])
def test_png_saved_as_a_page_is_rejected_as_binary(name):
    reject = _rejected(_process(name, PNG_BYTES), "binary")
    assert "binary" in reject.detail


def test_undecodable_bytes_are_rejected_as_undecodable():
    reject = _rejected(_process("garbled.txt", UNDECODABLE_BYTES), "undecodable")
    assert "no encoding explains these bytes" in reject.detail and "UTF-8" in reject.detail


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(encoding):
    """Windows 'Unicode' text: every other byte is NUL, which must not read as binary."""
    data = ("\ufeff" + KOREAN_ARTICLE).encode(encoding)
    document = _process("windows.txt", data)
    assert isinstance(document, Document), document
    assert "입주기업 300곳" in document.body_text


def test_a_few_bad_bytes_in_an_article_are_replaced_and_counted():
    # a UTF-8 article (Korean in it) with one stray pair: UTF-8 explains it best, the pair is replaced
    data = (ARTICLE_TEXT + KOREAN_ARTICLE).encode() + b"A last line with a stray \xff\xfe byte pair.\n"
    document = _process("stray.txt", data)
    assert isinstance(document, Document)
    assert document.replaced_chars > 0 and document.warnings


@pytest.mark.parametrize("name,wrap", [
    ("korean.txt", lambda text: text),
    ("korean.html", lambda text: "<html><body><h1>광주시, 인공지능 데이터센터 2단계 확충 추진</h1>"
                                 + "".join(f"<p>{line}</p>" for line in text.splitlines()[3:]) + "</body></html>"),
])
def test_euc_kr_without_a_declaration_decodes_as_cp949(name, wrap):
    data = wrap(KOREAN_ARTICLE).encode("euc-kr")
    assert b"charset" not in data
    document = _process(name, data)
    assert isinstance(document, Document), document
    assert document.encoding == "cp949" and document.replaced_chars == 0
    assert document.metadata.title == "광주시, 인공지능 데이터센터 2단계 확충 추진"
    assert "입주기업 300곳" in document.body_text
    assert document.language == "ko"


def test_html_truncated_mid_tag_keeps_the_text_before_the_cut():
    page = (PROJECT / "eval/pages/009_gwangju_hydrogen_bus.html").read_bytes()
    whole = _process("whole.html", page)
    assert isinstance(whole, Document)
    first_paragraph = next(s.text for s in whole.segments if s.kind == "paragraph")
    cut = page.index(first_paragraph[:40].encode()) + 200
    truncated = page[:cut] + b'<a href="/eng/news/view?id='
    document = _process("truncated.html", truncated)
    assert isinstance(document, Document), document
    assert document.metadata.title == whole.metadata.title
    assert first_paragraph[:40] in document.body_text


def _cpu_seconds(data: bytes) -> tuple[float, Document | Reject]:
    started = time.thread_time()  # this thread's CPU: other work on the machine counts less
    result = _process("one_line.txt", data)
    return time.thread_time() - started, result


def test_one_2mb_line_costs_linear_time():
    """A 2 MB line is a mis-saved page: its cost must grow with its length, not with its square.

    Measured as a ratio against a 200 KB line in the same run (ten times shorter), so the test
    holds on a slow or busy machine; a quadratic step (a backtracking pattern) would give ~100x.
    """
    data, short = long_line_page(), long_line_page(200 * 1024)
    assert len(data) > 2 * 1024 ** 2 and data.count(b"\n") < 10
    _cpu_seconds(short)  # warm the caches and imports
    short_seconds = min(_cpu_seconds(short)[0] for _ in range(3))
    seconds, document = _cpu_seconds(data)
    assert isinstance(document, Document), document
    assert document.metadata.title == "Gwangju opens a new library for children"
    assert max(len(s.text) for s in document.segments) > 2_000_000
    ratio = seconds / max(short_seconds, 1e-3)
    assert ratio < LONG_LINE_MAX_RATIO, f"a 2 MB line took {seconds:.2f} s, {ratio:.0f}x a 200 KB line"


@pytest.mark.parametrize("name,data", [
    ("chrome.txt", CHROME_ONLY.encode()),
    ("chrome.html", ("<html><head><title>Gwangju</title></head><body><header><a href='/'>Home</a></header>"
                     "<nav><ul><li><a href='/a'>About</a></li><li><a href='/n'>News</a></li>"
                     "<li><a href='/t'>Tourism</a></li><li><a href='/i'>Investment</a></li></ul></nav>"
                     "<div class='skip'><a href='#c'>Shortcut to the text</a></div>"
                     "<footer>Copyright © Gwangju Metropolitan City. All rights reserved.</footer></body></html>").encode()),
])
def test_page_of_only_chrome_is_rejected_as_no_article(name, data):
    reject = _rejected(_process(name, data), "no_article")
    assert "boilerplate" in reject.detail


def _sparse_file(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)  # no 50 MB on disk or in memory: a sparse file of that size
    return path


def test_50mb_file_is_rejected_as_too_large_without_reading_it(tmp_path):
    _sparse_file(tmp_path / "huge.txt", 50 * 1024 ** 2)
    (item,), problems = discover([tmp_path])
    settings = PageSettings()  # the default limit, 20 MB (cityclips run --max-page-mb 20)
    tracemalloc.start()
    try:
        raw = read_page(item, settings.max_page_bytes)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 ** 2, f"reading an oversized page allocated {peak} bytes"
    assert raw.source_bytes == 50 * 1024 ** 2
    reject = _rejected(process_page(raw, settings=settings), "too_large")
    assert reject.source_bytes == 50 * 1024 ** 2
    assert f"{settings.max_page_bytes}-byte page limit (--max-page-mb)" in reject.detail


def test_read_page_never_reads_more_than_the_limit_plus_one(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"x" * 1000)
    (item,), _ = discover([path])
    path.write_bytes(b"x" * 5000)  # the file grew after discovery
    raw = read_page(item, 2000)
    assert len(raw.data) <= 2001 and raw.source_bytes == 5000
    _rejected(process_page(raw, settings=PageSettings(max_page_bytes=2000)), "too_large")


def test_too_large_reject_claims_no_content_hash(tmp_path):
    _sparse_file(tmp_path / "huge.txt", 50 * 1024 ** 2)
    (item,), _ = discover([tmp_path])
    reject = _rejected(process_page(read_page(item, 1024 ** 2), settings=PageSettings(1024 ** 2)), "too_large")
    assert reject.content_sha256 == ""


def _run_batch(tmp_path: Path, inputs: list[Path]) -> tuple[list[dict], list[dict]]:
    """process_batch over discovered files into a scratch version: (documents rows, rejects rows)."""
    files, problems = discover(inputs)
    writer = Warehouse(tmp_path / "out").begin()
    process_batch(items=files, templates={}, writer=writer, part="test", run_id="run-test", settings=PageSettings())
    rows = {}
    for table in ("documents", "rejects"):
        parts = sorted((writer.root / table).glob("*.parquet"))
        rows[table] = [r for p in parts for r in pq.read_table(p).to_pylist()]
    return rows["documents"], rows["rejects"] + [{"source_path": p.source_path, "reason": "unreadable",
                                                    "detail": p.detail} for p in problems]


def test_unreadable_file_is_rejected_as_unreadable(tmp_path, monkeypatch):
    """Root reads any file whatever its mode, so 'permission denied' is simulated at os.open."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "ok.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    secret = pages / "secret.txt"
    secret.write_text(ARTICLE_TEXT, encoding="utf-8")
    real_open = os.open

    def refuse_secret(path, flags, *args, **kwargs):
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_secret)
    documents, rejects = _run_batch(tmp_path, [pages])
    assert [d["source_path"] for d in documents] == ["ok.txt"]
    assert [(r["source_path"], r["reason"]) for r in rejects] == [("secret.txt", "unreadable")]
    assert "Permission denied" in rejects[0]["detail"]


def test_broken_symlink_and_named_pipe_are_rejected_as_unreadable(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "ok.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (pages / "dangling.txt").symlink_to(pages / "gone.txt")
    os.mkfifo(pages / "pipe.txt")  # reading it would block forever
    (pages / "folder.txt").mkdir()  # a folder named like a page is a folder: its pages are read
    (pages / "folder.txt" / "inner.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    documents, rejects = _run_batch(tmp_path, [pages])
    assert sorted(d["source_path"] for d in documents) == ["folder.txt/inner.txt", "ok.txt"]
    assert sorted((r["source_path"], r["reason"]) for r in rejects) == [("dangling.txt", "unreadable"),
                                                                       ("pipe.txt", "unreadable")]


def test_duplicate_files_are_both_kept_with_the_same_content_hash(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "copy_a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (pages / "copy_b.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    documents, rejects = _run_batch(tmp_path, [pages])
    assert not rejects
    assert [d["source_path"] for d in documents] == ["copy_a.txt", "copy_b.txt"]
    assert documents[0]["content_sha256"] == documents[1]["content_sha256"]
    assert documents[0]["doc_id"] != documents[1]["doc_id"]
    assert documents[0]["body_text"] == documents[1]["body_text"]


def test_korean_file_names_with_spaces(tmp_path):
    pages = tmp_path / "pages" / "광주 시청"
    pages.mkdir(parents=True)
    (pages / "보도 자료 2024.txt").write_bytes(KOREAN_ARTICLE.encode("utf-8"))
    (pages / "news clip (1).html").write_bytes(f"<h1>Library</h1><p>{ARTICLE_TEXT}</p>".encode())
    documents, rejects = _run_batch(tmp_path, [tmp_path / "pages"])
    assert not rejects
    assert sorted(d["source_path"] for d in documents) == ["광주 시청/news clip (1).html", "광주 시청/보도 자료 2024.txt"]
    assert all(d["processed_at"] <= datetime.now() for d in documents)


def test_every_reject_reason_is_one_of_the_documented_codes():
    documented = {"empty", "binary", "too_large", "too_many_nodes", "too_many_lines", "undecodable", "no_article",
                  "unreadable", "outside_inputs", "error"}
    results = process_pages([RawPage("a.txt", b"", "text"), RawPage("b.txt", PNG_BYTES, "text"),
                             RawPage("c.txt", UNDECODABLE_BYTES, "text"), RawPage("d.txt", CHROME_ONLY.encode(), "text")])
    assert {r.reason for r in results} <= documented - {"error"}
