"""Turn Documents and Rejects into Arrow tables that match the contract (warehouse/schemas.py) exactly.

A column takes the attribute of its name from the record its table is made of (ROW_SOURCES):
documents from the Document, then from its Metadata; segments from each Segment; and so on. Only
the columns the records do not hold as such are computed here (DERIVED). So a new column needs no
edit in this module when its record has a field of the same name.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import attrgetter
from typing import Any

import pyarrow as pa

from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.records import Document, Reject
from cityclips.warehouse.contract import Contract, empty_table
from cityclips.warehouse.schemas import TABLES

PARSE_MS_DIGITS = 3
CONFIDENCE_DIGITS = 4


@dataclass(frozen=True)
class RowContext:
    """What a row knows besides its record: the document (or reject) it comes from and the run."""

    parent: Document | Reject
    run_id: str
    processed_at: datetime


@dataclass(frozen=True)
class RowSource:
    """Where a table's rows come from: the records of one result, and where on a record a column is looked up."""

    records: Callable[[Document | Reject], Iterable[Any]]
    holders: tuple[str, ...] = ("",)  # attribute paths on the record searched in order ('' is the record)
    made_of: tuple[type, ...] = (Document,)  # the results it is made of


ROW_SOURCES: dict[str, RowSource] = {
    "documents": RowSource(lambda doc: (doc,), ("", "metadata", "source")),
    "segments": RowSource(lambda doc: doc.segments),
    "attachments": RowSource(lambda doc: doc.metadata.attachments),
    "quotes": RowSource(lambda doc: doc.quotes),
    # a rejected page's removed lines are kept too, under the doc_id it would have had
    "boilerplate": RowSource(lambda result: result.removed, made_of=(Document, Reject)),
    "rejects": RowSource(lambda reject: (reject,), made_of=(Reject,)),
    "links": RowSource(lambda doc: doc.links),
}


def _file_time(ns: int) -> datetime | None:
    """A file's modification time (ns since the epoch) as naive UTC, like processed_at; None when unknown."""
    return datetime.fromtimestamp(ns / 1e9, timezone.utc).replace(tzinfo=None) if ns > 0 else None


def _other_share(doc: Document) -> float:
    return sum(share for language, share in doc.language_shares.items() if language not in ("ko", "en"))


# Columns no record holds under their name: table -> column -> value(record, context).
DERIVED: dict[str, dict[str, Callable[[Any, RowContext], Any]]] = {
    "documents": {
        "ko_share": lambda doc, ctx: doc.language_shares.get("ko", 0.0),
        "en_share": lambda doc, ctx: doc.language_shares.get("en", 0.0),
        "other_share": lambda doc, ctx: _other_share(doc),
        "n_segments": lambda doc, ctx: len(doc.segments),
        "n_chars": lambda doc, ctx: len(doc.body_text),
        "n_removed_lines": lambda doc, ctx: len(doc.removed),
        "parse_ms": lambda doc, ctx: round(doc.parse_ms, PARSE_MS_DIGITS),
        "language_shares": lambda doc, ctx: list(doc.language_shares.items()),
        # a page the corpus pass did not group (inspect, a single page) is its own article
        "duplicate_group": lambda doc, ctx: doc.duplicate_group or doc.doc_id,
        "canonical_doc_id": lambda doc, ctx: doc.canonical_doc_id or doc.doc_id,
        "file_modified_at": lambda doc, ctx: _file_time(doc.seen_ns),
    },
    "segments": {
        "language_confidence": lambda segment, ctx: round(float(segment.language_confidence), CONFIDENCE_DIGITS),
    },
}
# Columns every table of page rows may take from the context.
CONTEXT = {
    "doc_id": lambda ctx: ctx.parent.doc_id if isinstance(ctx.parent, Document) else doc_id_for(ctx.parent.source_path),
    "run_id": lambda ctx: ctx.run_id,
    "processed_at": lambda ctx: ctx.processed_at,
}
class UnmappedColumn(LookupError):
    """A contract column that no record field, derived value or context provides."""


def column_getter(table: str, name: str, record: Any) -> tuple[Callable[..., Any], bool]:
    """How one column's value is found on records like this one: (function, whether it takes the context).

    Raises UnmappedColumn when no record field, derived value or context provides it.
    """
    derived = DERIVED.get(table, {}).get(name)
    if derived is not None:
        return derived, True
    for holder in ROW_SOURCES[table].holders:
        get = attrgetter(f"{holder}.{name}" if holder else name)
        try:
            get(record)
        except AttributeError:
            continue
        return get, False
    if name in CONTEXT:
        from_context = CONTEXT[name]
        return (lambda record, ctx: from_context(ctx)), True
    raise UnmappedColumn(f"column {table}.{name} of the contract has no source: give the record "
                         f"({type(record).__name__}) a field '{name}', or add it to DERIVED in warehouse/rows.py")


def _rows(table: str, results: Iterable[Document | Reject], run_id: str,
          processed_at: datetime) -> Iterator[tuple[Any, RowContext]]:
    source = ROW_SOURCES[table]
    for result in results:
        if not isinstance(result, source.made_of):
            continue
        ctx = RowContext(result, run_id, processed_at)
        for record in source.records(result):
            yield record, ctx


def table_rows(table: str, schema: pa.Schema, results: list[Document | Reject], run_id: str,
               processed_at: datetime) -> pa.Table:
    """One table's rows for a batch of results, column by column, in the schema's types."""
    pairs = list(_rows(table, results, run_id, processed_at))
    if not pairs:
        return empty_table(schema)
    records = [record for record, _ in pairs]
    columns = {}
    for name in schema.names:
        get, needs_context = column_getter(table, name, records[0])
        columns[name] = [get(record, ctx) for record, ctx in pairs] if needs_context else list(map(get, records))
    return pa.Table.from_pydict(columns, schema=schema)


def tables_for(results: Iterable[Document | Reject], run_id: str, processed_at: datetime,
               contract: Contract = TABLES) -> dict[str, pa.Table]:
    """Arrow tables (documents, segments, attachments, quotes, boilerplate, rejects, links) for a batch."""
    results = list(results)
    return {name: table_rows(name, contract[name], results, run_id, processed_at) for name in ROW_SOURCES}

