"""Turn Documents and Rejects into Arrow tables that match warehouse.schemas exactly."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import pyarrow as pa

from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.records import Document, Reject
from cityclips.warehouse.schemas import ATTACHMENTS, BOILERPLATE, DOCUMENTS, LINKS, QUOTES, REJECTS, SEGMENTS


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def document_rows(doc: Document, run_id: str, processed_at: datetime) -> dict:
    meta = doc.metadata
    shares = doc.language_shares
    other = sum(v for k, v in shares.items() if k not in ("ko", "en"))
    return {
        "doc_id": doc.doc_id, "source_path": doc.source_path, "source_format": doc.source_format,
        "content_sha256": doc.content_sha256, "source_bytes": doc.source_bytes, "encoding": doc.encoding,
        "replaced_chars": doc.replaced_chars, "encoding_confidence": doc.encoding_confidence, "language": doc.language, "ko_share": shares.get("ko", 0.0),
        "en_share": shares.get("en", 0.0), "other_share": other, "title": meta.title, "category": meta.category,
        "author": meta.author, "published_at": meta.published_at, "view_count": meta.view_count,
        "contact_department": meta.contact_department, "contact_phone": meta.contact_phone,
        "modified_at": meta.modified_at, "department": meta.department, "site_name": meta.site_name,
        "title_source": meta.title_source, "author_source": meta.author_source,
        "published_at_source": meta.published_at_source, "modified_at_source": meta.modified_at_source,
        "department_source": meta.department_source,
        "body_text": doc.body_text, "n_segments": len(doc.segments), "n_chars": len(doc.body_text),
        "n_removed_lines": len(doc.removed), "parse_ms": round(doc.parse_ms, 3), "processed_at": processed_at,
        "run_id": run_id, "url": doc.source.url, "site": doc.source.site, "fetched_at": doc.source.fetched_at,
        "http_status": doc.source.http_status, "content_type": doc.source.content_type, "page_kind": doc.page_kind,
        "language_shares": list(shares.items()),
    }


def tables_for(results: Iterable[Document | Reject], run_id: str, processed_at: datetime) -> dict[str, pa.Table]:
    """Arrow tables (documents, segments, attachments, quotes, boilerplate, rejects, links) for a batch."""
    rows: dict[str, list[dict]] = {name: [] for name in
                                   ("documents", "segments", "attachments", "quotes", "boilerplate", "rejects",
                                    "links")}
    for result in results:
        if isinstance(result, Reject):
            doc_id = doc_id_for(result.source_path)
            rows["rejects"].append({"source_path": result.source_path, "reason": result.reason,
                                    "detail": result.detail, "source_bytes": result.source_bytes,
                                    "content_sha256": result.content_sha256, "run_id": run_id, "doc_id": doc_id})
            rows["boilerplate"].extend(
                {"doc_id": doc_id, "line_no": r.line_no, "text": r.text, "rule": r.rule} for r in result.removed)
            continue
        doc_id = result.doc_id
        rows["documents"].append(document_rows(result, run_id, processed_at))
        rows["segments"].extend(
            {"doc_id": doc_id, "seq": s.seq, "kind": s.kind, "text": s.text, "marker": s.marker, "depth": s.depth,
             "parent_seq": s.parent_seq, "heading_seq": s.heading_seq, "ordinal": s.ordinal,
             "language": s.language, "language_method": s.language_method,
             "language_confidence": round(float(s.language_confidence), 4), "letters": s.letters,
             "source_line": s.source_line} for s in result.segments)
        rows["attachments"].extend(
            {"doc_id": doc_id, "ordinal": a.ordinal, "name": a.name, "extension": a.extension,
             "size_bytes": a.size_bytes, "downloads": a.downloads} for a in result.metadata.attachments)
        rows["quotes"].extend(
            {"doc_id": doc_id, "seq": q.seq, "ordinal": q.ordinal, "speaker": q.speaker,
             "speaker_as_written": q.speaker_as_written, "text": q.text} for q in result.quotes)
        rows["boilerplate"].extend(
            {"doc_id": doc_id, "line_no": r.line_no, "text": r.text, "rule": r.rule} for r in result.removed)
        rows["links"].extend(
            {"doc_id": doc_id, "ordinal": link.ordinal, "title": link.title, "url": link.url,
             "posted_at": link.posted_at, "view_count": link.view_count} for link in result.links)
    schemas = {"documents": DOCUMENTS, "segments": SEGMENTS, "attachments": ATTACHMENTS, "quotes": QUOTES,
               "boilerplate": BOILERPLATE, "rejects": REJECTS, "links": LINKS}
    return {name: _table(table_rows, schemas[name]) for name, table_rows in rows.items()}


def concat(tables: Sequence[pa.Table], schema: pa.Schema) -> pa.Table:
    """Concatenate tables of one schema (an empty table when there are none)."""
    tables = [t for t in tables if t.num_rows]
    return pa.concat_tables(tables) if tables else schema.empty_table()
