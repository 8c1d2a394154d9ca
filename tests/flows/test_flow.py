"""The real Prefect flow against the session's Prefect server, on temporary directories."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

import pytest

from cityclips.warehouse.store import Warehouse
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def _table(out: Path, name: str):
    return ds.dataset(str(out / name), format="parquet").to_table()


@pytest.fixture(scope="module")
def seeded_run(prefect_api, tmp_path_factory):
    from cityclips.flows.flow import cityclips_flow
    inputs = tmp_path_factory.mktemp("inputs")
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, inputs / page.name)
    out = tmp_path_factory.mktemp("out")
    summary = cityclips_flow(inputs=[str(inputs)], out=str(out))
    return inputs, out, summary


def test_flow_writes_every_table_with_the_seed_values(seeded_run) -> None:
    _, out, summary = seeded_run
    documents = {row["source_path"]: row for row in _table(out, "documents").to_pylist()}
    assert len(documents) == 5 and summary.pages_processed == 5 and summary.pages_rejected == 0
    clip = documents["001_37b750b5778ba05a.txt"]
    assert (clip["published_at"], clip["view_count"], clip["author"]) == (datetime(2020, 1, 20, 14, 49), 75, "admin")
    assert documents["002_6995963b3d21e50e.txt"]["published_at"] == datetime(2019, 7, 9, 10, 45)
    assert documents["002_6995963b3d21e50e.txt"]["view_count"] == 32
    static = documents["003_658f5597a858413b.txt"]
    assert static["published_at"] is None and static["contact_phone"] == "+82-(0)62-613-2321"
    assert {d["language"] for d in documents.values()} == {"en"}
    attachments = _table(out, "attachments").to_pylist()
    assert [a["name"] for a in attachments] == ["1.jpg", "2.jpg", "3.jpg", "4.png"]
    rules = set(_table(out, "boilerplate").column("rule").to_pylist())
    assert {"skip_link", "menu", "metadata", "attachment", "button"} <= rules
    runs = _table(out, "runs").to_pylist()
    assert len(runs) == 1 and runs[0]["pages_processed"] == 5


def test_flow_builds_views_that_answer_the_base_query(seeded_run) -> None:
    _, out, _ = seeded_run
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        rows = con.execute("select title, published_at, view_count, language from articles "
                           "order by published_at nulls last").fetchall()
    assert [(r[1], r[2]) for r in rows] == [
        (datetime(2019, 7, 9, 10, 45), 32), (datetime(2019, 11, 5, 14, 46), 16), (datetime(2020, 1, 7, 13, 25), 57),
        (datetime(2020, 1, 20, 14, 49), 75), (None, None)]
    assert rows[-1][0] == "A Sacred Land of Democratization, Righteous City, Gwangju"


def test_rerun_skips_unchanged_pages_and_replaces_changed_ones(seeded_run, tmp_path) -> None:
    from cityclips.flows.flow import cityclips_flow
    inputs, out, _ = seeded_run
    before = sorted(_table(out, "segments").to_pylist(), key=lambda r: (r["doc_id"], r["seq"]))
    again = cityclips_flow(inputs=[str(inputs)], out=str(out))
    assert (again.pages_processed, again.pages_unchanged) == (0, 5)
    from cityclips.flows.flow import database_changes
    from cityclips.warehouse.incremental import Plan
    from cityclips.warehouse.models import build_database
    assert build_database(out, changes=database_changes(Warehouse(out), "none", Plan())).mode == "updated"
    assert sorted(_table(out, "segments").to_pylist(), key=lambda r: (r["doc_id"], r["seq"])) == before
    page = inputs / "004_3ce3e3594060d6b4.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added in a later scrape.\n", encoding="utf-8")
    (inputs / "000_b643e6c77853eb5d.txt").unlink()
    changed = cityclips_flow(inputs=[str(inputs)], out=str(out))
    # 000 was the only other page with the site slogan: its lines stop being template lines, so the
    # unchanged page 003 is reprocessed too, and template statistics stay exact.
    assert (changed.pages_processed, changed.pages_removed, changed.pages_reprocessed_for_templates) == (2, 1, 1)
    documents = _table(out, "documents").to_pylist()
    assert len(documents) == 4 and len({d["doc_id"] for d in documents}) == 4
    body = next(d["body_text"] for d in documents if d["source_path"] == page.name)
    assert "A sentence added in a later scrape." in body
    assert len(_table(out, "runs")) == 3


def _rows(out: Path, name: str, drop: tuple[str, ...] = ("processed_at", "run_id", "parse_ms")) -> list[dict]:
    """A table's rows without the columns that differ between two runs of the same input."""
    rows = [{k: v for k, v in r.items() if k not in drop} for r in _table(out, name).to_pylist()]
    return sorted(rows, key=lambda r: tuple(str(v) for v in r.values()))


def test_a_process_pool_gives_the_same_tables_as_one_process(prefect_api, tmp_path) -> None:
    """The pool's workers (fresh interpreters) write the same rows as one process does."""
    from cityclips.flows.flow import cityclips_flow
    inputs = [str(SEEDS)]
    one, pool = tmp_path / "one", tmp_path / "pool"
    cityclips_flow(inputs=inputs, out=str(one), batch_pages=2, engine="one-process")
    summary = cityclips_flow(inputs=inputs, out=str(pool), batch_pages=2, engine="processes", workers=2)
    assert summary.pages_processed == 5 and summary.runner == "process pool of 2"
    for table in ("documents", "segments", "attachments", "quotes", "boilerplate", "manifest"):
        assert _rows(pool, table) == _rows(one, table), table


def test_incremental_database_update_equals_a_full_rebuild(seeded_run, tmp_path) -> None:
    """After re-runs the database was updated in place, not rebuilt: it must equal a rebuild."""
    from cityclips.warehouse.models import build_database
    _, out, _ = seeded_run
    queries = ["select * from stg_documents order by doc_id", "select * from stg_segments order by doc_id, seq",
               "select * from list_items order by doc_id, seq", "select count(*) from stg_runs"]
    drop = {"processed_at", "run_id", "parse_ms"}

    def snapshot(path: Path) -> list:
        with duckdb.connect(str(path), read_only=True) as con:
            results = []
            for query in queries:
                cursor = con.execute(query)
                names = [d[0] for d in cursor.description]
                results.append([tuple(v for n, v in zip(names, row) if n not in drop) for row in cursor.fetchall()])
            return results

    updated = snapshot(out / "cityclips.duckdb")
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, symlinks=True)
    (copy / "cityclips.duckdb").unlink()
    build_database(copy)
    assert snapshot(copy / "cityclips.duckdb") == updated


def test_a_failing_batch_becomes_rejects_and_the_run_completes(prefect_api, tmp_path, monkeypatch) -> None:
    """A batch that raises on every attempt: its pages are batch_failed rejects, the others are documents,
    the warning names the pages, and the next run (once the cause is gone) processes them."""
    import cityclips.flows.stages as stages
    from cityclips.flows.flow import cityclips_flow
    from tests.flows.api_client import Api

    real, calls = stages.process_batch, []
    poisoned = "002_6995963b3d21e50e.txt"

    def flaky(items, *args):
        calls.append([i.source_path for i in items])
        if any(i.source_path == poisoned for i in items):
            raise OSError("disk went away")
        return real(items, *args)

    monkeypatch.setattr(stages, "process_batch", flaky)
    out = tmp_path / "out"
    summary = cityclips_flow(inputs=[str(SEEDS)], out=str(out), batch_pages=2, engine="one-process")
    failed_batch = ["002_6995963b3d21e50e.txt", "003_658f5597a858413b.txt"]
    assert calls.count(failed_batch) == 2  # tried twice
    rejects = {r["source_path"]: r for r in _table(out, "rejects").to_pylist()}
    assert set(rejects) == set(failed_batch)
    assert {r["reason"] for r in rejects.values()} == {"batch_failed"}
    assert "OSError: disk went away" in rejects[poisoned]["detail"]
    assert summary.pages_in_failed_batches == 2 and summary.batch.rejects_by_reason["batch_failed"] == 2
    documents = {d["source_path"] for d in _table(out, "documents").to_pylist()}
    assert documents == {"000_b643e6c77853eb5d.txt", "001_37b750b5778ba05a.txt", "004_3ce3e3594060d6b4.txt"}
    assert poisoned not in {m["source_path"] for m in _table(out, "manifest").to_pylist()}  # retried next run

    from prefect.logging.handlers import APILogHandler
    APILogHandler().flush()  # logs go to the API in batches every 2 s
    api = Api(prefect_api.url)
    [run] = [r for r in api.flow_runs() if r["parameters"].get("out") == str(out)]
    warnings = [log["message"] for log in api.logs(run["id"]) if log["level"] >= 30]
    assert any("batch 2 of 3 failed after 2 attempts (OSError: disk went away)" in w and poisoned in w
               for w in warnings), warnings

    monkeypatch.setattr(stages, "process_batch", real)
    again = cityclips_flow(inputs=[str(SEEDS)], out=str(out), batch_pages=2, engine="one-process")
    # the two pages, plus any unchanged page whose template lines the two pages' signatures changed
    assert (again.pages_processed - again.pages_reprocessed_for_templates, again.pages_rejected) == (2, 0)
    assert len(_table(out, "documents")) == 5 and len(_table(out, "rejects")) == 0


@pytest.fixture(scope="module")
def dask_cluster():
    """A real distributed scheduler with two worker processes on loopback, started (and stopped) here."""
    distributed = pytest.importorskip("distributed")
    import logging
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster


def test_dask_address_gives_the_same_tables_as_one_process(prefect_api, dask_cluster, tmp_path) -> None:
    from distributed import Client

    from cityclips.flows.flow import cityclips_flow
    inputs = [str(SEEDS)]
    one, dask = tmp_path / "one", tmp_path / "dask"
    cityclips_flow(inputs=inputs, out=str(one), engine="one-process")
    summary = cityclips_flow(inputs=inputs, out=str(dask), batch_pages=1, dask_address=dask_cluster.scheduler_address)
    assert summary.runner == f"Dask cluster at {dask_cluster.scheduler_address}"
    for table in ("documents", "segments", "attachments", "quotes", "boilerplate", "manifest"):
        assert _rows(dask, table) == _rows(one, table), table
    with Client(dask_cluster.scheduler_address) as client:
        processed_on = client.run(lambda: __import__("sys").modules.get("cityclips.transforms.pipeline") is not None)
        prefect_on = client.run(lambda: "prefect" in __import__("sys").modules)
    assert len(processed_on) == 2 and any(processed_on.values())  # the cluster ran the batches
    assert not any(prefect_on.values()), prefect_on  # and neither imported Prefect


def test_plain_parameters_reach_the_api_as_prefect_would_send_them_and_the_others_go_through_prefect() -> None:
    """The flow skips FastAPI's encoder (0.28 s to import) only where it would change nothing."""
    from prefect import Flow

    from cityclips.flows.flow import cityclips_flow
    plain = {"inputs": ["seeds", "더 많은/페이지"], "out": "data", "full": False, "batch_pages": 250,
             "max_page_mb": 20.0, "workers": None, "dask_address": None}
    assert cityclips_flow.serialize_parameters(plain) == Flow.serialize_parameters(cityclips_flow, plain)
    assert cityclips_flow.serialize_parameters({"inputs": ("a", "b")}) == {"inputs": ["a", "b"]}
    other = {"inputs": [Path("seeds")], "when": datetime(2026, 12, 2, 8, 0)}
    assert cityclips_flow.serialize_parameters(other) == Flow.serialize_parameters(cityclips_flow, other)
