"""Hand-made raw.* rows for the SQL model tests, and an in-memory DuckDB built from them.

The raw tables get exactly the contract's schemas (warehouse.schemas.TABLES); each row helper fills
the columns a test does not care about with plain values, so a test states only what it checks.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import duckdb
import pyarrow as pa

from cityclips.warehouse.models import create_raw_table, create_models
from cityclips.warehouse.schemas import TABLES

PROCESSED_AT = datetime(2024, 8, 1, 12, 0)
RUN_ID = "run-1"
RUN_STARTED = datetime(2024, 8, 1, 11, 59, 55)


def letters(text: str) -> int:
    """Letters as the pipeline counts them for language shares (Hangul and Latin alike)."""
    return sum(char.isalpha() for char in text)


def document(doc_id: str, title: str | None, **columns) -> dict:
    row = {
        "doc_id": doc_id, "source_path": f"{doc_id}.txt", "source_format": "text",
        "content_sha256": hashlib.sha256(doc_id.encode()).hexdigest(),
        "source_bytes": 1000, "encoding": "utf-8", "replaced_chars": 0, "language": "en", "ko_share": 0.0,
        "en_share": 1.0, "other_share": 0.0, "title": title, "category": None, "author": None,
        "published_at": None, "view_count": None, "contact_department": None, "contact_phone": None,
        "body_text": "", "n_segments": 0, "n_chars": 0, "n_removed_lines": 0, "parse_ms": 1.0,
        "processed_at": PROCESSED_AT, "run_id": RUN_ID, "page_kind": "article", "language_shares": [("en", 1.0)],
        "duplicate_group": doc_id, "canonical_doc_id": doc_id, "file_modified_at": None,
    }
    row.update(columns)
    # provenance, as the pipeline sets it: a source exactly when its field has a value (text dumps here)
    for name in ("title", "author", "published_at", "modified_at", "department"):
        row.setdefault(f"{name}_source", "text_line" if row.get(name) is not None else None)
    return row


def segment(doc_id: str, seq: int, kind: str, text: str, language: str, **columns) -> dict:
    row = {
        "doc_id": doc_id, "seq": seq, "kind": kind, "text": text, "marker": "", "depth": 0, "parent_seq": None,
        "heading_seq": None, "ordinal": None, "language": language, "language_method": "script",
        "language_confidence": 1.0, "letters": letters(text), "source_line": seq + 1,
    }
    row.update(columns)
    return row


def attachment(doc_id: str, ordinal: int, name: str, size_bytes: int | None, downloads: int | None,
               url: str | None = None, source: str = "text_line") -> dict:
    return {"doc_id": doc_id, "ordinal": ordinal, "name": name, "extension": name.rsplit(".", 1)[-1],
            "size_bytes": size_bytes, "downloads": downloads, "url": url, "source": source}


def quote(doc_id: str, seq: int, ordinal: int, speaker: str, text: str, as_written: str | None = None) -> dict:
    return {"doc_id": doc_id, "seq": seq, "ordinal": ordinal, "speaker": speaker,
            "speaker_as_written": speaker if as_written is None else as_written, "text": text}


def removed(doc_id: str, line_no: int, text: str, rule: str) -> dict:
    return {"doc_id": doc_id, "line_no": line_no, "text": text, "rule": rule}


def reject(source_path: str, reason: str, detail: str = "the file is empty or only whitespace") -> dict:
    return {"source_path": source_path, "reason": reason, "detail": detail, "source_bytes": 0,
            "content_sha256": hashlib.sha256(b"").hexdigest(), "run_id": RUN_ID}


def run(run_id: str = RUN_ID, **columns) -> dict:
    stages = {"discover": 0.1, "plan": 0.1, "templates": 0.5, "carry_over": 0.0, "process": 2.0, "publish": 0.2,
              "models": 0.6}
    counts = {"rows": {"documents": 4, "rejects": 1}, "rejects_by_reason": {"empty": 1},
              "removed_by_rule": {"skip_link": 3}, "languages": {"ko": 3, "en": 1}, "stage_seconds": stages,
              "reprocessed_for_templates": 0, "runner": "one process"}
    row = {"run_id": run_id, "started_at": RUN_STARTED, "finished_at": PROCESSED_AT,
           "input_roots": "/pages", "pages_seen": 5, "pages_processed": 5, "pages_unchanged": 0,
           "pages_rejected": 1, "pages_removed": 0, "counts_json": json.dumps(counts), "pipeline_version": "test"}
    row.update(columns)
    return row


def runs_table(run_id: str = RUN_ID, **columns) -> pa.Table:
    """A runs table of one run (the row the flow writes), for warehouses built without the flow."""
    return pa.Table.from_pylist([run(run_id, **columns)], schema=TABLES["runs"])


def link(doc_id: str, ordinal: int, title: str, url: str | None, posted_at: datetime | None = None,
         view_count: int | None = None) -> dict:
    return {"doc_id": doc_id, "ordinal": ordinal, "title": title, "url": url, "posted_at": posted_at,
            "view_count": view_count}


def model_database(rows: dict[str, list[dict]]) -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB: raw.* tables of the contract's schemas holding rows, and every model created."""
    con = duckdb.connect()
    for name, schema in TABLES.items():
        create_raw_table(con, name)
        if rows.get(name):
            con.register("hand_rows", pa.Table.from_pylist(rows[name], schema=schema))
            con.execute(f"insert into raw.{name} select * from hand_rows")
            con.unregister("hand_rows")
    create_models(con)
    return con


def query(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


# A Korean press release (K), a second one the same month (K2), an English news clip (E) and an
# undated bilingual static page (S): small enough to work out every mart's rows by hand.
K, K2, E, S, L = "k_press", "k2_press", "e_clip", "s_static", "l_listing"
K_TITLE = "광주시, 인공지능 캠프 참가자 모집"
K2_TITLE = "폭염 대책 발표"
E_TITLE = "Opening 2020 with 20 Initiatives"
S_TITLE = "빛고을 광주의 역사"
L_TITLE = "보도자료 목록"
K_URL = "https://www.gwangju.go.kr/board/view.do?id=1"
MISSED_URL = "https://www.gwangju.go.kr/board/view.do?id=99"
K_PUBLISHED = datetime(2024, 3, 5, 10, 0)
K2_PUBLISHED = datetime(2024, 3, 28, 9, 30)
E_PUBLISHED = datetime(2020, 1, 20, 14, 49)
E_EVENT_AT = datetime(2020, 2, 3, 10, 0)  # the event the page announces, two weeks after it was posted


def corpus() -> dict[str, list[dict]]:
    """The hand-made corpus, as rows per raw table (a new copy each call)."""
    documents = [
        document(K, K_TITLE, language="ko", ko_share=0.9, en_share=0.1, language_shares=[("ko", 0.9), ("en", 0.1)],
                 category="보도자료",
                 published_at=K_PUBLISHED, view_count=120, n_segments=11, url=K_URL, site="gwangju.go.kr",
                 fetched_at=datetime(2024, 7, 1, 3, 0), http_status=200),
        document(K2, K2_TITLE, language="ko", ko_share=1.0, en_share=0.0, language_shares=[("ko", 1.0)],
                 category="보도자료",
                 published_at=K2_PUBLISHED, view_count=80, n_segments=2),
        document(E, E_TITLE, category="News Clips", published_at=E_PUBLISHED, view_count=300, n_segments=10,
                 event_at=E_EVENT_AT, event_at_source="json_ld"),
        document(S, S_TITLE, language="ko", ko_share=28 / 51, en_share=23 / 51, category="역사", n_segments=4,
                 language_shares=[("ko", 28 / 51), ("en", 23 / 51)],
                 page_kind="static"),
        document(L, L_TITLE, language="ko", ko_share=1.0, en_share=0.0, page_kind="listing", n_segments=0,
                 language_shares=[("ko", 1.0)],
                 url="https://www.gwangju.go.kr/board/list.do", site="gwangju.go.kr"),
    ]
    segments = [
        segment(K, 0, "title", K_TITLE, "ko"),
        segment(K, 1, "summary", "청소년 100명 선발", "ko"),
        segment(K, 2, "paragraph", "광주광역시는 여름방학 인공지능 캠프 참가자를 모집한다.", "ko"),
        segment(K, 3, "heading", "추진 내용", "ko"),
        segment(K, 4, "list_item", "(대상) 중고등학생 100명", "ko", marker="○", heading_seq=3),
        segment(K, 5, "list_item", "학교장 추천 필요", "ko", marker="-", depth=1, parent_seq=4, heading_seq=3),
        segment(K, 6, "list_item", "선착순 마감", "ko", marker="-", depth=1, parent_seq=4, heading_seq=3),
        segment(K, 7, "list_item", "(기간) 7월 22일부터 5일간", "ko", marker="○", heading_seq=3),
        segment(K, 8, "paragraph", "김 시장은 “미래 인재를 키우겠다”고 말했다.", "ko", heading_seq=3),
        segment(K, 9, "heading", "신청 방법", "ko"),
        segment(K, 10, "paragraph", "“Apply online at the city website,” the city said.", "en", heading_seq=9),
        segment(K2, 0, "title", K2_TITLE, "ko"),
        segment(K2, 1, "paragraph", "시는 오늘 폭염 대책을 발표했다.", "ko"),
        segment(E, 0, "title", E_TITLE, "en"),
        segment(E, 1, "paragraph", "Mayor Lee unveiled the key initiatives.", "en"),
        segment(E, 2, "heading", "Key Initiatives for 2020", "en"),
        segment(E, 3, "list_item", "Full-fledged operation of AI Hub City", "en", marker="①", heading_seq=2),
        segment(E, 4, "list_item", "Creation of quality jobs", "en", marker="②", heading_seq=2),
        segment(E, 5, "heading", "Eleven Major Industries", "en"),
        segment(E, 6, "list_item", "AI & Drone Industry", "en", marker="1.", depth=1, parent_seq=4, heading_seq=5),
        segment(E, 7, "list_item", "Tourism Industry", "en", marker="2.", depth=1, parent_seq=4, heading_seq=5),
        segment(E, 8, "list_item", "Safest City campaign", "en", marker="③", heading_seq=2),
        segment(E, 9, "paragraph", "“We will open the AI era,” said Mayor Lee. He added, “Gwangju leads.”", "en",
                heading_seq=2),
        segment(S, 0, "title", S_TITLE, "ko"),
        segment(S, 1, "paragraph", "광주는 오랜 역사를 가진 도시다.", "ko"),
        segment(S, 2, "paragraph", "Gwangju means City of Light.", "en"),
        segment(S, 3, "list_item", "무등산 국립공원", "ko", marker="•"),
    ]
    attachments = [
        attachment(K, 1, "모집공고.hwp", 76800, 56, "https://www.gwangju.go.kr/fileDown.do?id=7", "link_text"),
        attachment(K, 2, "포스터.jpg", 934298, 3),
        attachment(E, 1, "plan.pdf", 2097152, 10, "https://city.example.gov/docs/plan.pdf", "link_target"),
        attachment(E, 2, "data.xlsx", None, None),
        attachment(E, 3, "photos.zip", 1000, 4),
        attachment(E, 4, "minutes.odt", 5000, 0),
        attachment(E, 5, "map.jpg", 100000, 7),
    ]
    quotes = [
        quote(K, 8, 0, "김 시장", "미래 인재를 키우겠다"),
        quote(K, 10, 1, "the city", "Apply online at the city website"),
        quote(E, 9, 0, "Mayor Lee", "We will open the AI era"),
        quote(E, 9, 1, "Mayor Lee", "Gwangju leads.", as_written="He"),
    ]
    boilerplate = [
        removed(K, 1, "본문 바로가기", "skip_link"),
        removed(K, 2, "전체메뉴", "menu"),
        removed(K, 5, "인쇄", "button"),
        removed(K, 6, "목록", "button"),
        removed(E, 1, "Skip to content", "skip_link"),
        removed(E, 3, "Date : 2020-01-20 Hits : 300", "metadata"),
        removed(S, 1, "본문 바로가기", "skip_link"),
    ]
    links = [
        link(L, 1, K_TITLE, K_URL, datetime(2024, 3, 5), 120),
        link(L, 2, "광주시, 시민 안전 대책 발표", MISSED_URL, datetime(2024, 3, 4), 33),
    ]
    return {"documents": documents, "segments": segments, "attachments": attachments, "quotes": quotes,
            "boilerplate": boilerplate, "links": links, "rejects": [reject("empty.txt", "empty")], "runs": [run()]}
