"""The end of a run in the runs table: the stages after the Parquet publish (publish, models) and the
real finish time.

The flow writes its runs row before it publishes (the row is part of the version it publishes), so
that row cannot know how long publishing and building the database took. The database build
completes it: in the database being built (before it is renamed into place, so no reader is ever
locked out) and in the published Parquet part that holds the row (replaced by a new file, never
written in place: older versions hard-link the files they share).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from cityclips.warehouse.schemas import RUNS
from cityclips.warehouse.store import COMPRESSION, Warehouse

MODELS_STAGE = "models"


@dataclass(frozen=True)
class RunEnd:
    """What the flow knows when it starts building the database: its run and the stages so far."""

    run_id: str
    stage_seconds: dict[str, float] = field(default_factory=dict)  # publish included


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _completed(counts_json: str, stage_seconds: dict[str, float]) -> str:
    counts = json.loads(counts_json or "{}")
    counts["stage_seconds"] = {**counts.get("stage_seconds", {}), **stage_seconds}
    return json.dumps(counts, ensure_ascii=False, sort_keys=True)


def complete_run(con: duckdb.DuckDBPyConnection, warehouse: Warehouse, end: RunEnd, models_seconds: float) -> bool:
    """Record the run's last stages and finish time in raw.runs and in its Parquet part; False if no row."""
    stages = {**end.stage_seconds, MODELS_STAGE: round(models_seconds, 3)}
    finished_at = _utc_now()
    # fetchall, not fetchone: DuckDB 2.0 keeps a result open until it is fetched to the end (FACTS.md)
    rows = con.execute("select counts_json from raw.runs where run_id = ?", [end.run_id]).fetchall()
    if not rows:
        return False
    counts_json = _completed(rows[0][0], stages)
    con.execute("update raw.runs set counts_json = ?, finished_at = ? where run_id = ?",
                [counts_json, finished_at, end.run_id])
    for part in warehouse.table_files("runs"):
        table = pq.read_table(part)
        mask = pc.equal(table.column("run_id"), end.run_id)
        if not pc.any(mask).as_py():
            continue
        rows = table.to_pylist()
        for values in rows:
            if values["run_id"] == end.run_id:
                values.update(counts_json=counts_json, finished_at=finished_at)
        tmp = part.with_name(f".{part.name}.{os.getpid()}.tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=RUNS), tmp, compression=COMPRESSION)
        os.replace(tmp, part)
    return True
