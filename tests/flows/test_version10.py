"""A re-run after cityclips itself changed: the code fingerprint (flows/code_version.py) and runs whose
fingerprint differs from the one that made the pages' rows, in process and through `cityclips run`."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cityclips.flows import code_version
from cityclips.flows.code_version import code_fingerprint, source_files
from cityclips.transforms.pipeline import PageSettings
from cityclips.warehouse.store import Warehouse
from tests.conftest import ROOT, SEEDS
from tests.flows.test_cli_run import RUN_S

OLDER = "0.0.9:0123456789abcdef"  # what an older cityclips recorded
RUN_COLUMNS = ("processed_at", "run_id", "parse_ms")


def test_the_fingerprint_is_stable_and_names_the_version():
    settings = PageSettings()
    assert code_fingerprint(settings) == code_fingerprint(PageSettings())
    version, digest = code_fingerprint(settings, version="9.9.9").split(":")
    assert version == "9.9.9" and len(digest) == 16 and int(digest, 16) >= 0
    assert code_fingerprint(settings, version="9.9.9") != code_fingerprint(settings, version="9.9.10")


def test_the_extraction_options_change_the_fingerprint():
    base = code_fingerprint(PageSettings())
    assert code_fingerprint(PageSettings(max_page_bytes=PageSettings().max_page_bytes - 1)) != base
    assert code_fingerprint(PageSettings(base_url="https://www.gwangju.go.kr/")) != base


def test_every_extraction_module_is_hashed():
    names = {name for name, _ in source_files()}
    transforms = {f"cityclips.transforms/{p.name}" for p in (ROOT / "transforms").glob("*.py")}
    assert transforms <= names and "cityclips.transforms/clean.py" in names
    assert {"cityclips.warehouse.rows", "cityclips.warehouse.incremental", "cityclips.flows.inputs"} <= names
    assert all(path.exists() for _, path in source_files())


def test_an_edit_to_the_extraction_code_changes_the_fingerprint(monkeypatch, tmp_path):
    """Any byte of a hashed file counts (here a rule module's copy, edited)."""
    rule = tmp_path / "rules.py"
    rule.write_bytes((ROOT / "transforms" / "rules.py").read_bytes())
    monkeypatch.setattr(code_version, "source_files", lambda: [("cityclips.transforms/rules.py", rule)])
    code_version.source_digest.cache_clear()
    try:
        before = code_fingerprint(PageSettings())
        assert code_fingerprint(PageSettings()) == before  # read once, the same
        code_version.source_digest.cache_clear()
        rule.write_bytes(rule.read_bytes() + b"\nMIN_WORDS = 3  # a changed rule\n")
        assert code_fingerprint(PageSettings()) != before
    finally:
        code_version.source_digest.cache_clear()


def test_a_library_upgrade_changes_the_fingerprint(monkeypatch):
    code_version.source_digest.cache_clear()
    before = code_fingerprint(PageSettings())
    versions = code_version.library_versions()
    monkeypatch.setattr(code_version, "library_versions", lambda: {**versions, "lxml": "99.0"})
    code_version.source_digest.cache_clear()
    try:
        assert code_fingerprint(PageSettings()) != before
    finally:
        code_version.source_digest.cache_clear()


# --- whole runs ------------------------------------------------------------------------------------------

def _options(inputs: Path, out: Path, max_page_mb: float = 20.0):
    from cityclips.flows.steps import run_options
    return run_options([str(inputs)], str(out), False, 250, max_page_mb, "one-process", None, None, "test", False,
                       None, None)


def made_by_older_code(out: Path, code: str = OLDER) -> None:
    """Rewrite the current version's manifest as an older cityclips would have left it (new files: the
    parts are hard links shared with earlier versions)."""
    for part in Warehouse(out).table_files("manifest"):
        table = pq.read_table(part)
        index = table.column_names.index("code_fingerprint")
        table = table.set_column(index, "code_fingerprint", pa.array([code] * table.num_rows, pa.string()))
        pq.write_table(table, f"{part}.tmp")
        os.replace(f"{part}.tmp", part)


def _codes(out: Path) -> set[str | None]:
    return set(Warehouse(out).read_table("manifest").column("code_fingerprint").to_pylist())


def _rows(out: Path, table: str) -> list[dict]:
    rows = Warehouse(out).read_table(table).to_pylist()
    return sorted(({k: v for k, v in row.items() if k not in RUN_COLUMNS} for row in rows), key=repr)


@pytest.fixture
def seeds_run(tmp_path) -> tuple[Path, Path]:
    """The seeds run once through the stages without Prefect."""
    from cityclips.flows.steps import log_only_progress, run_steps
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)
    run_steps(_options(inputs, out), log_only_progress)
    return inputs, out


def test_a_run_after_the_code_changed_extracts_the_older_codes_pages_again(seeds_run, caplog):
    from cityclips.flows.steps import log_only_progress, nothing_to_do, run_steps
    from cityclips.flows.summary import render_summary
    inputs, out = seeds_run
    current = code_fingerprint(_options(inputs, out).settings)
    assert _codes(out) == {current}
    assert nothing_to_do(_options(inputs, out)) is not None  # the same code: nothing to do
    first_documents = _rows(out, "documents")
    made_by_older_code(out)
    assert nothing_to_do(_options(inputs, out)) is None  # the pages' bytes are the same, the code is not
    with caplog.at_level(logging.INFO, logger="cityclips.flows.stages"):
        summary = run_steps(_options(inputs, out), log_only_progress)
    assert (summary.pages_processed, summary.pages_unchanged, summary.pages_reprocessed_for_code) == (5, 0, 5)
    assert summary.other_code == {OLDER: 5} and summary.code_fingerprint == current
    assert "5 pages: 0 new or changed, 5 made by other code or options, 0 unchanged, 0 removed" in caplog.text
    assert f"5 unchanged pages were extracted by other code or options (5 by {OLDER}); this run's code is " \
           f"{current}: extracted again" in caplog.text
    text = render_summary(summary)
    assert "extracted again because other code or options made them: 5" in text
    assert f"- code: {current}; extracted again: 5 pages made by {OLDER}" in text
    assert _codes(out) == {current}  # the manifest says this code made them now
    assert _rows(out, "documents") == first_documents  # the same code made the same rows (run columns aside)
    again = run_steps(_options(inputs, out), log_only_progress)
    assert (again.pages_processed, again.pages_unchanged, again.pages_reprocessed_for_code) == (0, 5, 0)
    runs = Warehouse(out).read_table("runs").sort_by("started_at").to_pylist()
    assert [r["code_fingerprint"] for r in runs] == [current] * 3
    assert [r["pages_processed"] for r in runs] == [5, 5, 0]


def test_other_extraction_options_extract_every_page_again(seeds_run):
    from cityclips.flows.steps import log_only_progress, run_steps
    inputs, out = seeds_run
    summary = run_steps(_options(inputs, out, max_page_mb=19.0), log_only_progress)
    assert (summary.pages_processed, summary.pages_reprocessed_for_code) == (5, 5)
    assert summary.other_code == {code_fingerprint(_options(inputs, out).settings): 5}
    assert run_steps(_options(inputs, out, max_page_mb=19.0), log_only_progress).pages_processed == 0


@pytest.mark.slow
def test_cityclips_run_after_an_upgrade_extracts_again_and_says_so(prefect_server, cli, tmp_path):
    """Through the command and a Prefect flow run: a warehouse an older cityclips made is extracted again
    once (the log line and the summary say why), and the run after that skips every page."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)

    def run() -> subprocess.CompletedProcess:
        result = subprocess.run([*cli, "run", str(inputs), "--out", str(out)], env=prefect_server.env(), cwd=ROOT,
                                capture_output=True, text=True, timeout=RUN_S)
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    run()
    made_by_older_code(out)
    upgraded = run()
    assert "5 pages: 0 new or changed, 5 made by other code or options, 0 unchanged" in upgraded.stderr
    assert f"5 unchanged pages were extracted by other code or options (5 by {OLDER})" in upgraded.stderr
    assert "pages seen: 5; processed: 5; unchanged (skipped): 0" in upgraded.stdout
    assert "extracted again because other code or options made them: 5" in upgraded.stdout
    unchanged = run()
    assert "pages seen: 5; processed: 0; unchanged (skipped): 5" in unchanged.stdout
    assert "extracted again because other code or options made them: 0" in unchanged.stdout
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        runs = con.execute("select pages_processed, pages_unchanged, code_fingerprint from stg_runs "
                           "order by started_at").fetchall()
    assert [r[:2] for r in runs] == [(5, 0), (5, 0), (0, 5)] and len({r[2] for r in runs}) == 1 and runs[0][2]
