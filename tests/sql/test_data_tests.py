"""Every data test passes on good rows and fails on a row that breaks what it checks.

The generic tests (from the contract and the marts' grain lines) are broken by a generic breaker
per kind: a null, a duplicated row, a dangling reference, a value outside the accepted ones or the
range, a mart whose rows fan out. The hand-written tests of sql/tests each have their own breaker
in BREAKERS; a new hand-written test without one fails test_every_hand_written_test_has_a_breaker.
"""
from __future__ import annotations

import pyarrow as pa
import pytest

from tests.sql.sql_rows import E, K, S, corpus, model_database
from cityclips.warehouse.checks import DataTest
from cityclips.warehouse.contract import rules_of
from cityclips.warehouse.lineage import materialized_sql
from cityclips.warehouse.models import SQL_DIR, data_tests, run_data_tests
from cityclips.warehouse.schemas import TABLES

OUT_OF_PATTERN = "NOT A MATCH."
NOT_ACCEPTED = "not_an_accepted_value"


def replace_mart(mart: str, select: str) -> str:
    """SQL that keeps a mart's rows as {mart}_rows and makes the mart `select` over them instead."""
    sql = (SQL_DIR / "marts" / f"{mart}.sql").read_text(encoding="utf-8")
    materialized = materialized_sql(sql) != sql
    return (f"create table {mart}_rows as select * from {mart}; drop {'table' if materialized else 'view'} {mart}; "
            f"create view {mart} as {select}")


def fan_out(mart: str) -> str:
    """SQL that makes a mart return each of its rows twice."""
    return replace_mart(mart, f"select * from {mart}_rows union all select * from {mart}_rows")


def _first_row(table: str) -> str:
    return f"rowid = (select min(rowid) from raw.{table})"


def _outside(field: pa.Field, bound: str, below: bool) -> str:
    step = "interval 1 day" if pa.types.is_timestamp(field.type) else "1"
    return f"({bound}) {'-' if below else '+'} {step}"


def _dangling(field: pa.Field) -> str:
    return "'no_such_row'" if pa.types.is_string(field.type) else "-999"


def generic_breaker(test: DataTest) -> str:
    """SQL that breaks the one rule a generic test checks, on one row of the hand-made corpus."""
    if test.kind == "grain":
        return fan_out(test.table)
    if test.kind == "unique":
        return f"insert into raw.{test.table} select * from raw.{test.table} limit 1"
    field = TABLES[test.table].field(test.column)
    rules = rules_of(field)
    where = _first_row(test.table)
    if test.kind == "not_null":
        return f"update raw.{test.table} set {test.column} = null where {where}"
    if test.kind == "relationships":
        return (f"insert into raw.{test.table} select * replace ({_dangling(field)} as {test.column}) "
                f"from raw.{test.table} where {test.column} is not null limit 1")
    if test.kind == "accepted_values":
        return f"update raw.{test.table} set {test.column} = '{NOT_ACCEPTED}' where {where}"
    if test.kind == "pattern":
        return f"update raw.{test.table} set {test.column} = '{OUT_OF_PATTERN}' where {where}"
    if test.kind == "range":
        below = rules.at_least is not None
        value = _outside(field, rules.at_least if below else rules.at_most, below)
        return f"update raw.{test.table} set {test.column} = {value} where {where}"
    raise AssertionError(f"no generic breaker for {test.kind}")


BREAKERS = {
    "articles_by_site_month_adds_up": fan_out("articles_by_site_month"),
    "attachment_types_adds_up": fan_out("attachment_types"),
    "boilerplate_adds_up": fan_out("boilerplate_by_page"),
    "distinct_articles_one_row_per_article": fan_out("distinct_articles"),
    "documents_duplicate_group_valid": f"update raw.documents set canonical_doc_id = '{K}' where doc_id = '{E}'",
    "monthly_activity_counts_distinct_articles": fan_out("monthly_activity"),
    "documents_language_shares_agree": f"update raw.documents set ko_share = 0.5, en_share = 0.5 where doc_id = '{K}'",
    "documents_sources_accepted": f"update raw.documents set title_source = 'guess' where doc_id = '{E}'",
    "documents_shares_valid": f"update raw.documents set ko_share = 0.5 where doc_id = '{E}'",
    "language_mix_adds_up": fan_out("language_mix"),
    # positions that start from 2, as a rank over the wrong partition would give
    "list_items_positions": replace_mart("list_items", "select * replace (position + 1 as position) from list_items_rows"),
    "links_doc_exists": "insert into raw.links by name select 'no_such_doc' as doc_id, 1 as ordinal, 'A title' as title",
    # the parent of '학교장 추천 필요' becomes the paragraph at seq 2
    "list_parents_are_list_items": f"update raw.segments set parent_seq = 2 where doc_id = '{K}' and seq = 5",
    "monthly_activity_adds_up": fan_out("monthly_activity"),
    "run_stages_add_up": fan_out("run_stages"),
    # a resolution that invents a person for a speaker it could not resolve
    "speakers_resolution_valid": replace_mart("speakers", "select * replace ('Someone' as person) from speakers_rows"),
    # the heading of '(대상) 중고등학생 100명' becomes the paragraph at seq 2
    "segments_heading_is_heading": f"update raw.segments set heading_seq = 2 where doc_id = '{K}' and seq = 4",
    "segments_seq_contiguous": f"update raw.segments set seq = 20 where doc_id = '{S}' and seq = 3",
}
TESTS = {test.name: test for test in data_tests()}


def breaker(name: str) -> str:
    test = TESTS[name]
    return BREAKERS[name] if test.kind == "sql" else generic_breaker(test)


def test_every_hand_written_test_has_a_breaker():
    assert sorted(BREAKERS) == sorted(name for name, test in TESTS.items() if test.kind == "sql")


def test_every_rule_of_the_contract_has_a_test():
    """Each not-null column, key, reference, accepted set, range and pattern of schemas.py is tested."""
    expected = set()
    for table, schema in TABLES.items():
        if schema.metadata and schema.metadata.get(b"internal"):
            continue
        for field in schema:
            rules = rules_of(field)
            expected |= {f"{kind} {table}.{field.name}" for kind, present in [
                ("not_null", not rules.nullable), ("relationships", rules.references),
                ("accepted_values", rules.accepted), ("pattern", rules.pattern),
                ("range", rules.at_least is not None or rules.at_most is not None)] if present}
    assert expected <= set(TESTS)


def test_every_data_test_passes_on_good_rows(con):
    failed = {result.name: result.sample for result in run_data_tests(con) if result.failing_rows}
    assert failed == {}


@pytest.fixture(scope="module")
def con():
    with model_database(corpus()) as connection:
        yield connection


@pytest.mark.parametrize("name", sorted(TESTS))
def test_data_test_fails_on_a_bad_row(con, name):
    check = TESTS[name].sql
    con.execute("begin transaction")
    try:
        assert con.execute(check).fetchall() == []
        con.execute(breaker(name))
        assert con.execute(check).fetchall() != []
    finally:
        con.execute("rollback")


def test_failing_rows_are_counted_beyond_the_sample(con):
    con.execute("begin transaction")
    try:
        con.execute("update raw.segments set text = null")
        result = {r.name: r for r in run_data_tests(con)}["not_null segments.text"]
        assert result.failing_rows == len(corpus()["segments"]) and len(result.sample) == 5
    finally:
        con.execute("rollback")


@pytest.mark.parametrize("change", ["event_at_source = null", "event_at = null", "event_at_source = 'guess'"])
def test_event_at_and_its_source_are_set_together_from_a_known_source(con, change):
    check = TESTS["documents_sources_accepted"].sql
    con.execute("begin transaction")
    try:
        assert con.execute(check).fetchall() == []
        con.execute(f"update raw.documents set {change} where doc_id = '{E}'")
        assert [row[0] for row in con.execute(check).fetchall()] == [E]
    finally:
        con.execute("rollback")
