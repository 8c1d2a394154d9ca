"""What an update of the database redoes: the models and data tests a changed table reaches, and nothing
else while the models' definitions are the ones the database was built from."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from cityclips.warehouse.affected import affected_by, definitions_fingerprint, tables_read
from cityclips.warehouse.checks import DataTest
from cityclips.warehouse.lineage import Model
from cityclips.warehouse.models import SQL_DIR, DatabaseChanges, build_database, data_tests, marts
from cityclips.warehouse.schemas import TABLES
from tests.conftest import SEEDS


def _model(name: str, sql: str) -> Model:
    from cityclips.warehouse.lineage import references
    return Model(name, sql, frozenset(references(sql)))


def test_tables_read_follow_marts_to_the_raw_tables_and_ignore_columns_after_from():
    marts = {"people": _model("people", "create or replace view people as select * from stg_quotes"),
             "speakers": _model("speakers", "create or replace view speakers as select * from people p "
                                            "join stg_documents d using (doc_id)")}
    assert tables_read(["speakers"], marts, TABLES) == {"quotes", "documents"}
    assert tables_read(["stg_runs", "f.n"], marts, TABLES) == {"runs"}  # 'is distinct from f.n' is a column
    assert tables_read(["main.people"], marts, TABLES) == {"quotes"}
    assert tables_read(["nothing_we_know"], marts, TABLES) is None  # unknown: counts as reading everything
    assert tables_read([], marts, TABLES) is None


def test_only_what_reads_a_changed_table_is_redone():
    view = _model("runs_view", "create or replace view runs_view as select * from stg_runs")
    table = _model("quote_table", "-- quote_table\n-- Materialized: table.\n"
                                  "create or replace view quote_table as select * from stg_quotes")
    tests = [DataTest("on runs", "select * from runs_view where run_id is null", "", "sql"),
             DataTest("on quotes", "select * from quote_table where doc_id is null", "", "sql"),
             DataTest("unknown", "select 1 where false", "", "sql")]
    runs_only = affected_by(frozenset({"runs"}), [view, table], tests, TABLES)
    assert runs_only.models == frozenset() and runs_only.tests == {"on runs", "unknown"}
    quotes = affected_by(frozenset({"quotes"}), [view, table], tests, TABLES)
    assert quotes.models == {"quote_table"} and quotes.tests == {"on quotes", "unknown"}


def test_the_fingerprint_changes_with_any_mart_test_or_column():
    models, tests = marts(SQL_DIR), data_tests(SQL_DIR)
    base = definitions_fingerprint(models, tests, TABLES)
    assert definitions_fingerprint(list(reversed(models)), tests, TABLES) == base  # order of files: same
    edited = [Model(m.name, m.sql + "\n-- edited", m.depends_on) if i == 0 else m for i, m in enumerate(models)]
    assert definitions_fingerprint(edited, tests, TABLES) != base
    assert definitions_fingerprint(models, tests[1:], TABLES) != base
    fewer = {name: schema.remove(0) if name == "links" else schema for name, schema in TABLES.items()}
    assert definitions_fingerprint(models, tests, fewer) != base


@pytest.fixture
def published(tmp_path) -> Path:
    """The seeds run through the stages without Prefect (flows/steps.py), database built."""
    from cityclips.flows.steps import log_only_progress, run_options, run_steps
    inputs = tmp_path / "inputs"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    run_steps(run_options([str(inputs)], str(out), False, 250, 20.0, "one-process", None, None, "test", False,
                          None, None), log_only_progress)
    return out


def test_an_update_that_changed_no_table_runs_no_data_test_and_carries_every_result(published):
    con = duckdb.connect(str(published / "cityclips.duckdb"), read_only=True)
    before = {name: failing for name, failing in con.execute(
        "select name, failing_rows from cityclips_meta.data_tests").fetchall()}
    con.close()
    assert len(before) == len(data_tests(SQL_DIR))
    report = build_database(published, changes=DatabaseChanges(frozenset(), frozenset(), frozenset()))
    assert report.mode == "updated" and report.rerun_tests == 0
    assert {t.name: t.failing_rows for t in report.tests} == before


def test_a_carried_failure_is_still_reported_and_new_definitions_rerun_everything(published, tmp_path):
    con = duckdb.connect(str(published / "cityclips.duckdb"))
    con.execute("update cityclips_meta.data_tests set failing_rows = 3 where name = 'not_null documents.doc_id'")
    con.close()
    changes = DatabaseChanges(frozenset(), frozenset(), frozenset())
    report = build_database(published, changes=changes)
    assert [t.name for t in report.failed] == ["not_null documents.doc_id"]  # carried: nothing it reads changed
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    extra = sql / "tests" / "documents_have_a_title_or_not.sql"
    extra.write_text("-- a test the previous build did not have\nselect doc_id from stg_documents where false\n")
    report = build_database(published, sql_dir=sql, changes=changes)
    assert report.mode == "updated" and report.rerun_tests == len(report.tests) and not report.failed


def test_an_unchanged_rerun_through_the_stages_reruns_the_runs_tests_only_and_records_the_run(published,
                                                                                             monkeypatch):
    import cityclips.flows.stages as stages
    from cityclips.flows.steps import log_only_progress, run_options, run_steps
    reports = []

    def build(*args, **kwargs):
        reports.append(build_database(*args, **kwargs))
        return reports[-1]

    monkeypatch.setattr(stages, "build_database", build)
    summary = run_steps(run_options([str(published.parent / "inputs")], str(published), False, 250, 20.0,
                                    "one-process", None, None, "test", False, None, None), log_only_progress)
    assert (summary.pages_processed, summary.pages_unchanged, summary.data_tests_failed) == (0, 5, [])
    tests_on_runs = affected_by(frozenset({"runs"}), marts(SQL_DIR), data_tests(SQL_DIR), TABLES).tests
    [report] = reports
    assert report.mode == "updated" and report.rerun_tests == len(tests_on_runs) < len(report.tests) / 2
    with duckdb.connect(str(published / "cityclips.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from runs").fetchall() == [(2,)]
        assert con.execute("select count(*) from stg_documents").fetchall() == [(5,)]
