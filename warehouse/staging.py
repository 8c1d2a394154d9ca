"""The staging views, generated from the contract: `stg_<table>` casts every column of raw.<table>.

One view per analyst table (the internal manifest has none), every column in contract order and
cast to its documented type. A column the contract declares but the loaded Parquet does not have
yet (files written before the column was added) is a typed null, so the marts and queries over
staging keep working on an older warehouse until its pages are reprocessed. raw.accepted_values
holds every documented value with its meaning (reject reasons, boilerplate rules, segment kinds),
so a mart can say what a code means.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

from cityclips.warehouse.contract import Contract, analyst_tables, duckdb_type, rules_of

STAGING_PREFIX = "stg_"
ACCEPTED_VALUES_TABLE = "raw.accepted_values"  # the contract's documented values, for marts to explain codes
ACCEPTED_VALUES = pa.schema([pa.field("table_name", pa.string()), pa.field("column_name", pa.string()),
                             pa.field("value", pa.string()), pa.field("meaning", pa.string())])


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


def accepted_values_table(contract: Contract) -> pa.Table:
    """Every documented value of the contract with its meaning (a 'prefix*' value covers a family)."""
    rows = [{"table_name": table, "column_name": field.name, "value": value, "meaning": meaning}
            for table, schema in contract.items() for field in schema
            for value, meaning in (rules_of(field).accepted or {}).items()]
    return pa.Table.from_pylist(rows, schema=ACCEPTED_VALUES)


def create_staging(con: duckdb.DuckDBPyConnection, contract: Contract) -> list[str]:
    """Create stg_<table> for every analyst table, and raw.accepted_values; return the view names."""
    con.register("accepted_values_rows", accepted_values_table(contract))
    con.execute(f"create or replace table {ACCEPTED_VALUES_TABLE} as select * from accepted_values_rows")
    con.unregister("accepted_values_rows")
    built = []
    for table in analyst_tables(contract):
        present = {row[0] for row in con.execute(
            "select column_name from information_schema.columns where table_schema = 'raw' and table_name = ?",
            [table]).fetchall()}
        con.execute(staging_sql(table, contract[table], present))
        built.append(staging_name(table))
    return built
