"""docs/tables.md and docs/models.md are generated (warehouse/docs.py) and must not drift from the code."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from cityclips.warehouse.checks import declared_grain
from cityclips.warehouse.docs import column_comments, model_columns, models_markdown, tables_markdown
from cityclips.warehouse.lineage import header_comment
from cityclips.warehouse.models import SQL_DIR, mart_files

DOCS = ROOT / "docs"


@pytest.mark.parametrize(("name", "generate"), [("tables", tables_markdown), ("models", models_markdown)])
def test_generated_docs_are_up_to_date(name, generate):
    committed = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    assert committed == generate(), (f"docs/{name}.md is out of date: "
                                     f"run python -m cityclips.warehouse.docs {name} > docs/{name}.md (or make docs)")


def test_every_model_column_has_a_description():
    undescribed = [f"{model}.{column}" for model, columns in model_columns().items()
                   for column, _, description in columns if not description]
    assert undescribed == []


@pytest.mark.parametrize("path", sorted(SQL_DIR.glob("*/*.sql")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sql_file_starts_with_a_header_comment(path):
    assert header_comment(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", mart_files(), ids=lambda p: p.stem)
def test_every_mart_creates_the_view_it_is_named_after_and_declares_its_grain(path):
    sql = path.read_text(encoding="utf-8")
    assert re.findall(r"create or replace view (\w+)", sql) == [path.stem]
    assert declared_grain(sql), f"{path.name} has no '-- Grain:' header line"


def test_column_comments_come_from_the_final_select_only():
    sql = """-- demo
create or replace view demo as
with counts as (
    select doc_id, count(*) as n  -- not an output column
    from t
)
select
    c.doc_id,
    c.n as n_rows,  -- rows per document
    '--' as dashes,  -- a '--' inside a string is not a comment
    coalesce(x, 0) as x  -- zero when missing
from counts as c;
"""
    assert header_comment(sql) == "demo"
    assert column_comments(sql) == {"n_rows": "Rows per document", "dashes": "A '--' inside a string is not a comment",
                                    "x": "Zero when missing"}
