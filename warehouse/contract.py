"""The machinery of the table contract: a column is a pyarrow field whose metadata holds its rules.

warehouse/schemas.py declares every table with `column(...)` and `table(...)`; everything else
reads the rules back from the fields (`rules_of`), so one declaration drives

- the row builders (warehouse/rows.py): a column takes the record attribute of its name,
- the staging views (warehouse/staging.py): `cast(column as <type>)` for every column,
- the generic data tests (warehouse/checks.py): not_null, unique, relationships, accepted_values,
  range and pattern, one per rule,
- and docs/tables.md (warehouse/docs.py).

The rules travel with the data: they are Parquet field metadata, so `pyarrow.parquet.read_schema`
on any part file shows each column's description and constraints.

>>> field = column("view_count", pa.int64(), "Views at scrape time.", at_least=0)
>>> rules_of(field).at_least, rules_of(field).nullable
('0', True)
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa

Contract = Mapping[str, pa.Schema]  # table name -> schema, in documentation order

# pyarrow type -> DuckDB type of the staging views (what `describe stg_<table>` shows).
_DUCKDB_TYPES = {
    pa.string(): "VARCHAR", pa.large_string(): "VARCHAR", pa.bool_(): "BOOLEAN",
    pa.int8(): "TINYINT", pa.int16(): "SMALLINT", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.uint8(): "UTINYINT", pa.uint16(): "USMALLINT", pa.uint32(): "UINTEGER", pa.uint64(): "UBIGINT",
    pa.float32(): "FLOAT", pa.float64(): "DOUBLE", pa.date32(): "DATE", pa.timestamp("us"): "TIMESTAMP",
}


@dataclass(frozen=True)
class Rules:
    """What the contract promises about one column (read back from its field metadata)."""

    description: str
    nullable: bool = True
    key: bool = False  # part of the table's unique key (all key columns together are unique)
    references: str | None = None  # 'table.column' that every non-null value must exist in
    within: tuple[str, ...] = ()  # columns shared with the referenced row ('doc_id': same document)
    accepted: Mapping[str, str] | None = None  # value -> what it means; a value ending in '*' is a prefix
    at_least: str | None = None  # SQL expression (a number, or another column of the row)
    at_most: str | None = None
    pattern: str | None = None  # regular expression the whole value matches


def column(name: str, dtype: pa.DataType, description: str, *, nullable: bool = True, key: bool = False,
           references: str | None = None, within: tuple[str, ...] = (), accepted: Mapping[str, str] | None = None,
           at_least: float | str | None = None, at_most: float | str | None = None,
           pattern: str | None = None) -> pa.Field:
    """A contract column: a pyarrow field carrying its description and constraints as metadata.

    Key columns are never null. at_least / at_most are SQL expressions evaluated on the row
    (`0`, `1`, `'started_at'`, `"timestamp '1990-01-01'"`); accepted maps each value to its meaning.
    """
    if key:
        nullable = False
    metadata = {"description": description}
    if key:
        metadata["key"] = "true"
    if references:
        metadata["references"] = references
    if within:
        metadata["within"] = ",".join(within)
    if accepted is not None:
        metadata["accepted_values"] = json.dumps(dict(accepted), ensure_ascii=False)
    if at_least is not None:
        metadata["at_least"] = str(at_least)
    if at_most is not None:
        metadata["at_most"] = str(at_most)
    if pattern is not None:
        metadata["pattern"] = pattern
    return pa.field(name, dtype, nullable=nullable, metadata=metadata)


def table(grain: str, *fields: pa.Field, internal: bool = False) -> pa.Schema:
    """A contract table: its grain (what one row is) and its columns; internal tables get no staging view."""
    metadata = {"grain": grain}
    if internal:
        metadata["internal"] = "true"
    return pa.schema(list(fields), metadata=metadata)


def empty_table(schema: pa.Schema) -> pa.Table:
    """A table of no rows with exactly schema's columns and metadata.

    Not `schema.empty_table()`, which imports pandas (0.4 s, in the CLI and in every pool worker
    whose batch has no rows for a table) to build the same thing.
    """
    return pa.Table.from_batches([], schema=schema)


def _text(metadata: Mapping[bytes, bytes] | None, key: str) -> str | None:
    value = (metadata or {}).get(key.encode())
    return None if value is None else value.decode("utf-8")


def rules_of(field: pa.Field) -> Rules:
    """The Rules a contract field carries."""
    meta = field.metadata
    accepted = _text(meta, "accepted_values")
    within = _text(meta, "within")
    return Rules(description=_text(meta, "description") or "", nullable=field.nullable,
                 key=_text(meta, "key") == "true", references=_text(meta, "references"),
                 within=tuple(within.split(",")) if within else (),
                 accepted=json.loads(accepted) if accepted else None, at_least=_text(meta, "at_least"),
                 at_most=_text(meta, "at_most"), pattern=_text(meta, "pattern"))


def grain_of(schema: pa.Schema) -> str:
    return _text(schema.metadata, "grain") or ""


def is_internal(schema: pa.Schema) -> bool:
    return _text(schema.metadata, "internal") == "true"


def key_of(schema: pa.Schema) -> list[str]:
    """The table's key columns, in schema order ([] when it declares none)."""
    return [f.name for f in schema if rules_of(f).key]


def analyst_tables(contract: Contract) -> list[str]:
    """Tables with a staging view and data tests (every table but the internal ones)."""
    return [name for name, schema in contract.items() if not is_internal(schema)]


def duckdb_type(dtype: pa.DataType) -> str:
    """The DuckDB type a staging view casts a column to.

    >>> duckdb_type(pa.list_(pa.uint64()))
    'UBIGINT[]'
    """
    if pa.types.is_list(dtype) or pa.types.is_large_list(dtype):
        return duckdb_type(dtype.value_type) + "[]"
    if pa.types.is_map(dtype):
        return f"MAP({duckdb_type(dtype.key_type)}, {duckdb_type(dtype.item_type)})"
    if dtype in _DUCKDB_TYPES:
        return _DUCKDB_TYPES[dtype]
    raise TypeError(f"no DuckDB type for {dtype}: add it to warehouse/contract.py _DUCKDB_TYPES")


def rules_text(field: pa.Field) -> str:
    """What the contract promises about a column, in words (the 'rules' column of docs/tables.md).

    >>> rules_text(column("kind", pa.string(), "Segment kind.", nullable=False,
    ...                   accepted={"title": "the headline", "note": "a remark"}))
    'Not null. Values: `title` the headline; `note` a remark.'
    """
    rules = rules_of(field)
    parts = ["Key." if rules.key else "Not null." if not rules.nullable else ""]
    if rules.accepted:
        parts.append("Values: " + "; ".join(f"`{value}` {meaning}".strip() for value, meaning in rules.accepted.items())
                     + ".")
    if rules.pattern:
        parts.append(f"Matches `{rules.pattern}`.")
    if rules.at_least is not None and rules.at_most is not None:
        parts.append(f"Between {rules.at_least} and {rules.at_most}.")
    elif rules.at_least is not None:
        parts.append(f"At least {rules.at_least}.")
    elif rules.at_most is not None:
        parts.append(f"At most {rules.at_most}.")
    if rules.references:
        same = f" of the same {', '.join(rules.within)}" if rules.within else ""
        parts.append(f"References {rules.references}{same}.")
    return " ".join(p for p in parts if p)
