"""The database build completes the run's row: publish and models seconds and the real finish time,
in the database and in the published Parquet part (a new file: shared hard links stay as they were)."""
from __future__ import annotations

import json
import os

import duckdb
import pyarrow.parquet as pq

from tests.sql.sql_rows import PROCESSED_AT, RUN_ID, run, runs_table
from cityclips.warehouse.models import build_database, database_path
from cityclips.warehouse.runs import RunEnd
from cityclips.warehouse.store import Warehouse

FLOW_STAGES = {"discover": 0.1, "plan": 0.1, "templates": 0.5, "carry_over": 0.0, "process": 2.0, "publish": 0.3}


def _publish_run(out, counts: dict) -> None:
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("runs", runs_table(RUN_ID, counts_json=json.dumps(counts)), "p0-run")
        writer.publish()


def _stages(counts_json: str) -> dict:
    return json.loads(counts_json)["stage_seconds"]


def test_the_build_records_publish_models_and_the_finish(tmp_path):
    out = tmp_path / "out"
    flow_row = {k: v for k, v in FLOW_STAGES.items() if k != "publish"}  # what the row knew when published
    _publish_run(out, json.loads(run()["counts_json"]) | {"stage_seconds": flow_row})
    part = Warehouse(out).table_files("runs")[0]
    older = tmp_path / "older-version-link.parquet"
    os.link(part, older)  # as an older version of the warehouse holds the file it shares
    report = build_database(out, run_end=RunEnd(RUN_ID, FLOW_STAGES))
    assert report.failed == []
    with duckdb.connect(str(database_path(out)), read_only=True) as con:
        counts_json, finished_at = con.execute("select counts_json, finished_at from raw.runs").fetchone()
        stages = [stage for (stage,) in con.execute("select stage from run_stages order by position").fetchall()]
    recorded = _stages(counts_json)
    assert set(recorded) == {*FLOW_STAGES, "models"} and recorded["publish"] == 0.3 and 0 < recorded["models"] < 60
    assert finished_at > PROCESSED_AT and stages[-2:] == ["publish", "models"]
    published = Warehouse(out).read_table("runs").to_pylist()[0]
    assert _stages(published["counts_json"]) == recorded and published["finished_at"] == finished_at
    assert _stages(pq.read_table(older).to_pylist()[0]["counts_json"]) == flow_row  # the shared file is untouched


def test_a_build_without_a_run_leaves_the_runs_table_alone(tmp_path):
    out = tmp_path / "out"
    _publish_run(out, json.loads(run()["counts_json"]))
    before = Warehouse(out).read_table("runs").to_pylist()
    build_database(out)
    assert Warehouse(out).read_table("runs").to_pylist() == before
