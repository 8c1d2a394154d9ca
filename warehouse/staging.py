"""The staging views, generated from the contract: `stg_<table>` casts every column of raw.<table>.

One view per analyst table (the internal manifest has none), every column in contract order and
cast to its documented type. A column the contract declares but the loaded Parquet does not have
yet (files written before the column was added) is a typed null, so the marts and queries over
staging keep working on an older warehouse until its pages are reprocessed.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

from cityclips.warehouse.contract import Contract, analyst_tables, duckdb_type

STAGING_PREFIX = "stg_"


def staging_name(table: str) -> str:
    return STAGING_PREFIX + table


def staging_sql(table: str, schema: pa.Schema, present: set[str] | None = None) -> str:
    """The `create or replace view stg_<table>` statement (present: the columns raw.<table> has).

    >>> print(staging_sql("t", pa.schema([pa.field("a", pa.int32()), pa.field("b", pa.string())]), {"a"}))
    -- stg_t: generated from warehouse/schemas.py.
    create or replace view stg_t as
    select
        cast(a as INTEGER) as a,
        cast(null as VARCHAR) as b  -- not in the loaded Parquet yet
    from raw.t;
    """
    lines = []
    for i, field in enumerate(schema):
        comma = "," if i < len(schema) - 1 else ""
        dtype = duckdb_type(field.type)
        if present is None or field.name in present:
            lines.append(f"    cast({field.name} as {dtype}) as {field.name}{comma}")
        else:
            lines.append(f"    cast(null as {dtype}) as {field.name}{comma}  -- not in the loaded Parquet yet")
    return "\n".join([f"-- {staging_name(table)}: generated from warehouse/schemas.py.",
                      f"create or replace view {staging_name(table)} as", "select", *lines, f"from raw.{table};"])


def create_staging(con: duckdb.DuckDBPyConnection, contract: Contract) -> list[str]:
    """Create stg_<table> for every analyst table of the contract on con; return the view names."""
    built = []
    for table in analyst_tables(contract):
        present = {row[0] for row in con.execute(
            "select column_name from information_schema.columns where table_schema = 'raw' and table_name = ?",
            [table]).fetchall()}
        con.execute(staging_sql(table, contract[table], present))
        built.append(staging_name(table))
    return built
