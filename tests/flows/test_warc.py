"""WARC input: archives written by warcio's writer are indexed, read by offset, and rejected record by record."""
from __future__ import annotations

import gzip
import io
from datetime import datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cityclips.flows.inputs import discover, read_page
from cityclips.flows.warc import index_warc, parse_warc_date
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import Document

BASE = "https://www.example.go.kr/"
FETCHED = "2024-05-01T10:00:00Z"
KOREAN_PAGE = ("<html><head><title>시청 안내</title></head><body><h1>시청 민원실 운영 시간 연장</h1>"
               "<p>서울시는 다음 달부터 시청 민원실 운영 시간을 오후 9시까지 연장한다고 밝혔다.</p>"
               "<p>시민 누구나 이용할 수 있으며 자세한 내용은 누리집에서 확인할 수 있다.</p></body></html>")


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], extras: bool = True, gzip_members: bool = True,
               status: str = "200 OK") -> Path:
    """A WARC as crawlers write it: warcinfo, then a request and a response per page (url, body, content type);
    extras adds a redirect, an image and a metadata record."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_members)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cityclips tests"}))
        records = list(pages)
        if extras:
            records.insert(1, (BASE + "old-page", b"", "text/html"))
            records.append((BASE + "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"))
        for url, body, content_type in records:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            line = "301 Moved Permanently" if url.endswith("old-page") else status
            headers = [("Content-Type", content_type)] + ([("Location", BASE + "new-page")] if line.startswith("301") else [])
            http = StatusAndHeaders(line, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": FETCHED}))
        if extras:
            writer.write_record(writer.create_warc_record(BASE, "metadata", payload=io.BytesIO(b"outlinks: 3"),
                                                          warc_content_type="text/plain"))
    return path


def korean_pages(n: int) -> list[tuple[str, bytes, str]]:
    return [(f"{BASE}news/{i}.html", KOREAN_PAGE.replace("9시", f"{i}시").encode(), "text/html; charset=utf-8")
            for i in range(n)]


def test_response_records_become_pages_with_url_fetch_time_status_and_type(tmp_path):
    archive = write_warc(tmp_path / "crawl.warc.gz", korean_pages(3))
    pages, problems = index_warc(archive, "crawl.warc.gz")
    assert [p.source_path for p in pages] == [f"crawl.warc.gz#{BASE}news/{i}.html" for i in range(3)]
    first = pages[0]
    assert (first.url, first.fetched_at, first.http_status, first.content_type, first.source_format) == (
        f"{BASE}news/0.html", datetime(2024, 5, 1, 10, 0), 200, "text/html; charset=utf-8", "html")
    # warcinfo, request and metadata records are not pages; the redirect and the image are rejects
    assert [(p.reason, p.detail) for p in problems] == [
        ("redirect", f"HTTP 301 redirect to {BASE}new-page"), ("not_a_page", "not a page: content type image/png")]
    raw = read_page(pages[1], 10 ** 6)
    assert raw.data == KOREAN_PAGE.replace("9시", "1시").encode() and raw.url == pages[1].url


def test_discovery_finds_archives_beside_files(tmp_path):
    write_warc(tmp_path / "crawl.warc", korean_pages(2), gzip_members=False)
    (tmp_path / "page.html").write_text(KOREAN_PAGE, encoding="utf-8")
    files, problems = discover([tmp_path])
    assert [f.source_path for f in files] == [f"crawl.warc#{BASE}news/0.html", f"crawl.warc#{BASE}news/1.html",
                                              "page.html"]
    assert {p.reason for p in problems} == {"redirect", "not_a_page"}


def test_the_http_charset_decodes_a_page_that_declares_none(tmp_path):
    body = KOREAN_PAGE.encode("cp949")
    archive = write_warc(tmp_path / "euc.warc.gz", [(BASE + "euc.html", body, "text/html; charset=EUC-KR")],
                         extras=False)
    pages, _ = index_warc(archive, "euc.warc.gz")
    document = process_pages([read_page(pages[0], 10 ** 6)])[0]
    assert isinstance(document, Document)
    assert document.encoding == "cp949" and "민원실" in document.body_text
    assert (document.source.url, document.source.site) == (BASE + "euc.html", "example.go.kr")


def test_a_server_error_page_is_an_error(tmp_path):
    archive = write_warc(tmp_path / "err.warc.gz", korean_pages(1), extras=False, status="500 Internal Server Error")
    pages, _ = index_warc(archive, "err.warc.gz")
    document = process_pages([read_page(pages[0], 10 ** 6)])[0]
    assert (document.page_kind, document.source.http_status) == ("error", 500)


@pytest.mark.parametrize("keep", [0.35, 0.5, 0.62, 0.8, 0.97])
def test_a_truncated_archive_keeps_its_complete_records_and_rejects_the_rest(tmp_path, keep):
    whole = write_warc(tmp_path / "whole.warc.gz", korean_pages(20), extras=False)
    complete, _ = index_warc(whole, "whole.warc.gz")
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:int(len(data) * keep)])
    pages, problems = index_warc(cut, "cut.warc.gz")
    # every record that ends before the cut is kept, the one cut through is the one reject
    expected = [p for p in complete if p.warc_offset + p.size <= int(len(data) * keep)]
    assert [p.url for p in pages] == [p.url for p in expected[:len(pages)]]
    assert len(expected) - 1 <= len(pages) <= len(expected)  # a request record may be the one cut
    assert len(problems) == 1 and problems[0].reason in ("warc_malformed", "warc_truncated")
    assert all(isinstance(process_pages([read_page(p, 10 ** 6)])[0], Document) for p in pages)


def test_garbage_in_an_archive_stops_there_and_is_one_reject(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", korean_pages(6), extras=False)
    data = whole.read_bytes()
    members = [m for m in data.split(b"\x1f\x8b\x08") if m]
    bad = tmp_path / "bad.warc.gz"
    middle = len(members) // 2
    bad.write_bytes(b"".join(b"\x1f\x8b\x08" + m for m in members[:middle]) + b"not a gzip member at all"
                    + b"".join(b"\x1f\x8b\x08" + m for m in members[middle:]))
    pages, problems = index_warc(bad, "bad.warc.gz")
    assert 0 < len(pages) < 6
    assert [p.reason for p in problems] == ["warc_malformed"]
    assert problems[0].source_path.startswith("bad.warc.gz#offset=")


def test_an_empty_or_unreadable_archive(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(gzip.compress(b""))
    assert index_warc(empty, "empty.warc.gz") == ([], [])
    pages, problems = index_warc(tmp_path / "missing.warc", "missing.warc")
    assert pages == [] and problems[0].reason == "unreadable"


def test_warc_dates():
    assert parse_warc_date("2024-05-01T10:00:00Z") == datetime(2024, 5, 1, 10, 0)
    assert parse_warc_date("2024-05-01T19:00:00.123+09:00") == datetime(2024, 5, 1, 10, 0, 0, 123000)
    assert parse_warc_date("yesterday") is None and parse_warc_date(None) is None


# --- end to end: the seeds and the project's HTML eval pages, from files and from a WARC ---------------

ASIDE = {"doc_id", "source_path", "url", "fetched_at", "http_status", "content_type", "processed_at", "run_id",
         "parse_ms", "duplicate_group", "canonical_doc_id", "file_modified_at"}  # the last three: doc_ids, file time


def _rows_by_page(out: Path, prefix: str) -> dict[str, dict[str, list]]:
    """Every page table's rows per page, keyed by the page's path (the WARC prefix stripped), ids aside."""
    import pyarrow.dataset as ds
    documents = ds.dataset(str(out / "documents"), format="parquet").to_table().to_pylist()
    key = {d["doc_id"]: d["source_path"].removeprefix(prefix) for d in documents}
    tables: dict[str, dict[str, list]] = {}
    for name in ("documents", "segments", "attachments", "quotes", "boilerplate", "links"):
        rows = ds.dataset(str(out / name), format="parquet").to_table().to_pylist() if (out / name).exists() else []
        for row in rows:
            page_key = key[row["doc_id"]]
            kept = {k: v for k, v in row.items() if k not in ASIDE}
            tables.setdefault(name, {}).setdefault(page_key, []).append(kept)
    return tables


@pytest.fixture(scope="module")
def two_runs(prefect_api, tmp_path_factory):
    from cityclips.flows.flow import cityclips_flow
    from tests.conftest import EVAL_PAGES, SEEDS
    pages = sorted(SEEDS.glob("*.txt")) + sorted(EVAL_PAGES.glob("*.html"))
    files = tmp_path_factory.mktemp("files")
    for path in pages:
        (files / path.name).write_bytes(path.read_bytes())
    crawl = tmp_path_factory.mktemp("crawl")
    write_warc(crawl / "crawl.warc.gz", [(BASE + p.name, p.read_bytes(),
                                          "text/plain; charset=utf-8" if p.suffix == ".txt" else "text/html")
                                         for p in pages])
    out_files, out_warc = tmp_path_factory.mktemp("out_files"), tmp_path_factory.mktemp("out_warc")
    from_files = cityclips_flow(inputs=[str(files)], out=str(out_files), base_url=BASE)
    from_warc = cityclips_flow(inputs=[str(crawl)], out=str(out_warc))
    return len(pages), (out_files, from_files), (out_warc, from_warc)


@pytest.mark.slow
def test_the_same_pages_from_files_and_from_a_warc_give_the_same_rows(two_runs):
    n_pages, (out_files, from_files), (out_warc, from_warc) = two_runs
    assert from_files.pages_processed == n_pages and from_files.pages_rejected == 0
    assert from_warc.pages_processed == n_pages and from_warc.batch.rejects_by_reason == {"redirect": 1,
                                                                                          "not_a_page": 1}
    by_files, by_warc = _rows_by_page(out_files, ""), _rows_by_page(out_warc, f"crawl.warc.gz#{BASE}")
    assert len(by_files["documents"]) == n_pages
    for table in by_files.keys() | by_warc.keys():
        assert by_files.get(table) == by_warc.get(table), table


@pytest.mark.slow
def test_the_warc_run_fills_url_site_and_fetch_time_in_documents_and_marts(two_runs):
    import duckdb
    _, _, (out_warc, _) = two_runs
    with duckdb.connect(str(out_warc / "cityclips.duckdb"), read_only=True) as con:
        documents = con.execute("select count(*), count(url), count(fetched_at), min(site), max(site) "
                                "from stg_documents").fetchall()
        articles = con.execute("select count(*), count(url), min(fetched_at) from articles").fetchall()
        per_site = con.execute("select site, sum(n_articles) from articles_by_site_month group by site").fetchall()
        rejects = con.execute("select reason, source_path from stg_rejects order by reason").fetchall()
    n = documents[0][0]
    assert documents == [(n, n, n, "example.go.kr", "example.go.kr")]
    assert articles[0][1] == articles[0][0] > 0 and articles[0][2] == datetime(2024, 5, 1, 10, 0)
    assert per_site and per_site[0][0] == "example.go.kr" and per_site[0][1] > 0
    assert rejects == [("not_a_page", f"crawl.warc.gz#{BASE}logo.png"), ("redirect", f"crawl.warc.gz#{BASE}old-page")]
