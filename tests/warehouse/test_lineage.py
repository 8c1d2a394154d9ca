"""Model dependencies are read from the SQL; a missing model or a cycle is one clear error."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from cityclips.warehouse.lineage import Model, ModelError, build_order, references
from cityclips.warehouse.models import SQL_DIR, create_models, create_raw_table, marts
from cityclips.warehouse.schemas import TABLES


def test_references_skip_ctes_functions_strings_and_comments():
    sql = """-- reads from comments do not count: from fake_table
create or replace view demo as
with recursive items as (
    select doc_id, extract(month from published_at) as m, 'from quoted' as q from stg_segments
),
more as (select * from items where doc_id in (select doc_id from stg_quotes))
select * from more
left join articles using (doc_id)
join raw.runs on true
cross join unnest([1, 2]) as u(x)"""
    assert references(sql) == {"stg_segments", "stg_quotes", "articles", "raw.runs"}


def test_the_marts_read_only_models_and_tables_that_exist():
    found = {m.name: m.depends_on for m in marts()}
    assert found["monthly_activity"] == {"articles"}
    assert found["attachment_types"] == {"attachments"}
    assert {"stg_quotes", "stg_documents", "stg_segments"} <= found["quotes"]


def test_build_order_puts_each_model_after_what_it_reads():
    models = [Model("b", "", frozenset({"a"})), Model("a", "", frozenset({"stg_x"})), Model("c", "", frozenset())]
    assert [m.name for m in build_order(models, {"stg_x"})] == ["a", "c", "b"]


def test_a_missing_model_is_named():
    with pytest.raises(ModelError, match=r"model weekly reads speakers_v2, which no model creates"):
        build_order([Model("weekly", "", frozenset({"speakers_v2", "stg_x"}))], {"stg_x"})


def test_a_cycle_is_named():
    with pytest.raises(ModelError, match="cycle: a, b"):
        build_order([Model("a", "", frozenset({"b"})), Model("b", "", frozenset({"a"}))], set())


def test_create_models_fails_before_building_anything(tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    (sql_dir / "marts" / "zz_weekly.sql").write_text(
        "-- zz_weekly\ncreate or replace view zz_weekly as select * from articles join no_such_mart using (doc_id);\n")
    con = duckdb.connect()
    for name in TABLES:
        create_raw_table(con, name)
    with pytest.raises(ModelError, match="model zz_weekly reads no_such_mart"):
        create_models(con, sql_dir)
    assert con.execute("select count(*) from duckdb_views() where not internal").fetchone() == (0,)
