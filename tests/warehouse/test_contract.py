"""Adding a column is the record, the parser, the schema and the marts that use it: rows, staging,
data tests and docs follow from the contract without another edit (the README's "Adding a column")."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import datetime

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, SEEDS
from tests.sql.sql_rows import runs_table
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import Document, RawPage
from cityclips.warehouse.contract import column, rules_of
from cityclips.warehouse.docs import models_markdown, tables_markdown
from cityclips.warehouse.models import SQL_DIR, create_models, create_raw_table, data_tests, run_data_tests
from cityclips.warehouse.rows import UnmappedColumn, tables_for
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.staging import staging_sql

RUN_ID = "run-test"
NEW = column("reading_minutes", pa.int32(), "Minutes to read the body at 200 words a minute.", nullable=False,
             at_least=0)


@dataclass(frozen=True)
class TimedDocument(Document):
    """The record with its new field (step 1), filled by a parser (step 2: here, the test)."""

    reading_minutes: int = 0


def _contract() -> dict[str, pa.Schema]:
    contract = dict(TABLES)
    contract["documents"] = TABLES["documents"].append(NEW)  # step 3: the schema
    return contract


def _timed_results() -> list[Document]:
    pages = [RawPage(p.name, p.read_bytes(), "text") for p in sorted(SEEDS.glob("*.txt"))]
    return [TimedDocument(**{f.name: getattr(doc, f.name) for f in fields(doc)},
                          reading_minutes=len(doc.body_text.split()) // 200) for doc in process_pages(pages)]


def _database(contract, tables: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name in contract:
        create_raw_table(con, name, contract)
        if name in tables:
            con.register("rows", tables[name])
            con.execute(f"insert into raw.{name} by name select * from rows")
            con.unregister("rows")
    create_models(con, SQL_DIR, contract)
    return con


@pytest.fixture(scope="module")
def contract():
    return _contract()


@pytest.fixture(scope="module")
def tables(contract):
    return {**tables_for(_timed_results(), RUN_ID, datetime(2026, 1, 1), contract), "runs": runs_table(RUN_ID)}


def test_rows_take_the_new_field_of_the_record(tables):
    documents = tables["documents"]
    assert documents.schema.field("reading_minutes").type == pa.int32()
    assert documents.num_rows == 5 and min(documents["reading_minutes"].to_pylist()) >= 0


def test_staging_casts_the_new_column_and_the_data_tests_check_its_rules(contract, tables):
    con = _database(contract, tables)
    described = dict(con.execute("select column_name, column_type from (describe stg_documents)").fetchall())
    assert described["reading_minutes"] == "INTEGER"
    names = {test.name for test in data_tests(SQL_DIR, contract)}
    assert {"not_null documents.reading_minutes", "range documents.reading_minutes"} <= names
    assert [r.name for r in run_data_tests(con, SQL_DIR, contract) if r.failing_rows] == []
    con.execute("update raw.documents set reading_minutes = -1 where rowid = 0")
    assert [r.name for r in run_data_tests(con, SQL_DIR, contract) if r.failing_rows] == ["range documents.reading_minutes"]


def test_docs_describe_the_new_column(contract):
    assert "| reading_minutes | int32 | Minutes to read the body at 200 words a minute. | Not null. At least 0. |" \
        in tables_markdown(contract)
    stg_documents = models_markdown(SQL_DIR, contract).split("### stg_documents")[1].split("###")[0]
    assert "| reading_minutes | INTEGER | Minutes to read the body at 200 words a minute. |" in stg_documents


def test_the_column_travels_in_the_parquet_field_metadata(tables, tmp_path):
    pq.write_table(tables["documents"], tmp_path / "part.parquet")
    field = pq.read_schema(tmp_path / "part.parquet").field("reading_minutes")
    assert rules_of(field).description.startswith("Minutes to read") and rules_of(field).at_least == "0"


def test_parquet_written_before_the_column_reads_as_typed_nulls(contract):
    old = {name: TABLES[name].empty_table() for name in TABLES}
    con = duckdb.connect()
    for name in TABLES:  # the raw tables as an older warehouse has them: no reading_minutes
        create_raw_table(con, name)
    create_models(con, SQL_DIR, contract)
    assert con.execute("select count(*) from stg_documents").fetchone() == (0,)
    assert "cast(null as INTEGER) as reading_minutes" in staging_sql("documents", contract["documents"],
                                                                     set(old["documents"].column_names))


def test_a_column_without_a_source_is_a_clear_error():
    contract = dict(TABLES)
    contract["segments"] = TABLES["segments"].append(column("mood", pa.string(), "The segment's mood."))
    with pytest.raises(UnmappedColumn, match=r"segments\.mood .* give the record \(Segment\) a field 'mood'"):
        tables_for(process_pages([RawPage("a.txt", (SEEDS / "004_3ce3e3594060d6b4.txt").read_bytes(), "text")]),
                   RUN_ID, datetime(2026, 1, 1), contract)


def test_readme_names_the_four_places_of_a_new_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding a column", 1)[1].split("\n## ", 1)[0]
    places = re.findall(r"^\d\. .*?`([\w/.*]+)`", section, re.MULTILINE)
    assert places == ["transforms/records.py", "transforms/", "warehouse/schemas.py", "sql/marts/"]
    assert "make docs" in section and "tests/warehouse/test_contract.py" in section
