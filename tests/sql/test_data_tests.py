"""Every data test of sql/tests passes on good rows and fails on a row that breaks what it checks.

BREAKERS holds, per data test, SQL that spoils the hand-made corpus in the one way the test guards
against: a bad raw row, or (for the tests that guard a mart's logic) a mart whose rows fan out, as a
wrong join would make them. A new data test without a breaker fails test_every_data_test_has_a_breaker.
"""
from __future__ import annotations

import pytest

from tests.sql.sql_rows import E, K, L, S, corpus, model_database
from cityclips.warehouse.models import SQL_DIR, run_data_tests
from cityclips.warehouse.schemas import TABLES


def fan_out(mart: str) -> str:
    """SQL that makes a mart return each of its rows twice."""
    return (f"create table {mart}_rows as select * from {mart}; "
            f"create or replace view {mart} as select * from {mart}_rows union all select * from {mart}_rows")


BREAKERS = {
    "articles_by_site_month_adds_up": fan_out("articles_by_site_month"),
    "articles_one_row_per_document": fan_out("articles"),
    "attachments_doc_exists": "insert into raw.attachments values ('no_such_doc', 1, 'a.pdf', 'pdf', 10, 0)",
    "attachments_extension_lower_case": "update raw.attachments set extension = 'JPG' where extension = 'jpg'",
    "attachments_key_unique": f"insert into raw.attachments select * from raw.attachments where doc_id = '{K}'",
    "attachments_not_null": f"update raw.attachments set name = null where doc_id = '{E}' and ordinal = 1",
    "attachments_one_row_per_attachment": fan_out("attachments"),
    "boilerplate_adds_up": fan_out("boilerplate_by_page"),
    "boilerplate_doc_exists": "insert into raw.boilerplate values ('no_such_doc', 1, '메뉴', 'menu')",
    "boilerplate_not_null": f"update raw.boilerplate set rule = null where doc_id = '{S}'",
    "documents_doc_id_unique": f"insert into raw.documents select * from raw.documents where doc_id = '{K}'",
    "documents_language_shares_agree": f"update raw.documents set ko_share = 0.5, en_share = 0.5 where doc_id = '{K}'",
    "documents_not_null": f"update raw.documents set body_text = null where doc_id = '{E}'",
    "documents_sources_accepted": f"update raw.documents set title_source = 'guess' where doc_id = '{E}'",
    "documents_page_kind_accepted": f"update raw.documents set page_kind = 'sidebar' where doc_id = '{E}'",
    "documents_shares_valid": f"update raw.documents set ko_share = 0.5 where doc_id = '{E}'",
    "headings_one_row_per_heading": fan_out("headings"),
    "language_mix_adds_up": fan_out("language_mix"),
    "languages_accepted": f"update raw.segments set language = 'zh-cn' where doc_id = '{S}' and seq = 1",
    "links_doc_exists": "insert into raw.links values ('no_such_doc', 1, 'A title', null, null, null)",
    "links_key_unique": f"insert into raw.links select * from raw.links where doc_id = '{L}' and ordinal = 1",
    "list_items_one_row_per_item": fan_out("list_items"),
    "listing_links_one_row_per_link": fan_out("listing_links"),
    # the parent of '학교장 추천 필요' becomes the paragraph at seq 2
    "list_parents_are_list_items": f"update raw.segments set parent_seq = 2 where doc_id = '{K}' and seq = 5",
    "monthly_activity_adds_up": fan_out("monthly_activity"),
    "quotes_doc_exists": "insert into raw.quotes values ('no_such_doc', 0, 0, 'Mayor Lee', 'Mayor Lee', 'Hello')",
    "quotes_key_unique": f"insert into raw.quotes select * from raw.quotes where doc_id = '{E}' and ordinal = 0",
    "quotes_not_null": f"update raw.quotes set text = null where doc_id = '{K}'",
    "quotes_one_row_per_quote": fan_out("quotes"),
    "quotes_segment_exists": f"update raw.quotes set seq = 99 where doc_id = '{E}' and ordinal = 1",
    "segments_accepted_kinds": f"update raw.segments set kind = 'sidebar' where doc_id = '{S}' and seq = 2",
    "segments_doc_exists": "insert into raw.segments values ('no_such_doc', 0, 'title', 'x', '', 0, null, null, "
                           "null, 'en', 'default', 0.0, 1, 1)",
    # the heading of '(대상) 중고등학생 100명' becomes the paragraph at seq 2
    "segments_heading_is_heading": f"update raw.segments set heading_seq = 2 where doc_id = '{K}' and seq = 4",
    "segments_key_unique": f"insert into raw.segments select * from raw.segments where doc_id = '{S}' and seq = 3",
    "segments_not_null": f"update raw.segments set marker = null where doc_id = '{E}' and seq = 3",
    "segments_seq_contiguous": f"update raw.segments set seq = 20 where doc_id = '{S}' and seq = 3",
}
DATA_TESTS = sorted(path.stem for path in (SQL_DIR / "tests").glob("*.sql"))


def test_every_data_test_has_a_breaker():
    assert sorted(BREAKERS) == DATA_TESTS


def test_every_data_test_passes_on_good_rows(con):
    failed = {result.name: result.sample for result in run_data_tests(con) if result.failing_rows}
    assert failed == {}


@pytest.fixture(scope="module")
def con():
    connection = model_database(corpus())
    yield connection
    connection.close()


@pytest.mark.parametrize("name", DATA_TESTS)
def test_data_test_fails_on_a_bad_row(con, name):
    check = (SQL_DIR / "tests" / f"{name}.sql").read_text(encoding="utf-8")
    con.execute("begin transaction")
    try:
        assert con.execute(check).fetchall() == []
        con.execute(BREAKERS[name])
        assert con.execute(check).fetchall() != []
    finally:
        con.execute("rollback")


@pytest.mark.parametrize("table", ["documents", "segments", "attachments", "quotes", "boilerplate"])
def test_not_null_tests_check_every_column_the_contract_promises(table):
    """A column made non-nullable in warehouse/schemas.py must be checked by <table>_not_null.sql."""
    sql = (SQL_DIR / "tests" / f"{table}_not_null.sql").read_text(encoding="utf-8")
    promised = [field.name for field in TABLES[table] if not field.nullable]
    assert [column for column in promised if f"{column} is null" not in sql] == []
