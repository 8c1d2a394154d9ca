"""The data tests: generic ones generated from the contract and the marts' grain, and sql/tests/*.sql.

Each test is a query that returns the failing rows (zero rows passes), as dbt's tests do:

- from every column's rules (warehouse/schemas.py): `not_null`, `unique` (the table's key),
  `relationships` (references), `accepted_values`, `range` (at_least / at_most) and `pattern`;
- from every mart's `-- Grain:` header line: `grain`, either "one row per [distinct]
  <source>(<columns>) [where <condition>]" (the mart has exactly one row per such source row, or
  per distinct value of the columns) or "(<columns>)" (the columns are unique in the mart);
- the hand-written queries of sql/tests, for what no rule says (sums that must add up, list
  parents one level up, contiguous reading order).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from cityclips.warehouse.contract import Contract, Rules, analyst_tables, key_of, rules_of
from cityclips.warehouse.lineage import header_comment
from cityclips.warehouse.staging import staging_name

GRAIN_LINE = re.compile(r"^--\s*Grain:\s*(?P<grain>.*?)\.?\s*$", re.IGNORECASE | re.MULTILINE)
ONE_ROW_PER = re.compile(r"one row per (?P<distinct>distinct )?(?P<source>\w+)\s*\((?P<columns>[^)]*)\)"
                         r"(?:\s+where\s+(?P<where>.+))?$", re.IGNORECASE)
UNIQUE_COLUMNS = re.compile(r"\((?P<columns>[^)]*)\)$")


@dataclass(frozen=True)
class DataTest:
    """One data test: its name, the query returning failing rows, and what it checks."""

    name: str  # 'not_null documents.body_text', 'grain headings', or a sql/tests file stem
    sql: str
    checks: str  # one line for docs/models.md
    kind: str  # not_null, unique, relationships, accepted_values, range, pattern, grain, or sql
    table: str = ""  # the table or mart it checks ('' for hand-written tests)
    column: str = ""


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _identity(schema: pa.Schema) -> list[str]:
    """Columns that name a failing row: the key, else the first two columns that are never null."""
    return key_of(schema) or [f.name for f in schema if not f.nullable][:2]


def _column_tests(table: str, schema: pa.Schema, field: pa.Field, rules: Rules) -> list[DataTest]:
    view, name = staging_name(table), field.name
    ids = ", ".join(dict.fromkeys([*_identity(schema), name]))
    tests = []
    if not rules.nullable:
        tests.append(DataTest(f"not_null {table}.{name}", f"select {ids} from {view} where {name} is null",
                              f"{table}.{name} is never null", "not_null", table, name))
    if rules.references:
        parent, parent_column = rules.references.split(".")
        joins = " and ".join([f"p.{parent_column} = c.{name}", *(f"p.{w} = c.{w}" for w in rules.within)])
        tests.append(DataTest(
            f"relationships {table}.{name}",
            f"select {', '.join('c.' + c for c in ids.split(', '))} from {view} as c where c.{name} is not null "
            f"and not exists (select 1 from {staging_name(parent)} as p where {joins})",
            f"every {table}.{name} is a {rules.references}" + (f" of the same {', '.join(rules.within)}"
                                                               if rules.within else ""),
            "relationships", table, name))
    if rules.accepted:
        exact = [v for v in rules.accepted if not v.endswith("*")]
        prefixes = [v[:-1] for v in rules.accepted if v.endswith("*")]
        conditions = [f"{name} not in ({', '.join(map(_literal, exact))})" if exact else "true",
                      *(f"not starts_with({name}, {_literal(p)})" for p in prefixes)]
        tests.append(DataTest(f"accepted_values {table}.{name}", f"select {ids} from {view} where "
                              + " and ".join(conditions), f"{table}.{name} is one of the documented values",
                              "accepted_values", table, name))
    bounds = [f"{name} < ({rules.at_least})" if rules.at_least is not None else "",
              f"{name} > ({rules.at_most})" if rules.at_most is not None else ""]
    if any(bounds):
        low = rules.at_least if rules.at_least is not None else "..."
        high = rules.at_most if rules.at_most is not None else "..."
        tests.append(DataTest(f"range {table}.{name}", f"select {ids} from {view} where "
                              + " or ".join(b for b in bounds if b),
                              f"{table}.{name} lies in [{low}, {high}]", "range", table, name))
    if rules.pattern:
        tests.append(DataTest(f"pattern {table}.{name}",
                              f"select {ids} from {view} where not regexp_full_match({name}, {_literal(rules.pattern)})",
                              f"{table}.{name} matches {rules.pattern}", "pattern", table, name))
    return tests


def contract_tests(contract: Contract) -> list[DataTest]:
    """The generic tests of every analyst table: unique key, then each column's rules."""
    tests = []
    for table in analyst_tables(contract):
        schema = contract[table]
        key = key_of(schema)
        if key:
            columns = ", ".join(key)
            tests.append(DataTest(f"unique {table}({columns})", f"select {columns}, count(*) as n "
                                  f"from {staging_name(table)} group by {columns} having count(*) > 1",
                                  f"({columns}) is unique in {table}", "unique", table, columns))
        for field in schema:
            tests += _column_tests(table, schema, field, rules_of(field))
    return tests


def declared_grain(sql: str) -> str | None:
    """The text of a model's `-- Grain:` header line, or None.

    >>> declared_grain("-- headings: ...\\n-- Grain: one row per stg_segments(doc_id, seq) where kind = 'heading'.\\n")
    "one row per stg_segments(doc_id, seq) where kind = 'heading'"
    """
    header = "\n".join(line for line in sql.splitlines() if line.startswith("--"))
    found = GRAIN_LINE.search(header)
    return found["grain"] if found else None


def grain_test(mart: str, grain: str) -> DataTest:
    """The test a mart's grain line declares (ValueError when the line is neither form)."""
    if found := ONE_ROW_PER.match(grain):
        items = [item.strip() for item in found["columns"].split(",")]
        # 'speaker as speaker_named': the source's column under the mart's name
        columns = ", ".join(re.split(r"\s+as\s+", item)[-1] for item in items)
        filtered = f" where {found['where']}" if found["where"] else ""
        count = "1" if found["distinct"] else "count(*)"  # distinct: one mart row per distinct value
        sql = (f"with expected as (select {', '.join(items)}, {count} as n from {found['source']}{filtered} "
               f"group by all), found as (select {columns}, count(*) as n from {mart} group by all) "
               f"select {columns}, e.n as expected, f.n as found from expected as e "
               f"full join found as f using ({columns}) where e.n is distinct from f.n")
        return DataTest(f"grain {mart}", sql, f"{mart} has {grain}", "grain", mart, columns)
    if found := UNIQUE_COLUMNS.match(grain):
        columns = found["columns"].strip()
        sql = f"select {columns}, count(*) as n from {mart} group by {columns} having count(*) > 1"
        return DataTest(f"grain {mart}", sql, f"({columns}) is unique in {mart}", "grain", mart, columns)
    raise ValueError(f"mart {mart}: cannot read its grain line '-- Grain: {grain}'; write "
                     "'-- Grain: one row per <source>(<columns>) [where <condition>].' or '-- Grain: (<columns>).'")


def grain_tests(mart_files: list[Path]) -> list[DataTest]:
    """One grain test per mart file that declares its grain."""
    tests = []
    for path in mart_files:
        grain = declared_grain(path.read_text(encoding="utf-8"))
        if grain is not None:
            tests.append(grain_test(path.stem, grain))
    return tests


def sql_tests(test_dir: Path) -> list[DataTest]:
    """The hand-written tests: every sql/tests/*.sql file, its header comment saying what it checks."""
    tests = []
    for path in sorted(test_dir.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        tests.append(DataTest(path.stem, sql, " ".join(header_comment(sql).splitlines()), "sql"))
    return tests
