"""Columns of the contract (warehouse/schemas.py) end to end: pages -> Parquet -> stg_documents -> articles.

event_at / event_at_source: when the event a page announces takes place and where that was read
(transforms/records.py Metadata), beside published_at, which stays the day the page was posted.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from tests.sql.sql_rows import runs_table
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import Document, RawPage
from cityclips.warehouse.contract import rules_of
from cityclips.warehouse.models import build_database, database_path
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.schemas import DOCUMENTS
from cityclips.warehouse.store import Warehouse

EN_EVENT = b"""<html lang="en"><head><title>Board Meeting | Springfield</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Board Meeting",
"startDate":"2025-11-13T14:30:00","location":"City Hall"}</script></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>Board Meeting</h1>
<p>The Board of Aldermen meets in the council chamber to discuss the annual budget, the new library and the
road repairs on Main Street.</p>
<p>Residents are welcome to attend and speak during the public comment period at the start of the meeting.</p>
</article></main></body></html>"""
KO_EVENT = """<html lang="ko"><head><title>시민 문화 축제 안내</title></head><body><div id="content">
<h2>시민 문화 축제 안내</h2>
<table><tr><th>행사일시</th><td>2025-10-03 10:00</td></tr><tr><th>장소</th><td>광주 시청 광장</td></tr></table>
<p>광주광역시는 시민과 함께하는 문화 축제를 시청 광장에서 개최합니다. 다양한 공연과 체험 행사가 준비되어 있습니다.</p>
<p>많은 시민 여러분의 참여를 바랍니다. 자세한 사항은 문화정책과로 문의하시기 바랍니다.</p></div></body></html>""".encode()
NO_EVENT = """<html lang="ko"><head><title>광주시 보도자료</title></head><body><div id="content"><h2>광주시, 청년 일자리 사업 확대</h2>
<p>입력 2025.12.06 16:43</p>
<p>광주광역시는 내년부터 청년 일자리 사업을 확대한다고 밝혔다. 지원 대상은 만 18세부터 39세까지의 시민이다.</p>
<p>시는 이번 사업으로 청년 천 명에게 새로운 일자리를 제공할 계획이다.</p></div></body></html>""".encode()
PAGES = {"en/board-meeting.html": EN_EVENT, "ko/festival.html": KO_EVENT, "ko/news.html": NO_EVENT}


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    """The three pages processed, published and built as a run would (no Prefect)."""
    out = tmp_path_factory.mktemp("event-at")
    results = process_pages([RawPage(path, data, "html") for path, data in PAGES.items()])
    assert all(isinstance(result, Document) for result in results)
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for table, data in tables_for(results, "run-test", datetime(2026, 1, 1)).items():
            writer.write(table, data, "p0")
        writer.write("runs", runs_table("run-test"), "p0")
        writer.publish()
    report = build_database(out)
    assert not report.failed, [test.name for test in report.failed]  # documents_sources_accepted among them
    return out


def _events(out: Path, relation: str) -> dict[str, tuple]:
    with duckdb.connect(str(database_path(out)), read_only=True) as con:
        rows = con.execute(f"select source_path, event_at, event_at_source, published_at from {relation}").fetchall()
    return {path: tuple(rest) for path, *rest in rows}


def test_the_documents_contract_declares_event_at_beside_published_at():
    names = DOCUMENTS.names
    assert names.index("event_at") > names.index("published_at")  # added, nothing renamed or moved
    assert DOCUMENTS.field("event_at").type == DOCUMENTS.field("published_at").type
    assert rules_of(DOCUMENTS.field("event_at")).description
    assert "url" in rules_of(DOCUMENTS.field("published_at_source")).description


@pytest.mark.parametrize("relation", ["stg_documents", "articles"])
def test_event_at_reaches_staging_and_articles_in_english_and_korean(database, relation):
    events = _events(database, relation)
    assert events["en/board-meeting.html"][:2] == (datetime(2025, 11, 13, 14, 30), "json_ld")
    assert events["ko/festival.html"][:2] == (datetime(2025, 10, 3, 10, 0), "board_table")
    assert events["ko/news.html"][:2] == (None, None)  # a press release announces no event
    assert events["ko/news.html"][2] == datetime(2025, 12, 6, 16, 43)  # its posting date stays published_at


def test_the_parquet_table_holds_event_at(database):
    documents = Warehouse(database).read_table("documents")
    rows = dict(zip(documents.column("source_path").to_pylist(), documents.column("event_at_source").to_pylist()))
    assert rows == {"en/board-meeting.html": "json_ld", "ko/festival.html": "board_table", "ko/news.html": None}
